"""The Celery application. With no broker configured, tasks run in-process (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")

app = Celery("oversight")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The figures' tasks (performance) and the reminders (work) belong to the roof, whose packages
# are not installed apps of their own.
app.autodiscover_tasks(["oversight.performance", "oversight.work"])
