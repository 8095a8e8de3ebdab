from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self):
        # Registers the performance pages' permissions with django-rules.
        # Connects the sign-in's session bookkeeping to Django's user_logged_in signal.
        from oversight.core.signin import session  # noqa: F401
        from oversight.performance import permissions  # noqa: F401
