"""Pages of the core app: the home page after signing in ("Your work" for staff)."""

from django.contrib.auth.decorators import login_required

from oversight.work.views import WorkView

home = login_required(WorkView.as_view())
