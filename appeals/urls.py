"""Pages of the appeals app, mounted by oversight/urls.py."""

app_name = "appeals"

urlpatterns: list = []
