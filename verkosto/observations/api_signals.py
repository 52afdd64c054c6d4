"""Signals in the REST API under /api/v1/signals/ (routed by api_signals_urls.py).

Filing a signal (POST) is for anyone signed in with a role; the text is scrubbed of personal data
before it is stored, and the answer carries the stored, scrubbed text. Reading lists only what the
caller may read (their own signals; coordinators the raw signals of their regions; national
coordinators all). POST /signals/scrub/ answers with the scrubbed text and stores nothing. Every
operation needs a logged-in caller (a token or a session).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses

from . import capture, permissions, selectors
from .serializers_signals import (
    ScrubRequestSerializer,
    ScrubResultSerializer,
    SignalCreateSerializer,
    SignalListParameters,
    SignalSerializer,
)

SIGNAL_UUID = OpenApiParameter(
    "uuid", {"type": "string", "format": "uuid"}, OpenApiParameter.PATH, description="The signal's UUID."
)


def _serialize(request: Request, items: Any, *, many: bool = False) -> Any:
    return SignalSerializer(items, many=many, context={"user": request.user}).data


@extend_schema_view(
    list=extend_schema(
        summary="Signals I may read",
        description="The caller's own signals and, for coordinators, the signals of their regions "
        "(national coordinators: all), newest observation first.",
        parameters=[SignalListParameters],
        responses={200: SignalSerializer(many=True), **error_responses(400, 401, 404)},
    ),
    retrieve=extend_schema(
        summary="A signal",
        description="For its author and the coordinators of its region; 404 for anyone else.",
        parameters=[SIGNAL_UUID],
        responses={200: SignalSerializer, **error_responses(401, 404)},
    ),
    create=extend_schema(
        summary="File a signal",
        description="The text is scrubbed of personal data (identity codes, phone numbers, e-mail and "
        "street addresses, names) before it is stored; the answer holds the stored text.",
        request=SignalCreateSerializer,
        responses={201: SignalSerializer, **error_responses(400, 401, 403)},
    ),
    scrub=extend_schema(
        summary="Preview the scrubbed text",
        description="The text as it would be stored, and what was replaced. Stores nothing.",
        request=ScrubRequestSerializer,
        responses={200: ScrubResultSerializer, **error_responses(400, 401, 403)},
    ),
)
class SignalViewSet(viewsets.GenericViewSet):
    serializer_class = SignalSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "uuid"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request: Request) -> Response:
        parameters = SignalListParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        signals = selectors.signal_list(user=request.user, **parameters.validated_data)
        return paginated_response(
            request, queryset_loader(signals), lambda items: _serialize(request, items, many=True)
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        try:
            signal = selectors.signal_get_for_view(user=request.user, uuid=_parse_uuid(uuid))
        except ValueError as exc:
            raise NotFound from exc
        return Response(_serialize(request, signal))

    def create(self, request: Request) -> Response:
        if not permissions.can_file_signal(request.user):
            raise PermissionDenied(_("You may not file signals."))
        serializer = SignalCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        signal = capture.signal_create(actor=request.user, **serializer.validated_data)
        fresh = selectors.signal_get_for_view(user=request.user, uuid=signal.uuid)
        return Response(_serialize(request, fresh), status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"], url_path="scrub")
    def scrub(self, request: Request) -> Response:
        if not permissions.can_file_signal(request.user):
            raise PermissionDenied(_("You may not file signals."))
        serializer = ScrubRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = capture.scrub_text(serializer.validated_data["text"], serializer.validated_data["language"])
        return Response({"text": result.text, "found": result.found})

    def get_serializer_class(self) -> Any:
        # For the schema generator: each operation's own shape.
        if self.action == "create":
            return SignalCreateSerializer
        if self.action == "scrub":
            return ScrubRequestSerializer
        return SignalSerializer


def _parse_uuid(value: str) -> uuid.UUID:
    return uuid.UUID(value)
