from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self):
        # Registers the deployment checks, and the performance pages' permissions with
        # django-rules; connects the sign-in's session bookkeeping to user_logged_in.
        from oversight.core import checks  # noqa: F401
        from oversight.core.signin import session  # noqa: F401
        from oversight.performance import permissions  # noqa: F401
