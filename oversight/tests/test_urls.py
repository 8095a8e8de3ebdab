"""The pages' and the API's paths are a contract (bookmarks, links in letters, integrations):
moving code between modules must never move them."""

import pytest
from django.urls import reverse

PATHS = [
    ("cases:referral-list", {}, "/referrals/"),
    ("cases:referral-detail", {"reference": "REF-2024-000001"}, "/referrals/REF-2024-000001/"),
    ("investigations:investigation-list", {}, "/investigations/"),
    ("investigations:investigation-ageing", {}, "/investigations/ageing/"),
    (
        "investigations:investigation-open",
        {"referral_reference": "REF-2024-000001"},
        "/investigations/open/REF-2024-000001/",
    ),
    ("appeals:application-list", {}, "/applications/"),
    ("learning:recommendation-list", {}, "/recommendations/"),
    ("learning:public-list", {}, "/recommendations/published/"),
    ("performance:dashboard", {}, "/performance/"),
    ("referral-list", {}, "/api/v1/referrals/"),
    ("investigation-list", {}, "/api/v1/investigations/"),
    ("application-list", {}, "/api/v1/applications/"),
    ("recommendation-list", {}, "/api/v1/recommendations/"),
    (
        "recommendation-respond",
        {"reference": "REC-2024-000001"},
        "/api/v1/recommendations/REC-2024-000001/response/",
    ),
    ("public-recommendation-list", {}, "/api/v1/public/recommendations/"),
    ("timeliness", {}, "/api/v1/timeliness/"),
    ("me", {}, "/api/v1/me/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), PATHS)
def test_path_is_stable(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
