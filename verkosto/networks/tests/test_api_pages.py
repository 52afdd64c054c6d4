"""/api/v1/networks/: the pages' rules in JSON. Public networks for everyone, members-only ones for
their members; memberships and peer groups read by viewers and added by managers; 400/401/403/
404/409 in the API's error shape; a fixed number of queries per list."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, region, user_with_role
from verkosto.networks.models import Membership, Network, PeerGroup

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
API = "/api/v1/networks"


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    with translation.override("fi"):
        yield


def client_for(user: Any = None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def networks() -> dict[str, Any]:
    association = OrganisationFactory(name_fi="Työpajayhdistys")
    public = NetworkFactory(
        name_fi="Kainuun pajat",
        name_sv="Kajanalands verkstäder",
        regions=[region("MK18")],
        coordinating_organisation=association,
    )
    closed = NetworkFactory(name_fi="Suljettu", kind=Network.Kind.OUTREACH, is_public=False)
    member_org = OrganisationFactory(name_fi="Jäsen ry")
    add_member(public, member_org)
    add_member(closed, member_org)
    Membership.objects.create(
        network=public,
        organisation=OrganisationFactory(name_fi="Lähtenyt ry"),
        joined_on=datetime.date(2024, 1, 1),
        left_on=datetime.date(2024, 6, 30),
    )
    coordinator = coordinator_of(public)
    coordinator.first_name, coordinator.last_name = "Kaisa", "Koordinaattori"
    coordinator.save()
    return {"public": public, "closed": closed, "member_org": member_org, "coordinator": coordinator}


def _names(response: Any) -> list[str]:
    return [item["name"]["fi"] for item in response.json()["results"]]


def test_anonymous_lists_public_networks_in_three_languages(networks: dict) -> None:
    response = client_for().get(f"{API}/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    network = body["results"][0]
    assert network["name"] == {"fi": "Kainuun pajat", "sv": "Kajanalands verkstäder", "en": None}
    assert network["regions"] == ["MK18"]
    assert network["member_count"] == 1
    assert network["language"] == "fi"
    assert network["coordinating_organisation"]["name"]["fi"] == "Työpajayhdistys"
    assert network["coordinators"] == [{"name": "Kaisa Koordinaattori"}]
    assert network["is_public"] is True


def test_members_see_their_members_only_networks(networks: dict) -> None:
    member = person_of(networks["member_org"])
    assert sorted(_names(client_for(member).get(f"{API}/"))) == ["Kainuun pajat", "Suljettu"]
    closed = networks["closed"]
    assert client_for(member).get(f"{API}/{closed.pk}/").status_code == 200
    assert client_for(member).get(f"{API}/{closed.uuid}/").status_code == 200
    for outsider in (None, person_of(OrganisationFactory())):
        response = client_for(outsider).get(f"{API}/{closed.pk}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
        assert client_for(outsider).get(f"{API}/{closed.pk}/memberships/").status_code == 404
        assert client_for(outsider).get(f"{API}/{closed.pk}/peer-groups/").status_code == 404


def test_list_filters_by_kind_and_region(networks: dict) -> None:
    admin = client_for(user_with_role(Role.ADMINISTRATOR))
    assert _names(admin.get(f"{API}/?kind=outreach_youth_work")) == ["Suljettu"]
    assert _names(admin.get(f"{API}/?region=MK18")) == ["Kainuun pajat"]
    assert _names(admin.get(f"{API}/?region=mk18&region=MK01")) == ["Kainuun pajat"]
    assert _names(admin.get(f"{API}/?region=XX")) == []
    response = admin.get(f"{API}/?kind=bogus")
    assert response.status_code == 400
    assert "kind" in str(response.json()["error"]["fields"])


def test_memberships_are_read_by_viewers(networks: dict) -> None:
    public = networks["public"]
    response = client_for().get(f"{API}/{public.pk}/memberships/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["organisation"]["name"]["fi"], r["is_current"]) for r in rows] == [
        ("Jäsen ry", True),
        ("Lähtenyt ry", False),
    ]
    assert rows[1]["left_on"] == "2024-06-30"
    current = client_for().get(f"{API}/{public.pk}/memberships/?status=current").json()["results"]
    assert [r["organisation"]["name"]["fi"] for r in current] == ["Jäsen ry"]
    past = client_for().get(f"{API}/{public.pk}/memberships/?status=past").json()["results"]
    assert [r["organisation"]["name"]["fi"] for r in past] == ["Lähtenyt ry"]


def test_draft_organisations_memberships_are_for_managers(networks: dict) -> None:
    public = networks["public"]
    add_member(public, OrganisationFactory(name_fi="Luonnos ry", is_published=False))
    public_rows = client_for().get(f"{API}/{public.pk}/memberships/").json()["results"]
    assert "Luonnos ry" not in [r["organisation"]["name"]["fi"] for r in public_rows]
    managed = client_for(networks["coordinator"]).get(f"{API}/{public.pk}/memberships/").json()["results"]
    assert "Luonnos ry" in [r["organisation"]["name"]["fi"] for r in managed]
    # A draft is not counted as a member in public.
    assert client_for().get(f"{API}/{public.pk}/").json()["member_count"] == 1


def test_manager_adds_a_member_and_it_is_logged(networks: dict) -> None:
    public = networks["public"]
    newcomer = OrganisationFactory(name_fi="Uusi ry")
    response = client_for(networks["coordinator"]).post(
        f"{API}/{public.pk}/memberships/",
        {"organisation": newcomer.pk, "joined_on": "2025-02-01"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["organisation"]["name"]["fi"] == "Uusi ry"
    assert response.json()["is_current"] is True
    assert public.memberships.filter(organisation=newcomer, left_on__isnull=True).exists()
    assert AuditEntry.objects.filter(object_type="networks.membership", action="create").exists()


def test_adding_a_member_twice_is_a_conflict(networks: dict) -> None:
    public = networks["public"]
    response = client_for(networks["coordinator"]).post(
        f"{API}/{public.pk}/memberships/",
        {"organisation": str(networks["member_org"].uuid), "joined_on": "2025-02-01"},
        format="json",
    )
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict"
    assert error["fields"] == {"organisation": ["This organisation is already a member of the network."]}
    assert public.memberships.count() == 2


def test_rejoining_inside_the_old_membership_is_refused(networks: dict) -> None:
    public = networks["public"]
    former = Membership.objects.get(network=public, left_on__isnull=False).organisation
    client = client_for(networks["coordinator"])
    response = client.post(
        f"{API}/{public.pk}/memberships/",
        {"organisation": former.pk, "joined_on": "2024-03-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "joined_on" in response.json()["error"]["fields"]
    response = client.post(f"{API}/{public.pk}/memberships/", {"organisation": former.pk}, format="json")
    assert response.status_code == 400
    assert public.memberships.count() == 2


def test_writes_need_a_manager(networks: dict) -> None:
    public = networks["public"]
    body = {"organisation": OrganisationFactory().pk, "joined_on": "2025-02-01"}
    group = {"name": {"fi": "Kaapattu"}}
    anonymous = client_for()
    assert anonymous.post(f"{API}/{public.pk}/memberships/", body, format="json").status_code == 401
    assert anonymous.post(f"{API}/{public.pk}/peer-groups/", group, format="json").status_code == 401
    for user in (person_of(networks["member_org"]), coordinator_of(networks["closed"]), UserFactory()):
        response = client_for(user).post(f"{API}/{public.pk}/memberships/", body, format="json")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
        assert (
            client_for(user).post(f"{API}/{public.pk}/peer-groups/", group, format="json").status_code == 403
        )
    assert public.memberships.count() == 2
    assert not PeerGroup.objects.exists()


def test_peer_groups_are_read_by_viewers_and_added_by_managers(networks: dict) -> None:
    public = networks["public"]
    group = PeerGroupFactory(network=public, name_fi="Työvalmentajat", name="Työvalmentajat")
    group.members.add(person_of(networks["member_org"]))
    rows = client_for().get(f"{API}/{public.pk}/peer-groups/").json()["results"]
    assert rows == [
        {
            "id": group.pk,
            "name": {"fi": "Työvalmentajat", "sv": None, "en": None},
            "description": {"fi": None, "sv": None, "en": None},
            "member_count": 1,
        }
    ]
    client = client_for(networks["coordinator"])
    response = client.post(
        f"{API}/{public.pk}/peer-groups/",
        {"name": {"fi": "Esihenkilöt", "sv": "Chefer"}, "description": {"fi": "Johtajat"}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["name"]["sv"] == "Chefer"
    assert response.json()["member_count"] == 0
    again = client.post(f"{API}/{public.pk}/peer-groups/", {"name": {"fi": "ESIHENKILÖT"}}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["fields"] == {
        "name.fi": ["The network has a peer group of this name already."]
    }
    missing = client.post(f"{API}/{public.pk}/peer-groups/", {"name": {"sv": "Bara svenska"}}, format="json")
    assert missing.status_code == 400
    assert "name.fi" in missing.json()["error"]["fields"]
    assert public.peer_groups.count() == 2


def _queries(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_lists_use_a_fixed_number_of_queries() -> None:
    client = client_for(user_with_role(Role.ADMINISTRATOR))
    network = NetworkFactory(regions=[region("MK18")])
    people = [UserFactory(), UserFactory()]

    def grow(count: int) -> None:
        for index in range(count):
            other = NetworkFactory(regions=[region("MK18"), region("MK17")], coordinators=people)
            add_member(other, OrganisationFactory())
            add_member(network, OrganisationFactory())
            PeerGroupFactory(network=network, name_fi=f"Ryhmä {network.peer_groups.count()} {index}")

    grow(2)
    urls = [f"{API}/", f"{API}/{network.pk}/memberships/", f"{API}/{network.pk}/peer-groups/"]
    few = [_queries(client, url) for url in urls]
    grow(8)
    assert [_queries(client, url) for url in urls] == few


def test_the_schema_describes_the_network_endpoints() -> None:
    schema = APIClient().get("/api/v1/schema/?format=json").json()
    paths = schema["paths"]
    assert set(paths["/api/v1/networks/{id}/memberships/"]) >= {"get", "post"}
    post = paths["/api/v1/networks/{id}/memberships/"]["post"]
    assert set(post["responses"]) == {"201", "400", "401", "403", "404", "409", "429"}
    assert "/api/v1/networks/{id}/peer-groups/" in paths
    assert "/api/v1/networks/" in paths
