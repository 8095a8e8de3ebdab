"""The casework pages of a kind of case record, beside its own pages (record_pages)."""

from collections.abc import Callable

from django.urls import URLPattern, path

from oversight.core.casework import views


def casework_pages(noun: str, lookup: Callable) -> list[URLPattern]:
    """Add, change and remove a person and log a contact, at <reference>/parties/new/,
    <reference>/parties/<id>/edit/ and remove/, and <reference>/contacts/new/, named
    <noun>-party-add, <noun>-party-edit, <noun>-party-remove and <noun>-contact-add."""
    pages = [
        ("parties/new", views.PartyAddView, "party-add"),
        ("parties/<int:party_id>/edit", views.PartyEditView, "party-edit"),
        ("parties/<int:party_id>/remove", views.PartyRemoveView, "party-remove"),
        ("contacts/new", views.ContactCreateView, "contact-add"),
    ]
    return [
        path(f"<str:reference>/{route}/", view.as_view(lookup=lookup), name=f"{noun}-{name}")
        for route, view, name in pages
    ]
