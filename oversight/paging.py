"""Pagination for list pages: a page of rows plus what the GOV.UK pagination component needs."""

from django.core.paginator import Paginator

PAGE_SIZE = 25


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> dict:
    """The requested page (an out-of-range page gives the last) and links that keep the filters."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return {
        "page_obj": page,
        "page_range": list(
            paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ),
        "query_without_page": f"{encoded}&" if encoded else "",
    }
