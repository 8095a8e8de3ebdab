"""Case notes on the four kinds of record (referral, investigation, application,
recommendation): the shared service, the Notes section and "Add a note", the history, the API,
and that a force liaison never sees a note nor reaches a route of them."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, InternalError, transaction
from django.urls import reverse

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from learning.tests.factories import IssuedRecommendationFactory
from oversight.core.history import NOTE_ADDED_LABEL, history_of
from oversight.core.notes.models import NOTE_MAX_LENGTH, CaseNote
from oversight.core.notes.selectors import notes_of
from oversight.core.notes.services import (
    NOTE_ADDED,
    NOTE_REQUIRED,
    NOTE_STAFF_ONLY,
    NOTE_TOO_LONG,
    note_add,
)
from oversight.tests.factories import CaseworkerFactory, LiaisonFactory, ManagerFactory
from oversight.tests.helpers import token_client as api_as

pytestmark = pytest.mark.django_db

TODAY = dt.date(2024, 6, 3)

KINDS = {
    "referral": (ReferralFactory, "cases:referral", "/api/v1/referrals/"),
    "investigation": (
        InvestigationFactory,
        "investigations:investigation",
        "/api/v1/investigations/",
    ),
    "application": (ApplicationFactory, "appeals:application", "/api/v1/applications/"),
    "recommendation": (
        IssuedRecommendationFactory,
        "learning:recommendation",
        "/api/v1/recommendations/",
    ),
}
ALL = pytest.mark.parametrize("kind", list(KINDS))


@pytest.fixture(autouse=True)
def at_noon_on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=True):
        yield


def make(kind, herts):
    factory = KINDS[kind][0]
    if kind == "recommendation":
        return factory(recipient=herts)
    if kind in ("referral", "application"):
        return factory(organisation=herts)
    return factory(referral__organisation=herts)


def url(kind, page, record):
    return reverse(f"{KINDS[kind][1]}-{page}", args=[record.reference])


def notes_api(kind, record):
    return f"{KINDS[kind][2]}{record.reference}/notes/"


@pytest.fixture
def casey(db):
    return CaseworkerFactory(username="casey.worker", first_name="Casey", last_name="Worker")


@pytest.fixture
def manny(db):
    return ManagerFactory(username="manny.manager", first_name="Manny", last_name="Manager")


# The service -------------------------------------------------------------------------------


@ALL
def test_a_note_is_added_trimmed_and_attributed_to_its_author(kind, herts, casey):
    record = make(kind, herts)
    version = record.version
    note = note_add(actor=casey, record=record, text="  Called the PSD.\n", today=TODAY)
    assert (note.text, note.author, getattr(note, kind)) == ("Called the PSD.", casey, record)
    assert list(notes_of(record=record)) == [note]
    record.refresh_from_db()
    assert record.version == version  # a note is not a change to the record


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_an_empty_note_is_refused_and_nothing_is_written(text, herts, casey):
    with pytest.raises(ValidationError) as raised:
        note_add(actor=casey, record=make("referral", herts), text=text, today=TODAY)
    assert raised.value.message_dict == {"text": [NOTE_REQUIRED]}
    assert not CaseNote.objects.exists()


def test_a_note_longer_than_the_limit_is_refused(herts, casey):
    record = make("referral", herts)
    note_add(actor=casey, record=record, text="x" * NOTE_MAX_LENGTH, today=TODAY)
    with pytest.raises(ValidationError) as raised:
        note_add(actor=casey, record=record, text="x" * (NOTE_MAX_LENGTH + 1), today=TODAY)
    assert raised.value.message_dict == {"text": [NOTE_TOO_LONG]}


def test_only_casework_staff_add_notes(herts):
    record = make("recommendation", herts)
    with pytest.raises(ValidationError) as raised:
        note_add(actor=LiaisonFactory(organisation=herts), record=record, text="Hi", today=TODAY)
    assert raised.value.messages == [NOTE_STAFF_ONLY]


def test_a_note_is_on_exactly_one_record(herts, casey):
    referral, application = make("referral", herts), make("application", herts)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseNote.objects.create(referral=referral, application=application, text="x", author=casey)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseNote.objects.create(text="x", author=casey)


def test_a_note_is_never_changed_or_removed(herts, casey):
    note = note_add(actor=casey, record=make("referral", herts), text="Kept", today=TODAY)
    with pytest.raises(InternalError), transaction.atomic():
        CaseNote.objects.filter(pk=note.pk).update(text="Changed")
    with pytest.raises(InternalError), transaction.atomic():
        CaseNote.objects.filter(pk=note.pk).delete()


@ALL
def test_the_history_says_note_added_by_its_author(kind, herts, casey):
    record = make(kind, herts)
    note_add(actor=casey, record=record, text="Spoke to the family.", today=TODAY)
    entry = history_of(record, type(record))[-1]
    assert (entry.who, entry.what) == ("Casey Worker", NOTE_ADDED_LABEL)
    assert [(c.field, c.new) for c in entry.changes] == [("Text", "Spoke to the family.")]


# The pages ---------------------------------------------------------------------------------


@ALL
def test_the_notes_section_starts_empty_and_offers_add_a_note(kind, client_as, herts, casey):
    record = make(kind, herts)
    html = client_as(casey).get(record.get_absolute_url()).content.decode()
    assert 'id="notes"' in html
    assert "No notes yet." in html
    assert f'href="{url(kind, "note", record)}"' in html


@ALL
def test_add_a_note_shows_it_newest_first_and_in_the_history(kind, client_as, herts, casey, manny):
    record = make(kind, herts)
    note_add(actor=manny, record=record, text="Older note", today=TODAY)
    client = client_as(casey)
    assert client.get(url(kind, "note", record)).status_code == 200
    response = client.post(url(kind, "note", record), {"text": "Line one\nLine two"}, follow=True)
    html = response.content.decode()
    assert NOTE_ADDED.format(reference=record.reference) in html
    notes = html[html.index('id="notes"') : html.index('id="history"')]
    assert "Line one<br>Line two" in notes
    assert notes.index("Casey Worker") < notes.index("Line one") < notes.index("Manny Manager")
    assert notes.index("Manny Manager") < notes.index("Older note")
    history = html[html.index('id="history"') :]
    assert NOTE_ADDED_LABEL in history
    assert "Casey Worker" in history


@ALL
def test_an_empty_note_is_shown_the_error_on_the_form(kind, client_as, herts, casey):
    record = make(kind, herts)
    response = client_as(casey).post(url(kind, "note", record), {"text": "  "})
    assert response.status_code == 200
    assert NOTE_REQUIRED in response.content.decode()
    assert not CaseNote.objects.exists()


@ALL
def test_a_liaison_gets_404_on_the_add_a_note_route(kind, client_as, herts, casey):
    record = make(kind, herts)
    client = client_as(LiaisonFactory(organisation=herts))
    assert client.get(url(kind, "note", record)).status_code == 404
    assert client.post(url(kind, "note", record), {"text": "Hello"}).status_code == 404
    assert not CaseNote.objects.exists()


def test_a_liaison_sees_no_notes_on_the_recommendation_page(client_as, herts, casey):
    record = make("recommendation", herts)
    note_add(actor=casey, record=record, text="Internal: chase the chief constable", today=TODAY)
    response = client_as(LiaisonFactory(organisation=herts)).get(record.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "chase the chief constable" not in html
    assert 'id="notes"' not in html
    assert "Add a note" not in html


# The API -----------------------------------------------------------------------------------


@ALL
def test_staff_add_and_list_notes_over_the_api(kind, herts, casey, manny):
    record = make(kind, herts)
    note_add(actor=manny, record=record, text="First", today=TODAY)
    client = api_as(casey)
    created = client.post(notes_api(kind, record), {"text": " Second "}, format="json")
    assert created.status_code == 201
    assert set(created.json()) == {"id", "text", "author", "created_at"}
    assert (created.json()["text"], created.json()["author"]) == ("Second", "casey.worker")
    listed = client.get(notes_api(kind, record))
    assert listed.status_code == 200
    assert [(n["text"], n["author"]) for n in listed.json()] == [
        ("Second", "casey.worker"),
        ("First", "manny.manager"),
    ]


@ALL
def test_an_empty_note_over_the_api_is_400_with_the_field_error(kind, herts, casey):
    record = make(kind, herts)
    response = api_as(casey).post(notes_api(kind, record), {"text": "   "}, format="json")
    assert response.status_code == 400
    assert response.json()["text"] == [NOTE_REQUIRED]
    assert api_as(casey).post(notes_api(kind, record), {}, format="json").status_code == 400
    assert not CaseNote.objects.exists()


@ALL
def test_a_liaison_gets_404_on_the_notes_endpoint(kind, herts, casey):
    record = make(kind, herts)
    note_add(actor=casey, record=record, text="Internal", today=TODAY)
    client = api_as(LiaisonFactory(organisation=herts))
    assert client.get(notes_api(kind, record)).status_code == 404
    assert client.post(notes_api(kind, record), {"text": "x"}, format="json").status_code == 404
    assert CaseNote.objects.count() == 1


def test_the_liaison_representation_of_a_recommendation_has_no_notes(herts, casey):
    record = make("recommendation", herts)
    note_add(actor=casey, record=record, text="Internal: chase the chief constable", today=TODAY)
    client = api_as(LiaisonFactory(organisation=herts))
    detail = client.get(f"/api/v1/recommendations/{record.reference}/")
    listing = client.get("/api/v1/recommendations/")
    assert detail.status_code == listing.status_code == 200
    assert "chase the chief constable" not in detail.content.decode() + listing.content.decode()
    assert "notes" not in detail.json()


def test_the_openapi_schema_describes_the_notes_endpoints(client, casey):
    client.force_login(casey)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for records in ("referrals", "investigations", "applications", "recommendations"):
        operations = schema["paths"][f"/api/v1/{records}/{{reference}}/notes/"]
        assert set(operations) >= {"get", "post"}
        assert "201" in operations["post"]["responses"]
        assert "400" in operations["post"]["responses"]
