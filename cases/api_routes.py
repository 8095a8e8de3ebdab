"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from cases.investigations.api import InvestigationViewSet
from cases.referrals.api import ReferralViewSet

ROUTES: list[tuple] = [
    ("referrals", ReferralViewSet, "referral"),
    ("investigations", InvestigationViewSet, "investigation"),
]
