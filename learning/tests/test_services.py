import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from appeals.models import Application
from cases.models import Investigation
from learning import selectors, services
from learning.models import (
    PlannedAction,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    ResponseExtension,
)
from learning.services import messages
from learning.tests.factories import (
    IssuedRecommendationFactory,
    OverdueRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)
from oversight.core.errors import ConflictError

D = dt.date
pytestmark = pytest.mark.django_db


def create(actor, today, **overrides):
    data = {
        "actor": actor,
        "source_kind": "investigation",
        "source_reference": "INV-2022-000045",
        "today": today,
    }
    return services.recommendation_create(**{**data, **overrides})


def complete(herts):
    return {
        "recipient": herts,
        "theme": themed("Custody"),
        "type": "training",
        "text": "Train custody officers to carry out rousing checks.",
        "is_statutory": True,
    }


def respond(recommendation, actor, today, **overrides):
    data = {
        "actor": actor,
        "recommendation": recommendation,
        "status": "accepted",
        "response": "We accept it.",
        "received_via": "api",
        "today": today,
    }
    return services.recommendation_respond(**{**data, **overrides})


def test_a_draft_needs_only_its_source_and_gets_a_reference(caseworker, today):
    draft = create(caseworker, today)
    assert draft.reference == "REC-2024-000001"
    assert draft.status == RecommendationStatus.DRAFT
    assert (draft.recipient, draft.issued_on, draft.response_due_on) == (None, None, None)
    assert draft.created_by == caseworker
    assert create(caseworker, today, source_kind="thematic", source_reference="").reference == (
        "REC-2024-000002"
    )


def test_issued_at_once_is_due_55_days_after_today(caseworker, herts, today):
    recommendation = create(caseworker, today, status="issued", **complete(herts))
    assert recommendation.status == RecommendationStatus.ISSUED
    assert recommendation.issued_on == today == D(2024, 6, 3)
    assert recommendation.response_due_on == D(2024, 7, 28)


def test_issued_with_an_earlier_date(caseworker, herts, today):
    recommendation = create(
        caseworker, today, status="issued", issued_on=D(2023, 12, 20), **complete(herts)
    )
    assert recommendation.reference == "REC-2023-000001"  # the year of issue
    assert recommendation.response_due_on == D(2024, 2, 13)


def test_a_non_statutory_recommendation_has_no_due_date(caseworker, herts, today):
    recommendation = create(
        caseworker, today, status="issued", **{**complete(herts), "is_statutory": False}
    )
    assert recommendation.response_due_on is None


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("recipient", messages.RECIPIENT_REQUIRED),
        ("theme", messages.THEME_REQUIRED),
        ("type", messages.TYPE_REQUIRED),
        ("text", messages.TEXT_REQUIRED),
    ],
)
def test_cannot_issue_without_recipient_theme_type_and_text(
    caseworker, herts, today, missing, message
):
    fields = {**complete(herts), missing: None if missing in ("recipient", "theme") else "  "}
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, status="issued", **fields)
    assert error.value.message_dict[missing] == [message]
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize(
    ("kind", "reference", "message"),
    [
        ("investigation", "", "Enter the reference of the investigation"),
        ("investigation", "APP-2022-000001", "Enter the investigation's reference"),
        ("application", "INV-2022-000001", "Enter the appeal or review's reference"),
        ("application", "REV-24-1", "Enter the appeal or review's reference"),
        ("thematic", "INV-2022-000001", messages.THEMATIC_HAS_NO_REFERENCE),
        ("nonsense", "", messages.SOURCE_KIND_INVALID),
    ],
)
def test_the_source_reference_is_checked_against_its_kind(
    caseworker, today, kind, reference, message
):
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, source_kind=kind, source_reference=reference)
    assert message in " ".join(error.value.messages)
    assert not Recommendation.objects.exists()


def test_a_lower_case_source_reference_is_normalised(caseworker, today):
    draft = create(
        caseworker, today, source_kind="application", source_reference=" rev-2022-000067"
    )
    assert draft.source == "REV-2022-000067"


def test_only_draft_or_issued_on_creation(caseworker, herts, today):
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, status="accepted", **complete(herts))
    assert error.value.message_dict["status"] == [messages.STATUS_ON_CREATE]


def test_cannot_be_issued_in_the_future(caseworker, herts, today):
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, status="issued", issued_on=D(2024, 6, 4), **complete(herts))
    assert error.value.message_dict["issued_on"] == [messages.ISSUED_IN_FUTURE]


def test_issue_a_complete_draft(caseworker, manager, herts, today):
    draft = create(caseworker, today, **complete(herts))
    issued = services.recommendation_issue(
        actor=manager, recommendation=draft, today=today, version=draft.version
    )
    assert (issued.status, issued.issued_on, issued.response_due_on) == (
        "issued",
        today,
        D(2024, 7, 28),
    )
    assert issued.updated_by == manager
    with pytest.raises(ValidationError, match="Only a draft can be changed or issued"):
        services.recommendation_issue(actor=manager, recommendation=issued, today=today)


