"""The radar page in a real browser: axe-core on the page (whole country, one region, a quarter
window, the tables opened) and on its error state, in Finnish and Swedish; the filters and the theme
choice work with the keyboard."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import check_page, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import user_with_role
from verkosto.observations import keywords
from verkosto.observations.models import Theme
from verkosto.observations.tests.test_radar import QUEUE, RENT, _add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "radar-test-pass-42"


@pytest.fixture
def coordinator() -> Any:
    load_reference_data()
    rent = Theme.objects.create(language="fi", keywords=["vuokra", "opiskelija"])
    queues = Theme.objects.create(language="fi", keywords=["jono", "TE-palvelu"])
    for month in range(1, 13):
        _add(queues, "Oulu", month, 10, QUEUE)
        _add(queues, "Kajaani", month, 10, QUEUE)
        _add(rent, "Oulu", month, 8 if month == 12 else 1, RENT)
    _add(rent, "Kajaani", 12, 3, RENT)
    keywords.rebuild_keyword_counts()
    user = user_with_role(RoleAssignment.Role.REGIONAL_COORDINATOR, region_code="MK17")
    user.set_password(PASSWORD)
    user.save()
    return user


def _open_tables(page: Any) -> None:
    for summary in page.locator("details > summary").all():
        summary.click()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_radar_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, coordinator: Any, lang: str
) -> None:
    page = page_in(lang)
    log_in(page, live_server, coordinator.get_username(), PASSWORD)
    problems: dict[str, list[str]] = {}
    for url in [
        "/signals/radar/",
        "/signals/radar/?region=",
        "/signals/radar/?region=MK18&period=quarter&window=24",
    ]:
        page.goto(live_server.url + url)
        page.wait_for_selector("#radar-map-title", state="attached")
        _open_tables(page)
        check_page(page, lang, url, problems)
    # The error state: a window the form does not offer.
    page.goto(f"{live_server.url}/signals/radar/?window=7")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_window").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "radar with errors", problems)
    assert problems == {}


def test_radar_filters_and_theme_choice_by_keyboard(page_in: Any, live_server: Any, coordinator: Any) -> None:
    page = page_in("fi")
    log_in(page, live_server, coordinator.get_username(), PASSWORD)
    page.goto(f"{live_server.url}/signals/radar/")
    # A regional coordinator starts from their own region.
    assert page.locator("#id_region").input_value() == "MK17"
    assert page.locator("table.radar-emerging").get_by_text("vuokra, opiskelija").count() == 1
    page.locator("#id_region").focus()
    page.keyboard.press("Home")  # "All regions"
    page.locator("#id_period").select_option("quarter")
    page.locator(".radar-filters button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**period=quarter**")
    assert page.locator("#id_region").input_value() == ""
    # Choose the other theme for the time series.
    page.locator("#id_series_theme").select_option(label="jono, TE-palvelu")
    page.locator(".radar-theme-form button[type=submit]").press("Enter")
    page.wait_for_url("**theme=**")
    assert "jono, TE-palvelu" in page.locator("#radar-series-title").text_content()
