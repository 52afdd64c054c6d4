"""The iCalendar files in the REST API, so that the OpenAPI description names them:

- /api/v1/events/{uuid}/ics/: one event,
- /api/v1/event-feeds/network/{uuid}/ and /api/v1/event-feeds/region/{code}/: public feeds,
- /api/v1/event-feeds/person/{token}/: a person's own feed behind its secret address.

Each answers with the same bytes as the page address it mirrors (views_calendar.py, which the
network, region and event pages link to): one writer, one set of rules for who sees what. Success
is `text/calendar`; errors are the API's JSON error shape, whatever the client accepts, because an
error body in iCalendar would mean nothing to a calendar application either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from verkosto.api.schema import error_responses

from . import views_calendar

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=["fi", "sv", "en"],
    description="The calendar's language; without it, Accept-Language (Finnish by default).",
)
ICALENDAR = OpenApiResponse(
    response=OpenApiTypes.BINARY,
    description="iCalendar (RFC 5545): a VCALENDAR with one VEVENT per event; each event keeps "
    "its UID, and its SEQUENCE rises when its time, place or status changes.",
)


class _CalendarFile(APIView):
    """Success bypasses the renderers (the page view's HttpResponse); errors are always JSON."""

    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple[BaseRenderer, str]:
        # Calendar applications send `Accept: text/calendar` or nothing useful; never a 406.
        renderer = JSONRenderer()
        return renderer, renderer.media_type


def _calendar_file(
    page_view: Callable[..., HttpResponse],
    page_argument: str,
    *,
    parameter: tuple[str, Any, str],
    operation_id: str,
    summary: str,
    description: str,
    errors: tuple[int, ...] = (404,),
) -> type[APIView]:
    """An API view that serves what `page_view` serves; `page_argument` is the page view's name
    for the one path parameter."""
    name, kind, help_text = parameter

    @extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=description,
        parameters=[
            OpenApiParameter(name, kind, OpenApiParameter.PATH, description=help_text),
            LANG_PARAMETER,
        ],
        responses={(200, "text/calendar"): ICALENDAR, **error_responses(*errors)},
        tags=["events"],
    )
    def get(self: APIView, request: Request, **kwargs: Any) -> HttpResponse:
        return page_view(request._request, **{page_argument: kwargs[name]})

    return type(operation_id, (_CalendarFile,), {"get": get, "__doc__": summary})


EventICalendar = _calendar_file(
    views_calendar.event_ics,
    "event",
    parameter=("uuid", OpenApiTypes.UUID, "The event's UUID."),
    operation_id="event_ics",
    summary="An event as iCalendar",
    description="The event as an iCalendar file, for whoever may see it (a members-only event needs "
    "credentials); 404 otherwise.",
    errors=(401, 404),
)
NetworkFeed = _calendar_file(
    views_calendar.network_feed,
    "network",
    parameter=("uuid", OpenApiTypes.UUID, "The network's UUID."),
    operation_id="event_feed_network",
    summary="A network's events as an iCalendar feed",
    description="The public events of a public network (published, cancelled and postponed), from 90 "
    "days back onwards. The same for everyone: members-only events are never in it.",
)
RegionFeed = _calendar_file(
    views_calendar.region_feed,
    "code",
    parameter=("code", OpenApiTypes.STR, "Region code, e.g. MK18."),
    operation_id="event_feed_region",
    summary="A region's events as an iCalendar feed",
    description="The public events for the region or held in one of its municipalities, from 90 days "
    "back onwards.",
)
PersonFeed = _calendar_file(
    views_calendar.person_feed,
    "token",
    parameter=("token", OpenApiTypes.STR, "The feed's secret token."),
    operation_id="event_feed_person",
    summary="A person's registrations as an iCalendar feed",
    description="The events the person is registered for (attending, and waiting as TENTATIVE), "
    "members-only events included. The token is the secret part of the address shown on the "
    "person's page /events/calendar/mine/; a renewed token makes the old one 404.",
)
