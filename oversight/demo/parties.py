"""The people around the cases and the contacts with them: most investigations have a
complainant or a bereaved family (interested persons), some a representative acting for
them, and each has a few contacts (an acknowledgement, progress updates, sometimes late, and
the outcome once it completed). Applications have their complainant. An investigation's
parties are those of its referral, carried over as the service carries them.

Drawn from a random stream of their own, so the rest of the demo data (and the figures
computed from it) stays as it was before cases had parties."""

import datetime as dt
import random

from oversight.core.casework.models import CASE_FIELDS, Contact, Party
from oversight.demo.common import Context

# Of investigations: a complainant (a complaint), a family (a death or serious injury), none.
WHO = {"complainant": 0.6, "family": 0.3, "none": 0.1}
REPRESENTED_SHARE = 0.25
WELSH_SHARE = 0.05
VULNERABLE_SHARE = 0.15
ADJUSTMENTS = ["Large print letters", "Calls only after 2pm", "A BSL interpreter", "Easy read"]
SOLICITORS = ["Hughes & Co Solicitors", "INQUEST caseworker", "Patel Law LLP"]
CHANNELS = ["email", "email", "post", "phone"]


def _party(rng, name, role, case: dict, actor, **extra) -> Party:
    details = {
        "email": f"{name.split()[0].lower()}@example.org" if rng.random() < 0.7 else "",
        "preferred_language": "cy" if rng.random() < WELSH_SHARE else "en",
        "preferred_channel": rng.choice(CHANNELS),
        "vulnerable": rng.random() < VULNERABLE_SHARE,
        "reasonable_adjustments": rng.choice(ADJUSTMENTS) if rng.random() < 0.1 else "",
    }
    return Party(
        **case, role=role, name=name, created_by=actor, updated_by=actor, **{**details, **extra}
    )


def _people(
    rng: random.Random, ctx: Context, case: dict, actor, family: bool, received_on: dt.date
) -> list[Party]:
    """The complainant (or two of a family) and, sometimes, a representative for the first."""
    surname = rng.choice(ctx.names).split()[-1]
    role = Party.Role.INTERESTED_PERSON if family else Party.Role.COMPLAINANT
    first = _party(rng, rng.choice(ctx.names), role, case, actor)
    people = [first]
    if family:
        people.append(
            _party(rng, f"{rng.choice(ctx.names).split()[0]} {surname}", role, case, actor)
        )
    if rng.random() < REPRESENTED_SHARE:
        rep = _party(
            rng,
            rng.choice(SOLICITORS),
            Party.Role.REPRESENTATIVE,
            case,
            actor,
            vulnerable=False,
            consent_on=min(received_on + dt.timedelta(days=rng.randint(0, 20)), ctx.today),
        )
        rep._acting_for = first
        people.append(rep)
    return people


def _contacts(rng, ctx: Context, case: dict, party: Party, start: dt.date, end, actor) -> list:
    """An acknowledgement, then progress updates about every four weeks (some late), and the
    outcome when the case completed."""
    rows = []
    on = start + dt.timedelta(days=rng.randint(1, 5))
    kind = Contact.Kind.ACKNOWLEDGEMENT
    last = end or ctx.today
    while on <= last and on <= ctx.today:
        rows.append(
            Contact(
                **case,
                party=party,
                on=on,
                direction=Contact.Direction.OUTBOUND,
                channel=party.preferred_channel or "email",
                kind=kind,
                summary="Told them where the case stands and what happens next.",
                recorded_by=actor,
                created_by=actor,
                updated_by=actor,
            )
        )
        kind = Contact.Kind.PROGRESS_UPDATE
        on += dt.timedelta(days=rng.choice([21, 26, 28, 28, 35, 49]))
    outcome_on = end + dt.timedelta(days=rng.randint(1, 9)) if end is not None else None
    if outcome_on is not None and outcome_on <= ctx.today:  # the latest completions: not yet
        rows.append(
            Contact(
                **case,
                party=party,
                on=outcome_on,
                direction=Contact.Direction.OUTBOUND,
                channel=party.preferred_channel or "post",
                kind=Contact.Kind.OUTCOME,
                summary="Sent the outcome and what they can do next.",
                recorded_by=actor,
                created_by=actor,
                updated_by=actor,
            )
        )
    return rows[-6:]  # a few each: the latest


def generate(ctx: Context, investigations: list, applications: list, rng: random.Random) -> None:
    """Parties and contacts for the year's investigations (and their referrals) and
    applications."""
    parties, contacts = [], []
    for inv in investigations:
        who = rng.choices(list(WHO), weights=list(WHO.values()))[0]
        if who == "none":
            continue
        actor = inv.lead_investigator or ctx.user()
        on_referral = _people(
            rng, ctx, {"referral": inv.referral}, actor, who == "family", inv.referral.received_on
        )
        carried = []
        for party in on_referral:
            copy = Party(
                **{
                    f.name: getattr(party, f.name)
                    for f in Party._meta.concrete_fields
                    if f.name not in {"id", "acting_for", *CASE_FIELDS}
                },
                investigation=inv,
            )
            copy._acting_for = carried[0] if party.is_representative else None
            carried.append(copy)
        parties.append((on_referral, carried))
    for app in applications:
        if rng.random() < 0.1:
            continue
        actor = app.created_by
        people = _people(rng, ctx, {"application": app}, actor, False, app.received_on)
        parties.append((people, []))
    for on_referral, carried in parties:
        for party in carried:
            if party.is_representative:
                continue
            inv = party.investigation
            contacts += _contacts(
                rng,
                ctx,
                {"investigation": inv},
                party,
                inv.started_on,
                inv.completed_on,
                inv.lead_investigator or party.created_by,
            )
        for party in on_referral:
            if party.application_id is not None and not party.is_representative:
                app = party.application
                contacts += _contacts(
                    rng,
                    ctx,
                    {"application": app},
                    party,
                    app.received_on,
                    app.decided_on,
                    app.created_by,
                )[:2]
    # Who was told the outcome, as services.contact_record keeps it (the demo's contacts are
    # with the people themselves, never through their representatives).
    for contact in contacts:
        if contact.kind == Contact.Kind.OUTCOME and contact.party.investigation_id is not None:
            told = contact.party.outcome_told_on
            contact.party.outcome_told_on = min(told, contact.on) if told else contact.on
    # Those represented first, then their representatives, who point at them.
    for represented in (False, True):
        rows = [
            p
            for group in parties
            for side in group
            for p in side
            if p.is_representative is represented
        ]
        for p in rows:
            p.acting_for = getattr(p, "_acting_for", None)
        ctx.insert(Party, rows, "parties")
    for contact in contacts:
        contact.party = contact.party  # the key, now that the party is saved
    ctx.insert(Contact, contacts, "contacts")
