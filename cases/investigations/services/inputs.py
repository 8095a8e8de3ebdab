"""What callers pass for people and allegations: dataclasses, with KEEP for "leave as it is"."""

import dataclasses
from collections.abc import Sequence
from typing import Any

from oversight.core.models import Organisation


class _Keep:
    """Marks a field left out of an update: the stored value stays as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@dataclasses.dataclass(frozen=True)
class AllegationInput:
    """One allegation as submitted; `id` names an existing one to change."""

    description: str = KEEP
    investigator_opinion: str = KEEP
    force_determination: str = KEEP
    investigator_consequence: str = KEEP
    force_consequence: str = KEEP
    id: int | None = None


@dataclasses.dataclass(frozen=True)
class SubjectInput:
    """One person serving with the police as submitted; `id` names an existing one to change.

    Fields left as KEEP are unchanged (or take their default for a new person); allegations
    left as None are unchanged, while a list replaces them (ids keep and change existing ones).
    """

    name: str = KEEP
    rank: str = KEEP
    collar_number: str = KEEP
    organisation: Organisation | None = KEEP
    referred_to_cps: bool = KEEP
    charging_decision: str = KEEP
    disciplinary_result: str = KEEP
    barred_list: bool = KEEP
    advisory_list: bool = KEEP
    allegations: Sequence[AllegationInput] | None = None
    id: int | None = None


SUBJECT_DEFAULTS = {
    "rank": "",
    "collar_number": "",
    "referred_to_cps": False,
    "charging_decision": "",
    "disciplinary_result": "",
    "barred_list": False,
    "advisory_list": False,
}
ALLEGATION_DEFAULTS = {
    "investigator_opinion": "",
    "force_determination": "",
    "investigator_consequence": "",
    "force_consequence": "",
}
