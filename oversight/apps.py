from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self):
        # Registers the deployment checks, and the performance pages' permissions with
        # django-rules.
        from oversight.core import checks  # noqa: F401
        from oversight.performance import permissions  # noqa: F401
