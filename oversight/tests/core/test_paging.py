"""Keyset pagination (oversight.core.paging): every row once, in order, forwards and
backwards, with ties, NULLs, a last page, bad cursors, a capped count and constant queries."""

import datetime as dt
from urllib.parse import parse_qsl

import pytest
from django.test import RequestFactory

from cases.models import Referral
from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.core import paging

D = dt.date


def page_for(queryset, query: str = "", per_page: int = 3):
    request = RequestFactory().get("/list/" + (f"?{query}" if query else ""))
    return paging.paginate(request, queryset, per_page=per_page)["page_obj"]


def references(page) -> list[str]:
    return [row.reference for row in page]


@pytest.fixture
def referrals(db):
    """Eight referrals over five dates (ties on the sort key), half undecided (NULL decided_on)."""
    rows = []
    for index, day in enumerate([1, 1, 2, 3, 3, 3, 4, 5]):
        factory = DecidedReferralFactory if index % 2 else ReferralFactory
        extra = {"decided_on": D(2024, 6, 10 - index)} if index % 2 else {}
        rows.append(factory(received_on=D(2024, 5, day), **extra))
    return rows


def walk_forward(queryset, per_page=3):
    page, seen, starts = page_for(queryset, per_page=per_page), [], []
    while True:
        seen += references(page)
        starts.append(page.start_index)
        if not page.has_next:
            return seen, starts
        page = page_for(queryset, page.links["next"], per_page)


def walk_backward(queryset, per_page=3):
    page, seen = page_for(queryset, "page=last", per_page), []
    while True:
        seen = references(page) + seen
        if not page.has_previous:
            return seen
        page = page_for(queryset, page.links["previous"], per_page)


@pytest.mark.parametrize(
    "ordering",
    [
        ("-received_on", "-id"),
        ("received_on", "-id"),
        ("decided_on", "-id"),
        ("-decided_on", "-id"),
        ("organisation__name", "-id"),
        ("reference",),
    ],
)
def test_every_row_once_in_order_both_ways(referrals, ordering):
    queryset = Referral.objects.select_related("organisation").order_by(*ordering)
    expected = [r.reference for r in queryset]
    forward, starts = walk_forward(queryset)
    assert forward == expected
    assert starts == [1, 4, 7]
    assert walk_backward(queryset) == expected


def test_first_and_last_pages_say_where_they_are(referrals):
    queryset = Referral.objects.order_by("-received_on", "-id")
    first = page_for(queryset)
    assert (first.count, first.start_index, first.end_index) == (8, 1, 3)
    assert (first.has_previous, first.has_next) == (False, True)
    assert set(first.links) == {"next", "last"}
    last = page_for(queryset, "page=last")
    assert references(last) == [r.reference for r in queryset][-3:]
    assert (last.start_index, last.end_index, last.has_next) == (6, 8, False)
    assert set(last.links) == {"first", "previous"}
    previous = page_for(queryset, last.links["previous"])
    assert (previous.start_index, previous.end_index) == (3, 5)


def test_links_keep_the_filters_and_drop_old_paging(referrals):
    queryset = Referral.objects.order_by("-received_on", "-id")
    page = page_for(queryset, "status=decided&page=4&q=REF")
    next_query = dict(parse_qsl(page.links["next"]))
    assert (next_query["status"], next_query["q"]) == ("decided", "REF")
    assert "page" not in next_query
    assert "after" in next_query
    assert dict(parse_qsl(page.links["last"])) == {"status": "decided", "q": "REF", "page": "last"}


@pytest.mark.parametrize("cursor", ["after=nonsense", "after=e30", "before=%%%", "after="])
def test_an_unreadable_cursor_gives_the_first_page(referrals, cursor):
    queryset = Referral.objects.order_by("-received_on", "-id")
    page = page_for(queryset, cursor)
    assert references(page) == references(page_for(queryset))
    assert page.start_index == 1


def test_a_cursor_past_the_end_starts_again(referrals):
    queryset = Referral.objects.order_by("-received_on", "-id")
    last = paging.window(queryset, {"page": "last"}, 3)
    page = page_for(queryset, f"after={paging.cursor_after(last)}")
    assert references(page) == references(page_for(queryset))
    assert not page.has_previous


def test_a_single_page_has_no_links(referrals):
    page = page_for(Referral.objects.order_by("-id"), per_page=25)
    assert (page.count, page.is_partial, page.links) == (8, False, {})


def test_the_count_stops_at_the_limit(referrals, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 5)
    queryset = Referral.objects.order_by("-received_on", "-id")
    page = page_for(queryset, "page=last")
    assert page.count is None
    assert page.start_index is None  # where the last page starts is unknown without a count
    assert len(page) == 3
    assert page_for(queryset).count is None
    assert page_for(queryset.filter(status="decided")).count == 4


def test_expression_ordering_is_refused(referrals):
    from django.db.models import F

    with pytest.raises(ValueError, match="field-path ordering"):
        page_for(Referral.objects.order_by(F("received_on").desc()))


def test_queries_do_not_grow_with_the_page_or_the_depth(referrals, django_assert_num_queries):
    """Two queries, the count and the rows, for any page size, the last page, or a cursor."""
    queryset = Referral.objects.select_related("organisation").order_by("-received_on", "-id")
    for query, per_page in [("", 2), ("", 6), ("page=last", 3)]:
        with django_assert_num_queries(2):
            list(page_for(queryset, query, per_page))
    middle = paging.window(queryset, {}, 3)
    with django_assert_num_queries(2):
        page_for(queryset, f"after={paging.cursor_after(middle)}")


def sequence_page(items, query: str = "", per_page: int = 3):
    request = RequestFactory().get("/work/" + (f"?{query}" if query else ""))
    return paging.paginate_sequence(request, items, per_page=per_page)["page_obj"]


@pytest.mark.parametrize(
    ("query", "rows", "start"),
    [
        ("", [1, 2, 3], 1),
        ("page=2", [4, 5, 6], 4),
        ("page=3", [7], 7),
        ("page=last", [7], 7),
        ("page=9", [7], 7),  # past the end: the last page
        ("page=0", [1, 2, 3], 1),
        ("page=-1", [1, 2, 3], 1),
        ("page=two", [1, 2, 3], 1),
    ],
)
def test_a_list_in_memory_pages_by_number(query, rows, start):
    page = sequence_page(list(range(1, 8)), query)
    assert (page.rows, page.start_index, page.count) == (rows, start, 7)


def test_a_list_in_memory_links_keep_the_filters():
    page = sequence_page(list(range(1, 8)), "owner=casey&page=2")
    assert page.links == {
        "first": "owner=casey",
        "previous": "owner=casey&page=1",
        "next": "owner=casey&page=3",
        "last": "owner=casey&page=last",
    }
    first = sequence_page(list(range(1, 8)))
    assert (first.has_previous, first.has_next, set(first.links)) == (
        False,
        True,
        {"next", "last"},
    )
    empty = sequence_page([])
    assert (empty.rows, empty.start_index, empty.is_partial) == ([], None, False)
