"""The network pages: what each visitor sees, the forms with their refusals (nothing saved), and
a fixed number of queries on every list whatever its length."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import (
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    municipality,
    region,
    user_with_role,
)
from verkosto.networks import views
from verkosto.networks.models import Membership, Network, PeerGroup

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    # A request leaves its language active in the thread; factories write `name` into the active
    # language's column, so set-up runs in Finnish.
    with translation.override("fi"):
        yield


def client_for(user: Any = None, lang: str = "fi") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def kainuu() -> dict[str, Any]:
    association = OrganisationFactory(name_fi="Nuorten Työpajayhdistys")
    network = NetworkFactory(
        name_fi="Kainuun työpajaverkosto",
        description_fi="Kainuun pajat tapaavat kuukausittain.",
        regions=[region("MK18")],
        coordinating_organisation=association,
    )
    workshop = OrganisationFactory(name_fi="Kajaanin Paja ry", municipalities=[municipality("Kajaani")])
    ServiceFactory(organisation=workshop, name_fi="Nuorten työpaja")
    ServiceFactory(organisation=workshop, name_fi="Piilotettu luonnos", is_published=False)
    add_member(network, workshop)
    former = OrganisationFactory(name_fi="Lähtenyt Säätiö")
    Membership.objects.create(
        network=network,
        organisation=former,
        joined_on=datetime.date(2024, 1, 1),
        left_on=datetime.date(2024, 12, 31),
    )
    coordinator = UserFactory(first_name="Kaisa", last_name="Koordinaattori")
    network.coordinators.add(coordinator)
    group = PeerGroupFactory(network=network, name_fi="Työvalmentajat", name="Työvalmentajat")
    return {
        "association": association,
        "network": network,
        "workshop": workshop,
        "former": former,
        "coordinator": coordinator,
        "group": group,
    }


# --- the list ------------------------------------------------------------------------------------


def test_list_shows_visible_networks_with_member_counts(kainuu: dict) -> None:
    NetworkFactory(name_fi="Salainen verkosto", is_public=False)
    response = client_for().get("/networks/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kainuun työpajaverkosto" in html
    assert "Salainen verkosto" not in html
    # One current member; the one that left does not count.
    assert '<td class="num">1</td>' in html


def test_list_filters_by_kind_and_region(kainuu: dict) -> None:
    NetworkFactory(name_fi="Pohjanmaan etsivät", kind=Network.Kind.OUTREACH, regions=[region("MK15")])
    client = client_for()
    by_region = client.get("/networks/?region=MK15").content.decode()
    assert "Pohjanmaan etsivät" in by_region and "Kainuun työpajaverkosto" not in by_region
    by_kind = client.get("/networks/?kind=youth_workshops").content.decode()
    assert "Kainuun työpajaverkosto" in by_kind and "Pohjanmaan etsivät" not in by_kind
    # An unknown value is ignored rather than an error page.
    unknown = client.get("/networks/?region=XX99&kind=outreach_youth_work")
    assert unknown.status_code == 200
    assert "Pohjanmaan etsivät" in unknown.content.decode()


def test_list_answers_htmx_with_the_results_only(kainuu: dict) -> None:
    response = client_for().get("/networks/?region=MK18", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Kainuun työpajaverkosto" in html
    assert "<html" not in html


def test_members_only_network_is_listed_for_its_members(kainuu: dict) -> None:
    closed = NetworkFactory(name_fi="Salainen verkosto", is_public=False)
    add_member(closed, kainuu["workshop"])
    html = client_for(person_of(kainuu["workshop"])).get("/networks/").content.decode()
    assert "Salainen verkosto" in html


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)


def test_list_uses_a_fixed_number_of_queries() -> None:
    client = client_for(user_with_role(Role.NATIONAL_COORDINATOR))
    coordinators = [UserFactory(), UserFactory()]

    def networks(count: int) -> None:
        for _ in range(count):
            network = NetworkFactory(regions=[region("MK18"), region("MK17")], coordinators=coordinators)
            add_member(network, OrganisationFactory())

    networks(2)
    few = _queries(client, "/networks/")
    networks(8)
    assert _queries(client, "/networks/") == few


# --- a network's page ----------------------------------------------------------------------------


def test_network_page_shows_members_services_regions_and_people(kainuu: dict) -> None:
    response = client_for().get(f"/networks/{kainuu['network'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Kainuun pajat tapaavat kuukausittain.",
        "Kainuu",
        "Kaisa Koordinaattori",
        "Nuorten Työpajayhdistys",
        "Kajaanin Paja ry",
        "Nuorten työpaja",
        "Lähtenyt Säätiö",  # past members
        "Työvalmentajat",
        "<svg",
    ):
        assert text in html, text
    assert "Piilotettu luonnos" not in html
    # Managing links are for managers only.
    assert f"/networks/{kainuu['network'].pk}/edit/" not in html


def test_network_page_map_lists_covered_regions_and_members_per_region(kainuu: dict) -> None:
    html = client_for(lang="en").get(f"/networks/{kainuu['network'].pk}/").content.decode()
    assert 'role="img"' in html
    assert "Covered: Kainuu (1 member organisation)." in html
    assert '<th scope="row"><a href="/regions/MK18/">Kainuu</a></th><td>' in html


def test_members_only_network_is_hidden_from_outsiders(kainuu: dict) -> None:
    network = kainuu["network"]
    network.is_public = False
    network.save()
    url = f"/networks/{network.pk}/"
    assert client_for().get(url).status_code == 404
    assert client_for(person_of(OrganisationFactory())).get(url).status_code == 404
    assert client_for(person_of(kainuu["workshop"])).get(url).status_code == 200
    assert client_for(kainuu["coordinator"]).get(url).status_code == 200
    group_url = f"/networks/peer-groups/{kainuu['group'].pk}/"
    assert client_for().get(group_url).status_code == 404


def test_swedish_network_marks_its_swedish_text(kainuu: dict) -> None:
    network = NetworkFactory(
        name_fi="Pohjanmaan nuorisoverkosto",
        name_sv="Österbottens ungdomsnätverk",
        description_sv="Vi träffas varje månad i Vasa.",
        language=Network.WorkingLanguage.SWEDISH,
    )
    finnish = client_for(lang="fi").get(f"/networks/{network.pk}/").content.decode()
    assert '<p class="lead" lang="sv">Vi träffas varje månad i Vasa.</p>' in finnish
    assert "<h1>Pohjanmaan nuorisoverkosto</h1>" in finnish
    swedish = client_for(lang="sv").get(f"/networks/{network.pk}/").content.decode()
    assert '<p class="lead">Vi träffas varje månad i Vasa.</p>' in swedish
    assert "<h1>Österbottens ungdomsnätverk</h1>" in swedish


def test_network_page_shows_latest_bulletins_threads_and_coverage(
    kainuu: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other parts of the networks work are called through their interfaces; their links
    appear once their pages exist."""
    published = timezone.make_aware(datetime.datetime(2025, 3, 4, 10, 0))
    monkeypatch.setattr(
        views.bulletins,
        "bulletins_for_network",
        lambda **kwargs: [SimpleNamespace(pk=7, title="Syksyn koulutuspäivät", published_at=published)],
    )
    monkeypatch.setattr(
        views.discussions,
        "threads_for_network",
        lambda **kwargs: [SimpleNamespace(pk=8, title="Kesätyöt nuorille", last_post_at=published)],
    )
    coverage = SimpleNamespace(members=[1, 2, 3], members_met=[1, 2])
    monkeypatch.setattr(views.worklog, "network_coverage", lambda **kwargs: coverage)
    url = f"/networks/{kainuu['network'].pk}/"
    html = client_for(kainuu["coordinator"], lang="en").get(url).content.decode()
    assert "have met 2 of 3 member organisations face to face" in html
    assert "Syksyn koulutuspäivät" in html
    assert "Kesätyöt nuorille" in html
    assert "coverage-title" in html
    # The coverage of the coordinators' work log is for the network's managers only.
    public_html = client_for().get(url).content.decode()
    assert "coverage-title" not in public_html


