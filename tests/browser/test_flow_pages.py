"""The flow of knowledge in a real browser: axe-core on the review list, the escalation form (also
with errors and with the scrubbed preview), the escalation inbox and one escalation, a theme's flow
and the theme -> bulletin form (also with errors), in Finnish and Swedish; and a theme escalated,
answered and seen by the region, by keyboard and mouse."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import check_page, load_reference_data, log_in
from verkosto.observations import flow
from verkosto.observations.models import Escalation
from verkosto.observations.tests.test_flow_support import PASSWORD, World, fresh, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> World:
    load_reference_data()
    world = make_world()
    flow.theme_comment_add(
        actor=fresh(world.coordinator_k), theme=world.regional, body="Seurataan kevään ajan."
    )
    return world


def _log_in(page: Any, live_server: Any, user: Any) -> None:
    log_in(page, live_server, user.get_username(), PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_flow_pages_have_no_axe_violations(page_in: Any, live_server: Any, world: World, lang: str) -> None:
    problems: dict[str, list[str]] = {}
    page = page_in(lang)
    _log_in(page, live_server, world.coordinator_k)
    uuid = world.regional.uuid
    for url in [
        "/signals/review/",
        "/signals/review/?status=all&municipality=205",
        f"/signals/themes/{uuid}/flow/",
        f"/signals/themes/{uuid}/escalate/",
        f"/signals/themes/{uuid}/bulletin/",
    ]:
        page.goto(live_server.url + url)
        check_page(page, lang, url, problems)

    # The escalation form's error state: no summary.
    page.goto(f"{live_server.url}/signals/themes/{uuid}/escalate/")
    page.click("form.edit-form button[name=preview]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_summary").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "escalate with errors", problems)
    # The scrubbed preview.
    page.fill("#id_summary", "Nuoret keskeyttävät. Soita Liisa Virtaselle 040 1234567.")
    page.click("form.edit-form button[name=preview]")
    page.wait_for_selector("#escalation-preview")
    assert "040" not in page.locator("#id_summary").input_value()
    check_page(page, lang, "escalate preview", problems)
    page.click("form.edit-form button[name=confirm]")
    page.wait_for_selector(".messages")
    check_page(page, lang, "escalation (regional)", problems)

    # The bulletin form's error state: "chosen networks" without a network.
    page.goto(f"{live_server.url}/signals/themes/{uuid}/bulletin/")
    page.check("input[name=audience][value=networks]")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_networks").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "bulletin with errors", problems)

    national = page_in(lang)
    _log_in(national, live_server, world.national_c)
    escalation = Escalation.objects.get()
    for url in [
        "/signals/escalations/",
        "/signals/escalations/?status=open",
        f"/signals/escalations/{escalation.pk}/",
    ]:
        national.goto(live_server.url + url)
        check_page(national, lang, f"national {url}", problems)
    # The response form's error state: closing without a reason.
    national.check("input[name=status][value=closed]")
    national.click("form.edit-form button[type=submit]")
    national.wait_for_selector("#error-summary")
    check_page(national, lang, "respond with errors", problems)
    assert problems == {}


def test_a_theme_is_escalated_answered_and_seen(page_in: Any, live_server: Any, world: World) -> None:
    page = page_in("fi")
    _log_in(page, live_server, world.coordinator_k)
    # Review: mark the newest signal reviewed.
    page.goto(f"{live_server.url}/signals/review/")
    page.check(f"#signal-{world.signals[0].uuid}")
    page.click("#review-mark-form button[type=submit]")
    page.wait_for_selector(".messages")
    assert page.locator(f"#signal-{world.signals[0].uuid}").count() == 0

    # Comment with htmx: the fragment replaces itself.
    page.goto(f"{live_server.url}/signals/themes/{world.regional.uuid}/flow/")
    page.fill("#id_body", "Kysytään oppilaitoksilta.")
    page.click(".theme-flow form button[type=submit]")
    page.wait_for_selector("text=Kysytään oppilaitoksilta.")

    page.click(f"a[href$='/themes/{world.regional.uuid}/escalate/']")
    page.fill("#id_summary", "Asumiskulut ajavat nuoria keskeyttämään.")
    page.click("form.edit-form button[name=preview]")
    page.wait_for_selector("#escalation-preview")
    page.click("form.edit-form button[name=confirm]")
    page.wait_for_selector(".messages")
    escalation = Escalation.objects.get()
    assert escalation.summary == "Asumiskulut ajavat nuoria keskeyttämään."

    national = page_in("fi")
    _log_in(national, live_server, world.national_c)
    national.goto(f"{live_server.url}/signals/escalations/?status=open")
    national.click(f"a[href='/signals/escalations/{escalation.pk}/']")
    national.check("input[name=status][value=acknowledged]")
    national.fill("#id_response", "Viedään ministeriöön.")
    national.click("form.edit-form button[type=submit]")
    national.wait_for_selector(".messages")

    page.goto(f"{live_server.url}/signals/themes/{world.regional.uuid}/flow/")
    section = page.locator("section[aria-labelledby=theme-escalations]")
    assert "Viedään ministeriöön." in section.inner_text()
