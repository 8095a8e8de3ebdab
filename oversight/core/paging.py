"""Keyset pagination for list pages: a page of rows plus the links the pagination component needs.

A list of a million referrals must page as fast at its end as at its start, so pages are
found by the sort values of a neighbouring row (`?after=` / `?before=` a cursor), never by
OFFSET, and the last page is the first page of the reversed order. The count is exact up to
COUNT_LIMIT and otherwise reported as "more than" it, so no request counts every match.

The queryset's ordering must be field paths (as the filter sets' StableOrderingMixin gives)
ending in the primary key, so that no two rows share a position. PostgreSQL sorts NULL
above every value (last ascending, first descending); the cursor conditions follow that.
"""

import base64
import binascii
import json
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Q

PAGE_SIZE = 25
COUNT_LIMIT = 10_000
AFTER, BEFORE, LAST = "after", "before", "last"
PAGING_PARAMS = (AFTER, BEFORE, "page")
NOTHING = Q(pk__in=[])


@dataclass
class Page:
    rows: list
    count: int | None  # None: more than COUNT_LIMIT
    start_index: int | None  # 1-based position of the first row, when known
    has_previous: bool
    has_next: bool
    links: dict[str, str] = field(default_factory=dict)  # first/previous/next/last → query
    count_limit: int = COUNT_LIMIT

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    @property
    def end_index(self) -> int | None:
        return None if self.start_index is None else self.start_index + len(self.rows) - 1

    @property
    def is_partial(self) -> bool:
        """Whether other pages exist (so "showing X to Y" is worth saying)."""
        return self.has_previous or self.has_next


def _order_keys(queryset) -> list[tuple[str, bool]]:
    """(field path, descending) per ordering term; the primary key is appended if missing."""
    keys = []
    for term in queryset.query.order_by:
        if not isinstance(term, str) or term == "?":
            raise ValueError(f"Keyset pagination needs field-path ordering, not {term!r}.")
        descending = term.startswith("-")
        path = term.lstrip("-+")
        keys.append(("pk" if path == "id" else path, descending))
    if not any(path == "pk" for path, _ in keys):
        keys.append(("pk", True))
    return keys


def _field(model, path: str):
    """The model field a `__`-separated path ends at."""
    if path == "pk":
        return model._meta.pk
    *relations, last = path.split("__")
    for name in relations:
        model = model._meta.get_field(name).related_model
    return model._meta.get_field(last)


def _after_one(path: str, descending: bool, value) -> Q:
    """Rows strictly after `value` in this key alone (NULL sorts above every value)."""
    if value is None:
        return Q(**{f"{path}__isnull": False}) if descending else NOTHING
    if descending:
        return Q(**{f"{path}__lt": value})
    return Q(**{f"{path}__gt": value}) | Q(**{f"{path}__isnull": True})


def _equal(path: str, value) -> Q:
    return Q(**{f"{path}__isnull": True}) if value is None else Q(**{path: value})


def _after(keys, values, model) -> Q:
    """Rows strictly after the row whose sort values are `values`, in the order `keys`."""
    condition, equal = NOTHING, Q()
    for (path, descending), value in zip(keys, values, strict=True):
        condition |= equal & _after_one(path, descending, value)
        equal &= _equal(path, value)
    # A redundant bound on the leading key lets PostgreSQL start an index scan at the cursor
    # instead of filtering every row before it (only where the column cannot be NULL).
    path, descending = keys[0]
    if values[0] is not None and not _field(model, path).null:
        condition &= Q(**{f"{path}__{'lte' if descending else 'gte'}": values[0]})
    return condition


