"""Network pages: the list, a network's page, its members and peer groups. Views parse the
request, call a selector or service, and render."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from verkosto.core.geography import REGION_TILES
from verkosto.core.views import form_view

from . import bulletins, discussions, permissions, selectors, services, worklog
from .forms import (
    MembershipAddForm,
    MembershipEndForm,
    NetworkFilterForm,
    NetworkForm,
    PeerGroupForm,
    PeerGroupMembersForm,
)
from .models import Network, PeerGroup

LATEST = 5


def _url_or_empty(name: str, *args: Any) -> str:
    """The address of a page another part of the networks work provides; empty until it exists."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _shown_language(instance: Model, field: str) -> str:
    """The language of the text modeltranslation shows for `field`: the page's language where it
    is written, else the first fallback that is (a Swedish network's Swedish-only description)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    for lang in (current, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES):
        if getattr(instance, f"{field}_{lang}", None):
            return lang
    return current


def _network_url(obj: Model) -> str:
    network_id = obj.pk if isinstance(obj, Network) else obj.network_id  # type: ignore[attr-defined]
    return reverse("networks:network", args=[network_id])


def _peer_group_url(obj: Model) -> str:
    return reverse("networks:peer_group", args=[obj.pk])


# --- the members' map ----------------------------------------------------------------------------

TILE_WIDTH, TILE_HEIGHT, TILE_GAP = 116, 62, 6
COLUMNS = 6


@dataclass(frozen=True)
class MapTile:
    code: str
    name: str
    lines: list[tuple[str, int]]  # the name in one or two lines, each with its baseline
    covered: bool
    member_count: int
    x: int
    y: int

    @property
    def count_baseline(self) -> int:
        return TILE_HEIGHT - 10


def _name_lines(name: str, *, with_count: bool, width: int = 13) -> list[tuple[str, int]]:
    """A region's name in one or two lines that fit a tile ("Pohjois-" / "Pohjanmaa"), with their
    baselines: centred in the tile, or above the member count when there is one."""
    lines = [name]
    if len(name) > width:
        for separator in (" ", "-"):
            head, found, tail = name.partition(separator)
            if found:
                lines = [head + ("-" if separator == "-" else ""), tail]
                break
    line_height = 14
    block_centre = (TILE_HEIGHT - 18) // 2 if with_count else TILE_HEIGHT // 2
    first = block_centre - (len(lines) - 1) * line_height // 2 + 4
    return [(line, first + index * line_height) for index, line in enumerate(lines)]


def _map_tiles(coverage: Sequence[selectors.RegionCoverage]) -> tuple[list[MapTile], int]:
    """Tiles for the members' map and its height. A region missing from REGION_TILES (a new code)
    gets a place in a row below the others."""
    spare_rows = 1 + max(row for _col, row in REGION_TILES.values())
    spare = 0
    tiles = []
    for item in coverage:
        column, row = REGION_TILES.get(item.region.code, (None, None))
        if column is None or row is None:
            column, row = spare % COLUMNS, spare_rows + spare // COLUMNS
            spare += 1
        tiles.append(
            MapTile(
                code=item.region.code,
                name=item.region.name,
                lines=_name_lines(item.region.name, with_count=item.member_count > 0),
                covered=item.covered,
                member_count=item.member_count,
                x=column * (TILE_WIDTH + TILE_GAP),
                y=row * (TILE_HEIGHT + TILE_GAP),
            )
        )
    rows = 1 + max((tile.y // (TILE_HEIGHT + TILE_GAP) for tile in tiles), default=0)
    return tiles, rows * (TILE_HEIGHT + TILE_GAP) - TILE_GAP


# --- pages ---------------------------------------------------------------------------------------


def network_list(request: HttpRequest) -> HttpResponse:
    filter_form = NetworkFilterForm(request.GET or None)
    filters = filter_form.filters()
    networks = selectors.network_list(user=request.user, **filters)
    context = {
        "networks": networks,
        "filter_form": filter_form,
        "filtered": any(filters.values()),
        "can_create": permissions.can_create_network(request.user),
    }
    template = "networks/partials/network_list_results.html" if request.htmx else "networks/network_list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def network_detail(request: HttpRequest, pk: int) -> HttpResponse:
    network = selectors.network_get_for_view(user=request.user, pk=pk)
    can_manage = permissions.can_manage_network(request.user, network)
    members = selectors.network_current_members(network, include_drafts=can_manage)
    region_map = selectors.network_region_map(network, members)
    tiles, map_height = _map_tiles(region_map)
    latest_bulletins = bulletins.bulletins_for_network(user=request.user, network=network, limit=LATEST)
    latest_threads = discussions.threads_for_network(user=request.user, network=network, limit=LATEST)
    # The coverage of the coordinators' work log is for those who manage the network.
    coverage = worklog.network_coverage(network=network, today=timezone.localdate()) if can_manage else None
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "name_lang": _shown_language(network, "name"),
            "description_lang": _shown_language(network, "description"),
            "can_manage": can_manage,
            "members": members,
            "past_members": selectors.network_past_members(network, include_drafts=can_manage),
            "peer_groups": selectors.network_peer_groups(user=request.user, network=network),
            "regions_covered": [item for item in region_map if item.covered],
            "region_rows": [item for item in region_map if item.covered or item.member_count],
            "map_tiles": tiles,
            "map_width": COLUMNS * (TILE_WIDTH + TILE_GAP) - TILE_GAP,
            "map_height": map_height,
            "tile_width": TILE_WIDTH,
            "tile_height": TILE_HEIGHT,
            "tile_centre": TILE_WIDTH // 2,
            "bulletins": [(item, _url_or_empty("networks:bulletin", item.pk)) for item in latest_bulletins],
            "threads": [(item, _url_or_empty("networks:thread", item.pk)) for item in latest_threads],
            "coverage": coverage,
            "coverage_url": _url_or_empty("networks:coverage", network.pk) if coverage else "",
        },
    )


def peer_group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.peer_group_get_for_view(user=request.user, pk=pk)
    network = group.network
    is_member = permissions.is_network_member(request.user, network)
    return render(
        request,
        "networks/peer_group_detail.html",
        {
            "group": group,
            "network": network,
            "name_lang": _shown_language(group, "name"),
            "description_lang": _shown_language(group, "description"),
            "network_name_lang": _shown_language(network, "name"),
            "can_manage": permissions.can_manage_network(request.user, network),
            # The people of a peer group are shown to the network's own people only.
            "members": selectors.peer_group_members(group) if is_member else None,
        },
    )


# --- forms ---------------------------------------------------------------------------------------


def _form_view(
    request: HttpRequest,
    form: BaseForm,
    *,
    save: Callable[..., Model],
    saved_message: str,
    success_url: Callable[[Model], str],
    title: str,
    cancel_url: str,
    breadcrumbs: Sequence[tuple[str, str]] = (),
    intro: str = "",
) -> HttpResponse:
    return form_view(
        request,
        form,
        save=save,
        saved_message=saved_message,
        success_url=success_url,
        template="networks/form.html",
        context={"title": title, "cancel_url": cancel_url, "breadcrumbs": breadcrumbs, "intro": intro},
    )


def _managed_network(request: HttpRequest, pk: int) -> Network:
    network = selectors.network_get_for_view(user=request.user, pk=pk)
    if not permissions.can_manage_network(request.user, network):
        raise PermissionDenied
    return network


def _managed_peer_group(request: HttpRequest, pk: int) -> PeerGroup:
    group = selectors.peer_group_get_for_view(user=request.user, pk=pk)
    if not permissions.can_manage_network(request.user, group.network):
        raise PermissionDenied
    return group


def _network_crumbs(network: Network) -> list[tuple[str, str]]:
    return [(reverse("networks:network_list"), _("Networks")), (_network_url(network), str(network))]


@login_required
def network_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_network(request.user):
        raise PermissionDenied
    form = NetworkForm(
        request.POST or None, coordinating_organisations=permissions.national_scope(request.user)
    )
    return _form_view(
        request,
        form,
        save=services.network_create,
        saved_message=_("The network was saved."),
        success_url=_network_url,
        title=_("New network"),
        cancel_url=reverse("networks:network_list"),
        breadcrumbs=[(reverse("networks:network_list"), _("Networks"))],
    )


@login_required
def network_edit(request: HttpRequest, pk: int) -> HttpResponse:
    network = _managed_network(request, pk)
    form = NetworkForm(
        request.POST or None,
        instance=network,
        may_assign_coordination=permissions.can_assign_coordination(
            request.user, network.coordinating_organisation_id
        ),
        coordinating_organisations=permissions.national_scope(request.user),
    )
    return _form_view(
        request,
        form,
        save=partial(services.network_update, network=network),
        saved_message=_("The network was saved."),
        success_url=_network_url,
        title=_("Edit network"),
        cancel_url=_network_url(network),
        breadcrumbs=_network_crumbs(network),
    )


@login_required
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    network = _managed_network(request, pk)
    return _form_view(
        request,
        MembershipAddForm(request.POST or None, network=network),
        save=partial(services.membership_add, network=network),
        saved_message=_("The organisation was added as a member."),
        success_url=_network_url,
        title=_("Add a member organisation"),
        cancel_url=_network_url(network),
        breadcrumbs=_network_crumbs(network),
    )


@login_required
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_get_for_change(pk=pk)
    network = _managed_network(request, membership.network_id)
    return _form_view(
        request,
        MembershipEndForm(request.POST or None),
        save=partial(services.membership_end, membership=membership),
        saved_message=_("The membership was ended."),
        success_url=_network_url,
        title=_("End the membership of %(organisation)s") % {"organisation": membership.organisation},
        cancel_url=_network_url(network),
        breadcrumbs=_network_crumbs(network),
        intro=_("Joined on %(date)s. The organisation stays on the network's page among past members.")
        % {"date": date_format(membership.joined_on, "SHORT_DATE_FORMAT")},
    )


@login_required
def peer_group_create(request: HttpRequest, pk: int) -> HttpResponse:
    network = _managed_network(request, pk)
    return _form_view(
        request,
        PeerGroupForm(request.POST or None),
        save=partial(services.peer_group_create, network=network),
        saved_message=_("The peer group was saved."),
        success_url=_peer_group_url,
        title=_("New peer group"),
        cancel_url=_network_url(network),
        breadcrumbs=_network_crumbs(network),
    )


@login_required
def peer_group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = _managed_peer_group(request, pk)
    return _form_view(
        request,
        PeerGroupForm(request.POST or None, instance=group),
        save=partial(services.peer_group_update, group=group),
        saved_message=_("The peer group was saved."),
        success_url=_peer_group_url,
        title=_("Edit peer group"),
        cancel_url=_peer_group_url(group),
        breadcrumbs=[*_network_crumbs(group.network), (_peer_group_url(group), str(group))],
    )


@login_required
def peer_group_members(request: HttpRequest, pk: int) -> HttpResponse:
    group = _managed_peer_group(request, pk)
    return _form_view(
        request,
        PeerGroupMembersForm(request.POST or None, group=group),
        save=partial(services.peer_group_set_members, group=group),
        saved_message=_("The peer group's members were saved."),
        success_url=_peer_group_url,
        title=_("Members of %(group)s") % {"group": group},
        cancel_url=_peer_group_url(group),
        breadcrumbs=[*_network_crumbs(group.network), (_peer_group_url(group), str(group))],
    )
