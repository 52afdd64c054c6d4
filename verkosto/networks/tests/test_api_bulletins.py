"""Bulletins in the REST API: the pages' rules (feed, audience, who may send), in JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verkosto.core.models import AuditEntry
from verkosto.networks.models import Bulletin, BulletinRead

from .bulletin_support import Audience, World, make_world, send

pytestmark = pytest.mark.django_db
API = "/api/v1/bulletins/"


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    with translation.override("fi"):
        yield


@pytest.fixture
def world() -> World:
    return make_world()


def token_client(user: Any) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_every_operation_needs_a_logged_in_caller(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu])
    anonymous = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    for response in (
        anonymous.get(API),
        anonymous.get(f"{API}{bulletin.pk}/"),
        anonymous.post(API, {}, format="json"),
        anonymous.post(f"{API}{bulletin.pk}/read/"),
        anonymous.post(f"{API}read-all/"),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_authenticated"


def test_the_list_is_the_callers_feed_with_unread_flags(world: World) -> None:
    read = send(world.coordinator_k, networks=[world.kainuu], title="Luettu")
    send(world.national, Audience.ALL_NETWORKS, title="Kaikille")
    send(world.coordinator_o, networks=[world.oulu], title="Oululle")
    group = send(world.coordinator_k, Audience.PEER_GROUP, peer_group=world.group, title="Ryhmälle")
    BulletinRead.objects.create(bulletin=read, user=world.reader_k)
    data = token_client(world.reader_k).get(API).json()
    assert data["count"] == 3
    assert [(b["title"], b["is_read"]) for b in data["results"]] == [
        ("Ryhmälle", False),
        ("Kaikille", False),
        ("Luettu", True),
    ]
    first = data["results"][0]
    assert first["audience"] == "peer_group"
    assert first["peer_group"] == {
        "id": world.group.pk,
        "name": {"fi": "Työvalmentajat", "sv": None, "en": None},
        "network": world.kainuu.pk,
    }
    assert first["source_network"]["id"] == world.kainuu.pk
    assert first["id"] == group.pk
    unread = token_client(world.reader_k).get(API, {"unread": "true"}).json()
    assert [b["title"] for b in unread["results"]] == ["Ryhmälle", "Kaikille"]
    assert token_client(world.reader_k).get(API, {"unread": "maybe"}).status_code == 400


def test_a_bulletin_outside_the_callers_audience_is_a_404(world: World) -> None:
    bulletin = send(world.coordinator_k, Audience.REGIONS, regions=[world.kainuu.regions.get()])
    assert token_client(world.reader_o).get(f"{API}{bulletin.pk}/").status_code == 404
    assert token_client(world.reader_o).post(f"{API}{bulletin.pk}/read/").status_code == 404
    for ref in ("0", "abc", str(2**64)):
        assert token_client(world.reader_k).get(f"{API}{ref}/").status_code == 404
    shown = token_client(world.reader_k).get(f"{API}{bulletin.pk}/").json()
    assert shown["regions"] == ["MK18"]
    assert shown["author"] == world.coordinator_k.get_username()
    assert shown["is_read"] is False  # reading through the API marks nothing


def test_mark_read_and_mark_all_read(world: World) -> None:
    first = send(world.coordinator_k, networks=[world.kainuu])
    send(world.coordinator_k, networks=[world.kainuu])
    client = token_client(world.reader_k)
    assert client.post(f"{API}{first.pk}/read/").status_code == 204
    assert client.post(f"{API}{first.pk}/read/").status_code == 204
    assert client.get(f"{API}{first.pk}/").json()["is_read"] is True
    assert client.post(f"{API}read-all/").json() == {"marked": 1}
    assert client.get(API, {"unread": "true"}).json()["count"] == 0


def test_a_coordinator_sends_a_bulletin(world: World) -> None:
    response = token_client(world.coordinator_k).post(
        API,
        {
            "title": "Lakimuutos",
            "body": "Mitä se tarkoittaa.",
            "audience": "networks",
            "networks": [world.kainuu.pk, world.oulu.pk, world.kainuu.pk],
            "regions": ["MK01"],  # of another audience: ignored
            "source_network": str(world.kainuu.uuid),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert {n["id"] for n in data["networks"]} == {world.kainuu.pk, world.oulu.pk}
    assert data["regions"] == []
    assert data["is_read"] is True  # the author's own
    bulletin = Bulletin.objects.get(pk=data["id"])
    assert AuditEntry.objects.filter(object_type="networks.bulletin", object_id=str(bulletin.pk)).exists()
    assert token_client(world.reader_o).get(f"{API}{bulletin.pk}/").status_code == 200


def test_a_bulletin_without_an_audience_is_refused(world: World) -> None:
    client = token_client(world.coordinator_k)
    for audience, field in (("networks", "networks"), ("regions", "regions"), ("peer_group", "peer_group")):
        response = client.post(API, {"title": "T", "body": "B", "audience": audience}, format="json")
        assert response.status_code == 400
        assert field in response.json()["error"]["fields"]
    all_networks = client.post(API, {"title": "T", "body": "B", "audience": "all"}, format="json")
    assert all_networks.status_code == 400
    assert "audience" in all_networks.json()["error"]["fields"]
    unknown = client.post(
        API, {"title": "T", "body": "B", "audience": "networks", "networks": [999999]}, format="json"
    )
    assert unknown.json()["error"]["fields"] == {"networks": ["Unknown values: 999999."]}
    assert not Bulletin.objects.exists()


def test_people_who_manage_no_network_may_not_send(world: World) -> None:
    response = token_client(world.reader_k).post(
        API, {"title": "T", "body": "B", "audience": "networks", "networks": [world.kainuu.pk]}, format="json"
    )
    assert response.status_code == 403
    assert not Bulletin.objects.exists()


def test_the_schema_describes_the_bulletins(world: World) -> None:
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    assert set(paths["/api/v1/bulletins/"]) == {"get", "post"}
    assert set(paths["/api/v1/bulletins/{id}/read/"]) == {"post"}
    assert "403" in paths["/api/v1/bulletins/"]["post"]["responses"]
    assert "404" in paths["/api/v1/bulletins/{id}/"]["get"]["responses"]
