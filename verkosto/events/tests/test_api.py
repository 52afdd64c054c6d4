"""/api/v1/events/: only what the caller may see, the filters, public registration counts (no
personal data), the programme and the calendar links; in the OpenAPI schema without warnings; a
fixed number of queries per list."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Iterator
from typing import Any

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
from verkosto.events import calendars
from verkosto.events.models import Event, ProgrammeItem
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

from .factories import EventFactory, ProgrammeItemFactory, registration_row

pytestmark = pytest.mark.django_db
API = "/api/v1/events"
PUBLIC = Event.Audience.PUBLIC


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    with translation.override("fi"):
        yield


def client_for(user: Any = None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def at(year: int, month: int, day: int, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(
        name_fi="Kainuun pajat", name_sv="Kajanalands verkstäder", regions=[region("MK18")]
    )
    closed = NetworkFactory(name_fi="Salainen verkosto", is_public=False)
    member_org = OrganisationFactory(name_fi="Jäsen ry")
    add_member(network, member_org)
    theme_day = EventFactory(
        title_fi="Teemapäivä",
        title_sv="Temadag",
        description_fi="Aamulla tietoa, iltapäivällä työtä.",
        kind=Event.Kind.THEME_DAY,
        audience=PUBLIC,
        language=Event.Language.BILINGUAL,
        networks=[network, closed],
        organisations=[member_org, OrganisationFactory(name_fi="Luonnos ry", is_published=False)],
        regions=[region("MK18")],
        municipality=municipality("Kajaani"),
        starts_at=at(2031, 3, 10),
        ends_at=at(2031, 3, 10, 15),
        capacity=30,
    )
    Event.objects.filter(pk=theme_day.pk).update(attending_count=28, waiting_count=4)
    theme_day.refresh_from_db()
    ProgrammeItemFactory(
        event=theme_day, title_fi="Tervetuloa", starts_at=at(2031, 3, 10, 9), presenter="Kaisa Koordinaattori"
    )
    ProgrammeItemFactory(
        event=theme_day,
        title_fi="Pöytäkeskustelut",
        starts_at=at(2031, 3, 10, 13),
        form=ProgrammeItem.Form.DISCUSSION,
    )
    registration_row(theme_day, name="Salainen Osallistuja", email="salainen@example.fi")
    webinar = EventFactory(
        title_fi="Webinaari",
        kind=Event.Kind.WEBINAR,
        audience=PUBLIC,
        language=Event.Language.SWEDISH,
        online_url="https://meet.example.fi/x",
        starts_at=at(2031, 4, 2),
        ends_at=at(2031, 4, 2, 11),
        regions=[region("MK15")],
    )
    members_only = EventFactory(title_fi="Jäsenkokous", networks=[network], starts_at=at(2031, 3, 20))
    draft = EventFactory(
        title_fi="Luonnos",
        status=Event.Status.DRAFT,
        audience=PUBLIC,
        networks=[network],
        starts_at=at(2031, 3, 25),
    )
    return {
        "network": network,
        "closed": closed,
        "member": person_of(member_org),
        "theme_day": theme_day,
        "webinar": webinar,
        "members_only": members_only,
        "draft": draft,
    }


def titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"]["fi"] for item in response.json()["results"]]


def test_anonymous_sees_public_events_only(world: dict) -> None:
    assert titles(client_for().get(f"{API}/")) == ["Teemapäivä", "Webinaari"]


def test_a_member_sees_members_only_events_and_an_organiser_drafts(world: dict) -> None:
    assert titles(client_for(world["member"]).get(f"{API}/")) == ["Teemapäivä", "Jäsenkokous", "Webinaari"]
    organiser = client_for(coordinator_of(world["network"]))
    assert titles(organiser.get(f"{API}/")) == ["Teemapäivä", "Jäsenkokous", "Luonnos", "Webinaari"]


def test_hidden_events_are_404_in_detail(world: dict) -> None:
    client = client_for()
    for name in ("members_only", "draft"):
        response = client.get(f"{API}/{world[name].uuid}/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert client.get(f"{API}/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"{API}/not-a-uuid/").status_code == 404
    assert client_for(world["member"]).get(f"{API}/{world['members_only'].uuid}/").status_code == 200


def test_detail_shape_counts_programme_and_links(world: dict) -> None:
    event = world["theme_day"]
    body = client_for().get(f"{API}/{event.uuid}/").json()
    assert body["uuid"] == str(event.uuid)
    assert body["title"] == {"fi": "Teemapäivä", "sv": "Temadag", "en": None}
    assert body["kind"] == "theme_day" and body["audience"] == "public" and body["language"] == "fi-sv"
    assert body["municipality"] == "205"
    assert body["regions"] == ["MK18"]
    # The members-only network's name stays hidden from those who may not see the network; the
    # unpublished organisation too.
    assert [n["name"]["fi"] for n in body["networks"]] == ["Kainuun pajat"]
    assert [o["name"]["fi"] for o in body["organisations"]] == ["Jäsen ry"]
    assert body["registration"] == {
        "capacity": 30,
        "attending_count": 28,
        "waiting_count": 4,
        "places_left": 2,
        "is_open": True,  # published, no window: open until the start
        "opens_at": None,
        "closes_at": None,
    }
    assert [(p["title"]["fi"], p["form"]) for p in body["programme"]] == [
        ("Tervetuloa", "information"),
        ("Pöytäkeskustelut", "discussion"),
    ]
    assert body["programme"][0]["presenter"] == "Kaisa Koordinaattori"
    links = body["links"]
    assert links["page"] == f"http://testserver/events/{event.uuid}/"
    assert links["ics"] == f"http://testserver/events/{event.uuid}/event.ics"
    assert links["network_feeds"] == [
        {
            "code": str(world["network"].uuid),
            "url": f"http://testserver/events/feeds/network/{world['network'].uuid}.ics",
        }
    ]
    assert links["region_feeds"] == [
        {"code": "MK18", "url": "http://testserver/events/feeds/region/MK18.ics"}
    ]
    assert client_for().get(links["ics"]).status_code == 200
    # No personal data of the people registered.
    text = json.dumps(body)
    assert "Salainen Osallistuja" not in text and "salainen@example.fi" not in text


def test_registration_is_closed_after_the_window_and_for_a_cancelled_event(world: dict) -> None:
    event = world["theme_day"]
    Event.objects.filter(pk=event.pk).update(
        registration_opens_at=at(2025, 1, 1), registration_closes_at=at(2025, 2, 1)
    )
    assert client_for().get(f"{API}/{event.uuid}/").json()["registration"]["is_open"] is False
    Event.objects.filter(pk=event.pk).update(registration_closes_at=None, status=Event.Status.CANCELLED)
    body = client_for().get(f"{API}/{event.uuid}/").json()
    assert body["registration"]["is_open"] is False and body["status"] == "cancelled"


def test_a_members_only_event_links_to_no_public_feed(world: dict) -> None:
    body = client_for(world["member"]).get(f"{API}/{world['members_only'].uuid}/").json()
    assert body["links"]["network_feeds"] == [] and body["links"]["region_feeds"] == []
    assert body["links"]["ics"].endswith(f"/events/{world['members_only'].uuid}/event.ics")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"region": "MK18"}, ["Teemapäivä"]),
        ({"region": "mk15"}, ["Webinaari"]),
        ({"region": ["MK18", "MK15"]}, ["Teemapäivä", "Webinaari"]),
        ({"region": "MK99"}, []),
        ({"kind": "webinar"}, ["Webinaari"]),
        ({"kind": ["webinar", "theme_day"]}, ["Teemapäivä", "Webinaari"]),
        ({"from": "2031-03-11"}, ["Webinaari"]),
        ({"from": "2031-03-10", "to": "2031-03-10"}, ["Teemapäivä"]),
        ({"to": "2031-03-09"}, []),
        ({"language": "sv"}, ["Teemapäivä", "Webinaari"]),
        ({"language": "fi"}, ["Teemapäivä"]),
        ({"language": "fi-sv"}, ["Teemapäivä"]),
        ({"language": "en"}, []),
    ],
)
def test_filters(world: dict, query: dict, expected: list[str]) -> None:
    assert titles(client_for().get(f"{API}/", query)) == expected


def test_a_region_filter_finds_events_held_in_its_municipalities(world: dict) -> None:
    EventFactory(
        title_fi="Kuhmossa", audience=PUBLIC, municipality=municipality("Kuhmo"), starts_at=at(2031, 5, 1)
    )
    assert titles(client_for().get(f"{API}/", {"region": "MK18"})) == ["Teemapäivä", "Kuhmossa"]


def test_network_filter_by_uuid(world: dict) -> None:
    network = world["network"]
    assert titles(client_for().get(f"{API}/", {"network": str(network.uuid)})) == ["Teemapäivä"]
    member = client_for(world["member"])
    assert titles(member.get(f"{API}/", {"network": str(network.uuid)})) == ["Teemapäivä", "Jäsenkokous"]
    assert titles(client_for().get(f"{API}/", {"network": str(uuid.uuid4())})) == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"from": "tomorrow"}, "from"),
        ({"from": "2031-03-10", "to": "2031-03-01"}, "to"),
        ({"network": "not-a-uuid"}, "network"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_parameters_are_400_by_field(world: dict, query: dict, field: str) -> None:
    response = client_for().get(f"{API}/", query)
    assert response.status_code == 400
    assert any(key.split(".")[0] == field for key in response.json()["error"]["fields"]), response.json()


def test_a_wrong_token_is_401(world: dict) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token nonsense")
    assert client.get(f"{API}/").status_code == 401


def test_the_list_is_a_fixed_number_of_queries(world: dict) -> None:
    client = client_for(world["member"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{API}/").status_code == 200
        return len(queries.captured_queries)

    few = count()
    for n in range(15):
        event = EventFactory(
            title_fi=f"Lisä {n}",
            audience=PUBLIC,
            networks=[world["network"]],
            regions=[region("MK18")],
            organisations=[OrganisationFactory()],
            municipality=municipality("Kajaani"),
        )
        ProgrammeItemFactory(event=event)
    assert count() == few


def test_the_schema_describes_the_events_without_warnings() -> None:
    GENERATOR_STATS.reset()
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    warnings = list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache)
    mine = [w for w in warnings if "event" in w.lower() or "audience" in w.lower()]
    assert mine == []
    validate_schema(schema)
    paths = schema["paths"]
    assert set(paths["/api/v1/events/"]) == {"get"}
    assert set(paths["/api/v1/events/{uuid}/"]) == {"get"}
    parameters = {p["name"] for p in paths["/api/v1/events/"]["get"]["parameters"]}
    assert {"region", "network", "kind", "from", "to", "language", "page", "page_size"} <= parameters
    assert set(paths["/api/v1/events/{uuid}/"]["get"]["responses"]) >= {"200", "404", "429"}
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert set(event["title"]["properties"]) == {"fi", "sv", "en"}
    links = schema["components"]["schemas"]["EventLinks"]["properties"]
    assert {"page", "ics", "network_feeds", "region_feeds"} <= set(links)
    assert "text/calendar" in links["ics"]["description"]
    assert schema["components"]["schemas"]["EventAudienceEnum"]["enum"] == ["members", "public"]


# --- the iCalendar files in the API ----------------------------------------------------------------


def calendar_uids(response: Any) -> set[str]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    return {str(component["UID"]) for component in parsed.walk("VEVENT")}


def uid(event: Event) -> str:
    return f"{event.uuid}@verkosto"


def test_network_and_region_feeds_hold_the_public_events_the_pages_serve(world: dict) -> None:
    network = world["network"]
    from_api = calendar_uids(client_for().get(f"/api/v1/event-feeds/network/{network.uuid}/"))
    assert from_api == {uid(world["theme_day"])}
    assert from_api == calendar_uids(client_for().get(f"/events/feeds/network/{network.uuid}.ics"))
    # The feed is the same for a member: members-only events reach them through their own feed.
    assert calendar_uids(client_for(world["member"]).get(f"/api/v1/event-feeds/network/{network.uuid}/")) == {
        uid(world["theme_day"])
    }
    assert calendar_uids(client_for().get("/api/v1/event-feeds/region/MK15/")) == {uid(world["webinar"])}


def test_feed_errors_are_json_whatever_the_client_accepts(world: dict) -> None:
    client = client_for()
    for path in (
        "/api/v1/event-feeds/region/MK99/",
        f"/api/v1/event-feeds/network/{world['closed'].uuid}/",
        f"/api/v1/event-feeds/network/{uuid.uuid4()}/",
        "/api/v1/event-feeds/person/not-a-token/",
        f"/api/v1/events/{world['members_only'].uuid}/ics/",
        f"/api/v1/events/{world['draft'].uuid}/ics/",
    ):
        response = client.get(path, HTTP_ACCEPT="text/calendar")
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]["code"] == "not_found"


def test_one_event_as_icalendar_for_those_who_may_see_it(world: dict) -> None:
    members_only = world["members_only"]
    response = client_for(world["member"]).get(f"/api/v1/events/{members_only.uuid}/ics/?lang=sv")
    assert calendar_uids(response) == {uid(members_only)}
    assert client_for().get(f"/api/v1/events/{members_only.uuid}/ics/").status_code == 404


def test_a_persons_feed_by_its_secret_token(world: dict) -> None:
    member = world["member"]
    registration_row(world["members_only"], user=member, email=member.email or "jasen@example.fi")
    token = calendars.calendar_token_get_or_create(actor=member).token
    response = client_for().get(f"/api/v1/event-feeds/person/{token}/")
    assert calendar_uids(response) == {uid(world["members_only"])}
    assert "no-store" in response["Cache-Control"]
    calendars.calendar_token_renew(actor=member)
    assert client_for().get(f"/api/v1/event-feeds/person/{token}/").status_code == 404


def test_the_schema_names_the_calendar_files() -> None:
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    for path in (
        "/api/v1/events/{uuid}/ics/",
        "/api/v1/event-feeds/network/{uuid}/",
        "/api/v1/event-feeds/region/{code}/",
        "/api/v1/event-feeds/person/{token}/",
    ):
        responses = schema["paths"][path]["get"]["responses"]
        assert set(responses["200"]["content"]) == {"text/calendar"}, path
        assert set(responses["404"]["content"]) == {"application/json"}, path
