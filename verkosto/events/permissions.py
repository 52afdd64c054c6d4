"""Who may see and do what with events. Reads roles; writes nothing.

- Organisers manage an event: its creator, the managers of its organising networks, editors of
  its organising organisations, the regional coordinators of its regions, national coordinators
  and administrators.
- A published public event is seen by everyone; a published members-only event by the members of
  its organising networks and the people of its organising organisations. Drafts: organisers only.
  Cancelled and postponed events stay visible to those who could see them when published.
- Anyone who may see a published event may register while registration is open; members-only
  events need a logged-in member.
"""

from __future__ import annotations

from typing import Any

from verkosto.accounts import permissions as account_permissions
from verkosto.accounts.models import RoleAssignment
from verkosto.networks import permissions as network_permissions

from .models import Event

Role = RoleAssignment.Role


def can_create_event(user: Any) -> bool:
    """National and regional coordinators, network coordinators and organisation editors."""
    if not getattr(user, "is_authenticated", False):
        return False
    if account_permissions.has_national_reach(user) or account_permissions.coordinated_region_ids(user):
        return True
    if account_permissions.edited_organisation_ids(user):
        return True
    return user.coordinated_networks.exists()


def can_manage_event(user: Any, event: Event) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if account_permissions.has_national_reach(user):
        return True
    if event.created_by_id == user.pk:
        return True
    if event.pk is None:
        return False
    editable = account_permissions.edited_organisation_ids(user)
    if editable and event.organisations.filter(pk__in=editable).exists():
        return True
    regions = account_permissions.coordinated_region_ids(user)
    if regions and event.regions.filter(pk__in=regions).exists():
        return True
    return any(network_permissions.can_manage_network(user, n) for n in event.networks.all())


def is_event_member(user: Any, event: Event) -> bool:
    """Belongs to the event's circle: a member of an organising network or a person of an
    organising organisation."""
    if not getattr(user, "is_authenticated", False):
        return False
    organisations = network_permissions.person_organisation_ids(user)
    if organisations and event.organisations.filter(pk__in=organisations).exists():
        return True
    return any(network_permissions.is_network_member(user, n) for n in event.networks.all())


def can_view_event(user: Any, event: Event) -> bool:
    if event.status == Event.Status.DRAFT:
        return can_manage_event(user, event)
    if event.audience == Event.Audience.PUBLIC:
        return True
    return is_event_member(user, event) or can_manage_event(user, event)


def may_register(user: Any, event: Event) -> bool:
    """May use the registration form at all (the window and status are checked by the service)."""
    if event.audience == Event.Audience.PUBLIC:
        return event.status != Event.Status.DRAFT
    return can_view_event(user, event) and getattr(user, "is_authenticated", False)
