"""Small helpers shared by every app's tests."""

from urllib.parse import quote

from django.db import connection
from rest_framework.test import APIClient

from oversight.core.services import api_token_create


def date_fields(name, value):
    """A date as the GOV.UK date input posts it: day, month and year boxes."""
    return {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}


def token_client(user):
    """An API client authenticated with a fresh knox token of the user."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    return client


def pagination_link(content: str, rel: str) -> str:
    """The query string of a list page's pagination link: rel "next"/"prev", or "First page" /
    "Last page" by its label."""
    import re

    pattern = (
        rf'href="\?([^"]*)" rel="{rel}"'
        if rel in {"next", "prev"}
        else rf'href="\?([^"]*)" aria-label="{rel}"'
    )
    match = re.search(pattern, content)
    assert match, f"no {rel} link"
    return "?" + match.group(1).replace("&amp;", "&")


def database_url(name: str | None = None) -> str:
    """The test database (or another on its server), as DATABASE_URL names it, for a
    command run in another process."""
    db = connection.settings_dict
    user = quote(db["USER"], safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = quote(db["HOST"] or "127.0.0.1", safe="")
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{name or db['NAME']}"
