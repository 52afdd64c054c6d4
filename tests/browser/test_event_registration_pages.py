"""The registration pages in a real browser: someone registers for a full public event, lands on
the waiting list, and cancels through their registration's page; axe-core finds nothing on the
form (also with errors), the registration page, the cancel confirmation, the participant list and
my registrations, in Finnish and Swedish."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, user_with_role
from verkosto.events import registration as service
from verkosto.events.models import Event, Registration, RegistrationQuestion
from verkosto.events.tests.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # UserFactory's


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    organisation = OrganisationFactory(name_fi="Kainuun työpaja", name="Kainuun työpaja")
    OrganisationFactory(name_fi="Aktiivinen ry", name="Aktiivinen ry")
    organiser = user_with_role(RoleAssignment.Role.ORGANISATION_EDITOR, organisation=organisation)
    event = EventFactory(
        organisations=[organisation],
        audience=Event.Audience.PUBLIC,
        capacity=1,
        title_fi="Teemapäivä: nuorten työllistyminen",
        title_sv="Temadag: ungas sysselsättning",
    )
    RegistrationQuestion.objects.create(
        event=event,
        text_fi="Erityisruokavalio",
        text_sv="Specialdiet",
        text="Erityisruokavalio",
        is_required=True,
    )
    RegistrationQuestion.objects.create(
        event=event,
        text_fi="Osallistutko iltapäivän työpajaan?",
        text_sv="Deltar du i eftermiddagens verkstad?",
        text="Osallistutko iltapäivän työpajaan?",
        kind=RegistrationQuestion.Kind.YES_NO,
    )
    person = UserFactory(first_name="Pekka", last_name="Paikallinen", email="pekka@example.fi")
    service.registration_create(
        actor=person,
        event=event,
        name="Pekka Paikallinen",
        email="pekka@example.fi",
        answers={str(event.questions.first().pk): "ei"},
    )
    return {"event": event, "organiser": organiser, "person": person}


def _collect(page: Any, lang: str, name: str, problems: dict[str, list[str]]) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    if violations:
        problems[name] = violations


def _collect_box(page: Any, name: str, problems: dict[str, list[str]]) -> None:
    """axe-core on the registration box of the event page only (the rest of that page is checked
    by the event page tests)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=".registration-box")
    violations = [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]
    if violations:
        problems[name] = violations


def test_register_wait_and_cancel_through_the_registration_page(
    page_in: Any, live_server: Any, world: dict[str, Any]
) -> None:
    event = world["event"]
    page = page_in("fi")
    page.goto(f"{live_server.url}/events/{event.uuid}/")
    assert page.locator(".registration-box").get_attribute("data-places-left") == "0"
    page.click(".registration-box [data-register=true]")
    page.wait_for_url(f"{live_server.url}/events/{event.uuid}/register/")
    assert page.locator("[data-full=true]").count() == 1
    page.fill("#id_name", "Maija Meikäläinen")
    page.fill("#id_email", "maija@example.fi")
    page.fill("#id_organisation_name", "Oma yhdistys ry")
    question = event.questions.get(is_required=True)
    page.fill(f"#id_question_{question.pk}", "vegaani")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("[data-status=waiting]")
    assert page.locator("[data-status=waiting]").get_attribute("data-position") == "1"
    registration = Registration.objects.get(email="maija@example.fi")
    assert registration.status == "waiting"
    assert page.url.endswith(f"/events/registration/{registration.token}/")

    page.click("[data-cancel-link=true]")
    page.wait_for_selector("[data-confirm-cancel=true]")
    registration.refresh_from_db()
    assert registration.status == "waiting"
    page.click("[data-confirm-cancel=true]")
    page.wait_for_selector("[data-status=cancelled]")
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    event.refresh_from_db()
    assert (event.attending_count, event.waiting_count) == (1, 0)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_registration_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: dict[str, Any], lang: str
) -> None:
    event = world["event"]
    problems: dict[str, list[str]] = {}
    page = page_in(lang)

    # The registration box on the event page.
    page.goto(f"{live_server.url}/events/{event.uuid}/")
    page.wait_for_selector(".registration-box [data-register=true]")
    _collect_box(page, "event page: registration box", problems)

    # The form, and its error state: a required question and the e-mail left empty.
    page.goto(f"{live_server.url}/events/{event.uuid}/register/")
    _collect(page, lang, "register", problems)
    page.fill("#id_name", "Maija Meikäläinen")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    _collect(page, lang, "register with errors", problems)

    # A registration refused after the form was opened: the message in the form.
    page.goto(f"{live_server.url}/events/{event.uuid}/register/")
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    page.fill("#id_name", "Maija Meikäläinen")
    page.fill("#id_email", "maija@example.fi")
    page.fill(f"#id_question_{event.questions.get(is_required=True).pk}", "vegaani")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("[data-error=non-field]")
    _collect(page, lang, "register refused", problems)
    page.goto(f"{live_server.url}/events/{event.uuid}/register/")
    page.wait_for_selector("[data-refusal=event_cancelled]")
    _collect(page, lang, "register closed", problems)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED)

    # The registration's own page, its answers with an error, and the cancel confirmation.
    registration = Registration.objects.get(email="pekka@example.fi")
    url = f"{live_server.url}/events/registration/{registration.token}/"
    page.goto(url)
    _collect(page, lang, "registration", problems)
    question = event.questions.get(is_required=True)
    page.fill(f"#id_question_{question.pk}", "")
    page.click("form.edit-form:has(input[value=answers]) button[type=submit]")
    page.wait_for_selector("#answers-errors")
    _collect(page, lang, "registration answers with errors", problems)
    page.goto(url + "?cancel=1")
    _collect(page, lang, "cancel confirmation", problems)

    # The logged-in person's registrations, and the organiser's participant list.
    log_in(page, live_server, world["person"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/mine/")
    _collect(page, lang, "mine", problems)
    page.goto(f"{live_server.url}/events/{event.uuid}/")
    page.wait_for_selector(".registration-box [data-my-status=attending]")
    _collect_box(page, "event page: registration box, registered", problems)
    page.context.clear_cookies()
    log_in(page, live_server, world["organiser"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/{event.uuid}/participants/")
    assert page.locator("#attending tbody tr").count() == 1
    _collect(page, lang, "participants", problems)
    page.goto(f"{live_server.url}/events/{event.uuid}/")
    _collect_box(page, "event page: registration box, organiser", problems)
    assert problems == {}


def test_the_participant_list_prints_without_menus(
    page_in: Any, live_server: Any, world: dict[str, Any]
) -> None:
    page = page_in("fi")
    log_in(page, live_server, world["organiser"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/{world['event'].uuid}/participants/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".actions").is_visible()
    assert not page.locator("#cancelled-title").is_visible()
    assert page.locator("#attending th.print-only").is_visible()
    page.emulate_media(media="screen")
    assert not page.locator("#attending th.print-only").is_visible()
