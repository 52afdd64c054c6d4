"""iCalendar (RFC 5545) for events: one event as an e-mail attachment, many as a feed.

Times are written in UTC (a `Z` suffix), which every calendar application reads without needing
a VTIMEZONE component. Each event keeps one UID for its whole life; SEQUENCE rises whenever its
time, place or status changes, so calendar applications replace the copy they hold.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime

import icalendar
from django.urls import reverse
from django.utils.translation import gettext as _

from verkosto.events.models import Event

PRODID = "-//Verkosto//Events//FI"
STATUS = {
    Event.Status.PUBLISHED: "CONFIRMED",
    Event.Status.DRAFT: "TENTATIVE",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def event_uid(event: Event) -> str:
    return f"{event.uuid}@verkosto"


def event_location(event: Event) -> str:
    parts = [event.place, event.address, str(event.municipality) if event.municipality_id else ""]
    text = ", ".join(p for p in parts if p)
    return text or event.online_url


def event_component(
    event: Event, *, base_url: str, stamp: datetime | None = None, waiting: bool = False
) -> icalendar.Event:
    """The VEVENT of an event, in the active language (modeltranslation's fallbacks apply).

    `waiting`: the calendar's owner is on the waiting list; the event is TENTATIVE for them and its
    summary says so, so that no one mistakes a place in the queue for a place at the event."""
    url = base_url.rstrip("/") + reverse("events:detail", args=[event.uuid])
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or datetime.now(UTC))
    component.add("dtstart", event.starts_at.astimezone(UTC))
    component.add("dtend", event.ends_at.astimezone(UTC))
    summary = event.title
    if waiting:
        summary = _("On the waiting list: %(title)s") % {"title": event.title}
    component.add("summary", summary)
    description = (event.description or "").strip()
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    component.add("description", f"{description}\n\n{url}".strip())
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    status = STATUS[Event.Status(event.status)]
    if waiting and status == "CONFIRMED":
        status = "TENTATIVE"
    component.add("status", status)
    component.add("sequence", event.sequence)
    component.add("categories", [event.get_kind_display()])
    component.add("last-modified", event.updated_at.astimezone(UTC))
    return component


def calendar_bytes(
    events: Iterable[Event], *, name: str, base_url: str, waiting_ids: Collection[int] = frozenset()
) -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) holding the events, serialised as RFC 5545 text (CRLF line
    ends, lines folded at 75 octets). `waiting_ids`: the events whose owner is on the waiting list
    (a person's own feed)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC)
    for event in events:
        calendar.add_component(
            event_component(event, base_url=base_url, stamp=stamp, waiting=event.pk in waiting_ids)
        )
    return calendar.to_ical()
