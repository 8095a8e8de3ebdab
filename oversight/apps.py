from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self):
        # Registers the permission rules with django-rules.
        from oversight.core import permissions  # noqa: F401
