"""Calendars: reads for the iCalendar feeds (per network, per region, a person's own), the month
grid, the upcoming events on network and region pages and the events API; and the two writes of a
person's calendar token (made on first need, renewed on request).

Every read here is scoped to what its reader may see. The network and region feeds have no reader
(calendar applications cannot log in), so they hold only what anyone may see; see `public_events`.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from verkosto.core.audit import audit_record
from verkosto.core.models import Region
from verkosto.networks.models import Network
from verkosto.networks.selectors import networks_visible_to

from . import permissions
from .models import CalendarToken, Event, ProgrammeItem, Registration, new_token
from .selectors import events_visible_to

Status = Event.Status
# The statuses a calendar shows: a cancelled or postponed event stays, marked, so that calendar
# applications that hold a copy learn of the change (STATUS:CANCELLED) instead of keeping it.
SHOWN = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED)
FEED_DAYS_BACK = 90
ACTIVE = (Registration.Status.ATTENDING, Registration.Status.WAITING)
UPCOMING_LIMIT = 5


def feed_since(now: datetime.datetime | None = None) -> datetime.datetime:
    """Feeds hold the events that ended at most this long ago, and everything later."""
    return (now or timezone.now()) - datetime.timedelta(days=FEED_DAYS_BACK)


def _in_region(region: Region) -> Q:
    """An event of a region names it, or is held in one of its municipalities."""
    return Q(regions=region) | Q(municipality__region=region)


def _by_pk(events: QuerySet[Event], condition: Q) -> QuerySet[Event]:
    # A join through a many-to-many relation repeats rows; a subquery of keys does not.
    return events.filter(pk__in=Event.objects.filter(condition).values("pk"))


# --- feeds ---------------------------------------------------------------------------------------


def public_events() -> QuerySet[Event]:
    """The events anyone may see, whoever asks.

    The network and region feeds are fetched by calendar applications, which cannot log in, and
    their addresses are printed on public pages and passed around. So a feed must answer everyone
    alike: it holds only published, cancelled and postponed events open to all. A members-only
    event reaches a member's calendar through the person's own feed (once they register), whose
    secret address stands for the person."""
    return Event.objects.filter(status__in=SHOWN, audience=Event.Audience.PUBLIC)


def _for_feed(events: QuerySet[Event]) -> list[Event]:
    return list(
        events.filter(ends_at__gte=feed_since()).select_related("municipality").order_by("starts_at", "pk")
    )


def network_for_feed(*, uuid: UUID) -> Network:
    """A public network; a members-only network has no public feed (its page is hidden too)."""
    try:
        return Network.objects.get(uuid=uuid, is_public=True)
    except Network.DoesNotExist:
        raise Http404 from None


def network_feed_events(*, network: Network) -> list[Event]:
    return _for_feed(_by_pk(public_events(), Q(networks=network)))


def region_for_feed(*, code: str) -> Region:
    try:
        return Region.objects.get(code=code.upper())
    except Region.DoesNotExist:
        raise Http404 from None


def region_feed_events(*, region: Region) -> list[Event]:
    return _for_feed(_by_pk(public_events(), _in_region(region)))


def person_for_feed(*, token: str) -> Any:
    """The active user whose feed address carries this token; 404 for an old (renewed) token."""
    found = CalendarToken.objects.filter(token=token, user__is_active=True).select_related("user").first()
    if found is None:
        raise Http404
    return found.user


@dataclass(frozen=True)
class PersonFeed:
    events: list[Event]
    waiting_ids: frozenset[int]


def person_feed_events(*, user: Any) -> PersonFeed:
    """The events the person has an active registration for (attending or waiting), whatever their
    audience: the person is registered, so may see them. Drafts never (an event is not turned
    back into a draft once published, but a feed must not show one if it were)."""
    mine = Registration.objects.filter(event=OuterRef("pk"), user=user)
    events = _for_feed(
        Event.objects.exclude(status=Status.DRAFT)
        .filter(Exists(mine.filter(status__in=ACTIVE)))
        .annotate(is_waiting=Exists(mine.filter(status=Registration.Status.WAITING)))
    )
    return PersonFeed(
        events=events, waiting_ids=frozenset(e.pk for e in events if getattr(e, "is_waiting", False))
    )


def event_for_calendar(*, user: Any, uuid: UUID) -> Event:
    """One event for its .ics file: 404 unless the user may see it (a hidden event's existence
    is not revealed)."""
    event = Event.objects.select_related("municipality").filter(uuid=uuid).first()
    if event is None or not permissions.can_view_event(user, event):
        raise Http404
    return event


# --- the person's calendar token -----------------------------------------------------------------


def calendar_token_get_or_create(*, actor: Any) -> CalendarToken:
    """The person's feed token, made on first need."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    with transaction.atomic():
        token, created = CalendarToken.objects.get_or_create(user=actor)
        if created:
            audit_record(actor=actor, action="create", instance=token)
    return token


