"""The network pages in a real browser: axe-core finds no violations in Finnish and Swedish, the
forms' error states included; the filters work with htmx and without."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from tests.browser.support import axe_violations, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.models import Organisation
from verkosto.directory.tests.factories import OrganisationFactory, ServiceFactory, municipality, region
from verkosto.networks.models import Membership, Network
from verkosto.networks.tests.factories import NetworkFactory, PeerGroupFactory, add_member, person_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-pass-42"


@pytest.fixture
def networks() -> dict[str, Any]:
    load_reference_data()
    with translation.override("fi"):
        association = OrganisationFactory(name_fi="Nuorten Työpajayhdistys", name_sv="Ungdomsverkstäderna")
        workshop = OrganisationFactory(
            name_fi="Kainuun Testipaja ry",
            kind=Organisation.Kind.YOUTH_WORKSHOP,
            municipalities=[municipality("Kajaani")],
        )
        ServiceFactory(organisation=workshop, name_fi="Nuorten työpaja", name_sv="Ungdomsverkstad")
        network = NetworkFactory(
            name_fi="Kainuun työpajaverkosto",
            name_sv="Kajanalands verkstadsnätverk",
            description_fi="Kainuun pajat tapaavat kuukausittain.",
            regions=[region("MK18"), region("MK17")],
            coordinating_organisation=association,
        )
        add_member(network, workshop)
        Membership.objects.create(
            network=network,
            organisation=OrganisationFactory(name_fi="Lähtenyt Säätiö"),
            joined_on=datetime.date(2023, 1, 1),
            left_on=datetime.date(2024, 12, 31),
        )
        group = PeerGroupFactory(network=network, name_fi="Työvalmentajat", name_sv="Arbetshandledare")
        group.members.add(person_of(workshop, first_name="Ville", last_name="Valmentaja"))
        swedish = NetworkFactory(
            name_fi="Pohjanmaan nuorisoverkosto",
            name_sv="Österbottens ungdomsnätverk",
            description_sv="Vi träffas varje månad i Vasa.",
            language=Network.WorkingLanguage.SWEDISH,
            kind=Network.Kind.OUTREACH,
            regions=[region("MK15")],
        )
    user = get_user_model().objects.create_user("kaisa", password=PASSWORD)
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.NATIONAL_COORDINATOR)
    return {"network": network, "group": group, "swedish": swedish, "workshop": workshop}


def _log_in(page: Any, live_server: Any) -> None:
    log_in(page, live_server, "kaisa", PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_public_network_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, networks: dict, lang: str
) -> None:
    page = page_in(lang)
    urls = [
        "/networks/",
        "/networks/?kind=youth_workshops&region=MK18",
        "/networks/?region=MK01",  # no results
        f"/networks/{networks['network'].pk}/",
        f"/networks/{networks['swedish'].pk}/",
        f"/networks/peer-groups/{networks['group'].pk}/",
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
def test_managing_pages_have_no_axe_violations_even_with_errors(
    page_in: Any, live_server: Any, networks: dict, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server)
    network, group = networks["network"], networks["group"]
    membership = network.memberships.get(left_on__isnull=True)
    problems = {}
    for url in [
        f"/networks/{network.pk}/",  # with the managers' links and the coverage
        "/networks/new/",
        f"/networks/{network.pk}/edit/",
        f"/networks/{network.pk}/members/new/",
        f"/networks/memberships/{membership.pk}/end/",
        f"/networks/{network.pk}/peer-groups/new/",
        f"/networks/peer-groups/{group.pk}/",
        f"/networks/peer-groups/{group.pk}/edit/",
        f"/networks/peer-groups/{group.pk}/members/",
    ]:
        page.goto(live_server.url + url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    # Error states: a leave date before the join date, and an empty name.
    page.goto(f"{live_server.url}/networks/memberships/{membership.pk}/end/")
    page.fill("#id_left_on", "2000-01-01")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_left_on").get_attribute("aria-invalid") == "true"
    violations = axe_violations(page)
    if violations:
        problems["end membership with errors"] = violations
    page.goto(f"{live_server.url}/networks/new/")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    violations = axe_violations(page)
    if violations:
        problems["new network with errors"] = violations
    assert problems == {}
    membership.refresh_from_db()
    assert membership.left_on is None


def test_swedish_description_is_marked_on_a_finnish_page(
    page_in: Any, live_server: Any, networks: dict
) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/networks/{networks['swedish'].pk}/")
    assert page.locator("p.lead").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Pohjanmaan nuorisoverkosto"


def test_filters_work_live_with_htmx(page_in: Any, live_server: Any, networks: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/networks/")
    assert page.locator(".network-table tbody tr").count() == 2
    page.evaluate("window.__sameDocument = true")
    page.select_option("#id_region", "MK15")
    page.wait_for_function("document.querySelectorAll('.network-table tbody tr').length === 1")
    assert page.evaluate("window.__sameDocument") is True
    assert "region=MK15" in page.url
    assert "Pohjanmaan nuorisoverkosto" in page.locator(".network-table").inner_text()


def test_map_highlights_the_covered_regions(page_in: Any, live_server: Any, networks: dict) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/networks/{networks['network'].pk}/")
    svg = page.locator("svg.region-map")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("rect[fill='#00507a']").count() == 2  # Kainuu and Pohjois-Pohjanmaa
    assert "Kainuu" in page.locator("#map-svg-desc").text_content()
