from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self):
        # Registers the performance pages' permissions with django-rules.
        from oversight.performance import permissions  # noqa: F401
