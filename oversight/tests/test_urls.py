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
    ("cases:referral-export", {}, "/referrals/export.csv"),
    ("cases:referral-create", {}, "/referrals/new/"),
    ("cases:referral-edit", {"reference": "REF-2024-000001"}, "/referrals/REF-2024-000001/edit/"),
    (
        "cases:referral-decide",
        {"reference": "REF-2024-000001"},
        "/referrals/REF-2024-000001/decide/",
    ),
    ("investigations:investigation-export", {}, "/investigations/export.csv"),
    (
        "investigations:investigation-detail",
        {"reference": "INV-2024-000001"},
        "/investigations/INV-2024-000001/",
    ),
    (
        "investigations:investigation-edit",
        {"reference": "INV-2024-000001"},
        "/investigations/INV-2024-000001/edit/",
    ),
    (
        "investigations:investigation-status",
        {"reference": "INV-2024-000001"},
        "/investigations/INV-2024-000001/status/",
    ),
    (
        "investigations:investigation-notice",
        {"reference": "INV-2024-000001"},
        "/investigations/INV-2024-000001/notices/",
    ),
    (
        "investigations:subject-create",
        {"reference": "INV-2024-000001"},
        "/investigations/INV-2024-000001/people/new/",
    ),
    (
        "investigations:subject-remove",
        {"reference": "INV-2024-000001", "subject_id": 7},
        "/investigations/INV-2024-000001/people/7/remove/",
    ),
    ("appeals:application-export", {}, "/applications/export.csv"),
    ("appeals:application-create", {}, "/applications/new/"),
    (
        "appeals:application-detail",
        {"reference": "REV-2024-000001"},
        "/applications/REV-2024-000001/",
    ),
    (
        "appeals:application-edit",
        {"reference": "REV-2024-000001"},
        "/applications/REV-2024-000001/edit/",
    ),
    (
        "appeals:application-forward",
        {"reference": "REV-2024-000001"},
        "/applications/REV-2024-000001/forward/",
    ),
    (
        "appeals:application-judge",
        {"reference": "REV-2024-000001"},
        "/applications/REV-2024-000001/validity/",
    ),
    (
        "appeals:application-decide",
        {"reference": "REV-2024-000001"},
        "/applications/REV-2024-000001/decide/",
    ),
    ("learning:recommendation-export", {}, "/recommendations/export.csv"),
    ("learning:recommendation-create", {}, "/recommendations/new/"),
    (
        "learning:recommendation-detail",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/",
    ),
    (
        "learning:recommendation-edit",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/edit/",
    ),
    (
        "learning:recommendation-issue",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/issue/",
    ),
    (
        "learning:recommendation-respond",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/response/",
    ),
    (
        "learning:recommendation-extend",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/extend/",
    ),
    (
        "learning:recommendation-implement",
        {"reference": "REC-2024-000001"},
        "/recommendations/REC-2024-000001/implement/",
    ),
    (
        "learning:response-publication",
        {"reference": "REC-2024-000001", "pk": 3},
        "/recommendations/REC-2024-000001/responses/3/publication/",
    ),
    (
        "learning:public-detail",
        {"reference": "REC-2024-000001"},
        "/recommendations/published/REC-2024-000001/",
    ),
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
