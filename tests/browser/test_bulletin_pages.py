"""The bulletin pages in a real browser: axe-core on the feed, a bulletin, the form to send one (also
with errors) and the e-mail digest setting, in Finnish and Swedish; and a bulletin sent and read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.networks.tests.bulletin_support import Audience, World, make_world, region, send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "bulletin-test-pass-42"


@pytest.fixture
def world() -> World:
    load_reference_data()
    world = make_world()
    for user in (world.coordinator_k, world.reader_k):
        user.set_password(PASSWORD)
        user.save()
    send(
        world.coordinator_k, networks=[world.kainuu], title="Lakimuutos 1.1.", body="Mitä muutos tarkoittaa."
    )
    send(world.coordinator_o, Audience.REGIONS, regions=[region("MK18")], title="Alueen uutiset")
    send(world.national, Audience.ALL_NETWORKS, title="Valtakunnallinen tiedote")
    return world


def _log_in(page: Any, live_server: Any, user: Any) -> None:
    log_in(page, live_server, user.get_username(), PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_bulletin_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: World, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server, world.coordinator_k)
    bulletin = world.kainuu.bulletins.get()
    problems = {}
    for url in [
        "/networks/bulletins/",
        "/networks/bulletins/?unread=1",
        f"/networks/bulletins/{bulletin.pk}/",
        "/networks/bulletins/new/",
        "/networks/bulletins/digest/",
    ]:
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    # The error state: "chosen networks" without a network, shown next to the field and above.
    page.goto(f"{live_server.url}/networks/bulletins/new/")
    page.fill("#id_title", "Lakimuutos")
    page.fill("#id_body", "Teksti.")
    page.check("input[name=audience][value=networks]")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_networks").get_attribute("aria-invalid") == "true"
    violations = axe_violations(page)
    if violations:
        problems["new bulletin with errors"] = violations
    assert problems == {}


def test_a_bulletin_is_sent_and_read(page_in: Any, live_server: Any, world: World) -> None:
    page = page_in("fi")
    _log_in(page, live_server, world.coordinator_k)
    page.goto(f"{live_server.url}/networks/bulletins/new/")
    page.fill("#id_title", "Uusi ohje työvalmentajille")
    page.fill("#id_body", "Lue ohje: https://example.fi/ohje")
    page.check("input[name=audience][value=peer_group]")
    page.select_option("#id_peer_group", str(world.group.pk))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("h1:has-text('Uusi ohje työvalmentajille')")

    reader = page_in("fi")
    _log_in(reader, live_server, world.reader_k)
    badge = reader.locator(".site-header .badge")
    assert badge.inner_text().startswith("4")  # three in the set-up and the new one
    reader.goto(f"{live_server.url}/networks/bulletins/")
    assert reader.locator("li.card.unread").count() == 4
    reader.click("text=Uusi ohje työvalmentajille")
    reader.wait_for_selector("a[href='https://example.fi/ohje']")
    assert reader.locator(".site-header .badge").inner_text().startswith("3")
    reader.goto(f"{live_server.url}/networks/bulletins/")
    reader.click("form[action$='/read-all/'] button")
    reader.wait_for_selector(".message")
    assert reader.locator("li.card.unread").count() == 0
    assert reader.locator(".site-header .badge").count() == 0
