"""A body shorter than its Content-Length is refused with 400 and nothing is saved (issue
14, item 13)."""

import io
import json

import pytest
from django.test import RequestFactory

from cases.models import Referral
from cases.tests.referrals.test_api import payload
from oversight.core.middleware import TRUNCATED_BODY
from oversight.core.services import api_token_create
from oversight.wsgi import application


def _send_truncated(path, body: bytes, content_type, **extra):
    """A WSGI request declaring the whole body's length but delivering only half of it."""
    environ = RequestFactory().post(path, data=b"", content_type=content_type, **extra).environ
    environ["CONTENT_LENGTH"] = str(len(body))
    environ["wsgi.input"] = io.BytesIO(body[: len(body) // 2])
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = int(status.split()[0])

    content = b"".join(application(environ, start_response))
    return captured["status"], content


@pytest.mark.django_db(transaction=True)
def test_a_truncated_api_post_is_a_400_and_saves_nothing(caseworker, herts):
    token = api_token_create(user=caseworker)
    body = json.dumps(payload(summary="x" * 400)).encode()
    status, content = _send_truncated(
        "/api/v1/referrals/", body, "application/json", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert status == 400
    assert TRUNCATED_BODY in content.decode()
    assert not Referral.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_truncated_form_post_is_a_400(caseworker):
    body = b"organisation=hertfordshire-constabulary&summary=" + b"x" * 400
    status, content = _send_truncated("/referrals/new/", body, "application/x-www-form-urlencoded")
    assert status == 400
    assert TRUNCATED_BODY in content.decode()
    assert not Referral.objects.exists()
