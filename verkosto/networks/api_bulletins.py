"""Bulletins in the REST API under /api/v1/bulletins/ (routed by api_bulletins_urls.py).

The same rules as the pages, from bulletins.py: the list is the caller's feed (with `is_read`),
a bulletin outside the caller's audience is a 404, sending is for network coordinators and national
coordinators. Reading one through the API does not mark it read (a GET changes nothing); POST
`/bulletins/{id}/read/` does. Every operation needs a logged-in caller (a token or a session).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.api.fields import MAX_ID, CodeListField, RefField, TextField, TranslatedField, parse_ref
from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses
from verkosto.core.models import Region

from . import bulletins
from .models import Bulletin, Network, PeerGroup

NUMERIC_ID = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The bulletin's id."
)


# --- shapes --------------------------------------------------------------------------------------


class BulletinNetworkSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = TranslatedField(max_length=200, read_only=True)


class BulletinPeerGroupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = TranslatedField(max_length=150, read_only=True)
    network = serializers.IntegerField(source="network_id", read_only=True, help_text="The network's id.")


class BulletinSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    body = serializers.CharField(read_only=True, help_text="Plain text; an empty line starts a paragraph.")
    audience = serializers.ChoiceField(choices=Bulletin.Audience.choices, read_only=True)
    author = serializers.SerializerMethodField(help_text="The sender's name; null if the account is gone.")
    source_network = BulletinNetworkSerializer(read_only=True, allow_null=True)
    networks = BulletinNetworkSerializer(
        many=True, read_only=True, help_text='The networks addressed (audience "networks").'
    )
    regions = CodeListField(
        queryset=Region.objects.all(),
        slug_field="code",
        read_only=True,
        help_text='Codes of the regions addressed (audience "regions").',
    )
    peer_group = BulletinPeerGroupSerializer(read_only=True, allow_null=True)
    published_at = serializers.DateTimeField(read_only=True)
    is_read = serializers.BooleanField(read_only=True, help_text="Whether the caller has read it.")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_author(self, bulletin: Bulletin) -> str | None:
        if bulletin.author is None:
            return None
        return bulletin.author.get_full_name() or bulletin.author.get_username()


class BulletinCreateSerializer(serializers.Serializer):
    """What bulletins.bulletin_create takes; targets not of the chosen audience are ignored."""

    title = TextField(max_length=200)
    body = TextField(max_length=20000)
    audience = serializers.ChoiceField(
        choices=Bulletin.Audience.choices,
        help_text='"all" is for national coordinators; "national" needs `source_network`.',
    )
    networks = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        max_length=500,
        required=False,
        default=list,
        help_text='Ids of the networks addressed (audience "networks"); any networks.',
    )
    regions = CodeListField(
        queryset=Region.objects.all(),
        slug_field="code",
        default=list,
        help_text='Codes of the regions addressed (audience "regions"), e.g. ["MK18"].',
    )
    peer_group = RefField(
        queryset=PeerGroup.objects.all(),
        representation=BulletinPeerGroupSerializer,
        allow_uuid=False,
        required=False,
        allow_null=True,
        default=None,
        help_text='The peer group addressed (audience "peer_group"), of a network you coordinate.',
    )
    source_network = RefField(
        queryset=Network.objects.all(),
        representation=BulletinNetworkSerializer,
        required=False,
        allow_null=True,
        default=None,
        help_text="The network it is sent from, one you coordinate.",
    )

    def validate_networks(self, ids: list[int]) -> list[Network]:
        wanted = list(dict.fromkeys(ids))
        found = {network.pk: network for network in Network.objects.filter(pk__in=wanted)}
        unknown = [str(pk) for pk in wanted if pk not in found]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown values: %(values)s.") % {"values": ", ".join(unknown)}
            )
        return [found[pk] for pk in wanted]


class BulletinParameters(serializers.Serializer):
    unread = serializers.BooleanField(
        required=False, default=False, help_text="Only the bulletins the caller has not read."
    )


class MarkedReadSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many bulletins were unread.")


# --- the endpoints -------------------------------------------------------------------------------


def _bulletin_or_404(request: Request, id: str) -> Bulletin:
    pk = parse_ref(id, allow_uuid=False)
    if pk is None:
        raise NotFound
    return bulletins.bulletin_get_for_view(user=request.user, pk=int(pk))


@extend_schema_view(
    list=extend_schema(
        summary="Bulletins for me",
        description="The caller's feed: bulletins addressed to them (and those they sent), newest "
        "first, each with `is_read`.",
        parameters=[BulletinParameters],
        responses={200: BulletinSerializer(many=True), **error_responses(400, 401, 404)},
    ),
    retrieve=extend_schema(
        summary="A bulletin",
        description="Only for its audience, its author and the coordinators of the network it was "
        "sent from; 404 for anyone else. Does not mark it read.",
        parameters=[NUMERIC_ID],
        responses={200: BulletinSerializer, **error_responses(401, 404)},
    ),
    create=extend_schema(
        summary="Send a bulletin",
        description="For coordinators of networks and national coordinators. A bulletin that would "
        "reach no one (no networks, regions or peer group for those audiences) is refused.",
        request=BulletinCreateSerializer,
        responses={201: BulletinSerializer, **error_responses(400, 401, 403)},
    ),
    read=extend_schema(
        summary="Mark a bulletin read",
        parameters=[NUMERIC_ID],
        request=None,
        responses={204: None, **error_responses(401, 404)},
    ),
    read_all=extend_schema(
        summary="Mark every bulletin read",
        request=None,
        responses={200: MarkedReadSerializer, **error_responses(401)},
    ),
)
class BulletinViewSet(viewsets.GenericViewSet):
    serializer_class = BulletinSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "id"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request: Request) -> Response:
        parameters = BulletinParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        feed = bulletins.bulletin_feed(user=request.user, unread_only=parameters.validated_data["unread"])
        return paginated_response(
            request, queryset_loader(feed), lambda items: BulletinSerializer(items, many=True).data
        )

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(BulletinSerializer(_bulletin_or_404(request, id)).data)

    def create(self, request: Request) -> Response:
        if not bulletins.can_send_bulletins(request.user):
            raise PermissionDenied(_("Only coordinators of networks may send bulletins."))
        serializer = BulletinCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        bulletin = bulletins.bulletin_create(actor=request.user, **serializer.validated_data)
        fresh = bulletins.bulletin_get_for_view(user=request.user, pk=bulletin.pk)
        return Response(BulletinSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="read")
    def read(self, request: Request, id: str) -> Response:
        bulletins.bulletin_mark_read(user=request.user, bulletin=_bulletin_or_404(request, id))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        return Response({"marked": bulletins.bulletin_mark_all_read(user=request.user)})

    def get_serializer_class(self) -> Any:
        # For the schema generator: each operation's own shape.
        return BulletinCreateSerializer if self.action == "create" else BulletinSerializer
