"""Events in the REST API under /api/v1/events/ (routed by api_events_urls.py): read-only, and
only what the caller may see (calendars.events_visible_to), with public registration counts, the
programme and links to the iCalendar file and feeds. The feeds are served by the pages
(views_calendar.py) and mirrored in the API with a schema of their own (api_feeds.py)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses

from . import calendars
from .serializers import EventParameters, EventSerializer

UUID_PARAMETER = OpenApiParameter(
    "uuid", {"type": "string", "format": "uuid"}, OpenApiParameter.PATH, description="The event's UUID."
)


def _context(request: Request) -> dict[str, Any]:
    # The organising networks shown are those the caller may see: a members-only network's name
    # stays hidden from others, as on the pages. One query for the whole list.
    visible = set(calendars.networks_visible_to(request.user).values_list("pk", flat=True))
    return {"request": request, "visible_network_ids": visible}


@extend_schema_view(
    list=extend_schema(
        summary="Events",
        description="Events the caller may see, in order of their start: public events for "
        "everyone; members-only events for the members of their organising networks and "
        "organisations; drafts for their organisers. Each with its public registration counts, "
        "programme, and links to its iCalendar file and the feeds it appears in.",
        parameters=[EventParameters],
        responses={200: EventSerializer(many=True), **error_responses(400, 401, 404)},
    ),
    retrieve=extend_schema(
        summary="An event",
        description="404 for an event the caller may not see.",
        parameters=[UUID_PARAMETER],
        responses={200: EventSerializer, **error_responses(401, 404)},
    ),
)
class EventViewSet(viewsets.GenericViewSet):
    """JSON out; the list paginated (see verkosto.api.pagination)."""

    serializer_class = EventSerializer
    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "uuid"
    lookup_value_regex = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    def list(self, request: Request) -> Response:
        parameters = EventParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        data = parameters.validated_data
        events = calendars.events_for_api(
            user=request.user,
            regions=data.get("region", []),
            networks=data.get("network", []),
            kinds=data.get("kind", []),
            date_from=data.get("from"),
            date_to=data.get("to"),
            languages=data.get("language", []),
        )
        context = _context(request)
        return paginated_response(
            request,
            queryset_loader(events),
            lambda items: EventSerializer(items, many=True, context=context).data,
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        event = calendars.event_for_api(user=request.user, uuid=UUID(uuid))
        return Response(EventSerializer(event, context=_context(request)).data)
