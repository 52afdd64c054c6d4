"""Event template tags for pages of other apps and the event page's calendar box:
`{% events_section network=network %}` / `{% events_section region=region %}` (the next events and
the feed link on network and region pages, without changing their views), and
`{% event_calendar_feeds event as feeds %}` (the feeds an event appears in)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from verkosto.core.models import Region
from verkosto.events import calendars
from verkosto.events.models import Event
from verkosto.networks.models import Network

register = template.Library()


def feed_address(url: str) -> str:
    """A feed's address in the page's language: calendar applications send no language of their
    own, so a page in Swedish or English hands out a feed in that language."""
    lang = translation.get_language() or settings.LANGUAGE_CODE
    return url if lang == settings.LANGUAGE_CODE else f"{url}?{urlencode({'lang': lang})}"


@dataclass(frozen=True)
class Feed:
    kind: str
    label: str
    url: str


@register.simple_tag
def event_calendar_feeds(event: Event) -> list[Feed]:
    """The public feeds that show this event: its public networks' and its regions' (those it
    names and its municipality's). A members-only event is in none of them."""
    if event.status not in calendars.SHOWN or event.audience != Event.Audience.PUBLIC:
        return []
    feeds = [
        Feed(
            "network",
            _("Subscribe to the events of %(name)s") % {"name": network.name},
            feed_address(reverse("events:network_feed", args=[network.uuid])),
        )
        for network in event.networks.all()
        if network.is_public
    ]
    regions = {region.pk: region for region in event.regions.all()}
    place = event.municipality
    if place is not None and place.region_id not in regions:
        regions[place.region_id] = place.region
    feeds += [
        Feed(
            "region",
            _("Subscribe to the events of %(name)s") % {"name": region.name},
            feed_address(reverse("events:region_feed", args=[region.code])),
        )
        for region in sorted(regions.values(), key=lambda r: r.code)
    ]
    return feeds


@register.inclusion_tag("events/calendar/partials/events_section.html", takes_context=True)
def events_section(
    context: Any, *, network: Network | None = None, region: Region | None = None
) -> dict[str, Any]:
    """The "Events" section of a network's or a region's page: the next few events the viewer may
    see, a link to the month view filtered to them, and the public feed's address."""
    request = context.get("request")
    user = getattr(request, "user", None)
    upcoming = calendars.upcoming_events(user=user, network=network, region=region)
    if network is not None:
        query = {"network": str(network.uuid)}
        feed_url = (
            feed_address(reverse("events:network_feed", args=[network.uuid])) if network.is_public else ""
        )
        feed_kind = "network"
    else:
        assert region is not None
        query = {"region": region.code}
        feed_url = feed_address(reverse("events:region_feed", args=[region.code]))
        feed_kind = "region"
    return {
        "upcoming": upcoming,
        "section_id": "events-title",
        "month_url": f"{reverse('events:month')}?{urlencode(query)}",
        "feed_url": feed_url,
        "feed_kind": feed_kind,
    }