def calendar_token_renew(*, actor: Any) -> CalendarToken:
    """A new token: the old feed address stops working at once (for a leaked address). The audit
    entry records the renewal, never the secret itself."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    with transaction.atomic():
        token, created = CalendarToken.objects.select_for_update().get_or_create(user=actor)
        if not created:
            token.token = new_token()
            token.save(update_fields=["token"])
        audit_record(actor=actor, action="renew" if not created else "create", instance=token)
    return token


# --- the month grid ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    date: datetime.date
    is_today: bool
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class MonthGrid:
    first: datetime.date
    # Weeks from Monday; None for the days of the neighbouring months.
    weeks: list[list[Day | None]]
    previous: datetime.date
    following: datetime.date
    event_count: int


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _local_days(event: Event) -> tuple[datetime.date, datetime.date]:
    """The first and last local calendar day an event covers (an end at midnight ends the day
    before)."""
    start = timezone.localtime(event.starts_at).date()
    end = timezone.localtime(event.ends_at - datetime.timedelta(microseconds=1)).date()
    return start, max(start, end)


def filter_events(
    events: QuerySet[Event], *, region: Region | None = None, network: Network | None = None
) -> QuerySet[Event]:
    if region is not None:
        events = _by_pk(events, _in_region(region))
    if network is not None:
        events = _by_pk(events, Q(networks=network))
    return events


def month_grid(
    *,
    user: Any,
    year: int,
    month: int,
    region: Region | None = None,
    network: Network | None = None,
    today: datetime.date | None = None,
) -> MonthGrid:
    """The month's days in weeks from Monday, each with the events the user may see on that day
    (an event of several days on each of them), in one query."""
    today = today or timezone.localdate()
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    visible = filter_events(events_visible_to(user), region=region, network=network)
    events = list(
        visible.filter(starts_at__lt=_local_midnight(last + datetime.timedelta(days=1)))
        .filter(ends_at__gt=_local_midnight(first))
        .order_by("starts_at", "pk")
    )
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        start, end = _local_days(event)
        day = max(start, first)
        while day <= min(end, last):
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            Day(date=day, is_today=day == today, events=by_day.get(day, [])) if day.month == month else None
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    return MonthGrid(
        first=first,
        weeks=weeks,
        previous=(first - datetime.timedelta(days=1)).replace(day=1),
        following=last + datetime.timedelta(days=1),
        event_count=len(events),
    )


def networks_for_filter(*, user: Any) -> list[Network]:
    return list(networks_visible_to(user).order_by("name_fi", "pk"))


def network_for_filter(*, user: Any, uuid: UUID) -> Network | None:
    return networks_visible_to(user).filter(uuid=uuid).first()


# --- upcoming events on network and region pages -------------------------------------------------


def upcoming_events(
    *,
    user: Any,
    network: Network | None = None,
    region: Region | None = None,
    limit: int = UPCOMING_LIMIT,
) -> list[Event]:
    """The next events (not yet ended) the user may see, of a network or a region."""
    events = filter_events(events_visible_to(user), region=region, network=network)
    return list(
        events.filter(ends_at__gt=timezone.now())
        .select_related("municipality")
        .order_by("starts_at", "pk")[:limit]
    )


# --- the API -------------------------------------------------------------------------------------


def _for_api(events: QuerySet[Event]) -> QuerySet[Event]:
    """Everything a serialised event shows, in a fixed number of queries whatever the count."""
    return events.select_related("municipality__region").prefetch_related(
        "regions",
        Prefetch("networks", queryset=Network.objects.order_by("name_fi", "pk")),
        "organisations",
        Prefetch("programme", queryset=ProgrammeItem.objects.order_by("starts_at", "pk")),
    )


def events_for_api(
    *,
    user: Any,
    regions: Sequence[str] = (),
    networks: Sequence[UUID] = (),
    kinds: Sequence[str] = (),
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    languages: Sequence[str] = (),
) -> QuerySet[Event]:
    """The events the user may see, filtered; each filter takes several values (any matches).

    `date_from`/`date_to` are local dates, both included: events that overlap those days. A
    bilingual (fi-sv) event matches the language fi and sv."""
    events = events_visible_to(user)
    if regions:
        codes = [code.upper() for code in regions]
        events = _by_pk(events, Q(regions__code__in=codes) | Q(municipality__region__code__in=codes))
    if networks:
        events = _by_pk(events, Q(networks__uuid__in=list(networks)))
    if kinds:
        events = events.filter(kind__in=list(kinds))
    if date_from is not None:
        events = events.filter(ends_at__gt=_local_midnight(date_from))
    if date_to is not None:
        events = events.filter(starts_at__lt=_local_midnight(date_to + datetime.timedelta(days=1)))
    if languages:
        wanted = set(languages)
        if wanted & {"fi", "sv"}:
            wanted.add(Event.Language.BILINGUAL)
        events = events.filter(language__in=sorted(wanted))
    return _for_api(events).order_by("starts_at", "pk")


def event_for_api(*, user: Any, uuid: UUID) -> Event:
    """404 for an event the user may not see, as for one that does not exist."""
    event = _for_api(events_visible_to(user)).filter(uuid=uuid).first()
    if event is None:
        raise Http404
    return event


def registration_is_open(event: Event, *, now: datetime.datetime | None = None) -> bool:
    """Whether the registration form takes registrations now: a published event, inside its
    window (no window: until the start). A full event still takes them, onto the waiting list."""
    now = now or timezone.now()
    if event.status != Status.PUBLISHED:
        return False
    if event.registration_opens_at is not None and now < event.registration_opens_at:
        return False
    closes = event.registration_closes_at or event.starts_at
    return now < closes
