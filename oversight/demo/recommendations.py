"""Learning recommendations and the recipients' responses, by learning.rules."""

import bisect
import datetime as dt

from cases.models import Theme
from learning import rules
from learning.models import (
    PlannedAction,
    ReceivedVia,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    ResponseExtension,
)
from oversight.core import references
from oversight.demo import volumes
from oversight.demo.common import Context, random_day, scaled, weighted

TEXTS = {
    "policy_guidance": "Review the force policy on {theme} and reissue it to all officers.",
    "training": "Provide refresher training on {theme} to frontline officers and supervisors.",
    "legislation": "Consider whether the law on {theme} needs amending.",
    "record_management": "Make sure decisions about {theme} are recorded with the rationale.",
    "equipment": "Review the equipment available to officers dealing with {theme}.",
    "other": "Share the learning on {theme} with neighbouring forces.",
}
ACTIONS = [
    "Brief all response officers on the revised {theme} policy.",
    "Add {theme} to the next round of mandatory training.",
    "Audit a sample of {theme} records and report the findings to the chief officer.",
    "Publish updated guidance on {theme} on the force intranet.",
]
EXTENSION_REASON = "More time needed to consult the professional standards department."
RESPONSES = {
    rules.ACCEPTED: "We accept this recommendation and have set out our actions.",
    rules.PARTIALLY_ACCEPTED: "We accept part of this recommendation, as explained.",
    rules.NOT_ACCEPTED: "We do not accept this recommendation, for the reasons given.",
}
REPRESENTATIONS = "Part of the response describes an operational tactic that should not be public."
DECISION_REASONS = {
    rules.PUBLISH_IN_PART: "The tactic is described in one paragraph, which is left out.",
    rules.NOT_PUBLISHED: "The response cannot be published without revealing the tactic.",
}


def _source(ctx: Context, issued_on: dt.date, pools: dict) -> tuple[str, object]:
    """An investigation completed, or an application upheld, before the issue date (the
    record itself, which the recommendation links to), or thematic work (None)."""
    kind = weighted(ctx.rng, volumes.RECOMMENDATION_SOURCES)
    if kind == rules.THEMATIC:
        return kind, None
    candidates = pools[kind]
    end = bisect.bisect_right(candidates, (issued_on.isoformat(), "~"))
    if not end:
        return rules.THEMATIC, None
    record = candidates[ctx.rng.randint(max(0, end - 200), end - 1)][2]
    assert rules.source_reference_valid(kind, record.reference)
    return kind, record


def generate(
    ctx: Context,
    first: dt.date,
    last: dt.date,
    year_fraction: float,
    themes: list[Theme],
    pools: dict,
):
    rng = ctx.rng
    total = scaled(
        rng, volumes.per_year("recommendations", first.year) * ctx.scale * year_fraction
    )
    rows, responses, extensions, actions = [], [], [], []
    for issued_on in sorted(random_day(rng, first, last) for _ in range(total)):
        national = ctx.national_bodies and rng.random() < volumes.TO_NATIONAL_BODY_SHARE
        recipient = rng.choice(ctx.national_bodies) if national else ctx.force()
        kind, source = _source(ctx, issued_on, pools)
        theme = rng.choice(themes)
        rec_type = weighted(rng, volumes.RECOMMENDATION_TYPES)
        statutory = rng.random() < volumes.STATUTORY_SHARE
        actor = ctx.user()
        rec = Recommendation(
            owner=ctx.owner(),
            reference=ctx.references.next(references.RECOMMENDATION, issued_on.year),
            recipient=recipient,
            source_kind=kind,
            source_reference=source.reference if source is not None else "",
            source_investigation=source if kind == rules.INVESTIGATION else None,
            source_application=source if kind == rules.APPLICATION else None,
            theme=theme,
            type=rec_type,
            text=TEXTS[rec_type].format(theme=theme.name.lower()),
            is_statutory=statutory,
            status=RecommendationStatus.ISSUED,
            issued_on=issued_on,
            response_due_on=rules.response_due_on(issued_on) if statutory else None,
            created_by=actor,
            updated_by=actor,
        )
        responded_on = issued_on + ctx.days_between(*volumes.RESPONSE_DAYS)
        extension = _extension(ctx, rec)
        if extension is not None:
            extensions.append(extension)
            responded_on += extension.new_due_on - extension.previous_due_on
        unanswered = rec.is_statutory and rng.random() < volumes.UNANSWERED_SHARE
        if responded_on <= ctx.today and not unanswered:
            response = _respond(ctx, rec, responded_on, actor)
            responses.append(response)
            actions.extend(_planned_actions(ctx, response, theme.name))
        rows.append(rec)
    ctx.insert(Recommendation, rows, "recommendations")
    ctx.insert(ResponseExtension, extensions, "extensions")
    ctx.insert(RecommendationResponse, responses, "responses")
    ctx.insert(PlannedAction, actions, "planned actions")
    return rows


