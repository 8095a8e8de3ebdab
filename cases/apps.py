from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases"

    def ready(self):
        # Registers the app's permissions with django-rules.
        from cases import permissions  # noqa: F401
