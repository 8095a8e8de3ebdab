"""People serving with the police under investigation, their allegations and outcomes."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError

from cases.investigations import rules
from cases.investigations.services import messages
from cases.investigations.services.inputs import (
    ALLEGATION_DEFAULTS,
    KEEP,
    SUBJECT_DEFAULTS,
    AllegationInput,
    SubjectInput,
)
from cases.models import (
    Allegation,
    ChargingDecision,
    Consequence,
    DisciplinaryResult,
    Investigation,
    InvestigationStatus,
    Outcome,
    Subject,
)
from oversight.core.models import User
from oversight.core.writes import attributed, lock_for_update, save_new_version


def investigation_subject_save(
    *, actor: User, investigation: Investigation, version: int, subject: SubjectInput
) -> Subject:
    """Add one person, or change one person and their allegations and outcomes, refusing the
    save if the investigation changed since `version` was read."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        people = _investigation_people_save_locked(locked, [subject], replace=False)
        save_new_version(locked, actor=actor)
    return people[0]


def investigation_subject_remove(
    *, actor: User, investigation: Investigation, version: int, subject_id: int
) -> None:
    """Take a person (and their allegations) off the investigation."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        deleted, _ = locked.subjects.filter(pk=subject_id).delete()
        if not deleted:
            raise ValidationError({"subjects": messages.UNKNOWN_SUBJECT.format(id=subject_id)})
        save_new_version(locked, actor=actor)


def _who(data: SubjectInput, existing: Subject | None, position: int) -> str:
    """How messages name a person: their name, or their place in the list."""
    name = data.name if data.name is not KEEP else (existing.name if existing else "")
    return name.strip() or f"Person {position}"


def _check_choice(errors: list, value, choices, who: str, what: str) -> None:
    """Note a value that is not one of the choices (the API and forms check too)."""
    if value is not KEEP and value and value not in choices:
        errors.append(messages.UNKNOWN_CHOICE.format(who=who, value=value, what=what))


def _given(data, names) -> dict:
    """The fields of an input that were given (not KEEP)."""
    return {name: getattr(data, name) for name in names if getattr(data, name) is not KEEP}


def _planned(data, current, defaults: dict, text: str, missing: str, errors: list) -> dict:
    """The values to write for one row: those given, over the defaults for a new row; the
    row's one text field (a name, a description) trimmed, and required (`missing` if not)."""
    values = _given(data, [*defaults, text])
    if current is None:
        values = {**defaults, **values}
    if text in values or current is None:
        values[text] = (values.get(text) or "").strip()
        if not values[text]:
            errors.append(missing)
    return values


def _value(values: dict, current, name: str, default):
    """A field as it will be: the value given, else the row's, else the default for a new row."""
    return values.get(name, getattr(current, name) if current is not None else default)


def _written(model, current, values: dict, **parents):
    """Create the row, or save the fields of the existing one that changed."""
    if current is None:
        return model.objects.create(**parents, **values)
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, values[name])
    if changed:
        current.save(update_fields=changed)
    return current


