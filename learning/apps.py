from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning recommendations"

    def ready(self):
        # Registers the app's permissions with django-rules.
        from learning import permissions  # noqa: F401
