"""/api/v1/hsds/: the directory published as Open Referral HSDS 3.0 JSON, read-only.

Thin DRF views: parse the query (language, page, filters), call one builder of hsds_export and
respond. Errors are JSON `{"detail": ...}`: 400 for a bad parameter, 404 for an unknown id or a
page past the end, 429 when throttled. Every response is JSON whatever the Accept header says.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from verkosto.directory.models import Service

from . import hsds_export as export
from .hsds import DEFAULT_LANGUAGE, LANGUAGES, TAXONOMIES, TAXONOMIES_BY_ID

TAG = "HSDS 3.0"
HSDS_SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/"


# --- OpenAPI description -------------------------------------------------------------------------


def _object(required: list[str], about: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "description": about,
        "required": required,
        "properties": {"id": {"type": "string", "format": "uuid"}, **properties},
        "additionalProperties": True,
    }


_STRING = {"type": "string"}
SERVICE_SCHEMA = _object(
    ["id", "name", "status"],
    f"An HSDS 3.0 service; the full definition is {HSDS_SCHEMA}service.json",
    name=_STRING,
    status={"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
)
ORGANIZATION_SCHEMA = _object(
    ["id", "name", "description"],
    f"An HSDS 3.0 organization; the full definition is {HSDS_SCHEMA}organization.json",
    name=_STRING,
    description=_STRING,
)
SERVICE_AT_LOCATION_SCHEMA = _object(
    ["id"], f"An HSDS 3.0 service at location; see {HSDS_SCHEMA}service_at_location.json"
)
TAXONOMY_SCHEMA = _object(
    ["id", "name", "description"], "An HSDS 3.0 taxonomy.", name=_STRING, description=_STRING
)
TAXONOMY_TERM_SCHEMA = _object(
    ["id", "name", "description"], "An HSDS 3.0 taxonomy term.", name=_STRING, description=_STRING
)
ERROR_SCHEMA = {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}
ROOT_SCHEMA = {
    "type": "object",
    "required": ["version", "profile", "openapi_url"],
    "properties": {
        "version": {"type": "string", "description": "HSDS version of this API."},
        "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"},
        "languages": {"type": "array", "items": {"type": "string", "enum": list(LANGUAGES)}},
        "default_language": {"type": "string"},
        "notes": {"type": "string"},
    },
}


def _page_schema(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "An HSDS 3.0 page (the Page schema of the HSDS OpenAPI description).",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": item},
        },
    }


LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=list(LANGUAGES),
    default=DEFAULT_LANGUAGE,
    description="Language of the document's texts. HSDS has one language per document.",
)
PAGE = OpenApiParameter(
    "page", OpenApiTypes.INT, description="Page number, from 1. A page past the last one is 404."
)
PER_PAGE = OpenApiParameter(
    "per_page",
    OpenApiTypes.INT,
    description=f"Items per page, 1-{export.MAX_PER_PAGE} (default {export.DEFAULT_PER_PAGE}); "
    "more is capped.",
)
FULL = OpenApiParameter(
    "full",
    OpenApiTypes.BOOL,
    description="true: fully nested objects; false (default): one-to-one fields, as in the HSDS list.",
)
FORMAT = OpenApiParameter("format", OpenApiTypes.STR, enum=["json"], description="Only json is offered.")
ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The stable id.")
LIST_PARAMETERS = [LANG, PAGE, PER_PAGE, FORMAT]


def _errors(*codes: int) -> dict[int, OpenApiResponse]:
    descriptions = {
        400: "A parameter is not valid (unknown language, bad per_page, filter or format).",
        404: "No such published object, or the page is past the last page.",
        429: "Too many requests: wait for the time in the Retry-After header.",
    }
    return {code: OpenApiResponse(response=ERROR_SCHEMA, description=descriptions[code]) for code in codes}


def _ok(schema: dict[str, Any], description: str) -> dict[int, OpenApiResponse]:
    return {200: OpenApiResponse(response=schema, description=description)}


# --- parsing the query ---------------------------------------------------------------------------


class JsonOnly(BaseContentNegotiation):
    """Always JSON; `format` is an HSDS query parameter here, checked by the view."""

    def select_parser(self, request: Any, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Any, renderers: Any, format_suffix: Any = None) -> Any:
        return renderers[0], renderers[0].media_type


def _flag(request: Request, name: str) -> bool:
    value = request.query_params.get(name, "").strip().lower()
    if value in ("", "false", "0", "no"):
        return False
    if value in ("true", "1", "yes"):
        return True
    raise ParseError(f"{name} must be true or false.")


def _uuid(value: str, *, name: str) -> str:
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError) as exc:
        raise ParseError(f"{name} must be a UUID.") from exc


class HsdsView(APIView):
    """What every HSDS endpoint shares: public, JSON, throttled as the rest of the API."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnly

    def get_exception_handler(self) -> Callable[..., Any]:
        # HSDS defines no error shape; ours is REST framework's own {"detail": ...}, pinned here so
        # that it stays what the OpenAPI description above says whatever the API-wide handler is.
        return drf_exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        lang = request.query_params.get("lang", DEFAULT_LANGUAGE)
        if lang not in LANGUAGES:
            raise ParseError(f"Unknown language {lang[:20]!r}: use one of {', '.join(LANGUAGES)}.")
        if request.query_params.get("format", "json") != "json":
            raise ParseError("Only format=json is offered.")
        self.ctx = export.ExportContext(lang=lang, base_url=request.build_absolute_uri("/").rstrip("/"))

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(self, "ctx"):
            response["Content-Language"] = self.ctx.lang
        return response

    def paginate(self, items: Any, build: Callable[[Any], dict[str, Any]]) -> Response:
        request = self.request
        try:
            number = int(request.query_params.get("page", "1"))
        except ValueError as exc:
            raise NotFound("Invalid page.") from exc
        try:
            per_page = int(request.query_params.get("per_page", str(export.DEFAULT_PER_PAGE)))
        except ValueError as exc:
            raise ParseError("per_page must be a whole number.") from exc
        if per_page < 1:
            raise ParseError("per_page must be at least 1.")
        try:
            document = export.page(
                items, number=number, per_page=min(per_page, export.MAX_PER_PAGE), build=build
            )
        except export.PageOutOfRange as exc:
            raise NotFound("Invalid page.") from exc
        return Response(document)


