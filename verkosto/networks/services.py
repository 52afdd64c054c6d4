"""Writes for networks, memberships, coordinators and peer groups: permission, validation, the
change and its audit entry in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.directory.models import Organisation

from . import permissions, selectors
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
    organisation = fields.get("coordinating_organisation")
    if not permissions.can_assign_coordination(actor, organisation.pk if organisation else None):
        raise PermissionDenied(_("You may add networks only for your own organisation."))
    network = Network()
    _save(network, fields, NETWORK_M2M)
    audit_record(
        actor=actor, action="create", instance=network, changes=diff({}, snapshot(network, NETWORK_M2M))
    )
    return network


def _changes_coordination(network: Network, fields: dict[str, Any]) -> bool:
    if "coordinating_organisation" in fields:
        organisation = fields["coordinating_organisation"]
        if (organisation.pk if organisation else None) != network.coordinating_organisation_id:
            return True
    if "coordinators" in fields:
        current = set(network.coordinators.values_list("pk", flat=True))
        if {user.pk for user in fields["coordinators"]} != current:
            return True
    return False


@transaction.atomic
def network_update(*, actor: Any, network: Network, **fields: Any) -> Network:
    """Managers change a network; who coordinates it (the organisation and the people) only a
    national coordinator whose scope covers both the old and the new organisation."""
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not change this network."))
    if _changes_coordination(network, fields):
        organisation = fields.get("coordinating_organisation", network.coordinating_organisation)
        if not (
            permissions.can_assign_coordination(actor, network.coordinating_organisation_id)
            and permissions.can_assign_coordination(actor, organisation.pk if organisation else None)
        ):
            raise PermissionDenied(_("Only national coordinators may change who coordinates a network."))
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
    """An organisation joins. Refused: one that is a member already, and a joining date inside
    one of its earlier memberships (periods of one organisation do not overlap)."""
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not change the members of this network."))
    if network.memberships.filter(organisation=organisation, left_on__isnull=True).exists():
        raise ValidationError({"organisation": _("This organisation is already a member of the network.")})
    if joined_on is not None:
        last_left = (
            network.memberships.filter(organisation=organisation, left_on__gt=joined_on)
            .order_by("-left_on")
            .values_list("left_on", flat=True)
            .first()
        )
        if last_left is not None:
            message = _("The organisation was a member until %(date)s; it can rejoin from that day on.") % {
                "date": date_format(last_left, "SHORT_DATE_FORMAT")
            }
            raise ValidationError({"joined_on": message})
    membership = Membership(network=network, organisation=organisation, joined_on=joined_on)
    membership.full_clean()
    membership.save()
    audit_record(actor=actor, action="create", instance=membership, changes=diff({}, snapshot(membership)))
    return membership


@transaction.atomic
def membership_end(*, actor: Any, membership: Membership, left_on: datetime.date) -> Membership:
    """The organisation leaves on `left_on`: not before it joined, and not in the future (a
    membership with a leaving date is no longer current, so a planned date would end it early)."""
    if not permissions.can_manage_network(actor, membership.network):
        raise PermissionDenied(_("You may not change the members of this network."))
    if membership.left_on is not None:
        raise ValidationError({"left_on": _("This membership has ended already.")})
    if left_on < membership.joined_on:
        raise ValidationError({"left_on": _("The leaving date cannot be before the joining date.")})
    if left_on > timezone.localdate():
        raise ValidationError({"left_on": _("The leaving date cannot be in the future.")})
    before = snapshot(membership)
    membership.left_on = left_on
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor, action="update", instance=membership, changes=diff(before, snapshot(membership))
    )
    return membership


def _check_peer_group_name(network: Network, name_fi: str | None, *, other_than: int | None = None) -> None:
    # The database holds the rule too (peer_group_name_unique_in_network), but its error would be
    # a general one; here it goes next to the name, and case does not make a new name.
    if name_fi and selectors.peer_group_name_taken(network=network, name_fi=name_fi, other_than=other_than):
        raise ValidationError({"name_fi": _("The network has a peer group of this name already.")})


def _check_peer_group_members(network: Network, members: list[Any]) -> None:
    outsiders = [m for m in members if not permissions.is_network_member(m, network)]
    if outsiders:
        raise ValidationError(
            {"members": _("Only people of the network's member organisations can join its peer groups.")}
        )


@transaction.atomic
def peer_group_create(*, actor: Any, network: Network, **fields: Any) -> PeerGroup:
    if not permissions.can_manage_network(actor, network):
        raise PermissionDenied(_("You may not add peer groups to this network."))
    _check_peer_group_name(network, fields.get("name_fi"))
    if "members" in fields:
        fields["members"] = list(fields["members"])
        _check_peer_group_members(network, fields["members"])
    group = PeerGroup(network=network)
    _save(group, fields, ("members",))
    audit_record(
        actor=actor, action="create", instance=group, changes=diff({}, snapshot(group, ("members",)))
    )
    return group


@transaction.atomic
def peer_group_update(*, actor: Any, group: PeerGroup, **fields: Any) -> PeerGroup:
    """Rename or describe a peer group (members: `peer_group_set_members`)."""
    if not permissions.can_manage_network(actor, group.network):
        raise PermissionDenied(_("You may not change this peer group."))
    fields.pop("members", None)
    if "name_fi" in fields:
        _check_peer_group_name(group.network, fields["name_fi"], other_than=group.pk)
    before = snapshot(PeerGroup.objects.get(pk=group.pk))
    _save(group, fields)
    changes = diff(before, snapshot(group))
    if changes:
        audit_record(actor=actor, action="update", instance=group, changes=changes)
    return group


@transaction.atomic
def peer_group_set_members(*, actor: Any, group: PeerGroup, members: Iterable[Any]) -> PeerGroup:
    """Peer-group members must be people of the network's current member organisations."""
    if not permissions.can_manage_network(actor, group.network):
        raise PermissionDenied(_("You may not change the members of this peer group."))
    members = list(members)
    _check_peer_group_members(group.network, members)
    before = snapshot(group, ("members",))
    group.members.set(members)
    changes = diff(before, snapshot(group, ("members",)))
    if changes:
        audit_record(actor=actor, action="update", instance=group, changes=changes)
    return group
