"""Networks, their memberships and peer groups in the REST API under /api/v1/networks/ (routed by
api_pages_urls.py). The same rules as the pages: public networks for everyone, members-only ones
for their members (404 to others); memberships and peer groups are read by whoever sees the
network and added by its managers (services.py checks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.api.errors import Conflict
from verkosto.api.fields import parse_ref
from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses

from . import permissions, selectors, services
from .models import Network
from .serializers import (
    MembershipParameters,
    MembershipSerializer,
    NetworkParameters,
    NetworkSerializer,
    PeerGroupSerializer,
)

_HEX = "[0-9a-fA-F]"
_UUID = f"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
ID_OR_UUID = OpenApiParameter(
    "id",
    {"type": "string", "pattern": f"^([0-9]{{1,18}}|{_UUID})$"},
    OpenApiParameter.PATH,
    description="The network's numeric id or UUID.",
)
# 401 on reading too: a wrong token is refused even where no token is needed.
LIST_ERRORS = error_responses(400, 401, 404)
WRITE_ERRORS = error_responses(400, 401, 403, 404, 409)


def _many(serializer_class: Any) -> Callable[[Any], Any]:
    return lambda items: serializer_class(items, many=True).data


def _without_conflict(
    write: Callable[[], Any], *, clashes: Callable[[], bool], field: str, message: str
) -> Any:
    """Run a write; a clash with existing data (checked by `clashes` after a refusal) is a 409
    rather than a 400 (or, in a race between two writers, an IntegrityError)."""
    try:
        return write()
    except (DjangoValidationError, IntegrityError):
        if clashes():
            raise Conflict({field: [message]}) from None
        raise


def _require_manager(request: Request, network: Network) -> None:
    if not permissions.can_manage_network(request.user, network):
        raise PermissionDenied(_("You may not change this network."))


@extend_schema_view(
    list=extend_schema(
        summary="Networks",
        description="Public networks, and the members-only networks the caller takes part in or "
        "manages; each with its number of current member organisations.",
        parameters=[NetworkParameters],
        responses={200: NetworkSerializer(many=True), **LIST_ERRORS},
    ),
    retrieve=extend_schema(
        summary="A network",
        description="A members-only network is visible only to its members and managers.",
        parameters=[ID_OR_UUID],
        responses={200: NetworkSerializer, **error_responses(401, 404)},
    ),
)
class NetworkViewSet(viewsets.GenericViewSet):
    """JSON in and out; lists paginated (see verkosto.api.pagination)."""

    serializer_class = NetworkSerializer
    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "id"
    lookup_value_regex = "[^/]+"

    def _network(self, request: Request, id: str) -> Network:
        ref = parse_ref(id)
        if ref is None:
            raise NotFound
        return selectors.network_get_for_api(user=request.user, ref=ref)

    def list(self, request: Request) -> Response:
        parameters = NetworkParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        networks = selectors.network_list_for_api(
            user=request.user,
            kinds=parameters.validated_data.get("kind", []),
            regions=parameters.validated_data.get("region", []),
        )
        return paginated_response(request, queryset_loader(networks), _many(NetworkSerializer))

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(NetworkSerializer(self._network(request, id)).data)

    @extend_schema(
        methods=["GET"],
        summary="A network's memberships",
        description="Member organisations with their joining and leaving dates, newest first; for "
        "whoever sees the network. Organisations that are drafts in the directory only for the "
        "network's managers.",
        parameters=[ID_OR_UUID, MembershipParameters],
        responses={200: MembershipSerializer(many=True), **LIST_ERRORS},
    )
    @extend_schema(
        methods=["POST"],
        summary="Add a member organisation",
        description="For the network's coordinators and national coordinators. An organisation that "
        "is a member already is a 409; a joining date before its earlier membership ended, a 400.",
        parameters=[ID_OR_UUID],
        request=MembershipSerializer,
        responses={201: MembershipSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["get", "post"], url_path="memberships")
    def memberships(self, request: Request, id: str) -> Response:
        network = self._network(request, id)
        if request.method == "POST":
            _require_manager(request, network)
            serializer = MembershipSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            organisation = serializer.validated_data["organisation"]
            membership = _without_conflict(
                lambda: services.membership_add(
                    actor=request.user,
                    network=network,
                    organisation=organisation,
                    joined_on=serializer.validated_data["joined_on"],
                ),
                clashes=lambda: network.memberships.filter(
                    organisation=organisation, left_on__isnull=True
                ).exists(),
                field="organisation",
                message=_("This organisation is already a member of the network."),
            )
            return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)
        parameters = MembershipParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        wanted = parameters.validated_data.get("status")
        memberships = selectors.network_memberships_for_api(
            user=request.user, network=network, current=None if not wanted else wanted == "current"
        )
        return paginated_response(request, queryset_loader(memberships), _many(MembershipSerializer))

    @extend_schema(
        methods=["GET"],
        summary="A network's peer groups",
        description="For whoever sees the network; the groups' people are not listed.",
        parameters=[ID_OR_UUID],
        responses={200: PeerGroupSerializer(many=True), **LIST_ERRORS},
    )
    @extend_schema(
        methods=["POST"],
        summary="Add a peer group",
        description="For the network's coordinators and national coordinators. A name the network "
        "has already (in Finnish, whatever the case) is a 409.",
        parameters=[ID_OR_UUID],
        request=PeerGroupSerializer,
        responses={201: PeerGroupSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["get", "post"], url_path="peer-groups")
    def peer_groups(self, request: Request, id: str) -> Response:
        network = self._network(request, id)
        if request.method == "POST":
            _require_manager(request, network)
            serializer = PeerGroupSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            fields = dict(serializer.validated_data)
            name_fi = (fields.get("name_fi") or "").strip()

            def clashes() -> bool:
                return bool(name_fi) and selectors.peer_group_name_taken(network=network, name_fi=name_fi)

            group = _without_conflict(
                lambda: services.peer_group_create(actor=request.user, network=network, **fields),
                clashes=clashes,
                field="name.fi",
                message=_("The network has a peer group of this name already."),
            )
            fresh = selectors.network_peer_groups_for_api(network=network).get(pk=group.pk)
            return Response(PeerGroupSerializer(fresh).data, status=status.HTTP_201_CREATED)
        groups = selectors.network_peer_groups_for_api(network=network)
        return paginated_response(request, queryset_loader(groups), _many(PeerGroupSerializer))
