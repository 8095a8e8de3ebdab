"""Who may reach what: every endpoint and page × every role × own or other organisation's object.

Each case asserts the status code and that nothing it must not see appears anywhere in the
response: for a liaison, another organisation's recommendations and any draft; for everyone
on the public feed, drafts and unpublished responses; for anonymous people, anything at all.
"""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from learning.models import Recommendation, RecommendationResponse
from learning.tests.factories import (
    IssuedRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)
from oversight.core.services import api_token_create

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "caseworker", "manager", "admin", "force_liaison"]
TARGETS = ["own_issued", "own_answered", "own_draft", "other_issued", "other_answered"]
OWN_VISIBLE = {"own_issued": 200, "own_answered": 200}


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def world(herts, met):
    """Recommendations to the liaison's force (Hertfordshire) and to another (the Met)."""
    # Retired themes: the active ones are offered to everyone as filters; these are only
    # offered (as themes in use) to someone who may see a recommendation that has them.
    objects = {
        "own_issued": IssuedRecommendationFactory(recipient=herts, text="OWN-ISSUED-TEXT"),
        "own_answered": RespondedRecommendationFactory(
            recipient=herts, text="OWN-ANSWERED-TEXT", response="OWN-UNPUBLISHED-RESPONSE"
        ),
        "own_draft": RecommendationFactory(
            recipient=herts, text="OWN-DRAFT-TEXT", theme=themed("DRAFT-THEME", is_active=False)
        ),
        "other_issued": IssuedRecommendationFactory(
            recipient=met, text="OTHER-ISSUED-TEXT", theme=themed("OTHER-THEME", is_active=False)
        ),
        "other_answered": RespondedRecommendationFactory(
            recipient=met, text="OTHER-ANSWERED-TEXT", response="OTHER-UNPUBLISHED-RESPONSE"
        ),
    }
    draft = objects["own_draft"]
    other = [objects["other_issued"], objects["other_answered"]]
    return {
        "objects": objects,
        # What a liaison of Hertfordshire must never see.
        "hidden_from_liaison": [
            draft.reference,
            "OWN-DRAFT-TEXT",
            "DRAFT-THEME",
            *(r.reference for r in other),
            "OTHER-ISSUED-TEXT",
            "OTHER-ANSWERED-TEXT",
            "OTHER-THEME",
            "OTHER-UNPUBLISHED-RESPONSE",
            met.name,
            met.code,
        ],
        # What nobody may see on the public feed.
        "not_public": [
            draft.reference,
            "OWN-DRAFT-TEXT",
            "OWN-UNPUBLISHED-RESPONSE",
            "OTHER-UNPUBLISHED-RESPONSE",
        ],
    }


def _expected(rule, role, target):
    """rule: a status code, or {role kind: code or {target: code}} with a default."""
    if isinstance(rule, int):
        return rule
    kind = {"force_liaison": "liaison", "anonymous": "anonymous"}.get(role, "staff")
    value = rule[kind]
    if isinstance(value, dict):
        return value.get(target, value.get("default"))
    return value


def _content(response) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _assert_nothing_hidden(response, role, world, public):
    content = _content(response)
    if public:
        hidden = world["not_public"]
    elif role == "force_liaison":
        hidden = world["hidden_from_liaison"]
    elif role == "anonymous":
        hidden = [r.reference for r in world["objects"].values()] + ["TEXT", "RESPONSE"]
    else:
        return
    leaked = [marker for marker in hidden if marker in content]
    assert not leaked, f"{leaked} in the response"


# API ---------------------------------------------------------------------------------------

API = "/api/v1/recommendations/"
PUBLIC_API = "/api/v1/public/recommendations/"
ANSWER = {"status": "accepted", "response": "We accept."}
NEW = {
    "recipient": "hertfordshire-constabulary",
    "source": "thematic",
    "theme": "mental_health",  # a seeded thematic area
    "type": "training",
    "text": "New text",
    "status": "issued",
}
STAFF_ON_DRAFT = {"own_draft": 200, "default": 400}

# (name, method, path, body, rule, public)
API_CASES = [
    ("list", "get", "", None, {"anonymous": 401, "staff": 200, "liaison": 200}, False),
    ("create", "post", "", NEW, {"anonymous": 401, "staff": 201, "liaison": 404}, False),
    (
        "retrieve",
        "get",
        "{ref}/",
        None,
        {"anonymous": 401, "staff": 200, "liaison": {**OWN_VISIBLE, "default": 404}},
        False,
    ),
    (
        "edit",
        "patch",
        "{ref}/",
        {"text": "Changed", "version": 1},
        {"anonymous": 401, "staff": STAFF_ON_DRAFT, "liaison": 404},
        False,
    ),
    (
        "issue",
        "post",
        "{ref}/issue/",
        {"version": 1},
        {"anonymous": 401, "staff": STAFF_ON_DRAFT, "liaison": 404},
        False,
    ),
    (
        "respond",
        "post",
        "{ref}/response/",
        ANSWER,
        {
            "anonymous": 401,
            "staff": 403,
            "liaison": {"own_issued": 201, "own_answered": 400, "default": 404},
        },
        False,
    ),
    ("public list", "get", PUBLIC_API, None, 200, True),
    (
        "public retrieve",
        "get",
        PUBLIC_API + "{ref}/",
        None,
        {k: {"own_draft": 404, "default": 200} for k in ("anonymous", "staff", "liaison")},
        True,
    ),
]