def _encode(values, start: int | None) -> str:
    payload = {"v": [v.isoformat() if hasattr(v, "isoformat") else v for v in values], "i": start}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, keys, model) -> tuple[list, int | None] | None:
    """The sort values and start position a cursor holds; None if it is not a valid one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        values = payload["v"]
        start = payload.get("i")
        if len(values) != len(keys) or not (start is None or isinstance(start, int)):
            return None
        typed = [
            None if value is None else _field(model, path).to_python(value)
            for (path, _), value in zip(keys, values, strict=True)
        ]
        return typed, (start if start and start > 0 else None)
    except (binascii.Error, ValueError, TypeError, KeyError, ValidationError, FieldDoesNotExist):
        return None


def _rows_after(queryset, keys, values, size: int) -> tuple[list, list[list]]:
    """Up to `size` rows after `values` (from the start if None), and each row's sort values.
    Works on model and values() querysets alike."""
    names = [f"_keyset_{index}" for index in range(len(keys))]
    annotated = queryset.annotate(
        **{name: F(path) for name, (path, _) in zip(names, keys, strict=True)}
    )
    annotated = annotated.order_by(*[f"{'-' if desc else ''}{path}" for path, desc in keys])
    if values is not None:
        annotated = annotated.filter(_after(keys, values, queryset.model))
    rows = list(annotated[:size])
    if rows and isinstance(rows[0], dict):
        return rows, [[row.pop(name) for name in names] for row in rows]
    return rows, [[getattr(row, name) for name in names] for row in rows]


@dataclass
class Window:
    """One page of rows found by keyset, and what lies either side of it."""

    rows: list
    has_previous: bool
    has_next: bool
    first_values: list | None  # the sort values of the first and last rows, for the links
    last_values: list | None
    start: int | None  # 1-based position of the first row, when known
    bad_cursor: bool = False


def window(queryset, params, per_page: int, *, count: int | None = None) -> Window:
    """The rows `params` ask for: `after` or `before` a cursor, `page=last`, else the first
    page. A cursor that cannot be read, or whose row has gone with nothing beyond it, gives
    the first page (and `bad_cursor` for the first)."""
    keys = _order_keys(queryset)
    model = queryset.model
    after = _decode(params[AFTER], keys, model) if params.get(AFTER) else None
    before = _decode(params[BEFORE], keys, model) if params.get(BEFORE) else None
    bad = bool(params.get(AFTER) and not after or params.get(BEFORE) and not before)
    if after:
        rows, values = _rows_after(queryset, keys, after[0], per_page + 1)
        has_previous, has_next, start = True, len(rows) > per_page, after[1]
    elif before or params.get("page") == LAST:
        reversed_keys = [(path, not descending) for path, descending in keys]
        rows, values = _rows_after(
            queryset, reversed_keys, before[0] if before else None, per_page + 1
        )
        has_previous, has_next = len(rows) > per_page, bool(before)
        rows, values = rows[:per_page][::-1], values[:per_page][::-1]
        if not has_previous:
            start = 1
        elif before and before[1]:
            start = max(before[1] - len(rows), 1)
        else:
            start = count - len(rows) + 1 if count is not None and not before else None
    if not (after or before or params.get("page") == LAST) or not rows:
        rows, values = _rows_after(queryset, keys, None, per_page + 1)
        has_previous, has_next, start = False, len(rows) > per_page, 1
    rows, values = rows[:per_page], values[:per_page]
    return Window(
        rows,
        has_previous,
        has_next,
        values[0] if values else None,
        values[-1] if values else None,
        start,
        bad,
    )


def cursor_after(page: Window) -> str:
    """The `after` cursor of the page that follows."""
    return _encode(page.last_values, page.start + len(page.rows) if page.start else None)


def cursor_before(page: Window) -> str:
    """The `before` cursor of the page that precedes."""
    return _encode(page.first_values, page.start)


def _count(queryset) -> int | None:
    """The number of rows, or None when there are more than COUNT_LIMIT."""
    count = queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    return None if count > COUNT_LIMIT else count


def _base_query(request) -> str:
    """The request's query string without the paging parameters: the filters to keep."""
    query = request.GET.copy()
    for name in PAGING_PARAMS:
        query.pop(name, None)
    return query.urlencode()


def _link(page: Page, base: str, *, previous: str, following: str) -> Page:
    """The pagination component's links: first and previous, next and last, as they apply."""
    prefix = f"{base}&" if base else ""
    if page.has_previous:
        page.links["first"] = base
        page.links["previous"] = f"{prefix}{previous}"
    if page.has_next:
        page.links["next"] = f"{prefix}{following}"
        page.links["last"] = f"{prefix}page={LAST}"
    return page


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> dict:
    """The page the request asks for (`after`/`before` a cursor, or `page=last`; else the
    first), counted, with links that keep the filters."""
    count = _count(queryset)
    found = window(queryset, request.GET, per_page, count=count)
    page = Page(found.rows, count, found.start, found.has_previous, found.has_next)
    previous = f"{BEFORE}={cursor_before(found)}" if found.has_previous else ""
    following = f"{AFTER}={cursor_after(found)}" if found.has_next else ""
    return {"page_obj": _link(page, _base_query(request), previous=previous, following=following)}


def paginate_sequence(request, items, *, per_page: int = PAGE_SIZE) -> dict:
    """A page of a list already gathered in memory (Your work, merged from several tables and
    sorted in Python), by number: `?page=N`, or `page=last`. A number past either end gives
    the nearest page; anything else the first."""
    pages = max(1, -(-len(items) // per_page))
    asked = request.GET.get("page", "")
    # A number of more digits than any list has pages is past the end (and int() refuses
    # a string of thousands of digits).
    number = pages if asked == LAST or (asked.isdigit() and len(asked) > 9) else 1
    if asked.isdigit() and len(asked) <= 9:
        number = int(asked)
    number = min(max(number, 1), pages)
    start = (number - 1) * per_page
    rows = list(items[start : start + per_page])
    page = Page(rows, len(items), start + 1 if rows else None, number > 1, number < pages)
    return {
        "page_obj": _link(
            page,
            _base_query(request),
            previous=f"page={number - 1}",
            following=f"page={number + 1}",
        )
    }
