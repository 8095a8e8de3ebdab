"""oversight.core.filters.FilterBackend: without a filter parameter it orders as the filter set
would, without building the form; with one it filters as django-filter does."""

import datetime as dt

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from appeals.filters import ApplicationFilter
from appeals.models import Application
from cases.models import Referral
from cases.referrals.filters import ReferralFilter
from cases.tests.factories import ReferralFactory
from learning.filters import RecommendationFilter
from learning.models import Recommendation
from oversight.core.filters import FilterBackend


class View:
    def __init__(self, filterset_class):
        self.filterset_class = filterset_class


def filtered(filterset_class, queryset, query=""):
    request = Request(APIRequestFactory().get("/" + (f"?{query}" if query else "")))
    return FilterBackend().filter_queryset(request, queryset, View(filterset_class))


@pytest.mark.parametrize(
    ("filterset_class", "model"),
    [
        (ReferralFilter, Referral),
        (ApplicationFilter, Application),
        (RecommendationFilter, Recommendation),
    ],
)
@pytest.mark.parametrize("query", ["", "page=2", "page_size=5&format=json"])
def test_without_filters_the_order_is_the_filter_sets(filterset_class, model, query, db):
    queryset = model.objects.all()
    expected = filterset_class({}, queryset=queryset).qs
    assert filtered(filterset_class, queryset, query).query.order_by == expected.query.order_by


def test_with_a_filter_it_filters_and_orders(db):
    old = ReferralFactory(received_on=dt.date(2024, 4, 2))
    new = ReferralFactory(received_on=dt.date(2024, 6, 3))
    ReferralFactory(received_on=dt.date(2023, 6, 3))
    rows = filtered(ReferralFilter, Referral.objects.all(), "financial_year=2024-25")
    assert list(rows) == [new, old]


def test_a_bad_filter_value_is_still_refused(db):
    from rest_framework.exceptions import ValidationError

    with pytest.raises(ValidationError):
        list(filtered(ReferralFilter, Referral.objects.all(), "financial_year=2024"))


def test_a_date_range_includes_both_of_its_ends(db):
    first = ReferralFactory(received_on=dt.date(2024, 5, 1))
    last = ReferralFactory(received_on=dt.date(2024, 5, 31))
    ReferralFactory(received_on=dt.date(2024, 4, 30))
    ReferralFactory(received_on=dt.date(2024, 6, 1))
    query = "received_from=2024-05-01&received_to=2024-05-31&ordering=received_on"
    assert list(filtered(ReferralFilter, Referral.objects.all(), query)) == [first, last]


def test_a_sort_column_goes_by_its_short_name_both_ways(db, herts, met):
    a, b = sorted([herts, met], key=lambda o: o.name)
    from_a = ReferralFactory(organisation=a)
    from_b = ReferralFactory(organisation=b)
    queryset = Referral.objects.all()
    assert list(filtered(ReferralFilter, queryset, "ordering=force")) == [from_a, from_b]
    assert list(filtered(ReferralFilter, queryset, "ordering=-force")) == [from_b, from_a]
