"""/api/v1/export/services.csv and .xlsx: every service of a directory search as a table.

The same search as the search page and the same columns as the page's download links
(tabular.py); the API reports unknown filter values as a 400 instead of finding nothing.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from verkosto.api.schema import ErrorSerializer, error_responses

from . import tabular

EXPORT_RATE = "20/minute"


class ExportRateThrottle(SimpleRateThrottle):
    """Exports read every matching service: a rate of their own for every client, anonymous or
    not (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["export"] overrides the default)."""

    scope = "export"

    def get_rate(self) -> str:
        return self.THROTTLE_RATES.get(self.scope) or EXPORT_RATE

    def get_cache_key(self, request: Request, view: Any) -> str:
        ident = request.user.pk if request.user and request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _FileContentNegotiation(BaseContentNegotiation):
    """The response is a file whatever the Accept header says; errors are JSON."""

    def select_parser(self, request: Request, parsers: list[Any]) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: list[Any], format_suffix: str | None = None
    ) -> Any:
        return renderers[0], renderers[0].media_type


def _list_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, str, many=True, explode=True, style="form", description=description)


_PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description="Search text (at most 200 characters); inflected Finnish and Swedish words find "
        "their base forms. Every word must match.",
    ),
    _list_parameter("region", "Region code (MK01-MK21). Repeat for several: any of them matches."),
    _list_parameter("municipality", "Official three-digit municipality code, e.g. 205. Repeatable."),
    _list_parameter("kind", "Kind of organisation, e.g. youth_workshop. Repeatable."),
    _list_parameter("target", "Target group identifier, e.g. young-people. Repeatable."),
    _list_parameter("way", "Way of working identifier, e.g. group. Repeatable."),
    _list_parameter("language", "Language code, e.g. sv. Repeatable."),
]
_DESCRIPTION = (
    "Every public service matching the search, in the order of the directory's search page, one "
    "row per service with its organisation. Filters of different kinds must all match; values of "
    "one kind are alternatives. Columns: "
    + ", ".join(tabular.COLUMN_NAMES)
    + ". Lists inside a cell are separated by semicolons. Cells starting with = + - @ get a leading "
    "apostrophe so that spreadsheets do not run them as formulas."
)
_ERRORS = {
    **error_responses(400),
    429: OpenApiResponse(
        ErrorSerializer,
        description=f"Too many exports (at most {EXPORT_RATE} per client, anonymous or not); wait for "
        "the seconds in `Retry-After`.",
    ),
}


class _ServiceExportView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle, ExportRateThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = _FileContentNegotiation
    extension = ""

    def get(self, request: Request) -> Response | HttpResponse | StreamingHttpResponse:
        query, problems = tabular.export_query_from(request.query_params, strict=True)
        if problems:
            # The API's error shape (verkosto.api.errors): the messages by parameter in error.fields.
            raise ValidationError(problems)
        return tabular.export_response(query, self.extension)


class ServiceCsvExportView(_ServiceExportView):
    extension = "csv"

    @extend_schema(
        operation_id="export_services_csv",
        summary="Services of a search as CSV",
        description=_DESCRIPTION + " CSV: UTF-8 with a byte-order mark, semicolon between cells, "
        "CRLF line ends, streamed.",
        parameters=_PARAMETERS,
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="verkosto-services-YYYY-MM-DD.csv as an attachment."
            ),
            **_ERRORS,
        },
        tags=["export"],
    )
    def get(self, request: Request) -> Response | HttpResponse | StreamingHttpResponse:
        return super().get(request)


class ServiceXlsxExportView(_ServiceExportView):
    extension = "xlsx"

    @extend_schema(
        operation_id="export_services_xlsx",
        summary="Services of a search as an Excel workbook",
        description=_DESCRIPTION + " XLSX: one sheet, the header row frozen.",
        parameters=_PARAMETERS,
        responses={
            (200, tabular.XLSX_CONTENT_TYPE): OpenApiResponse(
                OpenApiTypes.BINARY, description="verkosto-services-YYYY-MM-DD.xlsx as an attachment."
            ),
            **_ERRORS,
        },
        tags=["export"],
    )
    def get(self, request: Request) -> Response | HttpResponse | StreamingHttpResponse:
        return super().get(request)
