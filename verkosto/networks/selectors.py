"""Reads for network pages and the API, scoped to what the user may see; list reads use a fixed
number of queries whatever their length."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import Region
from verkosto.directory.models import Organisation, Service

from . import permissions
from .models import Membership, Network, PeerGroup

# A current membership of a published organisation: what the pages and the API count as a member.
CURRENT_PUBLIC_MEMBER = Q(memberships__left_on__isnull=True, memberships__organisation__is_published=True)


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


def _network_list_queryset(
    user: Any, *, kinds: Sequence[str] = (), regions: Sequence[str] = ()
) -> QuerySet[Network]:
    networks = networks_visible_to(user)
    if kinds:
        networks = networks.filter(kind__in=list(kinds))
    if regions:
        codes = [code.upper() for code in regions]
        networks = networks.filter(pk__in=Network.objects.filter(regions__code__in=codes).values("pk"))
    return (
        networks.select_related("coordinating_organisation")
        .prefetch_related("regions", "coordinators")
        .annotate(member_count=Count("memberships", filter=CURRENT_PUBLIC_MEMBER, distinct=True))
        .order_by("name_fi", "pk")
    )


def network_list(*, user: Any, kind: str = "", region: str = "") -> list[Network]:
    """The networks the user may see, each with `member_count` (current members)."""
    return list(
        _network_list_queryset(user, kinds=[kind] if kind else [], regions=[region] if region else [])
    )


def network_list_for_api(
    *, user: Any, kinds: Sequence[str] = (), regions: Sequence[str] = ()
) -> QuerySet[Network]:
    return _network_list_queryset(user, kinds=kinds, regions=regions)


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


def network_get_for_api(*, user: Any, ref: int | UUID) -> Network:
    """A network by id or UUID with `member_count`; 404 when it does not exist or is not visible
    (a members-only network is not revealed to outsiders)."""
    lookup = {"uuid": ref} if isinstance(ref, UUID) else {"pk": ref}
    network = _network_list_queryset(user).filter(**lookup).first()
    if network is None:
        raise Http404
    return network


def network_current_members(network: Network, *, include_drafts: bool = False) -> list[Membership]:
    """Current member organisations with their public services (a fixed number of queries).
    Organisations that are drafts in the directory only for those who manage the network."""
    public_services = Service.objects.filter(is_published=True).order_by("name_fi")
    memberships = network.memberships.filter(left_on__isnull=True)
    if not include_drafts:
        memberships = memberships.filter(organisation__is_published=True)
    return list(
        memberships.select_related("organisation")
        .prefetch_related(
            Prefetch("organisation__services", queryset=public_services, to_attr="public_services"),
            "organisation__municipalities",
            "organisation__regions",
        )
        .order_by("organisation__name_fi", "pk")
    )


def network_past_members(network: Network, *, include_drafts: bool = False) -> list[Membership]:
    memberships = network.memberships.filter(left_on__isnull=False)
    if not include_drafts:
        memberships = memberships.filter(organisation__is_published=True)
    return list(memberships.select_related("organisation").order_by("-left_on", "organisation__name_fi"))


@dataclass(frozen=True)
class RegionCoverage:
    """One of Finland's regions on a network's page: whether the network covers it, and how many
    of its current members work there (their own regions or their municipalities' regions)."""

    region: Region
    covered: bool
    member_count: int


def network_region_map(network: Network, members: Sequence[Membership]) -> list[RegionCoverage]:
    """Every region, in code order, for the network's map; `members` from
    `network_current_members` (prefetched, so this costs one query for the regions)."""
    covered = {region.pk for region in network.regions.all()}
    counts: dict[int, int] = {}
    for membership in members:
        organisation = membership.organisation
        region_ids = {r.pk for r in organisation.regions.all()}
        region_ids |= {m.region_id for m in organisation.municipalities.all()}
        for region_id in region_ids:
            counts[region_id] = counts.get(region_id, 0) + 1
    return [
        RegionCoverage(region=region, covered=region.pk in covered, member_count=counts.get(region.pk, 0))
        for region in Region.objects.order_by("code")
    ]


def network_memberships_for_api(
    *, user: Any, network: Network, current: bool | None = None
) -> QuerySet[Membership]:
    """The network's memberships, newest first; drafts' only for its managers."""
    memberships = network.memberships.select_related("organisation")
    if not permissions.can_manage_network(user, network):
        memberships = memberships.filter(organisation__is_published=True)
    if current is not None:
        memberships = memberships.filter(left_on__isnull=current)
    return memberships.order_by("-joined_on", "-pk")


def membership_get_for_change(*, pk: int) -> Membership:
    membership = Membership.objects.select_related("network", "organisation").filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


def network_peer_groups(*, user: Any, network: Network) -> list[PeerGroup]:
    return list(network.peer_groups.annotate(member_count=Count("members")).order_by("name_fi", "pk"))


def network_peer_groups_for_api(*, network: Network) -> QuerySet[PeerGroup]:
    return network.peer_groups.annotate(member_count=Count("members")).order_by("name_fi", "pk")


def peer_group_name_taken(*, network: Network, name_fi: str, other_than: int | None = None) -> bool:
    """Whether another of the network's peer groups has this Finnish name, whatever the case.
    Compared in Python: SQLite folds the case of ASCII letters only (Ä, Ö, Å would slip through)."""
    wanted = name_fi.strip().casefold()
    groups = (
        network.peer_groups.exclude(pk=other_than) if other_than is not None else network.peer_groups.all()
    )
    return any((name or "").strip().casefold() == wanted for name in groups.values_list("name_fi", flat=True))


def network_get_peer_group(*, user: Any, network: Network, pk: int) -> PeerGroup:
    group = network.peer_groups.filter(pk=pk).prefetch_related("members").first()
    if group is None:
        raise Http404
    return group


def peer_group_get_for_view(*, user: Any, pk: int) -> PeerGroup:
    """A peer group of a network the user may see (else 404)."""
    group = (
        PeerGroup.objects.select_related("network", "network__coordinating_organisation")
        .annotate(member_count=Count("members"))
        .filter(pk=pk)
        .first()
    )
    if group is None or not permissions.can_view_network(user, group.network):
        raise Http404
    return group


def _people_with_organisations(users: QuerySet[Any]) -> QuerySet[Any]:
    """People with `person_roles`: their editor/member roles and organisations (one more query)."""
    roles = RoleAssignment.objects.filter(
        role__in=[RoleAssignment.Role.ORGANISATION_EDITOR, RoleAssignment.Role.ORGANISATION_MEMBER]
    ).select_related("organisation")
    return users.prefetch_related(Prefetch("roles", queryset=roles, to_attr="person_roles")).order_by(
        "last_name", "first_name", "username"
    )


def peer_group_members(group: PeerGroup) -> list[Any]:
    """The group's people, each with `person_roles` (for their organisations)."""
    return list(_people_with_organisations(group.members.all()))


def peer_group_candidates(network: Network) -> QuerySet[Any]:
    """Who may join the network's peer groups: people of its current member organisations and
    the network's coordinators (the same rule as `permissions.is_network_member`, as one query;
    national coordinators are left out of the picker, though the rule lets them in)."""
    current = network.memberships.filter(left_on__isnull=True).values("organisation_id")
    people = Q(
        roles__role__in=[RoleAssignment.Role.ORGANISATION_EDITOR, RoleAssignment.Role.ORGANISATION_MEMBER],
        roles__organisation_id__in=current,
    ) | Q(coordinated_networks=network)
    User = get_user_model()
    ids = User.objects.filter(people, is_active=True).values("pk")
    return _people_with_organisations(User.objects.filter(pk__in=ids))


def organisations_addable_to(network: Network) -> QuerySet[Organisation]:
    current = network.memberships.filter(left_on__isnull=True).values("organisation_id")
    return Organisation.objects.exclude(pk__in=current).order_by("name_fi", "pk")