def test_empty_interfaces_render_nothing(kainuu: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views.bulletins, "bulletins_for_network", lambda **kwargs: [])
    monkeypatch.setattr(views.discussions, "threads_for_network", lambda **kwargs: [])
    monkeypatch.setattr(views.worklog, "network_coverage", lambda **kwargs: None)
    html = client_for(kainuu["coordinator"]).get(f"/networks/{kainuu['network'].pk}/").content.decode()
    assert "bulletins-title" not in html
    assert "threads-title" not in html
    assert "coverage-title" not in html


def test_network_page_uses_a_fixed_number_of_queries(monkeypatch: pytest.MonkeyPatch) -> None:
    network = NetworkFactory(regions=[region("MK18"), region("MK17")])
    coordinator = coordinator_of(network)
    client = client_for(coordinator)

    def grow(count: int) -> None:
        for index in range(count):
            organisation = OrganisationFactory(municipalities=[municipality("Kajaani")])
            organisation.regions.add(region("MK17"))
            ServiceFactory(organisation=organisation)
            ServiceFactory(organisation=organisation)
            add_member(network, organisation)
            Membership.objects.create(
                network=network,
                organisation=OrganisationFactory(),
                joined_on=datetime.date(2023, 1, 1),
                left_on=datetime.date(2024, 1, 1),
            )
            group = PeerGroupFactory(network=network, name_fi=f"Ryhmä {network.peer_groups.count()} {index}")
            group.members.add(coordinator)

    grow(2)
    url = f"/networks/{network.pk}/"
    few = _queries(client, url)
    grow(8)
    assert _queries(client, url) == few