# --- endpoints -----------------------------------------------------------------------------------


class HsdsRootView(HsdsView):
    """The HSDS version, where this profile is described, and the OpenAPI description."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_root",
        summary="HSDS version and profile of this API",
        parameters=[LANG],
        responses={**_ok(ROOT_SCHEMA, "Information about this API."), **_errors(400, 429)},
    )
    def get(self, request: Request) -> Response:
        return Response(
            export.root_document(
                self.ctx,
                profile=request.build_absolute_uri(reverse("api:docs")),
                openapi_url=request.build_absolute_uri(reverse("api:schema")),
            )
        )


class ServiceListView(HsdsView):
    """Published services of published organisations, ordered by Finnish name. By default each
    item has the one-to-one fields (as the HSDS service list); full=true nests everything."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_services_list",
        summary="Published services, a page at a time",
        parameters=[
            *LIST_PARAMETERS,
            FULL,
            OpenApiParameter(
                "organization_id", OpenApiTypes.UUID, description="Services of this organisation."
            ),
            OpenApiParameter(
                "taxonomy_term_id", OpenApiTypes.UUID, description="Services with this taxonomy term."
            ),
            OpenApiParameter(
                "taxonomy_id", OpenApiTypes.UUID, description="Services with any term of this taxonomy."
            ),
            OpenApiParameter(
                "modified_after",
                OpenApiTypes.DATETIME,
                description="Services changed at or after this time (ISO 8601).",
            ),
        ],
        responses={**_ok(_page_schema(SERVICE_SCHEMA), "A page of services."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request) -> Response:
        full = _flag(request, "full")
        services = export.services_for_export(full=full).filter(self._filters(request))
        build = export.service_document if full else export.service_list_item
        return self.paginate(services, lambda s: build(s, self.ctx))

    def _filters(self, request: Request) -> Q:
        q = Q()
        params = request.query_params
        if params.get("organization_id"):
            q &= Q(organisation__uuid=_uuid(params["organization_id"], name="organization_id"))
        if params.get("taxonomy_term_id"):
            term_id = _uuid(params["taxonomy_term_id"], name="taxonomy_term_id")
            term = export.find_term(term_id, self.ctx.lang)
            q &= export.service_filter_for_term(term.taxonomy, term.code) if term else Q(pk__in=[])
        if params.get("taxonomy_id"):
            taxonomy = TAXONOMIES_BY_ID.get(_uuid(params["taxonomy_id"], name="taxonomy_id"))
            q &= export.service_filter_for_taxonomy(taxonomy) if taxonomy else Q(pk__in=[])
        if params.get("modified_after"):
            q &= Q(updated_at__gte=_moment(params["modified_after"]))
        if q:
            # A relation filter can match a service more than once.
            return Q(pk__in=Service.objects.filter(q).values("pk"))
        return q


def _moment(value: str) -> Any:
    try:
        moment = parse_datetime(value)
        day = None if moment else parse_date(value)
    except ValueError:
        moment = day = None
    if day is not None:
        moment = datetime.datetime(day.year, day.month, day.day)
    if moment is None:
        raise ParseError("modified_after must be an ISO 8601 date or date and time.")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class ServiceDetailView(HsdsView):
    """A published service with its areas, languages, contact, taxonomy terms and organisation."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_services_retrieve",
        summary="One published service, fully nested",
        parameters=[ID, LANG, FORMAT],
        responses={**_ok(SERVICE_SCHEMA, "The service."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request, id: str) -> Response:
        service = export.services_for_export(full=True).filter(uuid=_found(id)).first()
        if service is None:
            raise NotFound("No such published service.")
        return Response(export.service_document(service, self.ctx))


def _found(value: str) -> str:
    """A path id: a malformed one names nothing, so it is a 404 like an unknown one."""
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise NotFound("No such object.") from exc


class OrganizationListView(HsdsView):
    """Published organisations. full=true nests contacts, identifiers, terms and services."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_organizations_list",
        summary="Published organisations, a page at a time",
        parameters=[
            *LIST_PARAMETERS,
            FULL,
            OpenApiParameter(
                "full_service",
                OpenApiTypes.BOOL,
                description="With full=true: each organisation's services fully nested too.",
            ),
        ],
        responses={
            **_ok(_page_schema(ORGANIZATION_SCHEMA), "A page of organisations."),
            **_errors(400, 404, 429),
        },
    )
    def get(self, request: Request) -> Response:
        full, full_service = _flag(request, "full"), _flag(request, "full_service")
        organisations = export.organisations_for_export(full=full, full_services=full_service)
        if not full:
            return self.paginate(organisations, lambda o: export.organization_list_item(o, self.ctx))
        services = "full" if full_service else "list"
        return self.paginate(
            organisations, lambda o: export.organization_document(o, self.ctx, services=services)
        )


