"""The signal capture pages in a real browser: axe-core on the signals home, the filing form (empty,
with the live preview, with errors), bulk entry, the import pages and one signal, in Finnish and
Swedish; and a signal filed on a phone-sized screen with the keyboard alone."""

from __future__ import annotations

import datetime
import re
import time
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.browser.support import check_page, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
from verkosto.observations import capture
from verkosto.observations.models import Signal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "signal-test-pass-42"
Role = RoleAssignment.Role
PLANTED = "Tapasin Liisa Virtaselle ohjaamossa, hänen numeronsa on 040 123 4567. Vuokra vie 70 % tuloista."
PREVIEW_URL = re.compile(r".*/signals/import/[0-9a-f-]{36}/$")


def _user(username: str, *roles: str) -> Any:
    organisation = OrganisationFactory(
        name_fi="Kajaanin Nuorten Paja ry", municipalities=[municipality("Kajaani")]
    )
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    for role in roles:
        RoleAssignment.objects.create(
            user=user,
            role=role,
            region=region("MK18") if role == Role.REGIONAL_COORDINATOR else None,
            organisation=organisation if role == Role.ORGANISATION_MEMBER else None,
        )
    return user


@pytest.fixture
def coordinator() -> Any:
    load_reference_data()
    return _user("koordinaattori", Role.ORGANISATION_MEMBER, Role.REGIONAL_COORDINATOR)


@pytest.fixture
def filer() -> Any:
    load_reference_data()
    return _user("etsiva", Role.ORGANISATION_MEMBER)


def _csv(rows: list[str]) -> dict[str, Any]:
    text = "\n".join(["text;observed_on;municipality;language", *rows]) + "\n"
    return {"name": "signaalit.csv", "mimeType": "text/csv", "buffer": text.encode()}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_signal_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, coordinator: Any, lang: str
) -> None:
    signal = capture.signal_create(actor=coordinator, text=PLANTED, observed_on=timezone.localdate())
    page = page_in(lang)
    log_in(page, live_server, "koordinaattori", PASSWORD)
    problems: dict[str, list[str]] = {}
    for url in [
        "/signals/",
        "/signals/new/",
        "/signals/bulk/",
        "/signals/import/",
        f"/signals/{signal.uuid}/",
    ]:
        page.goto(live_server.url + url)
        check_page(page, lang, url, problems)

    # The form with the live preview, then with errors (no text, a date in the future).
    page.goto(f"{live_server.url}/signals/new/")
    page.fill("#id_text", PLANTED)
    page.dispatch_event("#id_text", "keyup")
    page.wait_for_selector("#scrub-preview mark")
    check_page(page, lang, "new signal with preview", problems)
    page.fill("#id_text", "")
    page.click("button[value=preview]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "new signal with errors", problems)
    page.fill("#id_text", "Nuoret jonottavat.")
    page.fill("#id_observed_on", (timezone.localdate() + datetime.timedelta(days=3)).isoformat())
    page.click("button[value=preview]")
    page.wait_for_selector("#scrub-preview section")
    page.click("button[value=send]")
    page.wait_for_selector("#error-summary")
    check_page(page, lang, "new signal with a date error", problems)

    # Bulk entry: preview, and a line-less error state.
    page.goto(f"{live_server.url}/signals/bulk/")
    page.fill("#id_lines", "Nuoret jonottavat.\nLiisa Virtaselle ei löydy asuntoa.")
    page.click("button[value=preview]")
    page.wait_for_selector("table.import-table mark")
    check_page(page, lang, "bulk preview", problems)
    page.fill("#id_lines", "")
    page.click("button[value=preview]")
    page.wait_for_selector("#error-summary")
    check_page(page, lang, "bulk with errors", problems)

    # Import: upload without a file, then a file with a problem.
    page.goto(f"{live_server.url}/signals/import/")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    check_page(page, lang, "import with errors", problems)
    page.set_input_files("#id_file", _csv([f"{PLANTED};eilen;Kajaani;fi", "Toinen;1.1.2020;Kajaani;fi"]))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(PREVIEW_URL)
    page.wait_for_selector("#error-summary")
    check_page(page, lang, "import preview with problems", problems)
    today = timezone.localdate().isoformat()
    page.goto(f"{live_server.url}/signals/import/")
    page.set_input_files("#id_file", _csv([f"{PLANTED};{today};Kajaani;fi"]))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(PREVIEW_URL)
    assert page.locator("#error-summary").count() == 0
    check_page(page, lang, "import preview", problems)
    page.click("form.apply-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/signals/")
    assert Signal.objects.filter(entry="import").count() == 1
    assert problems == {}


def test_a_signal_is_filed_on_a_phone_with_the_keyboard(page_in: Any, live_server: Any, filer: Any) -> None:
    page = page_in("fi")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "etsiva", PASSWORD)
    page.goto(f"{live_server.url}/signals/")
    started = time.monotonic()
    # From the signals home: the "file a signal" link is reached with Tab, opened with Enter.
    _tab_to(page, "a[href='/signals/new/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_text")
    _tab_to(page, "#id_text")
    page.keyboard.type(PLANTED)
    preview = page.locator("#scrub-preview .scrubbed-text")
    preview.wait_for()
    page.wait_for_function(
        "document.querySelector('#scrub-preview .scrubbed-text').textContent.includes('[nimi]')"
    )
    assert "[puhelin]" in preview.inner_text() and "Liisa" not in preview.inner_text()
    # Only the text was written: the date, municipality, spread and source have their defaults.
    tabs = _tab_to(page, "button[value=send]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/signals/")
    elapsed = time.monotonic() - started
    assert page.locator(".message-success").count() == 1
    signal = Signal.objects.get()
    assert signal.text.startswith("Tapasin [nimi] ohjaamossa") and "040" not in signal.text
    assert signal.municipality == municipality("Kajaani") and signal.observed_on == timezone.localdate()
    # No horizontal scrolling on the phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    print(f"filed by keyboard: {tabs} Tab presses after the text, {elapsed:.1f} s in the browser")


def _tab_to(page: Any, selector: str, limit: int = 60) -> int:
    """Press Tab until the element is focused; how many presses it took."""
    target = page.locator(selector).first
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{selector} was not reached with the keyboard")
