"""The published volumes and ratios the demo data aims at (scale 1 = one national body).

Sources: the oversight body's impact reports 2019/20 to 2021/22 (see /work/shared/seeds);
oversight/demo/published.py holds the figures they publish, which the seed test checks.
"""

# Volumes a year at scale 1, by the financial year's first calendar year; a year not listed
# takes the nearest one listed. Referrals: 4,674 then 4,379; recommendations: 105, about 210
# (the 2020/21 report's chart by theme: 34 are 16%, 58 are 27%), then 180.
YEARLY = {
    "referrals": {2019: 4674, 2020: 4379, 2021: 4400},
    "recommendations": {2018: 90, 2019: 105, 2020: 210, 2021: 180},
    "applications": {2019: 3100},
    # Core investigations completed within 6 and 12 months: 35% and 83% (2019/20), 91% within
    # 12 (2020/21), over a third and 90% (2021/22). Keyed by the year an investigation's
    # midpoint falls in, which is near enough the year most of them complete in.
    "core_within_6_months": {2019: 0.35, 2020: 0.36, 2021: 0.35},
    "core_within_12_months": {2019: 0.83, 2020: 0.91, 2021: 0.90},
}


def per_year(family: str, year: int) -> float:
    """The expected volume (or share) of a family in the financial year starting in `year`."""
    volumes = YEARLY[family]
    return volumes[min(volumes, key=lambda listed: (abs(listed - year), listed))]


# 82-83% of referrals decided within 3 working days.
REFERRALS_PER_YEAR = per_year("referrals", 2021)
DECIDED_WITHIN_TARGET = 0.82
# Late decisions take this many working days (beyond the 3-day target).
LATE_DECISION_WORKING_DAYS = (4, 15)

MATTER_TYPES = {"complaint": 0.35, "conduct": 0.40, "dsi": 0.25}
REFERRAL_TYPES = {"mandatory": 0.85, "voluntary": 0.12, "called_in": 0.03}
# The mode decided. Independent and directed open an investigation: about 700 a year.
MODES = {"independent": 0.15, "directed": 0.02, "local": 0.45, "no_investigation": 0.38}
# Before the 2020 reforms the oversight body managed or supervised forces' own
# investigations: under the old regime (a matter known to the force before 1 February 2020)
# this share of each mode was the old one. There was no "directed" then: all were managed.
LEGACY_MODES = {"directed": ("managed", 1.0), "local": ("supervised", 0.15)}
# A DSI matter is always a mandatory referral (Sch. 3 para. 14C): a voluntary draw for one
# becomes mandatory.
# A few decisions are made again later (every determination is kept; the first one counts
# for the target): local investigation and return to the force, either way round.
REDETERMINED_SHARE = 0.02
REDETERMINED = {"local": "no_investigation", "no_investigation": "local"}
REDETERMINED_AFTER_WORKING_DAYS = (5, 30)
# Days before receipt that the matter came to the force's attention.
AWARE_BEFORE_RECEIPT_DAYS = (0, 90)

# Investigations: 718 independent ones completed in 2019/20 (see YEARLY for timeliness).
CORE_WITHIN_6_MONTHS = per_year("core_within_6_months", 2021)
# A few major investigations (Hillsborough, Rotherham) are excluded from the core figures.
MAJOR_INVESTIGATIONS_PER_YEAR = 3
MAJOR_DURATION_MONTHS = (24, 60)
# 53% of investigations were selected in a thematic area.
THEMATIC_SHARE = 0.53
START_AFTER_DECISION_DAYS = (0, 10)
SUBJECTS_PER_INVESTIGATION = (0, 3)

# Appeals and reviews: 2,838 dealt with in 2019/20, 1,018 upheld (34%); a third in 2021/22.
APPLICATIONS_PER_YEAR = per_year("applications", 2019)
FORWARDED_SHARE = 0.04  # made to the oversight body but for the local policing body
FIRST_RECEIVED_ELSEWHERE_SHARE = 0.03  # first sent to the local policing body, forwarded to us
INVALID_SHARE = 0.08
UPHELD_SHARE = 0.34
LATE_SHARE = 0.07
DECISION_WEEKS = (2, 20)
# Days from the complaint to the outcome it was told; a few complaints take years.
COMPLAINT_DAYS = (30, 400)
LONG_RUNNING_COMPLAINT_SHARE = 0.06
LONG_RUNNING_COMPLAINT_DAYS = (400, 1500)

# Learning recommendations: 105 (2019/20), 180 (2021/22); 86% to forces; 93% accepted.
# Some statutory recommendations of past years were never answered.
UNANSWERED_SHARE = 0.05
TO_NATIONAL_BODY_SHARE = 0.14
STATUTORY_SHARE = 0.6
ACCEPTED_SHARE = 0.93
RECOMMENDATION_TYPES = {
    "policy_guidance": 0.70,
    "training": 0.17,
    "legislation": 0.03,
    "record_management": 0.03,
    "equipment": 0.03,
    "other": 0.04,
}
RECOMMENDATION_SOURCES = {"investigation": 0.6, "application": 0.15, "thematic": 0.25}
RESPONSE_DAYS = (14, 80)
# Statutory recommendations whose recipient asked in time for more time, and how much.
EXTENDED_SHARE = 0.08
EXTENSION_DAYS = (14, 42)
# Planned actions set out in an accepted (or partly accepted) response.
PLANNED_ACTIONS = (1, 3)
PLANNED_ACTION_DAYS = (30, 365)
IMPLEMENTED_SHARE = 0.12  # of those accepted, later implemented
# Responses to statutory recommendations sent with representations against publication.
REPRESENTATIONS_SHARE = 0.05
DRAFTS = 3  # drafts in progress at any time (scaled)

# The first year the reports publish is 2019-20; the data begins two years earlier so that
# year's completions include the investigations that had run for a year or more (no cold start).
FIRST_REPORTED_YEAR = 2019
FIRST_FINANCIAL_YEAR = FIRST_REPORTED_YEAR - 2
BATCH_SIZE = 5000

# Targets: 85% of core investigations within 12 months ("90% ... 5% above target", Impact
# report 2020/21); the 3-working-day decision is an internal service level, taken as 85%.
TARGETS = {
    "investigations.within_12_months_rate": 85,
    "referrals.decided_within_target_rate": 85,
}

# The share of cases waiting unallocated (no owner yet); the rest have one of the staff.
UNALLOCATED_SHARE = 0.15
