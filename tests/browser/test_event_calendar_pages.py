"""The event calendar in a real browser: axe-core on the month view (also with a refused filter),
the person's calendar feed page, and the network and region pages with their events section, in
Finnish and Swedish; and the month view used by keyboard: filter, next month, back to the list."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone, translation

from tests.browser.support import axe_violations, load_reference_data, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # UserFactory's


def at(year: int, month: int, day: int, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def world() -> dict[str, Any]:
    load_reference_data()
    from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
    from verkosto.events.models import Event
    from verkosto.events.tests.factories import EventFactory
    from verkosto.networks.tests.factories import NetworkFactory, add_member, person_of

    with translation.override("fi"):
        network = NetworkFactory(name_fi="Kainuun työpajaverkosto", name_sv="Kajanalands verkstäder")
        other = NetworkFactory(name_fi="Pohjanmaan verkosto")
        member_org = OrganisationFactory(name_fi="Kajaanin Paja ry")
        add_member(network, member_org)
        member = person_of(member_org)
        public = {"audience": Event.Audience.PUBLIC}
        events = {
            "theme_day": EventFactory(
                title_fi="Teemapäivä: nuorten polut",
                title_sv="Temadag: ungas vägar",
                networks=[network],
                regions=[region("MK18")],
                municipality=municipality("Kajaani"),
                starts_at=at(2031, 3, 12),
                ends_at=at(2031, 3, 12, 15),
                **public,
            ),
            "visits": EventFactory(
                title_fi="Tutustumiskäynnit",
                networks=[network],
                regions=[region("MK18")],
                starts_at=at(2031, 3, 30),
                ends_at=at(2031, 4, 1, 16),
                **public,
            ),
            "cancelled": EventFactory(
                title_fi="Peruttu verkostotapaaminen",
                status=Event.Status.CANCELLED,
                networks=[network],
                starts_at=at(2031, 3, 18),
                ends_at=at(2031, 3, 18, 12),
                **public,
            ),
            "members": EventFactory(
                title_fi="Jäsenkokous",
                networks=[network],
                starts_at=at(2031, 3, 19),
                ends_at=at(2031, 3, 19, 12),
            ),
            "elsewhere": EventFactory(
                title_fi="Vaasan teemapäivä",
                networks=[other],
                regions=[region("MK15")],
                starts_at=at(2031, 3, 12, 12),
                ends_at=at(2031, 3, 12, 16),
                **public,
            ),
        }
    return {"network": network, "member": member, **events}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_calendar_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, world: dict, lang: str
) -> None:
    page = page_in(lang)
    problems: dict[str, list[str]] = {}

    def check(url: str, name: str | None = None) -> None:
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            problems[name or url] = violations

    check("/events/calendar/2031/3/")
    assert page.locator("table.month-grid caption").count() == 1
    assert page.locator("table.month-grid thead th[scope=col]").count() == 7
    assert page.locator(f"[data-event='{world['theme_day'].uuid}']").count() == 1
    check("/events/calendar/")
    check("/events/calendar/2031/3/?region=MK18")
    # The error state: a network that does not exist, shown next to the field.
    check("/events/calendar/2031/3/?network=00000000-0000-0000-0000-000000000000", "month with a bad filter")
    assert page.locator(".calendar-filters .has-error").count() == 1
    check(f"/networks/{world['network'].pk}/")
    assert page.locator("[aria-labelledby=events-title] [data-feed=network]").count() == 1
    check(_region_url(), "region page")
    log_in(page, live_server, world["member"].get_username(), PASSWORD)
    check("/events/calendar/mine/")
    check("/events/calendar/2031/3/", "month as a member")
    assert page.locator(f"[data-event='{world['members'].uuid}']").count() == 1
    assert problems == {}


def _region_url() -> str:
    from django.urls import reverse

    return reverse("directory:region", args=["MK18"])


def test_the_month_view_by_keyboard_and_without_javascript(
    page_in: Any, live_server: Any, world: dict
) -> None:
    page = page_in("fi")
    page.goto(f"{live_server.url}/events/calendar/2031/3/")
    # An event of three days is on each of its days in March (30 and 31) and continues in April.
    visits = f"[data-event='{world['visits'].uuid}']"
    assert page.locator(visits).count() == 2
    assert page.locator(f"[data-event='{world['elsewhere'].uuid}']").count() == 1
    page.select_option("#id_region", "MK18")
    page.locator(".calendar-filters button[type=submit]").press("Enter")
    page.wait_for_url("**/events/calendar/2031/3/?region=MK18&network=")
    assert page.locator(f"[data-event='{world['elsewhere'].uuid}']").count() == 0
    assert page.locator(f"[data-event='{world['theme_day'].uuid}']").count() == 1
    assert page.locator(".calendar-feeds a[href='/events/feeds/region/MK18.ics']").count() == 1
    page.locator("a[data-month=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/calendar/2031/4/?region=MK18")
    assert page.locator(visits).count() == 1
    assert page.locator(f"{visits} .continues").count() == 1
    page.click("a[data-view=list]")
    page.wait_for_url("**/events/?region=MK18")


def test_the_feed_address_is_renewed(page_in: Any, live_server: Any, world: dict) -> None:
    page = page_in("sv")
    log_in(page, live_server, world["member"].get_username(), PASSWORD)
    page.goto(f"{live_server.url}/events/calendar/mine/")
    first = page.locator("#feed-url").input_value()
    assert first.startswith(live_server.url + "/events/feeds/person/")
    page.click("button[name=renew]")
    page.wait_for_selector(".messages .message")
    second = page.locator("#feed-url").input_value()
    assert second != first
    assert page.request.get(first).status == 404
    response = page.request.get(second)
    assert response.status == 200 and response.headers["content-type"].startswith("text/calendar")
