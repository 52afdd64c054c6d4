"""Attendance, feedback and reach in a real browser: attendance marked on a phone-sized screen
(390 x 844) with htmx and a walk-in added, feedback given through the token link, the summary
seen; axe-core on every page in Finnish and Swedish, error states included."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, region, user_with_role
from verkosto.events.models import Event, Feedback, Registration
from verkosto.events.tests.factories import EventFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # the UserFactory's
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    paja = OrganisationFactory(name_fi="Kajaanin nuorten paja")
    add_member(network, paja)
    now = timezone.now()
    event = EventFactory(
        title_fi="Kainuun verkostopäivä",
        kind=Event.Kind.NETWORKING_DAY,
        networks=[network],
        regions=[region("MK18")],
        starts_at=now - datetime.timedelta(hours=2),
        ends_at=now + datetime.timedelta(hours=1),
    )
    people = [
        registration_row(event, name="Anna Aho", email="anna@example.fi", organisation=paja),
        registration_row(event, name="Bertil Berg", email="bertil@example.fi", language="sv"),
        registration_row(
            event, name="Cilla Cox", email="cilla@example.fi", organisation_name="Kuhmon seurakunta"
        ),
    ]
    return {
        "event": event,
        "organiser": coordinator_of(network),
        "national": user_with_role(RoleAssignment.Role.NATIONAL_COORDINATOR),
        "people": people,
    }


def _collect(page: Any, lang: str, name: str, problems: dict[str, list[str]]) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    if violations:
        problems[name] = violations


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_pages_have_no_axe_violations(page_in: Any, live_server: Any, world: dict, lang: str) -> None:
    event = world["event"]
    anna, bertil, _cilla = world["people"]
    page = page_in(lang)
    page.set_viewport_size(PHONE)
    problems: dict[str, list[str]] = {}
    base = f"{live_server.url}/events/{event.uuid}"

    # The participant's pages need no login: the form, its errors, and "already given".
    page.goto(f"{live_server.url}/events/feedback/{anna.token}/")
    _collect(page, lang, "feedback form", problems)
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    _collect(page, lang, "feedback form with errors", problems)
    page.check("input[name=rating][value='4']")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_selector("[data-feedback-state=given]")
    _collect(page, lang, "feedback thanks", problems)
    page.goto(f"{live_server.url}/events/feedback/{anna.token}/")
    _collect(page, lang, "feedback already given", problems)
    Registration.objects.filter(pk=bertil.pk).update(status=Registration.Status.CANCELLED)

    log_in(page, live_server, world["organiser"].get_username(), PASSWORD)
    page.goto(f"{base}/attendance/")
    _collect(page, lang, "attendance", problems)
    # The walk-in form with errors (no name, a broken e-mail address).
    page.fill("#walk_in_email", "ei-osoite")
    page.click("#walk-in button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#walk_in_name").get_attribute("aria-invalid") == "true"
    _collect(page, lang, "attendance with walk-in errors", problems)
    page.goto(f"{base}/feedback/")
    _collect(page, lang, "feedback summary", problems)

    page = page_in(lang)
    log_in(page, live_server, world["national"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/reach/")
    _collect(page, lang, "reach", problems)
    assert problems == {}


def test_attendance_on_a_phone_then_feedback_and_summary(page_in: Any, live_server: Any, world: dict) -> None:
    event = world["event"]
    anna, bertil, cilla = world["people"]
    page = page_in("fi")
    page.set_viewport_size(PHONE)
    log_in(page, live_server, world["organiser"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/{event.uuid}/attendance/")
    counter = page.locator("#attendance-counter .counter")
    assert counter.get_attribute("data-registered") == "3"
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # htmx: the row and the counter change in place, the page does not reload.
    page.evaluate("window.__same_page = true")
    page.click(f"#present-{anna.uuid}")
    page.wait_for_selector(f"#row-{anna.uuid}[data-state=present]")
    page.click(f"#absent-{bertil.uuid}")
    page.wait_for_selector(f"#row-{bertil.uuid}[data-state=absent]")
    page.click(f"#present-{cilla.uuid}")
    page.wait_for_selector(f"#row-{cilla.uuid}[data-state=present]")
    assert page.evaluate("window.__same_page === true")
    assert counter.get_attribute("data-present") == "2"
    assert counter.get_attribute("data-marked") == "3"
    # Focus stays on the pressed button for the next keypress.
    assert page.evaluate("document.activeElement.id") == f"present-{cilla.uuid}"
    assert page.locator(f"#present-{cilla.uuid}").get_attribute("aria-pressed") == "true"

    # A walk-in, added with the small form.
    page.fill("#walk_in_name", "Eino Esimerkki")
    page.select_option("#walk_in_organisation", label="Kajaanin nuorten paja")
    page.click("#walk-in button[type=submit]")
    page.wait_for_selector(".messages")
    walk_in = Registration.objects.get(event=event, is_walk_in=True)
    assert page.locator(f"#row-{walk_in.uuid}").get_attribute("data-state") == "present"
    assert page.locator("#attendance-counter .counter").get_attribute("data-present") == "3"
    assert page.locator("#attendance-counter .counter").get_attribute("data-registered") == "4"

    # Anna answers through her link on her own phone, anonymously (the default).
    phone = page_in("fi")
    phone.set_viewport_size(PHONE)
    phone.goto(f"{live_server.url}/events/feedback/{anna.token}/")
    assert phone.locator("input[name=anonymous]").is_checked()
    phone.check("input[name=rating][value='5']")
    phone.fill("textarea[name=useful]", "Uusia yhteistyökumppaneita, soita 040 1234567.")
    phone.fill("textarea[name=next_wishes]", "Sama uudestaan keväällä.")
    phone.click("form.feedback-form button[type=submit]")
    phone.wait_for_selector("[data-feedback-state=given]")
    saved = Feedback.objects.get(event=event)
    assert saved.registration is None and "040" not in saved.useful

    # The organiser sees the summary: one answer of three present.
    page.goto(f"{live_server.url}/events/{event.uuid}/feedback/")
    assert page.locator("[data-answers]").get_attribute("data-answers") == "1"
    assert page.locator("[data-attendees]").get_attribute("data-attendees") == "3"
    assert page.locator("[data-answer-rate]").get_attribute("data-answer-rate") == "33"
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator(".feedback-texts li").count() == 1
    assert "Sama uudestaan keväällä." in page.locator(".feedback-texts").inner_text()