def test_issuing_an_incomplete_draft_lists_what_is_missing(caseworker, today):
    draft = create(caseworker, today, theme=themed("Custody"))
    with pytest.raises(ValidationError) as error:
        services.recommendation_issue(actor=caseworker, recommendation=draft, today=today)
    assert set(error.value.message_dict) == {"recipient", "type", "text"}
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_edit_a_draft_with_its_version(caseworker, herts, today):
    draft = create(caseworker, today)
    mental_health = themed("Mental health")
    updated = services.recommendation_update(
        actor=caseworker, recommendation=draft, version=1, theme=mental_health, recipient=herts
    )
    assert (updated.theme, updated.recipient, updated.version) == (mental_health, herts, 2)
    with pytest.raises(ConflictError):
        services.recommendation_update(
            actor=caseworker, recommendation=draft, version=1, theme=themed("Other")
        )
    draft.refresh_from_db()
    assert draft.theme == mental_health


def test_a_theme_must_be_an_active_thematic_area(caseworker, herts, today):
    retired = themed("Vehicle pursuits", is_active=False)
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, **{**complete(herts), "theme": retired})
    assert error.value.message_dict == {"theme": [messages.THEME_NOT_LISTED]}
    draft = create(caseworker, today)
    with pytest.raises(ValidationError) as error:
        services.recommendation_update(
            actor=caseworker, recommendation=draft, version=1, theme=retired
        )
    assert error.value.message_dict == {"theme": [messages.THEME_NOT_LISTED]}
    assert Recommendation.objects.get().theme is None


def test_a_theme_retired_after_it_was_chosen_stays_and_the_draft_can_be_issued(
    caseworker, herts, today
):
    theme = themed("Vehicle pursuits")
    draft = create(caseworker, today, **{**complete(herts), "theme": theme})
    theme.is_active = False
    theme.save()
    edited = services.recommendation_update(
        actor=caseworker, recommendation=draft, version=1, theme=theme, text="Revised text."
    )
    issued = services.recommendation_issue(
        actor=caseworker, recommendation=edited, today=today, version=edited.version
    )
    assert (issued.status, issued.theme, issued.text) == ("issued", theme, "Revised text.")


def test_an_issued_recommendation_cannot_be_edited(caseworker):
    issued = IssuedRecommendationFactory()
    with pytest.raises(ValidationError, match="Only a draft"):
        services.recommendation_update(
            actor=caseworker, recommendation=issued, version=issued.version, theme=themed("Other")
        )