def _api_client(users, role):
    client = APIClient()
    if role != "anonymous":
        token = api_token_create(user=users[role])
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _cases(cases, takes_object):
    """Every case × role, and × target where the path names an object."""
    return [
        pytest.param(
            role, target, *case, id=f"{case[0]}-{role}" + (f"-{target}" if target else "")
        )
        for case in cases
        for role in ROLES
        for target in (TARGETS if takes_object(case) else [None])
    ]


@pytest.mark.parametrize(
    ("role", "target", "name", "method", "path", "body", "rule", "public"),
    _cases(API_CASES, lambda case: "{ref}" in case[2]),
)
def test_api_access(users, world, role, target, name, method, path, body, rule, public):
    recommendation = world["objects"][target] if target else None
    before = Recommendation.objects.count(), RecommendationResponse.objects.count()
    url = path if path.startswith("/") else API + path
    if recommendation:
        url = url.format(ref=recommendation.reference)
    client = _api_client(users, role)
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body, format="json")
    expected = _expected(rule, role, target)
    assert response.status_code == expected, (role, target, name, response.content[:300])
    _assert_nothing_hidden(response, role, world, public)
    if response.status_code >= 400:  # refused: nothing written
        assert (Recommendation.objects.count(), RecommendationResponse.objects.count()) == before
        if recommendation:
            recommendation.refresh_from_db()
            assert recommendation.version == 1


# Pages -------------------------------------------------------------------------------------

STAFF_ONLY_PAGE = {"anonymous": 302, "staff": 200, "liaison": 404}
# (name, url name, takes an object, rule, public)
PAGE_CASES = [
    (
        "list",
        "recommendation-list",
        False,
        {"anonymous": 302, "staff": 200, "liaison": 200},
        False,
    ),
    ("export", "recommendation-export", False, STAFF_ONLY_PAGE, False),
    ("create", "recommendation-create", False, STAFF_ONLY_PAGE, False),
    (
        "detail",
        "recommendation-detail",
        True,
        {"anonymous": 302, "staff": 200, "liaison": {**OWN_VISIBLE, "default": 404}},
        False,
    ),
    (
        "edit",
        "recommendation-edit",
        True,
        {"anonymous": 302, "staff": {"own_draft": 200, "default": 302}, "liaison": 404},
        False,
    ),
    (
        "issue",
        "recommendation-issue",
        True,
        {"anonymous": 302, "staff": {"own_draft": 200, "default": 302}, "liaison": 404},
        False,
    ),
    (
        "respond",
        "recommendation-respond",
        True,
        {
            "anonymous": 302,
            "staff": {"own_issued": 200, "other_issued": 200, "default": 302},
            "liaison": {"own_issued": 200, "own_answered": 302, "default": 404},
        },
        False,
    ),
    (
        "extend",
        "recommendation-extend",
        True,
        {
            "anonymous": 302,
            "staff": {"own_issued": 200, "other_issued": 200, "default": 302},
            "liaison": 404,
        },
        False,
    ),
    (
        "implement",
        "recommendation-implement",
        True,
        {
            "anonymous": 302,
            "staff": {"own_answered": 200, "other_answered": 200, "default": 302},
            "liaison": 404,
        },
        False,
    ),
    (
        "publication",
        "response-publication",
        True,
        {
            "anonymous": 302,
            "staff": {"own_answered": 200, "other_answered": 200, "default": 404},
            "liaison": 404,
        },
        False,
    ),
    ("public list", "public-list", False, 200, True),
    (
        "public detail",
        "public-detail",
        True,
        {k: {"own_draft": 404, "default": 200} for k in ("anonymous", "staff", "liaison")},
        True,
    ),
]


@pytest.mark.parametrize(
    ("role", "target", "name", "url_name", "takes_object", "rule", "public"),
    _cases(PAGE_CASES, lambda case: case[2]),
)
def test_page_access(
    client, users, world, role, target, name, url_name, takes_object, rule, public
):
    recommendation = world["objects"][target] if target else None
    if role != "anonymous":
        client.force_login(users[role])
    args = []
    if recommendation:
        args = [recommendation.reference]
        if url_name == "response-publication":
            answer = recommendation.responses.first()
            args.append(answer.pk if answer else 0)
    response = client.get(reverse(f"learning:{url_name}", args=args))
    expected = _expected(rule, role, target)
    assert response.status_code == expected, (role, target, name)
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    _assert_nothing_hidden(response, role, world, public)


@pytest.mark.parametrize("target", ["own_draft", "other_issued", "other_answered"])
def test_a_liaison_cannot_post_a_response_to_a_page_they_may_not_see(
    client, liaison, world, target
):
    recommendation = world["objects"][target]
    client.force_login(liaison)
    response = client.post(
        reverse("learning:recommendation-respond", args=[recommendation.reference]),
        {"status": "accepted", "response": "x", "is_final": "yes", "version": 1},
    )
    assert response.status_code == 404
    assert RecommendationResponse.objects.count() == 2  # the factories' two


@pytest.mark.parametrize(
    "url_name",
    [
        "recommendation-create",
        "recommendation-edit",
        "recommendation-issue",
        "recommendation-extend",
    ],
)
def test_a_liaison_cannot_post_to_staff_pages(client, liaison, world, url_name):
    draft = world["objects"]["own_draft"]
    client.force_login(liaison)
    args = [] if url_name == "recommendation-create" else [draft.reference]
    response = client.post(reverse(f"learning:{url_name}", args=args), {"source_kind": "thematic"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert (Recommendation.objects.count(), draft.version, draft.status) == (5, 1, "draft")
