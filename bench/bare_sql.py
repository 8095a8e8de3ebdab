"""The timeliness counts as bare SQL aggregates: the floor compute_timeliness is measured against.

Each query groups by the financial year a figure counts in (by the calendar year it starts,
as oversight.core.db_functions.FinancialYearStart does) and by force, on the same tables and with
the same rules as oversight/performance/aggregates.py:

- referrals: received per year of receipt; decided, and decided by decision_due_on, per year
  of decision;
- core (not major) investigations: completed per year of completion, and completed on or
  before started_on + 6 / 12 calendar months; the force is the referral's organisation;
  grouped by mode too, for independent and directed (managed included) apart;
- applications (forwarded ones are another body's and not counted): received and judged valid
  per year of receipt; valid ones decided, and upheld, per year of decision. They are grouped
  by kind and subject as well, so the appeal and review families the snapshots hold come from
  the same two queries;
- recommendations issued (issued_on set) per year of issue and recipient: responded
  (accepted, partially accepted, not accepted or implemented), accepted (accepted, partially
  accepted or implemented), and statutory ones unanswered past their due date on `today`.
"""

import datetime as dt
from collections import defaultdict

from oversight.core.calendar import financial_year_from_start

FY = "EXTRACT(YEAR FROM ({column} - INTERVAL '3 months'))::integer"

REFERRALS_RECEIVED = f"""
SELECT {FY.format(column="received_on")} AS fy, organisation_id,
       COUNT(*) AS received
FROM cases_referral
GROUP BY 1, 2
"""

REFERRALS_DECIDED = f"""
SELECT {FY.format(column="decided_on")} AS fy, organisation_id,
       COUNT(*) AS decided,
       COUNT(*) FILTER (WHERE decided_on <= decision_due_on) AS decided_within_target
FROM cases_referral
WHERE decided_on IS NOT NULL
GROUP BY 1, 2
"""

INVESTIGATIONS_COMPLETED = f"""
SELECT {FY.format(column="i.completed_on")} AS fy, r.organisation_id, i.mode,
       COUNT(*) AS completed,
       COUNT(*) FILTER (WHERE i.completed_on <= i.started_on + INTERVAL '6 months')
           AS within_6_months,
       COUNT(*) FILTER (WHERE i.completed_on <= i.started_on + INTERVAL '12 months')
           AS within_12_months
FROM cases_investigation i
JOIN cases_referral r ON r.id = i.referral_id
WHERE NOT i.is_major AND i.completed_on IS NOT NULL
GROUP BY 1, 2, 3
"""

APPLICATIONS_RECEIVED = f"""
SELECT {FY.format(column="received_on")} AS fy, organisation_id, kind, subject,
       COUNT(*) AS received,
       COUNT(*) FILTER (WHERE is_valid) AS valid
FROM appeals_application
WHERE status <> 'forwarded'
GROUP BY 1, 2, 3, 4
"""

APPLICATIONS_DECIDED = f"""
SELECT {FY.format(column="decided_on")} AS fy, organisation_id, kind, subject,
       COUNT(*) AS decided,
       COUNT(*) FILTER (WHERE result = 'upheld') AS upheld
FROM appeals_application
WHERE status <> 'forwarded' AND is_valid AND decided_on IS NOT NULL
GROUP BY 1, 2, 3, 4
"""

RECOMMENDATIONS_ISSUED = f"""
SELECT {FY.format(column="issued_on")} AS fy, recipient_id AS organisation_id,
       COUNT(*) AS issued,
       COUNT(*) FILTER (WHERE status IN ('accepted', 'partially_accepted', 'not_accepted',
                                         'implemented')) AS responded,
       COUNT(*) FILTER (WHERE status IN ('accepted', 'partially_accepted', 'implemented'))
           AS accepted,
       COUNT(*) FILTER (WHERE is_statutory AND responded_on IS NULL
                        AND response_due_on < %(today)s) AS overdue
FROM learning_recommendation
WHERE issued_on IS NOT NULL
GROUP BY 1, 2
"""

QUERIES = {
    "referrals_received": REFERRALS_RECEIVED,
    "referrals_decided": REFERRALS_DECIDED,
    "investigations_completed": INVESTIGATIONS_COMPLETED,
    "applications_received": APPLICATIONS_RECEIVED,
    "applications_decided": APPLICATIONS_DECIDED,
    "recommendations_issued": RECOMMENDATIONS_ISSUED,
}

# Which snapshot family each query's counts belong to (applications are split below).
FAMILY_OF = {
    "referrals_received": "referrals",
    "referrals_decided": "referrals",
    "investigations_completed": "investigations",
    "recommendations_issued": "recommendations",
}
KEY_COLUMNS = {"fy", "organisation_id", "kind", "subject", "mode"}


def run(cursor, *, today: dt.date) -> dict[str, list[dict]]:
    """Execute every query and fetch all rows: {query name: [row as dict]}."""
    results = {}
    for name, sql in QUERIES.items():
        cursor.execute(sql, {"today": today})
        columns = [column.name for column in cursor.description]
        results[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return results


def _application_families(kind: str, subject: str) -> list[str]:
    families = ["applications", "appeals" if kind == "appeal" else "reviews"]
    if kind == "review" and subject == "investigation_outcome":
        families.append("reviews_after_investigation")
    if kind == "review" and subject == "non_investigation_handling":
        families.append("reviews_otherwise")
    return families


def _investigation_families(mode: str) -> list[str]:
    """The whole, and independent or directed apart (managed is directed's old form)."""
    families = ["investigations"]
    if mode == "independent":
        families.append("independent_investigations")
    if mode in ("directed", "managed"):
        families.append("directed_investigations")
    return families


def counts_by_year_and_force(results: dict[str, list[dict]]) -> dict:
    """{(financial year as 2019-20, organisation id): {family: {count name: value}}}."""
    counts: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for name, rows in results.items():
        for row in rows:
            start = row["fy"]
            key = (financial_year_from_start(start), row["organisation_id"])
            if name.startswith("applications_"):
                families = _application_families(row["kind"], row["subject"])
            elif name == "investigations_completed":
                families = _investigation_families(row["mode"])
            else:
                families = [FAMILY_OF[name]]
            for family in families:
                for column, value in row.items():
                    if column not in KEY_COLUMNS:
                        counts[key][family][column] += value
    return counts