class OrganizationDetailView(HsdsView):
    """A published organisation with its public contacts and published services."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_organizations_retrieve",
        summary="One published organisation, fully nested, with its published services",
        parameters=[
            ID,
            LANG,
            FORMAT,
            OpenApiParameter(
                "full_service", OpenApiTypes.BOOL, description="Services fully nested, not only their fields."
            ),
        ],
        responses={**_ok(ORGANIZATION_SCHEMA, "The organisation."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request, id: str) -> Response:
        full_service = _flag(request, "full_service")
        organisation = (
            export.organisations_for_export(full=True, full_services=full_service)
            .filter(uuid=_found(id))
            .first()
        )
        if organisation is None:
            raise NotFound("No such published organisation.")
        services = "full" if full_service else "list"
        return Response(export.organization_document(organisation, self.ctx, services=services))


class ServiceAtLocationListView(HsdsView):
    """Always an empty page: Verkosto records no physical locations (see service_areas)."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_service_at_locations_list",
        summary="Services at locations: always empty, Verkosto records no locations",
        description="Verkosto records where a service is available as municipalities (each service's "
        "service_areas), not as physical locations, so this list is always an empty page.",
        parameters=LIST_PARAMETERS,
        responses={
            **_ok(_page_schema(SERVICE_AT_LOCATION_SCHEMA), "An empty page."),
            **_errors(400, 404, 429),
        },
    )
    def get(self, request: Request) -> Response:
        return self.paginate([], lambda item: item)


