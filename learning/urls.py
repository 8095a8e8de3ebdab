"""Pages of the learning app, mounted by oversight/urls.py."""

app_name = "learning"

urlpatterns: list = []
