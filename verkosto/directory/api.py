"""The directory's REST API under /api/v1/ (routed by api_urls.py).

Views are thin: parameters and bodies are parsed by serializers.py, reads go through selectors.py
(already scoped to what the user may see), writes through services.py (which check permissions,
validate, write the audit entry and refresh the search index). Errors become JSON in
verkosto.api.errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.accounts import permissions
from verkosto.api.errors import Conflict
from verkosto.api.fields import parse_ref
from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses

from . import selectors, services
from .models import Language, Organisation, Service, TargetGroup, WayOfWorking
from .serializers import (
    ContactParameters,
    ContactSerializer,
    LanguageSerializer,
    MunicipalityParameters,
    MunicipalitySerializer,
    OrganisationParameters,
    OrganisationSerializer,
    RegionParameters,
    RegionSerializer,
    ServiceParameters,
    ServiceSerializer,
    VocabularySerializer,
)

S = TypeVar("S", bound=serializers.Serializer)

_HEX = "[0-9a-fA-F]"
_UUID = f"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
ID_OR_UUID = OpenApiParameter(
    "id",
    {"type": "string", "pattern": f"^([0-9]{{1,18}}|{_UUID})$"},
    OpenApiParameter.PATH,
    description="The numeric id or the UUID.",
)
NUMERIC_ID = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The numeric id."
)
# 401 on reading too: a wrong token is refused even where no token is needed.
READ_ERRORS = error_responses(400, 401, 404)
ONE_ERRORS = error_responses(401, 404)
WRITE_ERRORS = error_responses(400, 401, 403, 404)


def _parameters(serializer_class: type[S], request: Request) -> S:
    parameters = serializer_class(data=request.query_params)
    parameters.is_valid(raise_exception=True)
    return parameters


def _ref_or_404(value: str, *, allow_uuid: bool = True) -> int | UUID:
    ref = parse_ref(value, allow_uuid=allow_uuid)
    if ref is None:
        raise NotFound
    return ref


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not make this change."))


class _DirectoryViewSet(viewsets.GenericViewSet):
    """JSON in and out; lists paginated (see verkosto.api.pagination)."""

    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "id"
    lookup_value_regex = "[^/]+"


# --- reference data ------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Regions",
        description="The 19 regions (maakunnat).",
        parameters=[RegionParameters],
        responses={200: RegionSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="A region",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="e.g. MK18")],
        responses={200: RegionSerializer, **ONE_ERRORS},
    ),
)
class RegionViewSet(_DirectoryViewSet):
    lookup_field = "code"
    serializer_class = RegionSerializer

    def list(self, request: Request) -> Response:
        ordering = _parameters(RegionParameters, request).validated_data.get("ordering", "")
        regions = selectors.region_list_for_api(ordering=ordering)
        return paginated_response(request, queryset_loader(regions), _many(RegionSerializer))

    def retrieve(self, request: Request, code: str) -> Response:
        return Response(RegionSerializer(selectors.region_get_for_api(code)).data)


@extend_schema_view(
    list=extend_schema(
        summary="Municipalities",
        description="The municipalities of the 2025 classification.",
        parameters=[MunicipalityParameters],
        responses={200: MunicipalitySerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="A municipality",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="e.g. 205")],
        responses={200: MunicipalitySerializer, **ONE_ERRORS},
    ),
)
class MunicipalityViewSet(_DirectoryViewSet):
    lookup_field = "code"
    serializer_class = MunicipalitySerializer

    def list(self, request: Request) -> Response:
        data = _parameters(MunicipalityParameters, request).validated_data
        municipalities = selectors.municipality_list_for_api(
            text=data.get("q", ""), regions=data.get("region", []), ordering=data.get("ordering", "")
        )
        return paginated_response(request, queryset_loader(municipalities), _many(MunicipalitySerializer))

    def retrieve(self, request: Request, code: str) -> Response:
        return Response(MunicipalitySerializer(selectors.municipality_get_for_api(code)).data)


def _vocabulary_view(model: Any, serializer_class: Any, summary: str) -> type[_DirectoryViewSet]:
    @extend_schema_view(
        list=extend_schema(summary=summary, responses={200: serializer_class(many=True), **READ_ERRORS})
    )
    class VocabularyViewSet(_DirectoryViewSet):
        def list(self, request: Request) -> Response:
            return paginated_response(request, queryset_loader(model.objects.all()), _many(serializer_class))

    VocabularyViewSet.__name__ = VocabularyViewSet.__qualname__ = f"{model.__name__}ViewSet"
    return VocabularyViewSet


TargetGroupViewSet = _vocabulary_view(TargetGroup, VocabularySerializer, "Target groups")
WayOfWorkingViewSet = _vocabulary_view(WayOfWorking, VocabularySerializer, "Ways of working")
LanguageViewSet = _vocabulary_view(Language, LanguageSerializer, "Languages")


def _many(serializer_class: Any, **context: Any) -> Callable[[Any], Any]:
    return lambda items: serializer_class(items, many=True, context=context).data


# --- organisations -------------------------------------------------------------------------------


def _without_conflict(write: Callable[[], Any], *, business_id: str | None, other_than: int | None) -> Any:
    """Run a write; a clash on the business ID (unique) is a 409 rather than a 400 (or, in a race
    between two writers, an IntegrityError)."""
    try:
        return write()
    except (DjangoValidationError, IntegrityError):
        if business_id and selectors.organisation_holding_business_id(business_id, other_than=other_than):
            raise Conflict(
                {"business_id": [_("An organisation with this business ID already exists.")]}
            ) from None
        raise


@extend_schema_view(
    list=extend_schema(
        summary="Organisations",
        description="Published organisations, with the search page's filters.",
        parameters=[OrganisationParameters],
        responses={200: OrganisationSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="An organisation",
        description="A draft is visible only to those who may edit it.",
        parameters=[ID_OR_UUID],
        responses={200: OrganisationSerializer, **ONE_ERRORS},
    ),
    create=extend_schema(
        summary="Add an organisation",
        description="Administrators and national coordinators anywhere; regional coordinators in "
        "their regions.",
        request=OrganisationSerializer,
        responses={201: OrganisationSerializer, **error_responses(400, 401, 403, 409)},
    ),
    update=extend_schema(
        summary="Update an organisation",
        description="Every required field must be given; optional fields left out keep their values.",
        parameters=[ID_OR_UUID],
        request=OrganisationSerializer,
        responses={200: OrganisationSerializer, **error_responses(400, 401, 403, 404, 409)},
    ),
    partial_update=extend_schema(
        summary="Change some fields of an organisation",
        description="Only the fields given change.",
        parameters=[ID_OR_UUID],
        request=OrganisationSerializer,
        responses={200: OrganisationSerializer, **error_responses(400, 401, 403, 404, 409)},
    ),
)
class OrganisationViewSet(_DirectoryViewSet):
    serializer_class = OrganisationSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def list(self, request: Request) -> Response:
        parameters = _parameters(OrganisationParameters, request)
        organisations = selectors.organisation_list_for_api(
            text=parameters.validated_data.get("q", ""),
            filters=parameters.search_filters(),
            ordering=parameters.validated_data.get("ordering", ""),
        )
        return paginated_response(request, queryset_loader(organisations), _many(OrganisationSerializer))

    def retrieve(self, request: Request, id: str) -> Response:
        organisation = selectors.organisation_get_for_api(user=request.user, ref=_ref_or_404(id))
        return Response(OrganisationSerializer(organisation).data)

    def create(self, request: Request) -> Response:
        _require(permissions.can_create_organisation(request.user))
        serializer = OrganisationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        arguments = serializer.arguments()
        organisation = _without_conflict(
            lambda: services.organisation_create(actor=request.user, **arguments),
            business_id=arguments.get("business_id"),
            other_than=None,
        )
        return self._saved(request, organisation, status.HTTP_201_CREATED)

    def update(self, request: Request, id: str, partial: bool = False) -> Response:
        organisation = selectors.organisation_get_for_api(user=request.user, ref=_ref_or_404(id))
        _require(permissions.can_edit_organisation(request.user, organisation))
        serializer = OrganisationSerializer(organisation, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        arguments = serializer.arguments()
        organisation = _without_conflict(
            lambda: services.organisation_update(actor=request.user, organisation=organisation, **arguments),
            business_id=arguments.get("business_id"),
            other_than=organisation.pk,
        )
        return self._saved(request, organisation, status.HTTP_200_OK)

    def partial_update(self, request: Request, id: str) -> Response:
        return self.update(request, id, partial=True)

    def _saved(self, request: Request, organisation: Organisation, code: int) -> Response:
        fresh = selectors.organisation_get_for_api(user=request.user, ref=organisation.pk)
        return Response(OrganisationSerializer(fresh).data, status=code)


# --- services ------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Services",
        description="Published services of published organisations, found and ranked by the search "
        "index exactly as on the search page (inflected words find base forms).",
        parameters=[ServiceParameters],
        responses={200: ServiceSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="A service",
        description="A draft is visible only to those who may edit its organisation.",
        parameters=[ID_OR_UUID],
        responses={200: ServiceSerializer, **ONE_ERRORS},
    ),
    create=extend_schema(
        summary="Add a service",
        description="For editors of the organisation and coordinators of its regions.",
        request=ServiceSerializer,
        responses={201: ServiceSerializer, **error_responses(400, 401, 403)},
    ),
    update=extend_schema(
        summary="Update a service",
        description="Every required field must be given; optional fields left out keep their values.",
        parameters=[ID_OR_UUID],
        request=ServiceSerializer,
        responses={200: ServiceSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a service",
        description="Only the fields given change.",
        parameters=[ID_OR_UUID],
        request=ServiceSerializer,
        responses={200: ServiceSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Delete a service",
        parameters=[ID_OR_UUID],
        responses={204: None, **error_responses(401, 403, 404)},
    ),
)
class ServiceViewSet(_DirectoryViewSet):
    serializer_class = ServiceSerializer

    def list(self, request: Request) -> Response:
        parameters = _parameters(ServiceParameters, request)
        data = parameters.validated_data

        def load(offset: int, limit: int) -> tuple[int, list[Service]]:
            return selectors.service_list_for_api(
                text=data.get("q", ""),
                filters=parameters.search_filters(),
                organisation=data.get("organisation"),
                ordering=data.get("ordering", ""),
                offset=offset,
                limit=limit,
            )

        return paginated_response(request, load, _many(ServiceSerializer))

    def retrieve(self, request: Request, id: str) -> Response:
        service = selectors.service_get_for_api(user=request.user, ref=_ref_or_404(id))
        return self._shown(request, service, status.HTTP_200_OK)

    def create(self, request: Request) -> Response:
        serializer = ServiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service = services.service_create(
            actor=request.user,
            organisation=serializer.validated_data["organisation"],
            **serializer.arguments(),
        )
        return self._shown(request, service, status.HTTP_201_CREATED)

    def update(self, request: Request, id: str, partial: bool = False) -> Response:
        service = selectors.service_get_for_api(user=request.user, ref=_ref_or_404(id))
        _require(permissions.can_edit_organisation(request.user, service.organisation))
        serializer = ServiceSerializer(service, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        service = services.service_update(actor=request.user, service=service, **serializer.arguments())
        return self._shown(request, service, status.HTTP_200_OK)

    def partial_update(self, request: Request, id: str) -> Response:
        return self.update(request, id, partial=True)

    def destroy(self, request: Request, id: str) -> Response:
        service = selectors.service_get_for_api(user=request.user, ref=_ref_or_404(id))
        services.service_delete(actor=request.user, service=service)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _shown(self, request: Request, service: Service, code: int) -> Response:
        fresh = selectors.service_get_for_api(user=request.user, ref=service.pk)
        context = {
            "show_private_contact": permissions.can_edit_organisation(request.user, fresh.organisation)
        }
        return Response(ServiceSerializer(fresh, context=context).data, status=code)


# --- contact people ------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Contact people",
        description="Only people who agreed to be shown publicly, of published organisations.",
        parameters=[ContactParameters],
        responses={200: ContactSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="A contact person",
        description="Someone not shown publicly is visible only to the organisation's editors.",
        parameters=[NUMERIC_ID],
        responses={200: ContactSerializer, **ONE_ERRORS},
    ),
    create=extend_schema(
        summary="Add a contact person",
        request=ContactSerializer,
        responses={201: ContactSerializer, **error_responses(400, 401, 403)},
    ),
    update=extend_schema(
        summary="Update a contact person",
        description="Every required field must be given; optional fields left out keep their values.",
        parameters=[NUMERIC_ID],
        request=ContactSerializer,
        responses={200: ContactSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a contact person",
        description="Only the fields given change.",
        parameters=[NUMERIC_ID],
        request=ContactSerializer,
        responses={200: ContactSerializer, **WRITE_ERRORS},
    ),
)
class ContactViewSet(_DirectoryViewSet):
    serializer_class = ContactSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def list(self, request: Request) -> Response:
        parameters = _parameters(ContactParameters, request)
        contacts = selectors.contact_list_for_api(
            text=parameters.validated_data.get("q", ""),
            filters=parameters.search_filters(),
            organisation=parameters.validated_data.get("organisation"),
            ordering=parameters.validated_data.get("ordering", ""),
        )
        return paginated_response(request, queryset_loader(contacts), _many(ContactSerializer))

    def retrieve(self, request: Request, id: str) -> Response:
        pk = _ref_or_404(id, allow_uuid=False)
        return Response(ContactSerializer(selectors.contact_get_for_api(user=request.user, pk=pk)).data)

    def create(self, request: Request) -> Response:
        serializer = ContactSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.contact_create(
            actor=request.user,
            organisation=serializer.validated_data["organisation"],
            **serializer.arguments(),
        )
        fresh = selectors.contact_get_for_api(user=request.user, pk=contact.pk)
        return Response(ContactSerializer(fresh).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, id: str, partial: bool = False) -> Response:
        contact = selectors.contact_get_for_api(user=request.user, pk=_ref_or_404(id, allow_uuid=False))
        _require(permissions.can_edit_organisation(request.user, contact.organisation))
        serializer = ContactSerializer(contact, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        contact = services.contact_update(actor=request.user, contact=contact, **serializer.arguments())
        fresh = selectors.contact_get_for_api(user=request.user, pk=contact.pk)
        return Response(ContactSerializer(fresh).data)

    def partial_update(self, request: Request, id: str) -> Response:
        return self.update(request, id, partial=True)
