"""Reads for network pages, scoped to what the user may see; list reads use a fixed number of
queries whatever their length."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from verkosto.directory.models import Organisation, Service

from . import permissions
from .models import Membership, Network, PeerGroup


def networks_visible_to(user: Any) -> QuerySet[Network]:
    """Public networks, and the members-only networks the user takes part in or manages."""
    networks = Network.objects.all()
    if not getattr(user, "is_authenticated", False):
        return networks.filter(is_public=True)
    scope = permissions.national_scope(user)
    if scope is not None and not scope:
        return networks
    visible = Q(is_public=True) | Q(coordinators=user)
    organisations = permissions.person_organisation_ids(user)
    if organisations:
        visible |= Q(memberships__organisation_id__in=organisations, memberships__left_on__isnull=True)
    if scope:
        visible |= Q(coordinating_organisation_id__in=scope)
    return networks.filter(pk__in=Network.objects.filter(visible).values("pk"))


def network_list(*, user: Any, kind: str = "", region: str = "") -> list[Network]:
    networks = (
        networks_visible_to(user).prefetch_related("regions").select_related("coordinating_organisation")
    )
    if kind:
        networks = networks.filter(kind=kind)
    if region:
        networks = networks.filter(regions__code=region.upper())
    return list(
        networks.annotate(
            member_count=Count("memberships", filter=Q(memberships__left_on__isnull=True), distinct=True)
        ).order_by("name_fi", "pk")
    )


def network_get_for_view(*, user: Any, pk: int) -> Network:
    network = (
        Network.objects.select_related("coordinating_organisation")
        .prefetch_related("regions", "coordinators")
        .filter(pk=pk)
        .first()
    )
    if network is None or not permissions.can_view_network(user, network):
        raise Http404
    return network


def network_current_members(network: Network) -> list[Membership]:
    """Current member organisations with their public services (a fixed number of queries)."""
    public_services = Service.objects.filter(is_published=True).order_by("name_fi")
    return list(
        network.memberships.filter(left_on__isnull=True, organisation__is_published=True)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("organisation__services", queryset=public_services, to_attr="public_services"),
            "organisation__municipalities",
        )
        .order_by("organisation__name_fi")
    )


def network_past_members(network: Network) -> list[Membership]:
    return list(
        network.memberships.filter(left_on__isnull=False).select_related("organisation").order_by("-left_on")
    )


def network_peer_groups(*, user: Any, network: Network) -> list[PeerGroup]:
    return list(network.peer_groups.annotate(member_count=Count("members")).order_by("name_fi"))


def network_get_peer_group(*, user: Any, network: Network, pk: int) -> PeerGroup:
    group = network.peer_groups.filter(pk=pk).prefetch_related("members").first()
    if group is None:
        raise Http404
    return group


def organisations_addable_to(network: Network) -> QuerySet[Organisation]:
    current = network.memberships.filter(left_on__isnull=True).values("organisation_id")
    return Organisation.objects.exclude(pk__in=current).order_by("name_fi")
