"""Page-number pagination for every list: `?page=2&page_size=50`, answered as
{"count", "next", "previous", "results"}.

Lists that come from the search index know their total only after the lookup, and querysets are
counted before they are sliced, so views pass a `load(offset, limit) -> (total, items)` function
rather than a queryset. A page number that is not a positive integer is a 400; a page past the last
is a 404 (an empty list has one, empty, page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 1_000_000  # keeps offsets far from any integer limit


class _PageParameters(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, required=False, default=1)
    page_size = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_SIZE, required=False, default=PAGE_SIZE
    )


@dataclass(frozen=True)
class PageRequest:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def page_request(request: Request) -> PageRequest:
    parameters = _PageParameters(data=request.query_params)
    parameters.is_valid(raise_exception=True)
    return PageRequest(parameters.validated_data["page"], parameters.validated_data["page_size"])


Load = Callable[[int, int], tuple[int, Sequence[Any]]]


def queryset_loader(queryset: QuerySet) -> Load:
    """`load` for a queryset: count, then slice only when the page can exist."""

    def load(offset: int, limit: int) -> tuple[int, Sequence[Any]]:
        total = queryset.count()
        if offset >= total:
            return total, []
        return total, list(queryset[offset : offset + limit])

    return load


def paginated_response(
    request: Request, load: Load, serialize: Callable[[Sequence[Any]], list[Any]]
) -> Response:
    page = page_request(request)
    total, items = load(page.offset, page.size)
    last = max(1, -(-total // page.size))
    if page.number > last:
        raise NotFound(
            _("There is no page %(page)s; the last page is %(last)s.") % {"page": page.number, "last": last}
        )
    url = request.build_absolute_uri()
    following = replace_query_param(url, "page", page.number + 1) if page.number < last else None
    if page.number <= 1:
        previous = None
    elif page.number == 2:
        previous = remove_query_param(url, "page")
    else:
        previous = replace_query_param(url, "page", page.number - 1)
    return Response({"count": total, "next": following, "previous": previous, "results": serialize(items)})


class ApiPagination(PageNumberPagination):
    """Describes the parameters and the envelope in the OpenAPI schema (drf-spectacular asks the
    view's pagination class); the work itself is `paginated_response`."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Page number, from 1. A page past the last one is a 404.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Results per page (default {PAGE_SIZE}, at most {MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
