"""The networking pages in a real browser: an organiser plans the rounds (after a form error),
opens the table plan and the cards (the rounds timed from the chosen start); a participant ticks
the people they know. axe-core finds nothing on the form (also with errors), the plan, the
printable pages and the contacts page, in Finnish and Swedish; the print stylesheet starts each
round on a new page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory
from verkosto.events.models import Event, NetworkingPlan, Registration
from verkosto.events.tests.factories import EventFactory, registration_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # UserFactory's


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    organiser = UserFactory(username="jarjestaja")
    event = EventFactory(
        kind=Event.Kind.NETWORKING_DAY,
        created_by=organiser,
        title_fi="Kainuun verkostoitumispäivä",
        title_sv="Kajanalands nätverksdag",
    )
    paja = OrganisationFactory(name_fi="Kajaanin työpaja", name="Kajaanin työpaja")
    people = [
        registration_row(
            event,
            name=f"Osallistuja {i:02d}",
            email=f"osallistuja{i}@example.fi",
            organisation=paja if i < 3 else None,
            organisation_name="" if i < 3 else f"Yhdistys {i}",
        )
        for i in range(14)
    ]
    return {"event": event, "organiser": organiser, "people": people}


def _check(page: Any, lang: str, name: str, problems: dict[str, list[str]]) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    if violations:
        problems[name] = violations


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_networking_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: dict[str, Any], lang: str
) -> None:
    event = world["event"]
    base = f"{live_server.url}/events/{event.uuid}/networking/"
    page = page_in(lang)
    log_in(page, live_server, world["organiser"].get_username(), PASSWORD)
    problems: dict[str, list[str]] = {}
    page.goto(base)
    _check(page, lang, "form", problems)
    # An error: no rounds.
    page.fill("#id_rounds", "0")
    page.click("form.networking-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_rounds").get_attribute("aria-invalid") == "true"
    _check(page, lang, "form with errors", problems)
    # Plan: 3 rounds at tables of 4, the first at 13:15.
    page.fill("#id_rounds", "3")
    page.fill("#id_table_size", "4")
    page.fill("#id_minutes_per_round", "12")
    page.fill("#id_first_round_at", "13:15")
    page.click("form.networking-form button[type=submit]")
    page.wait_for_selector("section.networking-plan")
    assert page.locator("section.networking-plan").get_attribute("data-repeated-pairs") == "0"
    assert page.locator("section.networking-plan").get_attribute("data-known-pairs") == "0"
    assert page.locator("section.networking-round").count() == 3
    _check(page, lang, "plan", problems)
    plan = NetworkingPlan.objects.get(event=event)
    assert plan.seats.count() == 14 * 3

    page.click("a[href*='/networking/tables/']")
    page.wait_for_selector("section.networking-round")
    assert page.locator("section.networking-round").count() == 3
    first_time = page.locator("section.networking-round[data-round='2'] time").first
    assert "T13:27:00+0" in first_time.get_attribute("datetime")  # 13:15 + 12 min, local time
    _check(page, lang, "tables", problems)
    # On paper, each round after the first starts a new page; the navigation is not printed.
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        "section.networking-round", "els => els.map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks[0] != "page" and all(b == "page" for b in breaks[1:])
    assert page.locator(".site-header").is_hidden()
    page.emulate_media(media="screen")

    page.goto(base + "cards/?start=13:15")
    page.wait_for_selector("li.networking-card")
    assert page.locator("li.networking-card").count() == 14
    assert page.locator("li.networking-card").first.locator("tbody tr").count() == 3
    _check(page, lang, "cards", problems)

    # A participant's contacts page (no login needed: the link is the permission).
    person = world["people"][5]
    visitor = page_in(lang)
    visitor.goto(f"{live_server.url}/events/registration/{person.token}/known/")
    _check(visitor, lang, "known people", problems)
    assert problems == {}


def test_a_participant_ticks_people_they_know(page_in: Any, live_server: Any, world: dict[str, Any]) -> None:
    person, friend = world["people"][5], world["people"][9]
    page = page_in("fi")
    page.goto(f"{live_server.url}/events/registration/{person.token}/known/")
    page.check(f"input[name=known_people][value='{friend.pk}']")
    page.click("form.known-people-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/events/registration/{person.token}/")
    assert list(Registration.objects.get(pk=person.pk).known_people.values_list("pk", flat=True)) == [
        friend.pk
    ]
    page.goto(f"{live_server.url}/events/registration/{person.token}/known/")
    assert page.is_checked(f"input[name=known_people][value='{friend.pk}']")
