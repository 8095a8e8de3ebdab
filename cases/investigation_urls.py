"""Investigation pages, mounted at /investigations/ by oversight/urls.py."""

app_name = "investigations"

urlpatterns: list = []
