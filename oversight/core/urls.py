"""The pages of a kind of case record, at the paths and names every area shares."""

from collections.abc import Sequence
from types import ModuleType

from django.urls import URLPattern, path


def record_pages(
    noun: str,
    views: ModuleType,
    *,
    steps: Sequence[str | tuple[str, str]] = (),
    create: bool = True,
) -> list[URLPattern]:
    """The list at "", its CSV at export.csv, a new record at new/ (unless create is False),
    the record at <reference>/ and each step on it at <reference>/<step>/ (or the path given
    as (step, path)), named <noun>-list, <noun>-export, <noun>-create, <noun>-detail and
    <noun>-<step>. The views are those of `views` named after the noun: ApplicationListView,
    ApplicationExportView, ApplicationCreateView, ApplicationDetailView, ApplicationEditView."""

    def view(name: str):
        return getattr(views, f"{noun.title()}{name.title()}View").as_view()

    pages = [
        path("", view("list"), name=f"{noun}-list"),
        path("export.csv", view("export"), name=f"{noun}-export"),
    ]
    if create:
        pages.append(path("new/", view("create"), name=f"{noun}-create"))
    pages.append(path("<str:reference>/", view("detail"), name=f"{noun}-detail"))
    for step in steps:
        name, route = step if isinstance(step, tuple) else (step, step)
        pages.append(path(f"<str:reference>/{route}/", view(name), name=f"{noun}-{name}"))
    return pages
