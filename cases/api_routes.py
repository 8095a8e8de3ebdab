"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from cases.investigations.api import InvestigationViewSet
from cases.investigations.selectors import investigation_get
from cases.referrals.api import ReferralViewSet
from cases.referrals.selectors import referral_get
from oversight.core.casework.api import casework_routes

ROUTES: list[tuple] = [
    ("referrals", ReferralViewSet, "referral"),
    ("investigations", InvestigationViewSet, "investigation"),
    *casework_routes("referrals", "referral", referral_get),
    *casework_routes("investigations", "investigation", investigation_get),
]
