"""Who may see and do what in a network. Reads roles from accounts; writes nothing.

- A network's coordinators (people) and national coordinators manage it. A national coordinator
  who names an organisation manages the networks that organisation coordinates; one who names
  none manages every network. Administrators manage everything.
- A network member is a person (editor or member role) of an organisation that is currently a
  member of the network. Members read members-only pages, bulletins addressed to them and the
  network's threads, and post there. Peer-group threads are for the group's members.
"""

from __future__ import annotations

from typing import Any

from verkosto.accounts import permissions as account_permissions
from verkosto.accounts.models import RoleAssignment

from .models import Network, PeerGroup, Thread

Role = RoleAssignment.Role


def person_organisation_ids(user: Any) -> set[int]:
    """The organisations the user belongs to (as editor or member)."""
    return {
        r.organisation_id
        for r in account_permissions._roles(user)
        if r.role in (Role.ORGANISATION_EDITOR, Role.ORGANISATION_MEMBER) and r.organisation_id
    }


def national_scope(user: Any) -> set[int] | None:
    """None: no national role. An empty set: every network. Otherwise the coordinating
    organisations whose networks the user coordinates nationally."""
    if account_permissions.is_administrator(user):
        return set()
    roles = [r for r in account_permissions._roles(user) if r.role == Role.NATIONAL_COORDINATOR]
    if not roles:
        return None
    if any(r.organisation_id is None for r in roles):
        return set()
    return {r.organisation_id for r in roles if r.organisation_id}


def can_manage_network(user: Any, network: Network) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    scope = national_scope(user)
    if scope is not None and (not scope or network.coordinating_organisation_id in scope):
        return True
    return network.coordinators.filter(pk=user.pk).exists()


def can_create_network(user: Any) -> bool:
    return national_scope(user) is not None


def can_assign_coordination(user: Any, organisation_id: int | None) -> bool:
    """May name `organisation_id` as a network's national coordinating organisation and choose its
    coordinators: national coordinators of that organisation, or of all (who may also leave it
    empty). A network's own coordinators may not hand the network on."""
    scope = national_scope(user)
    if scope is None:
        return False
    return not scope or organisation_id in scope


def is_network_member(user: Any, network: Network) -> bool:
    """Takes part in the network: a person of a current member organisation, or its manager."""
    if not getattr(user, "is_authenticated", False):
        return False
    organisations = person_organisation_ids(user)
    if (
        organisations
        and network.memberships.filter(left_on__isnull=True, organisation_id__in=organisations).exists()
    ):
        return True
    return can_manage_network(user, network)


def can_view_network(user: Any, network: Network) -> bool:
    return network.is_public or is_network_member(user, network)


def can_take_part_in_peer_group(user: Any, group: PeerGroup) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return group.members.filter(pk=user.pk).exists() or can_manage_network(user, group.network)


def can_read_thread(user: Any, thread: Thread) -> bool:
    if thread.peer_group_id is not None:
        return can_take_part_in_peer_group(user, thread.peer_group)  # type: ignore[arg-type]
    return is_network_member(user, thread.network)


can_post_in_thread = can_read_thread