# --- peer groups ---------------------------------------------------------------------------------


def test_peer_group_people_are_shown_to_the_networks_people_only(kainuu: dict) -> None:
    group = kainuu["group"]
    member = person_of(kainuu["workshop"], first_name="Ville", last_name="Valmentaja")
    group.members.add(member)
    url = f"/networks/peer-groups/{group.pk}/"
    public = client_for().get(url).content.decode()
    assert "Työvalmentajat" in public
    assert "Ville Valmentaja" not in public
    inside = client_for(member).get(url).content.decode()
    assert "Ville Valmentaja" in inside
    assert "Kajaanin Paja ry" in inside


def test_peer_group_page_uses_a_fixed_number_of_queries(kainuu: dict) -> None:
    group = kainuu["group"]
    client = client_for(kainuu["coordinator"])

    def grow(count: int) -> None:
        for _ in range(count):
            organisation = OrganisationFactory()
            add_member(kainuu["network"], organisation)
            group.members.add(person_of(organisation))

    grow(2)
    url = f"/networks/peer-groups/{group.pk}/"
    few = _queries(client, url)
    grow(8)
    assert _queries(client, url) == few


# --- forms ---------------------------------------------------------------------------------------


def test_national_coordinator_creates_a_network(kainuu: dict) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=kainuu["association"])
    regional = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK15")
    client = client_for(national)
    assert client.get("/networks/new/").status_code == 200
    response = client.post(
        "/networks/new/",
        {
            "name_fi": "Pohjanmaan pajat",
            "name_sv": "Österbottens verkstäder",
            "kind": "youth_workshops",
            "language": "sv",
            "regions": ["MK15"],
            "coordinating_organisation": kainuu["association"].pk,
            "coordinators": [regional.pk],
            "is_public": "on",
        },
    )
    network = Network.objects.get(name_fi="Pohjanmaan pajat")
    assert response.status_code == 302
    assert response["Location"] == f"/networks/{network.pk}/"
    assert list(network.coordinators.all()) == [regional]
    assert network.language == "sv"


