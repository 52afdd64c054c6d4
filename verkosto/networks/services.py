"""Writes for networks, memberships, coordinators and peer groups: permission, validation, the
change and its audit entry in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.directory.models import Organisation

from . import permissions
from .models import Membership, Network, PeerGroup

NETWORK_M2M = ("regions", "coordinators")


def _save(instance: Any, fields: dict[str, Any], m2m: tuple[str, ...] = ()) -> None:
    plain = {k: v for k, v in fields.items() if k not in m2m}
    for key, value in plain.items():
        setattr(instance, key, value)
    instance.full_clean()
    instance.save()
    for key in m2m:
        if key in fields:
            getattr(instance, key).set(list(fields[key]))


@transaction.atomic
def network_create(*, actor: Any, **fields: Any) -> Network:
    if not permissions.can_create_network(actor):
        raise PermissionDenied(_("Only national coordinators may add networks."))
    network = Network()
    _save(network, fields, NETWORK_M2M)
    scope = permissions.national_scope(actor)
    if scope and network.coordinating_organisation_id not in scope:
        raise PermissionDenied(_("You may add networks only for your own organisation."))
    audit_record(
        actor=actor, action="create", instance=network, changes=diff({}, snapshot(network, NETWORK_M2M))
    )
    return network


@transaction.atomic
def network_update(*, actor: Any, network: Network, **fields: Any) -> Network:
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not change this network."))
    before = snapshot(Network.objects.get(pk=network.pk), NETWORK_M2M)
    _save(network, fields, NETWORK_M2M)
    changes = diff(before, snapshot(network, NETWORK_M2M))
    if changes:
        audit_record(actor=actor, action="update", instance=network, changes=changes)
    return network


@transaction.atomic
def membership_add(
    *, actor: Any, network: Network, organisation: Organisation, joined_on: datetime.date
) -> Membership:
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not change the members of this network."))
    if network.memberships.filter(organisation=organisation, left_on__isnull=True).exists():
        raise ValidationError({"organisation": _("This organisation is already a member of the network.")})
    membership = Membership(network=network, organisation=organisation, joined_on=joined_on)
    membership.full_clean()
    membership.save()
    audit_record(actor=actor, action="create", instance=membership, changes=diff({}, snapshot(membership)))
    return membership


@transaction.atomic
def membership_end(*, actor: Any, membership: Membership, left_on: datetime.date) -> Membership:
    if not permissions.can_manage_network(actor, membership.network):
        raise PermissionDenied(_("You may not change the members of this network."))
    if membership.left_on is not None:
        raise ValidationError({"left_on": _("This membership has ended already.")})
    if left_on < membership.joined_on:
        raise ValidationError({"left_on": _("The leaving date cannot be before the joining date.")})
    before = snapshot(membership)
    membership.left_on = left_on
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor, action="update", instance=membership, changes=diff(before, snapshot(membership))
    )
    return membership


@transaction.atomic
def peer_group_create(*, actor: Any, network: Network, **fields: Any) -> PeerGroup:
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not add peer groups to this network."))
    group = PeerGroup(network=network)
    _save(group, fields, ("members",))
    audit_record(
        actor=actor, action="create", instance=group, changes=diff({}, snapshot(group, ("members",)))
    )
    return group


@transaction.atomic
def peer_group_set_members(*, actor: Any, group: PeerGroup, members: Iterable[Any]) -> PeerGroup:
    """Peer-group members must be people of the network's current member organisations."""
    if not permissions.can_manage_network(actor, group.network):
        raise PermissionDenied(_("You may not change the members of this peer group."))
    members = list(members)
    outsiders = [m for m in members if not permissions.is_network_member(m, group.network)]
    if outsiders:
        raise ValidationError(
            {"members": _("Only people of the network's member organisations can join its peer groups.")}
        )
    before = snapshot(group, ("members",))
    group.members.set(members)
    audit_record(
        actor=actor, action="update", instance=group, changes=diff(before, snapshot(group, ("members",)))
    )
    return group
