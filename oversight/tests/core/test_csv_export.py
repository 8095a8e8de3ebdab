"""CSV exports neutralise formula cells (OWASP CSV injection; issue 14, item 3)."""

import csv
import io

import pytest
from django.urls import reverse

from appeals.tests.factories import ApplicationFactory
from learning.tests.factories import RespondedRecommendationFactory
from oversight.core.csv_export import neutralised

HOSTILE = '=HYPERLINK("http://evil.example","Click")'


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_beginning_with_a_formula_character_is_quoted(prefix):
    assert neutralised(f"{prefix}1+1") == f"'{prefix}1+1"


@pytest.mark.parametrize("value", ["Plain text", "", 12, -3, 0.5, None])
def test_other_cells_and_computed_numbers_are_unchanged(value):
    assert neutralised(value) == value


def _rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.django_db
def test_the_recommendation_export_neutralises_text_and_response(client_as, caseworker):
    RespondedRecommendationFactory(text=HOSTILE, response="@SUM(A1:A9)")
    rows = _rows(client_as(caseworker).get(reverse("learning:recommendation-export")))
    header, row = rows
    assert row[header.index("Recommendation")] == "'" + HOSTILE
    assert row[header.index("Response")] == "'@SUM(A1:A9)"


@pytest.mark.django_db
def test_the_application_export_neutralises_the_force_reference(client_as, caseworker):
    ApplicationFactory(force_reference=HOSTILE)
    rows = _rows(client_as(caseworker).get(reverse("appeals:application-export")))
    header, row = rows
    assert row[header.index("Force's complaint reference")] == "'" + HOSTILE
