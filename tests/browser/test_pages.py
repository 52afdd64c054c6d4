"""The pages in a real browser: accessibility (axe-core), live filtering, keyboard, print."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.models import Organisation, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    municipality,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-pass-42"


@pytest.fixture
def directory() -> dict[str, Any]:
    load_reference_data()
    kajaani, oulu = municipality("Kajaani"), municipality("Oulu")
    org = OrganisationFactory(
        name_fi="Kainuun Testipaja ry",
        name_sv="Kajanalands Testverkstad rf",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        description_fi="Työpajatoimintaa nuorille Kajaanissa.",
        description_sv="Verkstadsverksamhet för unga i Kajana.",
        business_id="0737546-2",
        municipalities=[kajaani],
    )
    other = OrganisationFactory(
        name_fi="Oulun Ohjaamo", kind=Organisation.Kind.OHJAAMO, municipalities=[oulu]
    )
    contact = ContactPersonFactory(
        organisation=org, name="Testi Valmentaja", title_fi="Työvalmentaja", is_public=True
    )
    service = ServiceFactory(
        organisation=org,
        name_fi="Nuorten työpaja",
        name_sv="Ungdomsverkstad",
        description_fi="Valmennusta ja työkokeilua.",
        description_sv="Handledning och arbetsprövning.",
        municipalities=[kajaani],
        target_groups=list(TargetGroup.objects.filter(slug__in=["young-people", "neet"])),
        ways_of_working=list(WayOfWorking.objects.filter(slug="group")),
        contact=contact,
        age_min=16,
        age_max=29,
    )
    ServiceFactory(organisation=other, name_fi="Ohjaamon neuvonta", municipalities=[oulu])
    search_index_rebuild()
    user = get_user_model().objects.create_user("kaisa", password=PASSWORD)
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.ADMINISTRATOR)
    return {"org": org, "service": service, "contact": contact, "user": user}


def _log_in(page: Any, live_server: Any) -> None:
    log_in(page, live_server, "kaisa", PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_public_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, directory: dict, lang: str
) -> None:
    page = page_in(lang)
    urls = [
        "/",
        "/search/?q=ty%C3%B6paja",
        "/search/?region=MK18&target=young-people",
        "/regions/MK18/",
        f"/organisations/{directory['org'].pk}/",
        f"/services/{directory['service'].pk}/",
        "/accounts/login/",
    ]
    problems = {}
    for url in urls:
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    assert problems == {}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_edit_forms_have_no_axe_violations_even_with_errors(
    page_in: Any, live_server: Any, directory: dict, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server)
    org, service, contact = directory["org"], directory["service"], directory["contact"]
    problems = {}
    for url in [
        "/organisations/new/",
        f"/organisations/{org.pk}/edit/",
        f"/organisations/{org.pk}/services/new/",
        f"/services/{service.pk}/edit/",
        f"/contacts/{contact.pk}/edit/",
        f"/organisations/{org.pk}/history/",
    ]:
        page.goto(live_server.url + url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    # The error state: a wrong business ID, shown next to the field and in the summary.
    page.goto(f"{live_server.url}/organisations/{org.pk}/edit/")
    page.fill("#id_business_id", "0737546-3")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_business_id").get_attribute("aria-invalid") == "true"
    violations = axe_violations(page)
    if violations:
        problems["edit with errors"] = violations
    assert problems == {}


def test_facets_filter_live_with_htmx(page_in: Any, live_server: Any, directory: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/search/")
    assert page.locator(".result-list > li").count() == 2
    page.evaluate("window.__sameDocument = true")
    page.check("#f-region-mk18")
    page.wait_for_function("document.querySelectorAll('.result-list > li').length === 1")
    assert page.evaluate("window.__sameDocument") is True  # no full page load
    assert "region=MK18" in page.url
    assert "Nuorten työpaja" in page.locator(".result-list").inner_text()
    assert page.locator("#f-region-mk18").is_checked()


def test_search_box_finds_inflected_words(page_in: Any, live_server: Any, directory: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/")
    page.fill("#home-q", "työpajoissa")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".result-list > li").first.inner_text().startswith("Nuorten työpaja")


def test_keyboard_user_can_skip_to_content_and_switch_language(
    page_in: Any, live_server: Any, directory: dict
) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/regions/MK18/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.locator("button[lang=sv]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].endswith("/regions/MK18/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Kajanaland"


def test_stylesheet_is_served_and_applied(page_in: Any, live_server: Any, directory: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/")
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 20
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        == "rgb(0, 80, 122)"
    )


def test_axe_harness_reports_a_real_violation(page_in: Any, live_server: Any, directory: dict) -> None:
    """Guards the accessibility tests against passing vacuously."""
    page = page_in("fi")
    page.goto(f"{live_server.url}/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert any(v.startswith("label") for v in axe_violations(page))


def test_pages_print_without_navigation(page_in: Any, live_server: Any, directory: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/services/{directory['service'].pk}/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".language-switch").is_visible()
    assert page.locator("h1").is_visible()
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF"
