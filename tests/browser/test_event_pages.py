"""The event pages in a real browser: axe-core on the list, an event, the forms (the error state
included), the status confirmation and the printable programme (also as printed), in Finnish and
Swedish; and an organiser creating an event, fixing an error, and finding it in the list."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.support import axe_violations, load_reference_data, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "event-test-pass-42"
LOCAL = "%Y-%m-%dT%H:%M"


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
    from verkosto.events.models import Event
    from verkosto.events.tests.factories import EventFactory, ProgrammeItemFactory
    from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of

    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    organisation = OrganisationFactory(name_fi="Kajaanin paja")
    add_member(network, organisation)
    coordinator = coordinator_of(network)
    coordinator.set_password(PASSWORD)
    coordinator.save()
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = EventFactory(
        title_fi="Kainuun verkostotapaaminen",
        title="Kainuun verkostotapaaminen",
        title_sv="Nätverksträff i Kajanaland",
        description_fi="Aamupäivällä ajankohtaiset asiat, iltapäivällä tutustumiskäynti.",
        networks=[network],
        organisations=[organisation],
        regions=[region("MK18")],
        place="Kajaanin paja",
        address="Pohjolankatu 1",
        municipality=municipality("Kajaani"),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=6),
        capacity=30,
        created_by=coordinator,
    )
    ProgrammeItemFactory(
        event=event,
        title_fi="Avaus",
        title="Avaus",
        presenter="Koordinaattori",
        ends_at=start + datetime.timedelta(hours=1),
    )
    ProgrammeItemFactory(
        event=event,
        title_fi="Tutustumiskäynti TE-toimistoon",
        title="Tutustumiskäynti TE-toimistoon",
        starts_at=start + datetime.timedelta(hours=3),
        form="visit",
    )
    EventFactory(
        title_fi="Webinaari: palkkatuki",
        title="Webinaari: palkkatuki",
        kind=Event.Kind.WEBINAR,
        audience=Event.Audience.PUBLIC,
        online_url="https://meet.example.fi/palkkatuki",
    )
    return {"network": network, "coordinator": coordinator, "event": event, "start": start}


def _log_in(page: Any, live_server: Any, user: Any) -> None:
    log_in(page, live_server, user.get_username(), PASSWORD)


def _fill_event(
    page: Any, world: dict[str, Any], *, starts: datetime.datetime, ends: datetime.datetime
) -> None:
    page.fill("#id_title_fi", "Teemapäivä: työkokeilu")
    page.fill("#id_description_fi", "Aamupäivällä tietoa, iltapäivällä työpajoja.")
    page.select_option("#id_kind", "theme_day")
    page.check(f"input[name=networks][value='{world['network'].pk}']")
    page.fill("#id_place", "Kajaanin kaupungintalo")
    page.fill("#id_starts_at", starts.strftime(LOCAL))
    page.fill("#id_ends_at", ends.strftime(LOCAL))
    page.fill("#id_capacity", "40")
    page.check("input[name=status][value=published]")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_event_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: dict[str, Any], lang: str
) -> None:
    page = page_in(lang)
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            problems[name] = violations

    # The public list, before logging in.
    page.goto(f"{live_server.url}/events/")
    check("list, anonymous")
    _log_in(page, live_server, world["coordinator"])
    uuid = world["event"].uuid
    for url in [
        "/events/",
        "/events/?when=past",
        "/events/?q=ei-osumia",
        f"/events/{uuid}/",
        "/events/new/",
        f"/events/{uuid}/edit/",
        f"/events/{uuid}/programme/edit/",
        f"/events/{uuid}/questions/",
        f"/events/{uuid}/status/",
        f"/events/{uuid}/status/?action=cancel",
        f"/events/{uuid}/programme/",
    ]:
        page.goto(live_server.url + url)
        check(url)
    # The printable programme as printed.
    page.emulate_media(media="print")
    check("programme, print")
    assert page.locator(".site-header nav").is_hidden()
    page.emulate_media(media="screen")

    # The error state: an end before the start, shown beside the field and above the form.
    page.goto(f"{live_server.url}/events/new/")
    start = world["start"] + datetime.timedelta(days=7)
    _fill_event(page, world, starts=start, ends=start - datetime.timedelta(hours=1))
    page.click("form.event-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_ends_at").get_attribute("aria-invalid") == "true"
    check("new event with errors")

    # A programme row outside the event.
    page.goto(f"{live_server.url}/events/{uuid}/programme/edit/")
    late = world["start"] + datetime.timedelta(hours=9)
    page.fill("#id_programme-2-starts_at", late.strftime(LOCAL))
    page.fill("#id_programme-2-title_fi", "Liian myöhään")
    page.click("form.row-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    check("programme with errors")
    assert problems == {}


def test_an_organiser_creates_an_event_and_finds_it(
    page_in: Any, live_server: Any, world: dict[str, Any]
) -> None:
    page = page_in("fi")
    _log_in(page, live_server, world["coordinator"])
    page.goto(f"{live_server.url}/events/")
    page.click("a.button[href='/events/new/']")
    start = world["start"] + datetime.timedelta(days=7)
    _fill_event(page, world, starts=start, ends=start - datetime.timedelta(hours=2))
    page.click("form.event-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    # The summary links to the field; the values typed are kept.
    page.click("#error-summary a[href='#id_ends_at']")
    assert page.locator("#id_title_fi").input_value() == "Teemapäivä: työkokeilu"
    page.fill("#id_ends_at", (start + datetime.timedelta(hours=6)).strftime(LOCAL))
    page.click("form.event-form button[type=submit]")
    page.wait_for_selector("h1:has-text('Teemapäivä: työkokeilu')")
    assert page.locator(".messages").count() == 1
    path = page.url.split(live_server.url, 1)[1].split("#")[0]  # /events/<uuid>/
    assert page.locator(f"section.organiser-tools a[href='{path}edit/']").count() == 1

    page.goto(f"{live_server.url}/events/")
    card = page.locator("li.card", has_text="Teemapäivä: työkokeilu")
    assert card.count() == 1
    assert card.locator("[data-places-left='40']").count() == 1
    page.fill("#id_q", "työkokeilu")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events/?*q=ty*")
    assert page.locator("li.card").count() == 1
    page.click("li.card h2 a")
    page.wait_for_selector("h1:has-text('Teemapäivä: työkokeilu')")
    assert page.locator("section.event-programme").count() == 1
