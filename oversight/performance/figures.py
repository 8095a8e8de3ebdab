"""The catalogue of timeliness figures: every family, count and rate, and their labels.

The one list to change when a figure is added. The computation (definitions.py, the pure
reference; aggregates.py, the database), the snapshots, the dashboard, the CSV export, the
API and the managers' targets (Target.Metric) all read it from here.
"""

# The counts of each family, as the API's nested objects carry them.
COUNTS: dict[str, list[str]] = {
    "referrals": ["received", "decided", "decided_within_target"],
    "investigations": ["completed", "within_6_months", "within_12_months"],
    "applications": ["received", "valid", "decided", "upheld"],
    "recommendations": ["issued", "responded", "accepted", "overdue"],
}
# Each rate: (numerator, denominator), counts of the same family; null when nothing counted.
RATES: dict[str, dict[str, tuple[str, str]]] = {
    "referrals": {"decided_within_target_rate": ("decided_within_target", "decided")},
    "investigations": {
        "within_6_months_rate": ("within_6_months", "completed"),
        "within_12_months_rate": ("within_12_months", "completed"),
    },
    "applications": {
        "valid_rate": ("valid", "received"),
        "upheld_rate": ("upheld", "decided"),
    },
    "recommendations": {
        "response_rate": ("responded", "issued"),
        "acceptance_rate": ("accepted", "responded"),
    },
}
# Appeals and reviews are also reported apart, and reviews after an investigation apart from
# reviews of complaints handled otherwise: the same counts and rates, for a part of the whole.
APPLICATION_PARTS = ["appeals", "reviews", "reviews_after_investigation", "reviews_otherwise"]
for _part in APPLICATION_PARTS:
    COUNTS[_part] = COUNTS["applications"]
    RATES[_part] = RATES["applications"]

# Core investigations are also counted by mode, independent and directed apart, so that
# either published headline figure can be reproduced (cases.investigations.rules
# .headline_mode): the same counts and rates, for a part of the whole.
INVESTIGATION_PARTS = {
    "independent_investigations": "independent",
    "directed_investigations": "directed",
}
for _part in INVESTIGATION_PARTS:
    COUNTS[_part] = COUNTS["investigations"]
    RATES[_part] = RATES["investigations"]

FAMILY_LABELS = {
    "referrals": "Referrals",
    "investigations": "Investigations",
    "independent_investigations": "Independent investigations",
    "directed_investigations": "Directed investigations",
    "applications": "Appeals and reviews",
    "appeals": "Appeals",
    "reviews": "Reviews",
    "reviews_after_investigation": "Reviews after an investigation",
    "reviews_otherwise": "Reviews of complaints handled otherwise",
    "recommendations": "Recommendations",
}
COUNT_LABELS = {
    "received": "Received",
    "decided": "Decided",
    "decided_within_target": "Decided within 3 working days",
    "completed": "Core investigations completed",
    "within_6_months": "Within 6 months",
    "within_12_months": "Within 12 months",
    "valid": "Valid",
    "upheld": "Upheld",
    "issued": "Issued",
    "responded": "Responded to",
    "accepted": "Accepted (fully or partly, or implemented)",
    "overdue": "Statutory responses overdue",
}
RATE_LABELS = {
    "referrals.decided_within_target_rate": "Referrals: mode decided within 3 working days",
    "investigations.within_6_months_rate": "Core investigations completed within 6 months",
    "investigations.within_12_months_rate": "Core investigations completed within 12 months",
    "independent_investigations.within_6_months_rate": (
        "Core independent investigations completed within 6 months"
    ),
    "independent_investigations.within_12_months_rate": (
        "Core independent investigations completed within 12 months"
    ),
    "directed_investigations.within_6_months_rate": (
        "Core directed investigations completed within 6 months"
    ),
    "directed_investigations.within_12_months_rate": (
        "Core directed investigations completed within 12 months"
    ),
    "applications.valid_rate": "Appeals and reviews judged valid",
    "applications.upheld_rate": "Appeals and reviews upheld",
    "appeals.valid_rate": "Appeals judged valid",
    "appeals.upheld_rate": "Appeals upheld",
    "reviews.valid_rate": "Reviews judged valid",
    "reviews.upheld_rate": "Reviews upheld (not reasonable and proportionate)",
    "reviews_after_investigation.valid_rate": "Reviews after an investigation judged valid",
    "reviews_after_investigation.upheld_rate": "Reviews after an investigation upheld",
    "reviews_otherwise.valid_rate": "Reviews of complaints handled otherwise judged valid",
    "reviews_otherwise.upheld_rate": "Reviews of complaints handled otherwise upheld",
    "recommendations.response_rate": "Recommendations responded to",
    "recommendations.acceptance_rate": "Recommendations accepted",
}
# The rates managers set targets for (and the trend table shows), in the dashboard's order.
TARGET_RATES = [
    "referrals.decided_within_target_rate",
    "investigations.within_6_months_rate",
    "investigations.within_12_months_rate",
    "applications.upheld_rate",
    "recommendations.acceptance_rate",
]
# The figures of the dashboard's table by organisation.
BY_ORGANISATION = [
    "referrals.received",
    "referrals.decided_within_target_rate",
    "investigations.completed",
    "investigations.within_12_months_rate",
    "applications.received",
    "applications.upheld_rate",
    "recommendations.issued",
    "recommendations.overdue",
]


def split(key: str) -> tuple[str, str]:
    """ "referrals.received" is the family "referrals" and the figure "received"."""
    family, _, name = key.partition(".")
    return family, name


def is_rate(key: str) -> bool:
    family, name = split(key)
    return name in RATES.get(family, {})


def label(key: str) -> str:
    """A figure as pages name it: a rate by its own label, a count by family and count."""
    if is_rate(key):
        return RATE_LABELS[key]
    family, name = split(key)
    return f"{FAMILY_LABELS[family]}: {COUNT_LABELS[name].lower()}"


def value(figures: dict, key: str):
    """One figure of a snapshot's nested figures (None where it is missing)."""
    family, name = split(key)
    return figures.get(family, {}).get(name)


def columns() -> list[str]:
    """Every figure, counts then rates, family by family: the CSV export's columns."""
    return [
        f"{family}.{name}"
        for family, names in COUNTS.items()
        for name in [*names, *RATES.get(family, {})]
    ]
