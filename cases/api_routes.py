"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from cases.api import ReferralViewSet
from cases.investigation_api import InvestigationViewSet

ROUTES: list[tuple] = [
    ("referrals", ReferralViewSet, "referral"),
    ("investigations", InvestigationViewSet, "investigation"),
]