def test_respond_records_the_answer_and_its_planned_actions(liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(
        recommendation,
        liaison,
        today,
        status="partially_accepted",
        planned_actions=[
            {"description": "Review the custody policy", "due_on": D(2024, 9, 30)},
            {"description": "Brief sergeants", "due_on": None},
        ],
    )
    recommendation.refresh_from_db()
    assert recommendation.status == "partially_accepted"
    assert recommendation.responded_on == today
    assert recommendation.response == "We accept it."
    assert answer.publish_by == D(2024, 6, 23)  # 21 days beginning with receipt (28B(5))
    assert answer.submitted_by == liaison
    assert [a.description for a in answer.actions.all()] == [
        "Review the custody policy",
        "Brief sergeants",
    ]


def test_responding_again_after_a_final_response_is_refused_and_writes_nothing(liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    respond(recommendation, liaison, today)
    with pytest.raises(ValidationError) as error:
        respond(recommendation, liaison, today, status="not_accepted")
    assert error.value.messages == [
        messages.ALREADY_FINAL.format(reference=recommendation.reference, responded="3 June 2024")
    ]
    assert RecommendationResponse.objects.count() == 1
    recommendation.refresh_from_db()
    assert recommendation.status == "accepted"


def test_an_interim_response_can_be_followed_by_the_final_one(liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    respond(recommendation, liaison, D(2024, 6, 1), is_final=False, responded_on=D(2024, 6, 1))
    respond(recommendation, liaison, today, status="not_accepted", response="On reflection, no.")
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.responded_on) == ("not_accepted", today)
    assert recommendation.response == "On reflection, no."
    assert recommendation.responses.count() == 2
    assert recommendation.current_response.text == "On reflection, no."


def test_a_liaison_cannot_backdate_its_response_to_clear_the_overdue_flag(liaison, today):
    """Issue 14 item 6: an overdue recommendation stays overdue, and unanswered, when the
    recipient dates its response before the due day; nothing is written."""
    recommendation = OverdueRecommendationFactory(recipient=liaison.organisation)
    with pytest.raises(ValidationError) as error:
        respond(recommendation, liaison, today, responded_on=recommendation.response_due_on)
    assert error.value.message_dict == {
        "responded_on": [messages.RESPONDED_ONLY_TODAY.format(today="3 June 2024")]
    }
    recommendation.refresh_from_db()
    assert recommendation.is_overdue(today)
    assert not RecommendationResponse.objects.exists()


def test_staff_record_an_earlier_receipt_of_a_letter_only_with_a_reason(caseworker, today):
    recommendation = OverdueRecommendationFactory()
    letter = {"responded_on": recommendation.response_due_on, "received_via": "paper"}
    with pytest.raises(ValidationError) as error:
        respond(recommendation, caseworker, today, **letter)
    assert error.value.message_dict == {"receipt_reason": [messages.RECEIPT_REASON_REQUIRED]}
    assert not RecommendationResponse.objects.exists()
    answer = respond(
        recommendation, caseworker, today, **letter, receipt_reason=" Misfiled in the post room "
    )
    assert (answer.received_on, answer.receipt_reason) == (
        recommendation.response_due_on,
        "Misfiled in the post room",
    )
    recommendation.refresh_from_db()
    assert not recommendation.is_overdue(today)


def test_a_draft_cannot_be_answered(liaison, today):
    draft = RecommendationFactory(recipient=liaison.organisation)
    with pytest.raises(ValidationError) as error:
        respond(draft, liaison, today)
    assert error.value.messages == [messages.RESPOND_TO_DRAFT]
    assert not RecommendationResponse.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"status": "maybe"}, "status", "“maybe” is not an answer"),
        ({"response": "  "}, "response", messages.RESPONSE_REQUIRED),
        ({"responded_on": D(2024, 6, 4)}, "responded_on", messages.RESPONDED_IN_FUTURE),
        ({"responded_on": D(2024, 4, 30)}, "responded_on", messages.RESPONDED_BEFORE_ISSUE),
        ({"received_via": "pigeon"}, "received_via", messages.RECEIVED_VIA_INVALID),
        (
            {"planned_actions": [{"description": "", "due_on": None}]},
            "planned_actions",
            messages.ACTION_REQUIRED,
        ),
        (
            {"planned_actions": [{"description": "Train", "due_on": D(2024, 6, 2)}]},
            "planned_actions",
            messages.ACTION_BEFORE_RESPONSE,
        ),
    ],
)
def test_bad_responses_are_refused_and_write_nothing(liaison, today, overrides, field, message):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    with pytest.raises(ValidationError) as error:
        respond(recommendation, liaison, today, **overrides)
    assert message in error.value.message_dict[field][0]
    assert not RecommendationResponse.objects.exists()
    assert not PlannedAction.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.status == "issued"


def test_extension_on_a_request_made_on_the_last_day(caseworker, today):
    recommendation = IssuedRecommendationFactory(issued_on=D(2024, 4, 1))  # due 26 May
    extension = services.recommendation_extend(
        actor=caseworker,
        recommendation=recommendation,
        requested_on=D(2024, 5, 26),
        new_due_on=D(2024, 6, 30),
        reason="Awaiting a legal opinion",
        today=today,
    )
    recommendation.refresh_from_db()
    assert recommendation.response_due_on == D(2024, 6, 30)
    assert recommendation.statutory_due_on == D(2024, 5, 26)
    assert (extension.previous_due_on, extension.granted_by) == (D(2024, 5, 26), caseworker)
    assert not recommendation.is_overdue(today)
    assert recommendation.is_overdue(D(2024, 7, 1))


def test_no_extension_on_a_request_made_after_the_period_expired(caseworker, today):
    recommendation = IssuedRecommendationFactory(issued_on=D(2024, 4, 1))  # due 26 May
    with pytest.raises(ValidationError) as error:
        services.recommendation_extend(
            actor=caseworker,
            recommendation=recommendation,
            requested_on=D(2024, 5, 27),
            new_due_on=D(2024, 6, 30),
            today=today,
        )
    assert error.value.message_dict["requested_on"] == [
        messages.EXTENSION_REQUEST_LATE.format(due="26 May 2024")
    ]
    assert not ResponseExtension.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.response_due_on == D(2024, 5, 26)
    assert recommendation.is_overdue(today)


@pytest.mark.parametrize(
    ("factory_kwargs", "message"),
    [
        ({"is_statutory": False}, messages.EXTEND_NOT_STATUTORY),
        ({"status": "accepted", "responded_on": D(2024, 5, 2)}, messages.EXTEND_NOT_AWAITING),
    ],
)
def test_only_an_awaited_statutory_response_can_be_extended(
    caseworker, today, factory_kwargs, message
):
    recommendation = IssuedRecommendationFactory(**factory_kwargs)
    with pytest.raises(ValidationError) as error:
        services.recommendation_extend(
            actor=caseworker,
            recommendation=recommendation,
            requested_on=D(2024, 5, 10),
            new_due_on=D(2024, 8, 1),
            today=today,
        )
    assert error.value.messages == [message]