class ServiceAtLocationDetailView(HsdsView):
    """Always 404: Verkosto records no physical locations."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_service_at_locations_retrieve",
        summary="A service at a location: never found, Verkosto records no locations",
        parameters=[ID, LANG, FORMAT],
        responses={**_ok(SERVICE_AT_LOCATION_SCHEMA, "Never returned."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request, id: str) -> Response:
        raise NotFound("Verkosto publishes no services at locations.")


class TaxonomyListView(HsdsView):
    """Our lists as taxonomies: target groups, ways of working, kinds of organisation, working
    languages, and Statistics Finland's municipalities and regions."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_taxonomies_list",
        summary="The taxonomies of the terms in services' and organisations' attributes",
        parameters=LIST_PARAMETERS,
        responses={**_ok(_page_schema(TAXONOMY_SCHEMA), "A page of taxonomies."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request) -> Response:
        return self.paginate(list(TAXONOMIES.values()), lambda t: export.taxonomy_document(t, self.ctx))


class TaxonomyDetailView(HsdsView):
    """One of our taxonomies."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_taxonomies_retrieve",
        summary="One taxonomy",
        parameters=[ID, LANG, FORMAT],
        responses={**_ok(TAXONOMY_SCHEMA, "The taxonomy."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request, id: str) -> Response:
        taxonomy = TAXONOMIES_BY_ID.get(_found(id))
        if taxonomy is None:
            raise NotFound("No such taxonomy.")
        return Response(export.taxonomy_document(taxonomy, self.ctx))


class TaxonomyTermListView(HsdsView):
    """Every term of our taxonomies, optionally of one taxonomy."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_taxonomy_terms_list",
        summary="Taxonomy terms: target groups, ways of working, kinds, languages, municipalities, regions",
        parameters=[
            *LIST_PARAMETERS,
            OpenApiParameter("taxonomy_id", OpenApiTypes.UUID, description="Terms of this taxonomy only."),
        ],
        responses={
            **_ok(_page_schema(TAXONOMY_TERM_SCHEMA), "A page of taxonomy terms."),
            **_errors(400, 404, 429),
        },
    )
    def get(self, request: Request) -> Response:
        taxonomy = None
        if request.query_params.get("taxonomy_id"):
            taxonomy = TAXONOMIES_BY_ID.get(_uuid(request.query_params["taxonomy_id"], name="taxonomy_id"))
            if taxonomy is None:
                return self.paginate([], lambda item: item)
        terms = export.all_terms(self.ctx.lang, taxonomy)
        return self.paginate(terms, lambda t: export.term_document(t.taxonomy, t.code, t.name, self.ctx))


class TaxonomyTermDetailView(HsdsView):
    """One taxonomy term, by the stable id used in attributes."""

    @extend_schema(
        tags=[TAG],
        operation_id="hsds_taxonomy_terms_retrieve",
        summary="One taxonomy term",
        parameters=[ID, LANG, FORMAT],
        responses={**_ok(TAXONOMY_TERM_SCHEMA, "The taxonomy term."), **_errors(400, 404, 429)},
    )
    def get(self, request: Request, id: str) -> Response:
        term = export.find_term(_found(id), self.ctx.lang)
        if term is None:
            raise NotFound("No such taxonomy term.")
        return Response(export.term_document(term.taxonomy, term.code, term.name, self.ctx))
