"""The pages of a kind of case record, at the paths every area shares."""

from collections.abc import Mapping

from django.urls import URLPattern, path
from django.views import View


def record_pages(
    noun: str,
    *,
    list: type[View],  # noqa: A002 (the page's name)
    detail: type[View],
    export: type[View] | None = None,
    create: type[View] | None = None,
    steps: Mapping[str, type[View] | tuple[str, type[View]]] = {},  # noqa: B006 (read only)
) -> list[URLPattern]:
    """The list at "", its CSV at export.csv, a new record at new/, the record at
    <reference>/ and each step on it at <reference>/<step>/ (or the path given with the view),
    named <noun>-list, <noun>-export, <noun>-create, <noun>-detail and <noun>-<step>."""
    pages = [path("", list.as_view(), name=f"{noun}-list")]
    if export is not None:
        pages.append(path("export.csv", export.as_view(), name=f"{noun}-export"))
    if create is not None:
        pages.append(path("new/", create.as_view(), name=f"{noun}-create"))
    pages.append(path("<str:reference>/", detail.as_view(), name=f"{noun}-detail"))
    for step, view in steps.items():
        route, view = view if isinstance(view, tuple) else (step, view)
        pages.append(path(f"<str:reference>/{route}/", view.as_view(), name=f"{noun}-{step}"))
    return pages
