"""Reach: the figures on a hand-built set of events with exact expected numbers, who sees which
events, the filters, the query count, the page (plot and tables) and the CSV export."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import (
    OrganisationFactory,
    UserFactory,
    municipality,
    region,
    user_with_role,
)
from verkosto.events import reach
from verkosto.events.models import Event, Registration
from verkosto.events.tests.factories import EventFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, coordinator_of, person_of

pytestmark = pytest.mark.django_db

Kind = Event.Kind
ATTENDING = Registration.Status.ATTENDING


def at(year: int, month: int, day: int) -> datetime.datetime:
    zone = timezone.get_current_timezone()
    return datetime.datetime(year, month, day, 9, tzinfo=zone)


def _event(starts: datetime.datetime, **fields: Any) -> Event:
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=4), **fields)


@pytest.fixture
def world() -> dict[str, Any]:
    """Four held events (three local ones in two regions, one national), and three that do not
    count: a draft, a future one and a cancelled one.

    E1 network meeting, Kainuu network, MK18, Kajaani, March 2025, attendance marked:
       Anna (account, Paja) present, Bertil (b@, Paja) present, Cilla (c@, Kuopion järjestö)
       absent, Dora (walk-in, "Kuhmon seurakunta") present -> 3 participants.
    E2 theme day, Kainuu network, MK18, Sotkamo, March 2025, not marked: Anna (account),
       Bertil (B@, upper case), Erik (nothing but Oulun yhdistys) attending; one waiting, one
       cancelled -> 3 participants.
    E3 national event, Pirkanmaa network, no region, Helsinki, May 2025, marked: Fanni (account,
       Ohjaamo) and Anna present, Greta absent -> 2 participants.
    E4 webinar, Pirkanmaa network, MK06, online, November 2024, not marked: Fanni -> 1.

    Distinct people: Anna, Bertil, Dora, Erik, Fanni = 5. Organisations: Paja, Kuhmon
    seurakunta, Oulun yhdistys, Ohjaamo = 4 (Cilla's is only an absentee's). Municipalities:
    Kajaani, Sotkamo, Helsinki (events), Oulu, Tampere (organisations; Paja serves Kajaani and
    Sotkamo) = 5; not Kuopio (the absentee's). Regions: MK18, MK06 (events), MK01 (Helsinki),
    MK17 (Oulu) = 4, of which MK06 and MK18 hosted local events.
    """
    kainuu = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    pirkanmaa = NetworkFactory(name_fi="Pirkanmaan verkosto", regions=[region("MK06")])
    paja = OrganisationFactory(
        name_fi="Paja", municipalities=[municipality("Kajaani"), municipality("Sotkamo")]
    )
    ohjaamo = OrganisationFactory(name_fi="Ohjaamo", municipalities=[municipality("Tampere")])
    oulu = OrganisationFactory(name_fi="Oulun yhdistys", municipalities=[municipality("Oulu")])
    kuopio = OrganisationFactory(name_fi="Kuopion järjestö", municipalities=[municipality("Kuopio")])
    anna, fanni = UserFactory(), UserFactory()

    e1 = _event(
        at(2025, 3, 10),
        kind=Kind.NETWORK_MEETING,
        networks=[kainuu],
        regions=[region("MK18")],
        municipality=municipality("Kajaani"),
    )
    registration_row(e1, name="Anna", user=anna, organisation=paja, attended=True)
    registration_row(e1, name="Bertil", email="b@example.fi", organisation=paja, attended=True)
    registration_row(e1, name="Cilla", email="c@example.fi", organisation=kuopio, attended=False)
    registration_row(e1, name="Dora", organisation_name="Kuhmon seurakunta", is_walk_in=True, attended=True)

    e2 = _event(
        at(2025, 3, 25),
        kind=Kind.THEME_DAY,
        networks=[kainuu],
        regions=[region("MK18")],
        municipality=municipality("Sotkamo"),
    )
    registration_row(e2, name="Anna", user=anna, email="anna.other@example.fi", organisation=paja)
    registration_row(e2, name="Bertil", email="B@example.fi", organisation_name=" kuhmon SEURAKUNTA ")
    registration_row(e2, name="Erik", organisation=oulu)
    registration_row(e2, name="Jono", email="jono@example.fi", status=Registration.Status.WAITING)
    registration_row(e2, name="Peruttu", email="pois@example.fi", status=Registration.Status.CANCELLED)

    e3 = _event(
        at(2025, 5, 5), kind=Kind.NATIONAL_EVENT, networks=[pirkanmaa], municipality=municipality("Helsinki")
    )
    registration_row(e3, name="Fanni", user=fanni, organisation=ohjaamo, attended=True)
    registration_row(e3, name="Anna", user=anna, attended=True)
    registration_row(e3, name="Greta", email="g@example.fi", organisation=kuopio, attended=False)

    e4 = _event(
        at(2024, 11, 20),
        kind=Kind.WEBINAR,
        networks=[pirkanmaa],
        regions=[region("MK06")],
        online_url="https://example.fi/webinaari",
    )
    registration_row(e4, name="Fanni", user=fanni, organisation=ohjaamo)

    # Not counted: a draft, an event still to come, a cancelled one.
    for fields in (
        {"status": Event.Status.DRAFT, "starts": at(2025, 4, 1)},
        {"status": Event.Status.PUBLISHED, "starts": timezone.now() + datetime.timedelta(days=30)},
        {"status": Event.Status.CANCELLED, "starts": at(2025, 4, 2)},
    ):
        extra = _event(fields["starts"], status=fields["status"], networks=[kainuu], regions=[region("MK18")])
        registration_row(extra, name="Ei lasketa", organisation=kuopio)

    return {
        "kainuu": kainuu,
        "pirkanmaa": pirkanmaa,
        "events": (e1, e2, e3, e4),
        "national": user_with_role(RoleAssignment.Role.NATIONAL_COORDINATOR),
        "kainuu_coordinator": coordinator_of(kainuu),
        "pirkanmaa_coordinator": coordinator_of(pirkanmaa),
        "mk06": user_with_role(RoleAssignment.Role.REGIONAL_COORDINATOR, region_code="MK06"),
        "member": person_of(paja),
    }


def _summary(user: Any, **filters: Any) -> reach.ReachSummary:
    return reach.reach_summary(events=reach.reach_events(user=user, **filters), year=filters.get("year"))


def test_the_figures_on_the_hand_built_set(world: dict) -> None:
    summary = _summary(world["national"])
    e1, e2, e3, e4 = world["events"]
    assert [row.uuid for row in summary.events] == [e4.uuid, e1.uuid, e2.uuid, e3.uuid]
    assert [(row.participants, row.attendance_marked, row.registered) for row in summary.events] == [
        (1, False, 1),
        (3, True, 4),
        (3, False, 3),
        (2, True, 3),
    ]
    assert {k.kind: (k.events, k.participants) for k in summary.by_kind if k.events} == {
        Kind.NETWORK_MEETING: (1, 3),
        Kind.THEME_DAY: (1, 3),
        Kind.NATIONAL_EVENT: (1, 2),
        Kind.WEBINAR: (1, 1),
    }
    assert len(summary.by_kind) == len(Kind.choices)
    assert (summary.event_count, summary.national_events, summary.other_events) == (4, 1, 3)
    assert summary.participants == 9
    assert summary.people == 5
    assert summary.organisations == 4
    assert (summary.events_marked, summary.events_unmarked) == (2, 2)
    assert [m.name for m in summary.municipalities] == ["Helsinki", "Kajaani", "Oulu", "Sotkamo", "Tampere"]
    assert [(r.code, r.hosted_events) for r in summary.regions] == [
        ("MK01", False),
        ("MK06", True),
        ("MK17", False),
        ("MK18", True),
    ]
    assert [(m.start, m.events, m.participants) for m in summary.months] == [
        (datetime.date(2024, 11, 1), 1, 1),
        (datetime.date(2024, 12, 1), 0, 0),
        (datetime.date(2025, 1, 1), 0, 0),
        (datetime.date(2025, 2, 1), 0, 0),
        (datetime.date(2025, 3, 1), 2, 6),
        (datetime.date(2025, 4, 1), 0, 0),
        (datetime.date(2025, 5, 1), 1, 2),
    ]
    with translation.override("en"):
        assert reach.reach_sentence(summary) == (
            "3 events in 2 regions and 1 national event reached about 5 people from 4 organisations."
        )


def test_the_year_filter_and_its_months(world: dict) -> None:
    summary = _summary(world["national"], year=2025)
    assert (summary.event_count, summary.participants, summary.people) == (3, 8, 5)
    assert [m.start.month for m in summary.months] == list(range(1, 13))
    assert sum(m.events for m in summary.months) == 3
    assert reach.reach_years(user=world["national"]) == [2025, 2024]


def test_network_and_region_filters(world: dict) -> None:
    national = world["national"]
    assert _summary(national, network=world["pirkanmaa"]).participants == 3
    by_region = _summary(national, region=region("MK18"))
    assert (by_region.event_count, by_region.participants, by_region.people, by_region.organisations) == (
        2,
        6,
        4,
        3,
    )
    # A region reached only through an event's municipality counts too.
    assert _summary(national, region=region("MK01")).event_count == 1


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("national", {0, 1, 2, 3}),
        ("kainuu_coordinator", {0, 1}),
        ("pirkanmaa_coordinator", {2, 3}),
        ("mk06", {3}),
    ],
)
def test_who_sees_which_events(world: dict, who: str, expected: set[int]) -> None:
    seen = set(reach.reach_events(user=world[who]))
    assert seen == {world["events"][i] for i in expected}


def test_others_see_no_reach(world: dict) -> None:
    assert not reach.can_view_reach(world["member"])
    with pytest.raises(PermissionDenied):
        reach.reach_events(user=world["member"])


def test_filter_choices_are_scoped(world: dict) -> None:
    assert list(reach.reach_networks(user=world["kainuu_coordinator"])) == [world["kainuu"]]
    assert [r.code for r in reach.reach_regions(user=world["kainuu_coordinator"])] == ["MK18"]
    assert [r.code for r in reach.reach_regions(user=world["mk06"])] == ["MK06"]
    assert list(reach.reach_networks(user=world["mk06"])) == [world["pirkanmaa"]]


def test_summary_takes_four_queries_whatever_the_size(world: dict, django_assert_num_queries: Any) -> None:
    events = reach.held_events()
    with django_assert_num_queries(4):
        reach.reach_summary(events=events)
    # Ten more events with registrations: still four.
    for n in range(10):
        extra = _event(at(2025, 6, 1 + n), networks=[world["kainuu"]], regions=[region("MK18")])
        registration_row(extra, name=f"Lisä {n}", email=f"lisa{n}@example.fi", attended=bool(n % 2))
    with django_assert_num_queries(4):
        summary = reach.reach_summary(events=reach.held_events())
    assert summary.event_count == 14


def test_reach_page(client: Any, world: dict) -> None:
    url = reverse("events:reach")
    client.force_login(world["member"])
    assert client.get(url).status_code == 403
    client.force_login(world["national"])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for figure, value in [
        ("events", 4),
        ("participants", 9),
        ("people", 5),
        ("organisations", 4),
        ("regions", 4),
    ]:
        assert f'data-figure="{figure}">{value}<' in html
    assert 'role="img"' in html and 'id="reach-months-title"' in html and 'id="reach-months-desc"' in html
    assert '<tr data-kind="webinar">' in html
    response = client.get(url, {"network": world["kainuu"].pk, "year": "2025"}, HTTP_ACCEPT_LANGUAGE="en")
    assert 'data-figure="events">2<' in response.content.decode()
    # A hand-made filter value counts as no filter, not as an error page.
    assert client.get(url, {"region": "999999", "year": "abc"}).status_code == 200
    client.force_login(world["kainuu_coordinator"])
    assert 'data-figure="events">2<' in client.get(url).content.decode()


def test_reach_csv(client: Any, world: dict) -> None:
    e1 = world["events"][0]
    Event.objects.filter(pk=e1.pk).update(title_fi="=HYPERLINK(1)")
    client.force_login(world["national"])
    response = client.get(reverse("events:reach_csv"), {"year": "2025"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 1 + 3
    assert rows[1][0] == "2025-03-10" and rows[1][1] == "'=HYPERLINK(1)"
    assert [row[-1] for row in rows[1:]] == ["3", "3", "2"]
    client.force_login(world["member"])
    assert client.get(reverse("events:reach_csv")).status_code == 403
