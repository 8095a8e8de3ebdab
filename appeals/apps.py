from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = "Appeals and reviews"

    def ready(self):
        # Registers the app's permissions with django-rules.
        from appeals import permissions  # noqa: F401
