"""Bulletins: who may send what to whom, who reads them, unread marks, and the pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, user_with_role
from verkosto.networks import bulletins
from verkosto.networks.models import Bulletin, BulletinRead

from .bulletin_support import Audience, World, make_world, readers, region, send
from .factories import NetworkFactory, add_member, person_of

pytestmark = pytest.mark.django_db

EVERYONE_IN_A_NETWORK = {
    "coordinator_k",
    "coordinator_o",
    "national",
    "reader_k",
    "reader_k2",
    "reader_o",
}


@pytest.fixture(autouse=True)
def _finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


@pytest.fixture
def world() -> World:
    return make_world()


def client_for(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


# --- who reads what ------------------------------------------------------------------------------


def test_chosen_networks_reach_their_current_members_and_managers(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu])
    # The former member's organisation left the network; the national coordinator manages it.
    assert readers(bulletin, world) == {"coordinator_k", "national", "reader_k", "reader_k2"}


def test_a_coordinator_may_share_with_other_networks(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.oulu], source_network=world.kainuu)
    assert readers(bulletin, world) == {"coordinator_k", "coordinator_o", "national", "reader_o"}
    assert bulletin.source_network == world.kainuu


def test_all_networks_is_for_national_coordinators(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.ALL_NETWORKS)
    assert "audience" in refused.value.message_dict
    bulletin = send(world.national, Audience.ALL_NETWORKS)
    assert readers(bulletin, world) == EVERYONE_IN_A_NETWORK


def test_regions_reach_the_networks_that_cover_them(world: World) -> None:
    bulletin = send(world.coordinator_o, Audience.REGIONS, regions=[region("MK18")])
    assert readers(bulletin, world) == {"coordinator_k", "coordinator_o", "national", "reader_k", "reader_k2"}


def test_a_peer_group_bulletin_reaches_the_group_and_the_networks_managers(world: World) -> None:
    bulletin = send(world.coordinator_k, Audience.PEER_GROUP, peer_group=world.group)
    assert readers(bulletin, world) == {"coordinator_k", "national", "reader_k"}
    assert bulletin.source_network == world.kainuu


def test_peer_groups_of_other_networks_are_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_o, Audience.PEER_GROUP, peer_group=world.group)
    assert "peer_group" in refused.value.message_dict
    assert not Bulletin.objects.exists()


def test_a_region_sends_up_to_the_national_level(world: World) -> None:
    scoped = user_with_role("national_coordinator", organisation=OrganisationFactory())
    bulletin = send(world.coordinator_k, Audience.NATIONAL, source_network=world.kainuu)
    assert readers(bulletin, world) == {"coordinator_k", "national"}
    assert bulletins.bulletins_visible_to(scoped).filter(pk=bulletin.pk).exists()


def test_the_national_level_needs_the_network_it_comes_from(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.NATIONAL)
    assert "source_network" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.NATIONAL, source_network=world.oulu)
    assert "source_network" in refused.value.message_dict


def test_co_coordinators_see_what_their_network_sent(world: World) -> None:
    colleague = person_of(OrganisationFactory())
    world.kainuu.coordinators.add(colleague)
    bulletin = send(world.coordinator_k, networks=[world.oulu], source_network=world.kainuu)
    assert bulletins.bulletins_visible_to(colleague).filter(pk=bulletin.pk).exists()


def test_a_national_coordinator_of_one_organisation_reads_its_networks(world: World) -> None:
    association = OrganisationFactory(name_fi="Työpajayhdistys")
    world.kainuu.coordinating_organisation = association
    world.kainuu.save()
    scoped = user_with_role("national_coordinator", organisation=association)
    to_kainuu = send(world.coordinator_k, networks=[world.kainuu])
    to_oulu = send(world.coordinator_o, networks=[world.oulu])
    visible = set(bulletins.bulletins_visible_to(scoped).values_list("pk", flat=True))
    assert to_kainuu.pk in visible
    assert to_oulu.pk not in visible


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("audience", "field"),
    [(Audience.NETWORKS, "networks"), (Audience.REGIONS, "regions"), (Audience.PEER_GROUP, "peer_group")],
)
def test_a_bulletin_without_an_audience_is_refused_and_nothing_saved(
    world: World, audience: str, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        # Targets of another audience do not count.
        send(world.coordinator_k, audience, networks=[world.kainuu] if field != "networks" else [])
    assert field in refused.value.message_dict
    assert not Bulletin.objects.exists()
    assert not AuditEntry.objects.filter(object_type="networks.bulletin").exists()


def test_targets_of_another_audience_are_ignored(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.REGIONS, networks=[world.kainuu])
    assert "regions" in refused.value.message_dict
    bulletin = send(world.coordinator_k, Audience.REGIONS, regions=[region("MK18")], networks=[world.oulu])
    assert list(bulletin.networks.all()) == []


def test_regions_that_no_network_covers_are_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.REGIONS, regions=[region("MK01")])
    assert "ei tavoittaisi ketään" in " ".join(refused.value.message_dict["regions"])


def test_people_who_manage_no_network_may_not_send(world: World) -> None:
    for user in (world.reader_k, world.outsider):
        with pytest.raises(PermissionDenied):
            send(user, networks=[world.kainuu])
    assert not Bulletin.objects.exists()


def test_every_error_is_given_at_once(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        send(world.coordinator_k, Audience.NATIONAL, title="", source_network=world.oulu)
    assert {"title", "source_network"} <= set(refused.value.message_dict)


def test_sending_is_audited_and_the_author_has_read_it(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu, world.oulu])
    entry = AuditEntry.objects.get(object_type="networks.bulletin", object_id=str(bulletin.pk))
    assert entry.actor == world.coordinator_k
    assert entry.action == "create"
    assert entry.changes["networks"][1] == ", ".join(sorted([str(world.kainuu.pk), str(world.oulu.pk)]))
    assert BulletinRead.objects.filter(bulletin=bulletin, user=world.coordinator_k).exists()
    assert bulletins.bulletin_unread_count(user=world.coordinator_k) == 0


# --- unread marks --------------------------------------------------------------------------------


def test_unread_marks_and_mark_all_read(world: World) -> None:
    first = send(world.coordinator_k, networks=[world.kainuu], title="Ensimmäinen")
    send(world.national, Audience.ALL_NETWORKS, title="Toinen")
    assert bulletins.bulletin_unread_count(user=world.reader_k) == 2
    bulletins.bulletin_mark_read(user=world.reader_k, bulletin=first)
    bulletins.bulletin_mark_read(user=world.reader_k, bulletin=first)  # again: no error, one row
    feed = {b.title: b.is_read for b in bulletins.bulletin_feed(user=world.reader_k)}
    assert feed == {"Ensimmäinen": True, "Toinen": False}
    assert [b.title for b in bulletins.bulletin_feed(user=world.reader_k, unread_only=True)] == ["Toinen"]
    assert bulletins.bulletin_mark_all_read(user=world.reader_k) == 1
    assert bulletins.bulletin_unread_count(user=world.reader_k) == 0
    assert bulletins.bulletin_unread_count(user=world.reader_k2) == 2  # marks are personal


def test_bulletins_for_network(world: World) -> None:
    to_kainuu = send(world.coordinator_k, networks=[world.kainuu], title="Kainuulle")
    send(world.coordinator_o, networks=[world.oulu], title="Oululle")
    to_region = send(
        world.coordinator_o, Audience.REGIONS, regions=[region("MK18")], title="Kainuun alueelle"
    )
    to_all = send(world.national, Audience.ALL_NETWORKS, title="Kaikille")
    to_group = send(world.coordinator_k, Audience.PEER_GROUP, peer_group=world.group, title="Ryhmälle")
    shown = bulletins.bulletins_for_network(user=world.reader_k, network=world.kainuu)
    assert [b.pk for b in shown] == [to_group.pk, to_all.pk, to_region.pk, to_kainuu.pk]
    shown = bulletins.bulletins_for_network(user=world.reader_k2, network=world.kainuu, limit=2)
    assert [b.pk for b in shown] == [to_all.pk, to_region.pk]  # not in the peer group
    assert bulletins.bulletins_for_network(user=world.outsider, network=world.kainuu) == []


# --- pages ---------------------------------------------------------------------------------------


def test_the_feed_shows_what_is_addressed_to_the_reader_with_unread_marks(world: World) -> None:
    read = send(world.coordinator_k, networks=[world.kainuu], title="Luettu tiedote")
    send(world.coordinator_k, networks=[world.kainuu], title="Uusi tiedote")
    send(world.coordinator_o, networks=[world.oulu], title="Oulun tiedote")
    bulletins.bulletin_mark_read(user=world.reader_k, bulletin=read)
    page = client_for(world.reader_k).get(reverse("networks:bulletin_feed"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Luettu tiedote" in html and "Uusi tiedote" in html
    assert "Oulun tiedote" not in html
    assert html.count('class="card unread"') == 1
    assert "1 unread bulletin" in html
    unread = client_for(world.reader_k).get(reverse("networks:bulletin_feed") + "?unread=1")
    assert "Uusi tiedote" in unread.content.decode() and "Luettu tiedote" not in unread.content.decode()


def test_the_nav_link_counts_unread_bulletins(world: World) -> None:
    send(world.coordinator_k, networks=[world.kainuu])
    html = client_for(world.reader_k).get("/").content.decode()
    assert 'href="/networks/bulletins/"' in html
    assert '<span class="badge">1<span class="visually-hidden"> unread</span></span>' in html
    assert "/networks/bulletins/" not in Client().get("/").content.decode()


def test_the_feed_needs_logging_in() -> None:
    response = Client().get(reverse("networks:bulletin_feed"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("count", [2, 12])
def test_the_feed_costs_the_same_queries_whatever_its_length(
    world: World, count: int, django_assert_num_queries: Any
) -> None:
    for index in range(count):
        if index % 3 == 0:
            send(world.coordinator_k, networks=[world.kainuu, world.oulu], title=f"Verkostoille {index}")
        elif index % 3 == 1:
            send(world.coordinator_o, Audience.REGIONS, regions=[region("MK18")], title=f"Alueelle {index}")
        else:
            send(world.coordinator_k, Audience.PEER_GROUP, peer_group=world.group, title=f"Ryhmälle {index}")
    client = client_for(world.reader_k)
    client.get(reverse("networks:bulletin_feed"))  # warm-up: nothing cached that a count would see
    # session, user, roles, unread count (page and nav), may send, count, page, networks, regions
    with django_assert_num_queries(9):
        response = client.get(reverse("networks:bulletin_feed"))
    assert response.status_code == 200
    assert response.content.decode().count('<li class="card') == count


def test_opening_a_bulletin_marks_it_read(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu], body="Katso https://example.fi/laki")
    page = client_for(world.reader_k).get(reverse("networks:bulletin", args=[bulletin.pk]))
    assert page.status_code == 200
    assert '<a href="https://example.fi/laki"' in page.content.decode()
    assert BulletinRead.objects.filter(bulletin=bulletin, user=world.reader_k).exists()


def test_people_outside_the_audience_get_a_404(world: World) -> None:
    bulletin = send(world.coordinator_k, Audience.PEER_GROUP, peer_group=world.group)
    for user in (world.reader_k2, world.reader_o, world.former, world.outsider, world.coordinator_o):
        assert client_for(user).get(reverse("networks:bulletin", args=[bulletin.pk])).status_code == 404
    assert not BulletinRead.objects.exclude(user=world.coordinator_k).exists()
    huge = client_for(world.reader_k).get(f"/networks/bulletins/{2**64}/")
    assert huge.status_code == 404


def test_mark_all_read_page(world: World) -> None:
    send(world.coordinator_k, networks=[world.kainuu])
    client = client_for(world.reader_k)
    assert client.get(reverse("networks:bulletin_mark_all_read")).status_code == 405
    response = client.post(reverse("networks:bulletin_mark_all_read"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("networks:bulletin_feed")
    assert "1 bulletin marked as read." in response.content.decode()
    assert bulletins.bulletin_unread_count(user=world.reader_k) == 0


def test_a_coordinator_sends_a_bulletin_from_the_form(world: World) -> None:
    client = client_for(world.coordinator_k)
    form = client.get(reverse("networks:bulletin_new"))
    html = form.content.decode()
    assert form.status_code == 200
    assert 'value="all"' not in html  # all networks: national coordinators only
    assert f'<option value="{world.kainuu.pk}" selected>' in html  # the one network they run
    response = client.post(
        reverse("networks:bulletin_new"),
        {
            "title": "Lakimuutos",
            "body": "Mitä muutos tarkoittaa.",
            "audience": "regions",
            "regions": ["MK18", "MK17"],
            "source_network": world.kainuu.pk,
        },
    )
    bulletin = Bulletin.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("networks:bulletin", args=[bulletin.pk])
    assert sorted(bulletin.regions.values_list("code", flat=True)) == ["MK17", "MK18"]
    assert bulletin.author == world.coordinator_k


def test_the_form_shows_a_missing_audience_next_to_its_field(world: World) -> None:
    response = client_for(world.coordinator_k).post(
        reverse("networks:bulletin_new"),
        {"title": "Lakimuutos", "body": "Teksti.", "audience": "networks"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert 'href="#id_networks"' in html
    assert 'aria-invalid="true"' in html
    field = html[html.index('<div class="field has-error">') :]
    assert "Choose at least one network to send the bulletin to." in field[: field.index("</select>")]
    assert not Bulletin.objects.exists()


def test_the_form_refuses_all_networks_from_a_coordinator(world: World) -> None:
    response = client_for(world.coordinator_k).post(
        reverse("networks:bulletin_new"), {"title": "T", "body": "B", "audience": "all"}
    )
    assert response.status_code == 400
    assert not Bulletin.objects.exists()


def test_the_form_is_for_coordinators(world: World) -> None:
    assert client_for(world.reader_k).get(reverse("networks:bulletin_new")).status_code == 403
    assert client_for(world.national).get(reverse("networks:bulletin_new")).status_code == 200


def test_a_member_added_later_sees_earlier_bulletins_of_the_network(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu])
    newcomer_org = OrganisationFactory()
    newcomer = person_of(newcomer_org)
    assert not bulletins.bulletins_visible_to(newcomer).filter(pk=bulletin.pk).exists()
    add_member(world.kainuu, newcomer_org)
    assert bulletins.bulletins_visible_to(newcomer).filter(pk=bulletin.pk).exists()


def test_a_network_covering_two_regions_is_reached_once(world: World) -> None:
    NetworkFactory(regions=[region("MK18"), region("MK17")])
    send(world.coordinator_k, Audience.REGIONS, regions=[region("MK18"), region("MK17")])
    assert bulletins.bulletin_feed(user=world.national).count() == 1