def _investigation_people_save_locked(
    investigation: Investigation, subjects: Sequence[SubjectInput], *, replace: bool
) -> list[Subject]:
    """Create, change and (when replacing the whole list) remove people and their allegations.

    Every input is checked before anything is written, so all problems are reported at once.
    """
    existing = {
        s.pk: s
        for s in investigation.subjects.prefetch_related("allegations").select_related(
            "organisation"
        )
    }
    errors: list[str] = []
    plans = []
    for position, data in enumerate(subjects, start=1):
        current = None
        if data.id is not None:
            current = existing.get(data.id)
            if current is None:
                errors.append(messages.UNKNOWN_SUBJECT.format(id=data.id))
                continue
        who = _who(data, current, position)
        values = _planned(data, current, SUBJECT_DEFAULTS, "name", messages.NAME_REQUIRED, errors)
        values.update(_given(data, ["organisation"]))
        if current is None and values.get("organisation") is None:
            values["organisation"] = investigation.referral.organisation
        if "organisation" in values:
            if values["organisation"] is None:
                values["organisation"] = current.organisation
            elif not values["organisation"].is_force:
                errors.append(messages.FORCE_REQUIRED)
        _check_choice(errors, data.charging_decision, ChargingDecision.values, who, "decision")
        _check_choice(errors, data.disciplinary_result, DisciplinaryResult.values, who, "result")
        cps = _value(values, current, "referred_to_cps", False)
        if _value(values, current, "charging_decision", "") and not cps:
            errors.append(messages.CHARGING_NEEDS_CPS.format(who=who))
        allegation_plans = None
        if data.allegations is not None:
            allegation_plans = _plan_allegations(data.allegations, current, who, errors)
        plans.append((current, values, allegation_plans))
    if errors:
        raise ValidationError({"subjects": errors})

    written = []
    kept = set()
    for current, values, allegation_plans in plans:
        subject = _written(Subject, current, values, investigation=investigation)
        kept.add(subject.pk)
        if allegation_plans is not None:
            _save_allegations(investigation, subject, allegation_plans)
        written.append(subject)
    if replace:
        investigation.subjects.exclude(pk__in=kept).delete()
    if investigation.status == InvestigationStatus.COMPLETED:
        check_outcomes(investigation, field="subjects")
    return written


def _plan_allegations(
    allegations: Sequence[AllegationInput], subject: Subject | None, who: str, errors: list
) -> list[tuple[Allegation | None, dict]]:
    """Check a person's allegations and plan their writes (existing row or None, values)."""
    existing = {a.pk: a for a in subject.allegations.all()} if subject else {}
    plans = []
    for data in allegations:
        current = None
        if data.id is not None:
            current = existing.get(data.id)
            if current is None:
                errors.append(messages.UNKNOWN_ALLEGATION.format(who=who, id=data.id))
                continue
        required = messages.ALLEGATION_REQUIRED.format(who=who)
        values = _planned(data, current, ALLEGATION_DEFAULTS, "description", required, errors)
        _check_choice(errors, data.investigator_opinion, Outcome.values, who, "opinion")
        _check_choice(errors, data.force_determination, Outcome.values, who, "determination")
        _check_choice(
            errors, data.investigator_consequence, Consequence.values, who, "consequence"
        )
        _check_choice(errors, data.force_consequence, Consequence.values, who, "consequence")
        opinion = _value(values, current, "investigator_opinion", "")
        determination = _value(values, current, "force_determination", "")
        if determination and not opinion:
            errors.append(messages.DETERMINATION_NEEDS_OPINION.format(who=who))
        for outcome, consequence in (
            (opinion, _value(values, current, "investigator_consequence", "")),
            (determination, _value(values, current, "force_consequence", "")),
        ):
            if not rules.consequence_allowed(outcome, consequence):
                errors.append(messages.CONSEQUENCE_NEEDS_NO_CASE.format(who=who))
        plans.append((current, values))
    return plans


def _save_allegations(
    investigation: Investigation, subject: Subject, plans: list[tuple[Allegation | None, dict]]
) -> None:
    """Write the planned allegations and remove the person's others."""
    kept = set()
    for current, values in plans:
        allegation = _written(
            Allegation, current, values, investigation=investigation, subject=subject
        )
        kept.add(allegation.pk)
    subject.allegations.exclude(pk__in=kept).delete()


def check_outcomes(investigation: Investigation, *, field: str) -> None:
    """A completed investigation has the investigator's opinion on every allegation."""
    people = [
        (str(subject), [a.investigator_opinion for a in subject.allegations.all()])
        for subject in investigation.subjects.prefetch_related("allegations")
    ]
    missing = rules.people_without_outcome(people)
    if missing:
        raise ValidationError({field: messages.OUTCOMES_MISSING.format(names=", ".join(missing))})
