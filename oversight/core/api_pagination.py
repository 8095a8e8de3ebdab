"""Pagination of the list endpoints: stable pages, a bounded page size.

StandardPagination numbers pages and counts the matches. KeysetPagination serves the lists
that other organisations' systems sync: it moves `after` or `before` a cursor (the sort
values of the row at the page's edge, as oversight.core.paging does for the pages), so a page
costs the same at the end of a long list as at its start, nothing is counted, and a record
issued during a sync never shifts the rest between pages.
"""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from oversight.core import paging

BAD_CURSOR = "Not a cursor from this list: follow the next and previous links as given."


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class KeysetPagination(BasePagination):
    page_size = StandardPagination.page_size
    page_size_query_param = StandardPagination.page_size_query_param
    max_page_size = StandardPagination.max_page_size

    # The same reading of ?page_size= (a positive number, capped) as the numbered pages.
    get_page_size = PageNumberPagination.get_page_size

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.found = paging.window(queryset, request.query_params, self.get_page_size(request))
        if self.found.bad_cursor:
            name = paging.AFTER if request.query_params.get(paging.AFTER) else paging.BEFORE
            raise ValidationError({name: [BAD_CURSOR]})
        return self.found.rows

    def _link(self, name: str, cursor: str) -> str:
        url = self.request.build_absolute_uri()
        for param in paging.PAGING_PARAMS:
            url = remove_query_param(url, param)
        return replace_query_param(url, name, cursor)

    def get_next_link(self) -> str | None:
        if not self.found.has_next:
            return None
        return self._link(paging.AFTER, paging.cursor_after(self.found))

    def get_previous_link(self) -> str | None:
        if not self.found.has_previous:
            return None
        return self._link(paging.BEFORE, paging.cursor_before(self.found))

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema):
        def link(example):
            return {"type": "string", "nullable": True, "format": "uri", "example": example}

        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": link(
                    "https://oversight.example/api/v1/recommendations/?after=eyJ2IjpbXX0"
                ),
                "previous": link(None),
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        def parameter(name, description, schema_type="string"):
            return {
                "name": name,
                "required": False,
                "in": "query",
                "description": description,
                "schema": {"type": schema_type},
            }

        return [
            parameter(paging.AFTER, "The page after this cursor (from the next link)."),
            parameter(paging.BEFORE, "The page before this cursor (from the previous link)."),
            parameter(
                self.page_size_query_param,
                f"Rows per page, at most {self.max_page_size} (default {self.page_size}).",
                "integer",
            ),
        ]
