"""The theme pages in a real browser: axe-core on the list, a theme (as its editor and as a regional
coordinator), the edit pages and the split form with errors, in Finnish and Swedish; and a theme
renamed through the page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.observations import themes
from verkosto.observations.models import Signal, Theme
from verkosto.observations.tests.test_themes_support import add_signals, people, texts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "theme-test-pass-42"


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    who = people()
    for user in who.values():
        user.set_password(PASSWORD)
        user.save()
    for topic in ("housing", "summer_jobs", "language_courses", "gaming_debt"):
        add_signals(texts(topic)[:14])
    add_signals(texts("housing")[14:17], place="Oulu")
    add_signals(texts("housing", "sv") + texts("summer_jobs", "sv"), place="Vaasa", lang="sv")
    themes.recompute(language="fi")
    themes.recompute(language="sv")
    housing = Theme.objects.get(
        pk=Signal.objects.filter(text=texts("housing")[0]).values_list("theme_id", flat=True)[0]
    )
    return {**who, "housing": housing}


def _problems(page: Any, lang: str, problems: dict[str, list[str]], name: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    if violations:
        problems[name] = violations


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_theme_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: dict[str, Any], lang: str
) -> None:
    page = page_in(lang)
    log_in(page, live_server, world["national"].get_username(), PASSWORD)
    uuid = world["housing"].uuid
    problems: dict[str, list[str]] = {}
    for url in [
        "/signals/themes/",
        "/signals/themes/?scope=national&language=fi",
        f"/signals/themes/{uuid}/",
        f"/signals/themes/{uuid}/edit/",
        f"/signals/themes/{uuid}/merge/",
        f"/signals/themes/{uuid}/split/",
    ]:
        page.goto(live_server.url + url)
        _problems(page, lang, problems, url)
    # The error state: a split without signals or a name.
    page.goto(f"{live_server.url}/signals/themes/{uuid}/split/")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_label").get_attribute("aria-invalid") == "true"
    _problems(page, lang, problems, "split with errors")
    assert problems == {}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_regional_coordinators_view_has_no_axe_violations(
    page_in: Any, live_server: Any, world: dict[str, Any], lang: str
) -> None:
    page = page_in(lang)
    log_in(page, live_server, world["kainuu"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/signals/themes/{world['housing'].uuid}/")
    problems: dict[str, list[str]] = {}
    _problems(page, lang, problems, "theme as a regional coordinator")
    # Oulu's 3 signals are a small count for Kainuu's coordinator.
    assert page.locator("#regions-caption").count() == 1
    assert problems == {}


def test_a_theme_is_renamed_through_its_page(page_in: Any, live_server: Any, world: dict[str, Any]) -> None:
    page = page_in("fi")
    log_in(page, live_server, world["national"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/signals/themes/{world['housing'].uuid}/")
    page.fill("#id_label", "Asumisen kustannukset")
    page.click("form[action$='/edit/'] button[type=submit]")
    page.wait_for_selector("h1:has-text('Asumisen kustannukset')")
    world["housing"].refresh_from_db()
    assert world["housing"].custom_label == "Asumisen kustannukset"
