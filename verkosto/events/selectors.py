"""Reads for the event pages, scoped to what the user may see (the rules of permissions.py as
queries); the list costs a fixed number of queries whatever its length."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from verkosto.accounts import permissions as account_permissions
from verkosto.networks import permissions as network_permissions
from verkosto.networks.bulletins import networks_managed_by
from verkosto.networks.models import Network
from verkosto.networks.selectors import networks_visible_to

from . import permissions
from .models import Event

Status = Event.Status
# Cancelled and postponed events stay visible to those who could see them when published.
SHOWN = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED)


def _member_networks(user: Any) -> QuerySet[Network]:
    """The networks the user takes part in (`network_permissions.is_network_member`)."""
    member = Q(pk__in=networks_managed_by(user).values("pk"))
    organisations = network_permissions.person_organisation_ids(user)
    if organisations:
        member |= Q(memberships__organisation_id__in=organisations, memberships__left_on__isnull=True)
    return Network.objects.filter(member)


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Every event the user may see (as `permissions.can_view_event`): published, cancelled or
    postponed public events; those of the user's circle (a member of an organising network or a
    person of an organising organisation); and every event the user manages, drafts included.
    One SQL query: each way of reaching the user is a subquery, so no join multiplies the rows."""
    events = Event.objects.all()
    if not getattr(user, "is_authenticated", False):
        return events.filter(status__in=SHOWN, audience=Event.Audience.PUBLIC)
    if account_permissions.has_national_reach(user):
        return events
    managed = Q(created_by=user) | Q(
        pk__in=Event.objects.filter(networks__in=networks_managed_by(user).values("pk")).values("pk")
    )
    edited = account_permissions.edited_organisation_ids(user)
    if edited:
        managed |= Q(pk__in=Event.objects.filter(organisations__in=edited).values("pk"))
    regions = account_permissions.coordinated_region_ids(user)
    if regions:
        managed |= Q(pk__in=Event.objects.filter(regions__in=regions).values("pk"))
    circle = Q(pk__in=Event.objects.filter(networks__in=_member_networks(user).values("pk")).values("pk"))
    organisations = network_permissions.person_organisation_ids(user)
    if organisations:
        circle |= Q(pk__in=Event.objects.filter(organisations__in=organisations).values("pk"))
    visible = Q(status__in=SHOWN) & (Q(audience=Event.Audience.PUBLIC) | circle) | managed
    return events.filter(visible)


def _for_display(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related("municipality").prefetch_related("networks", "organisations", "regions")


def event_for(user: Any, uuid: UUID) -> Event:
    """One event with what its page shows. 404 when it does not exist or is a draft the user does
    not organise (drafts are not revealed); PermissionDenied for a members-only event the user is
    not a member of (the page may then offer to log in)."""
    event = (
        _for_display(Event.objects.filter(uuid=uuid))
        .select_related("municipality__region", "created_by")
        .prefetch_related("programme")
        .first()
    )
    if event is None:
        raise Http404
    if permissions.can_view_event(user, event):
        return event
    if event.status == Status.DRAFT:
        raise Http404
    raise PermissionDenied


def event_for_change(user: Any, uuid: UUID) -> Event:
    """An event its organiser is about to change: 404 or PermissionDenied as `event_for`, and
    PermissionDenied for those who may see it but not manage it."""
    event = event_for(user, uuid)
    if not permissions.can_manage_event(user, event):
        raise PermissionDenied
    return event


@dataclass(frozen=True)
class EventFilters:
    """The list's filters. `when`: "upcoming" (not yet ended, soonest first) or "past" (ended,
    latest first). `language` "fi" or "sv" includes bilingual events. `q`: words in the title, in
    any of its languages."""

    when: str = "upcoming"
    kind: str = ""
    region: str = ""  # a region code, e.g. "MK18"
    network: UUID | None = None
    language: str = ""
    q: str = ""


def event_list(*, user: Any, filters: EventFilters | None = None) -> QuerySet[Event]:
    """The events the user may see, filtered. A page of it costs four queries: the count, the
    events with their municipalities, and their networks and organisations."""
    filters = filters or EventFilters()
    events = events_visible_to(user)
    now = timezone.now()
    if filters.when == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.region:
        events = events.filter(pk__in=Event.objects.filter(regions__code=filters.region.upper()).values("pk"))
    if filters.network:
        events = events.filter(pk__in=Event.objects.filter(networks__uuid=filters.network).values("pk"))
    if filters.language in ("fi", "sv"):
        events = events.filter(language__in=[filters.language, Event.Language.BILINGUAL])
    elif filters.language:
        events = events.filter(language=filters.language)
    for word in filters.q.split()[:10]:
        events = events.filter(
            Q(title_fi__icontains=word) | Q(title_sv__icontains=word) | Q(title_en__icontains=word)
        )
    return events.select_related("municipality").prefetch_related("networks", "organisations")


def networks_for_filter(user: Any) -> QuerySet[Network]:
    """Networks to filter the list by: those the user may see."""
    return networks_visible_to(user).order_by("name_fi", "pk")
