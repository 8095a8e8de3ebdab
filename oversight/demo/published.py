"""What the oversight body published for each year, which the demo data should resemble.

From its impact reports and their press coverage (/work/shared/seeds): the 2019/20 figures
from the report's coverage of 22 September 2020 (seed 000), 2020/21 from the Impact Report
2020/21 (seed 002), 2021/22 from the Impact report 2021/22 (seed 001). Counts are at scale 1;
rates are percentages. Only what a report states is here.
"""

PUBLISHED = {
    "2019-20": {
        # "Referrals received per year ... 4,674 4,379" (read with the issue as 2019/20, 2020/21).
        "referrals.received": 4674,
        "referrals.decided_within_target_rate": 82,
        # "completed 718 independent investigations, 35 per cent within six months and 83 per
        # cent within 12 months. This excludes major investigations": independent ones, so
        # not the managed and supervised investigations of the old regime.
        "independent_investigations.completed": 718,
        "independent_investigations.within_6_months_rate": 35,
        "independent_investigations.within_12_months_rate": 83,
        # "dealt with 2,838 appeals and upheld 1,018 ... 34 per cent".
        "applications.upheld_rate": 34,
        "recommendations.issued": 105,
    },
    "2020-21": {
        "referrals.received": 4379,
        "referrals.decided_within_target_rate": 82,
        "investigations.within_12_months_rate": 91,
        # The chart by theme: 34 recommendations are 16%, 58 are 27%, so about 210.
        "recommendations.issued": 210,
    },
    "2021-22": {
        "investigations.within_12_months_rate": 90,
        # "over a third of our core investigations within six months".
        "investigations.within_6_months_rate": 34,
        # "1/3 of valid reviews were not reasonable and proportionate".
        "applications.upheld_rate": 33,
        "recommendations.issued": 180,
        "recommendations.acceptance_rate": 93,
    },
}

# How near the seeded figures must come: counts within this share of the published count
# (scaled), rates within this many percentage points.
COUNT_TOLERANCE = 0.12
RATE_TOLERANCE_POINTS = 5