def test_the_new_due_date_must_be_later(caseworker, today):
    recommendation = IssuedRecommendationFactory()  # due 25 June
    with pytest.raises(ValidationError) as error:
        services.recommendation_extend(
            actor=caseworker,
            recommendation=recommendation,
            requested_on=D(2024, 6, 1),
            new_due_on=D(2024, 6, 25),
            today=today,
        )
    assert error.value.message_dict["new_due_on"] == [
        messages.EXTENSION_NOT_LATER.format(due="25 June 2024")
    ]


def test_implement_an_accepted_recommendation_with_evidence(manager, today):
    recommendation = RespondedRecommendationFactory()
    services.recommendation_implement(
        actor=manager,
        recommendation=recommendation,
        implemented_on=today,
        evidence="Audit of custody records, May 2024.",
        today=today,
    )
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.implemented_on) == ("implemented", today)


def test_implementation_needs_acceptance_evidence_and_a_sensible_date(manager, today):
    with pytest.raises(ValidationError, match="Only an accepted or partially accepted"):
        services.recommendation_implement(
            actor=manager,
            recommendation=IssuedRecommendationFactory(),
            implemented_on=today,
            evidence="x",
            today=today,
        )
    with pytest.raises(ValidationError) as error:
        services.recommendation_implement(
            actor=manager,
            recommendation=RespondedRecommendationFactory(),
            implemented_on=D(2024, 5, 1),
            evidence=" ",
            today=today,
        )
    assert set(error.value.message_dict) == {"implemented_on", "evidence"}


def test_a_response_is_published_once(caseworker, today):
    answer = RespondedRecommendationFactory().responses.get()
    services.response_publish(actor=caseworker, response=answer, published_on=today, today=today)
    answer.refresh_from_db()
    assert answer.published_on == today
    with pytest.raises(ValidationError, match="published on 3 June 2024"):
        services.response_publish(
            actor=caseworker, response=answer, published_on=today, today=today
        )


def test_every_write_is_in_the_history_with_who_made_it(caseworker, liaison, herts, today):
    recommendation = create(caseworker, today, status="issued", **complete(herts))
    respond(recommendation, liaison, today)
    history = selectors.recommendation_history(recommendation=recommendation)
    assert [(e.what, e.who) for e in history] == [
        ("Recommendation recorded", caseworker.display_name),
        ("Recommendation changed", liaison.display_name),
        ("Response recorded", liaison.display_name),
    ]


@pytest.mark.parametrize(
    ("kind", "reference"),
    [("investigation", "INV-9999-999999"), ("application", "REV-2022-000999")],
)
def test_a_source_reference_must_name_a_record_of_the_system(caseworker, today, kind, reference):
    """A recommendation comes from an investigation's report or an application's decision
    (Schedule 3 para. 28A): a well-formed reference to nothing is refused, nothing saved."""
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, source_kind=kind, source_reference=reference)
    assert list(error.value.message_dict) == ["source_reference"]
    assert "in the system" in error.value.message_dict["source_reference"][0]
    assert not Recommendation.objects.exists()


def test_a_recommendation_links_to_the_record_its_source_reference_names(caseworker, herts, today):
    """Issue 12 item 8: the reference stays (it is the API's `source`) and the recommendation
    points at the investigation or application it names, of its kind only."""
    investigation = Investigation.objects.get(reference="INV-2022-000045")
    draft = create(caseworker, today, source_reference=" inv-2022-000045 ")
    draft.refresh_from_db()
    assert (draft.source, draft.source_investigation, draft.source_application) == (
        "INV-2022-000045",
        investigation,
        None,
    )
    review = Application.objects.get(reference="REV-2022-000067")
    moved = services.recommendation_update(
        actor=caseworker,
        recommendation=draft,
        version=1,
        source_kind="application",
        source_reference="REV-2022-000067",
    )
    moved.refresh_from_db()
    assert (moved.source_investigation, moved.source_application) == (None, review)
    thematic = services.recommendation_update(
        actor=caseworker,
        recommendation=moved,
        version=2,
        source_kind="thematic",
        source_reference="",
    )
    thematic.refresh_from_db()
    assert (thematic.source_investigation, thematic.source_application) == (None, None)
    assert list(investigation.recommendations.all()) == []
    assert list(review.recommendations.all()) == []


def test_the_database_refuses_a_link_to_a_record_of_another_kind(caseworker, herts):
    investigation = Investigation.objects.get(reference="INV-2022-000045")
    with pytest.raises(IntegrityError, match="rec_source_record_of_its_kind"):
        with transaction.atomic():
            RecommendationFactory(
                source_kind="thematic", source_reference="", source_investigation=investigation
            )