def test_network_form_shows_errors_next_to_fields(kainuu: dict) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=kainuu["association"])
    response = client_for(national).post("/networks/new/", {"name_fi": "", "kind": "youth_workshops"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert 'aria-invalid="true"' in html
    # Another organisation as coordinating organisation: the service refuses, nothing is saved.
    response = client_for(national).post(
        "/networks/new/",
        {
            "name_fi": "Vieras",
            "kind": "other",
            "language": "fi",
            "coordinating_organisation": OrganisationFactory().pk,
        },
    )
    assert response.status_code == 400
    assert not Network.objects.filter(name_fi="Vieras").exists()


def test_only_national_coordinators_reach_the_new_network_page(kainuu: dict) -> None:
    assert client_for().get("/networks/new/").status_code == 302  # to the login page
    assert client_for(kainuu["coordinator"]).get("/networks/new/").status_code == 403
    assert client_for(person_of(kainuu["workshop"])).get("/networks/new/").status_code == 403


def test_coordinator_edits_content_but_not_who_coordinates(kainuu: dict) -> None:
    network = kainuu["network"]
    client = client_for(kainuu["coordinator"])
    form = client.get(f"/networks/{network.pk}/edit/").content.decode()
    assert 'name="description_fi"' in form
    assert 'name="coordinators"' not in form
    assert 'name="coordinating_organisation"' not in form
    response = client.post(
        f"/networks/{network.pk}/edit/",
        {
            "name_fi": "Kainuun pajaverkosto",
            "kind": "youth_workshops",
            "language": "fi",
            "regions": ["MK18"],
            "description_fi": "Uusi kuvaus",
            # Posted anyway: the form has no such fields, so nothing changes.
            "coordinators": [UserFactory().pk],
        },
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.name_fi == "Kainuun pajaverkosto"
    assert not network.is_public  # the box was not ticked
    assert list(network.coordinators.all()) == [kainuu["coordinator"]]


def test_members_and_outsiders_cannot_edit(kainuu: dict) -> None:
    network = kainuu["network"]
    for user in (person_of(kainuu["workshop"]), coordinator_of(NetworkFactory())):
        client = client_for(user)
        for url in (
            f"/networks/{network.pk}/edit/",
            f"/networks/{network.pk}/members/new/",
            f"/networks/{network.pk}/peer-groups/new/",
            f"/networks/peer-groups/{kainuu['group'].pk}/edit/",
            f"/networks/peer-groups/{kainuu['group'].pk}/members/",
            f"/networks/memberships/{network.memberships.filter(left_on__isnull=True).get().pk}/end/",
        ):
            assert client.get(url).status_code == 403, url
            assert client.post(url, {"name_fi": "Kaapattu"}).status_code == 403, url


def test_add_member_and_refuse_the_same_organisation_twice(kainuu: dict) -> None:
    network = kainuu["network"]
    client = client_for(kainuu["coordinator"], lang="en")
    newcomer = OrganisationFactory(name_fi="Uusi Jäsen ry")
    form = client.get(f"/networks/{network.pk}/members/new/").content.decode()
    assert "Uusi Jäsen ry" in form
    assert "Kajaanin Paja ry" not in form  # a member already: not offered
    response = client.post(
        f"/networks/{network.pk}/members/new/", {"organisation": newcomer.pk, "joined_on": "2025-02-01"}
    )
    assert response.status_code == 302
    assert network.memberships.filter(organisation=newcomer, left_on__isnull=True).exists()
    count = Membership.objects.count()
    response = client.post(
        f"/networks/{network.pk}/members/new/", {"organisation": newcomer.pk, "joined_on": "2025-03-01"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This organisation is already a member of the network." in html
    assert 'id="error-summary"' in html
    assert Membership.objects.count() == count


def test_end_membership_refuses_a_leave_date_before_the_join_date(kainuu: dict) -> None:
    membership = kainuu["network"].memberships.get(left_on__isnull=True)
    membership.joined_on = datetime.date(2025, 2, 1)
    membership.save()
    client = client_for(kainuu["coordinator"], lang="en")
    url = f"/networks/memberships/{membership.pk}/end/"
    response = client.post(url, {"left_on": "2025-01-15"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The leaving date cannot be before the joining date." in html
    assert 'aria-invalid="true"' in html
    membership.refresh_from_db()
    assert membership.left_on is None
    response = client.post(url, {"left_on": "2025-02-15"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.left_on == datetime.date(2025, 2, 15)
    page = client_for(lang="en").get(f"/networks/{kainuu['network'].pk}/").content.decode()
    assert "0 member organisations" in page
    assert page.count("Kajaanin Paja ry") == 1  # among the past members only


def test_peer_group_create_edit_and_members(kainuu: dict) -> None:
    network = kainuu["network"]
    client = client_for(kainuu["coordinator"])
    response = client.post(f"/networks/{network.pk}/peer-groups/new/", {"name_fi": "Esihenkilöt"})
    group = PeerGroup.objects.get(name_fi="Esihenkilöt")
    assert response["Location"] == f"/networks/peer-groups/{group.pk}/"
    # The same name again (other case): refused next to the name, nothing saved.
    response = client.post(f"/networks/{network.pk}/peer-groups/new/", {"name_fi": "ESIHENKILÖT"})
    assert response.status_code == 400
    assert PeerGroup.objects.filter(network=network).count() == 2
    response = client.post(
        f"/networks/peer-groups/{group.pk}/edit/", {"name_fi": "Esihenkilöt", "description_fi": "Johtajat"}
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.description_fi == "Johtajat"
    coach = person_of(kainuu["workshop"], first_name="Ville", last_name="Valmentaja")
    outsider = person_of(OrganisationFactory(), first_name="Olli", last_name="Ulkopuolinen")
    form = client.get(f"/networks/peer-groups/{group.pk}/members/").content.decode()
    assert "Ville Valmentaja (Kajaanin Paja ry)" in form
    assert "Olli Ulkopuolinen" not in form
    response = client.post(f"/networks/peer-groups/{group.pk}/members/", {"members": [coach.pk]})
    assert response.status_code == 302
    assert list(group.members.all()) == [coach]
    response = client.post(f"/networks/peer-groups/{group.pk}/members/", {"members": [outsider.pk]})
    assert response.status_code == 400
    assert list(group.members.all()) == [coach]


def test_navigation_links_to_networks() -> None:
    html = client_for().get("/networks/").content.decode()
    assert 'href="/networks/" aria-current="page"' in html


def test_national_coordinator_is_offered_only_their_organisation(kainuu: dict) -> None:
    OrganisationFactory(name_fi="Vieras Liitto")
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=kainuu["association"])
    form = client_for(national).get("/networks/new/").content.decode()
    assert "Nuorten Työpajayhdistys" in form
    assert "Vieras Liitto" not in form


def test_peer_group_members_form_uses_a_fixed_number_of_queries(kainuu: dict) -> None:
    group = kainuu["group"]
    client = client_for(kainuu["coordinator"])

    def grow(count: int) -> None:
        for _ in range(count):
            organisation = OrganisationFactory()
            add_member(kainuu["network"], organisation)
            person = person_of(organisation)
            RoleAssignment.objects.create(
                user=person, role=Role.ORGANISATION_EDITOR, organisation=kainuu["workshop"]
            )
            group.members.add(person)

    grow(2)
    url = f"/networks/peer-groups/{group.pk}/members/"
    few = _queries(client, url)
    grow(8)
    assert _queries(client, url) == few
