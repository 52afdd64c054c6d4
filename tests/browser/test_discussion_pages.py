"""Discussion and work-log pages in a real browser: axe-core in Finnish and Swedish (thread list,
thread, new thread with and without errors, work log, new entry with errors, coverage with its
charts), and a reply appended in place by htmx."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.browser.support import check_page, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
from verkosto.networks import discussions, worklog
from verkosto.networks.models import Post, WorkLogEntry
from verkosto.networks.tests.factories import NetworkFactory, PeerGroupFactory, add_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "discussion-test-pass-42"


@pytest.fixture
def network() -> dict[str, Any]:
    load_reference_data()
    network = NetworkFactory(
        name_fi="Kainuun ALU-verkosto", name_sv="Kajanalands ALU-nätverk", regions=[region("MK18")]
    )
    workshop = OrganisationFactory(name_fi="Kajaanin Testipaja", municipalities=[municipality("Kajaani")])
    outreach = OrganisationFactory(name_fi="Kuhmon etsivät", municipalities=[municipality("Kuhmo")])
    for organisation in (workshop, outreach):
        add_member(network, organisation, datetime.date(2024, 1, 1))
    coordinator = get_user_model().objects.create_user(
        "outi", password=PASSWORD, first_name="Outi", last_name="Koordinaattori"
    )
    network.coordinators.add(coordinator)
    member = get_user_model().objects.create_user("maija", password=PASSWORD, first_name="Maija")
    RoleAssignment.objects.create(
        user=member, role=RoleAssignment.Role.ORGANISATION_MEMBER, organisation=workshop
    )
    group = PeerGroupFactory(network=network, name_fi="Työvalmentajat")
    group.members.add(member)
    thread = discussions.thread_create(
        actor=member, network=network, title="Kevään verkostopäivä", body="Missä tavataan keväällä?"
    )
    discussions.post_create(actor=coordinator, thread=thread, body="Kajaanissa, https://example.org/ohjelma")
    today = timezone.localdate()
    worklog.work_log_entry_create(
        actor=coordinator,
        network=network,
        date=today - datetime.timedelta(days=40),
        kind=WorkLogEntry.Kind.VISIT,
        mode=WorkLogEntry.Mode.FACE_TO_FACE,
        days=2,
        place="Testipaja",
        municipality=municipality("Kajaani"),
        organisations=[workshop],
        kilometres=Decimal("412.5"),
    )
    worklog.work_log_entry_create(
        actor=coordinator,
        network=network,
        date=today - datetime.timedelta(days=400),
        kind=WorkLogEntry.Kind.MEETING,
        mode=WorkLogEntry.Mode.ONLINE,
        organisations=[outreach],
    )
    return {"network": network, "thread": thread, "group": group}


def _log_in(page: Any, live_server: Any, username: str) -> None:
    log_in(page, live_server, username, PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_discussion_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, network: dict, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server, "maija")
    n, thread, group = network["network"], network["thread"], network["group"]
    problems: dict[str, list[str]] = {}
    for url in [
        f"/networks/{n.pk}/threads/",
        f"/networks/threads/{thread.pk}/",
        f"/networks/{n.pk}/threads/new/",
        f"/networks/peer-groups/{group.pk}/threads/",
    ]:
        page.goto(live_server.url + url)
        check_page(page, lang, url, problems)
    # The error state: an empty message, shown in the summary and next to the field.
    page.goto(f"{live_server.url}/networks/{n.pk}/threads/new/")
    page.fill("#id_title", "Otsikko ilman viestiä")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_body").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "new thread with errors", problems)
    assert problems == {}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_work_log_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, network: dict, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server, "outi")
    n = network["network"]
    problems: dict[str, list[str]] = {}
    for url in [
        "/networks/worklog/",
        f"/networks/worklog/?network={n.pk}",
        "/networks/worklog/new/",
        f"/networks/{n.pk}/coverage/",
    ]:
        page.goto(live_server.url + url)
        check_page(page, lang, url, problems)
    page.goto(f"{live_server.url}/networks/{n.pk}/coverage/")
    assert page.locator("svg[role=img]").count() == 4
    page.goto(f"{live_server.url}/networks/worklog/new/")
    page.fill("#id_days", "0")
    page.fill("#id_kilometres", "-3")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_days").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "new entry with errors", problems)
    assert problems == {}


def test_reply_is_appended_without_a_page_load(page_in: Any, live_server: Any, network: dict) -> None:
    page = page_in("fi")
    _log_in(page, live_server, "maija")
    thread = network["thread"]
    page.goto(f"{live_server.url}/networks/threads/{thread.pk}/")
    assert page.locator("#posts > li").count() == 2
    page.evaluate("window.__sameDocument = true")
    page.fill("#id_body", "Hyvä, tulen mukaan.")
    page.click("#reply-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#posts > li').length === 3")
    assert page.evaluate("window.__sameDocument") is True
    assert "Hyvä, tulen mukaan." in page.locator("#posts > li").last.inner_text()
    assert page.locator("#id_body").input_value() == ""
    assert page.locator("#reply-status").inner_text() != ""
    assert Post.objects.filter(thread=thread).count() == 3