def _extension(ctx: Context, rec: Recommendation) -> ResponseExtension | None:
    """Now and then, more time on a statutory recommendation, asked for before the due date
    (learning.rules.extension_request_in_time); the recommendation is then due later."""
    rng = ctx.rng
    if not rec.is_statutory or rng.random() >= volumes.EXTENDED_SHARE:
        return None
    due = rec.response_due_on
    requested_on = due - dt.timedelta(days=rng.randint(1, 20))
    if requested_on > ctx.today:
        return None
    assert rules.extension_request_in_time(requested_on, due)
    rec.response_due_on = due + ctx.days_between(*volumes.EXTENSION_DAYS)
    return ResponseExtension(
        recommendation=rec,
        requested_on=requested_on,
        previous_due_on=due,
        new_due_on=rec.response_due_on,
        reason=EXTENSION_REASON,
        granted_by=ctx.user(),
    )


def _planned_actions(ctx: Context, response, theme: str) -> list[PlannedAction]:
    """What an accepting recipient said it would do, and by when."""
    if response.status not in rules.IMPLEMENTABLE_STATUSES:
        return []
    rng = ctx.rng
    texts = rng.sample(ACTIONS, rng.randint(*volumes.PLANNED_ACTIONS))
    return [
        PlannedAction(
            response=response,
            description=text.format(theme=theme.lower()),
            due_on=response.received_on + ctx.days_between(*volumes.PLANNED_ACTION_DAYS),
        )
        for text in texts
    ]


def _publication(ctx: Context, rec: Recommendation, responded_on: dt.date) -> dict:
    """Published within 21 days (28B(5)); now and then the recipient makes representations
    against publication (28B(6)), decided a few days later: in part, or not at all (28B(7))."""
    rng = ctx.rng
    fields = {
        "publish_by": rules.publication_due_on(
            responded_on, is_statutory=rec.is_statutory, is_final=True, representations_made=False
        )
    }
    if rec.is_statutory and rng.random() < volumes.REPRESENTATIONS_SHARE:
        fields = {"representations": REPRESENTATIONS, "publish_by": None}
        decided_on = responded_on + ctx.days_between(3, 15)
        if decided_on <= ctx.today:
            in_part = rng.random() < 0.6
            decision = rules.PUBLISH_IN_PART if in_part else rules.NOT_PUBLISHED
            fields |= {
                "publication_decision": decision,
                "publication_decided_on": decided_on,
                "publication_decided_by": ctx.user(),
                "publication_reasons": DECISION_REASONS[decision],
                "published_text": rec.response if in_part else "",
                "publish_by": rules.publication_due_after_decision(decision, decided_on),
            }
    if fields["publish_by"] is not None:
        start = fields.get("publication_decided_on", responded_on)
        candidate = start + ctx.days_between(1, rules.PUBLICATION_DAYS - 1)
        fields["published_on"] = candidate if candidate <= ctx.today else None
    return fields


def _respond(ctx: Context, rec: Recommendation, responded_on: dt.date, actor):
    rng = ctx.rng
    if rng.random() < volumes.ACCEPTED_SHARE:
        answer = rules.ACCEPTED if rng.random() < 0.85 else rules.PARTIALLY_ACCEPTED
    else:
        answer = rules.NOT_ACCEPTED
    rec.status, rec.responded_on, rec.response = answer, responded_on, RESPONSES[answer]
    if answer in rules.IMPLEMENTABLE_STATUSES and rng.random() < volumes.IMPLEMENTED_SHARE:
        implemented_on = responded_on + ctx.days_between(30, 300)
        if implemented_on <= ctx.today:
            rec.status, rec.implemented_on = rules.IMPLEMENTED, implemented_on
            rec.implementation_evidence = "Revised policy published and briefed to officers."
    publication = _publication(ctx, rec, responded_on)
    return RecommendationResponse(
        recommendation=rec,
        status=answer,
        text=rec.response,
        received_on=responded_on,
        is_final=True,
        received_via=rng.choice(ReceivedVia.values),
        **publication,
        submitted_by=actor,
    )


def drafts(ctx: Context, themes: list[Theme]) -> list:
    """A few drafts in progress (no issue date; referenced in the current year)."""
    rng = ctx.rng
    rows = []
    for _ in range(scaled(rng, volumes.DRAFTS * ctx.scale)):
        actor = ctx.user()
        theme = rng.choice(themes)
        rows.append(
            Recommendation(
                owner=ctx.owner(),
                reference=ctx.references.next(references.RECOMMENDATION, ctx.today.year),
                recipient=ctx.force(),
                source_kind=rules.THEMATIC,
                theme=theme,
                type="policy_guidance",
                text=TEXTS["policy_guidance"].format(theme=theme.name.lower()),
                status=RecommendationStatus.DRAFT,
                created_by=actor,
                updated_by=actor,
            )
        )
    ctx.insert(Recommendation, rows, "recommendations")
    return rows
