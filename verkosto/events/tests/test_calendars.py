"""Calendars: the iCalendar feeds (network, region, person) and single-event files parsed back with
the icalendar library and checked against RFC 5545; the month view; the person's feed address and
its renewal; the events section of network and region pages; the event page's calendar links."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import icalendar
import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, municipality, region
from verkosto.events import calendars
from verkosto.events.models import CalendarToken, Event, Registration
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

from .factories import EventFactory, registration_row

pytestmark = pytest.mark.django_db
Status = Event.Status
PUBLIC = Event.Audience.PUBLIC
# A Finnish description long enough to fold many times; ä and ö are two octets each in UTF-8, so
# folding by characters instead of octets would overrun 75.
LONG_FI = (
    "Tervetuloa Kainuun työpajojen teemapäivään! Aamupäivällä kuullaan ajankohtaiskatsaus "
    "työllisyyspalveluiden uudistuksesta ja nuorten ohjaamotoiminnasta; iltapäivällä työskennellään "
    "pöytäryhmissä: äänestämme yhteisistä kehittämiskohteista ja sovimme yhteistyön seuraavista "
    "askeleista. Tilaisuus on maksuton, ja kahvitarjoilu järjestetään yhdistyksen tiloissa. "
) * 2


@pytest.fixture(autouse=True)
def _finnish_outside_requests() -> Iterator[None]:
    with translation.override("fi"):
        yield


def client_for(user: Any = None, lang: str = "fi") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    if user is not None:
        client.force_login(user)
    return client


def in_days(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def world() -> dict[str, Any]:
    kainuu = region("MK18")
    network = NetworkFactory(name_fi="Kainuun työpajaverkosto", regions=[kainuu])
    other = NetworkFactory(name_fi="Toinen verkosto")
    closed = NetworkFactory(name_fi="Suljettu verkosto", is_public=False)
    member_org = OrganisationFactory(name_fi="Kajaanin Paja ry")
    add_member(network, member_org)
    member = person_of(member_org)

    def event(**fields: Any) -> Event:
        fields.setdefault("networks", [network])
        fields.setdefault("audience", PUBLIC)
        return EventFactory(**fields)

    return {
        "network": network,
        "other": other,
        "closed": closed,
        "member": member,
        "region": kainuu,
        "public": event(
            title_fi="Teemapäivä Kajaanissa",
            title_sv="Temadag i Kajana",
            description_fi=LONG_FI,
            municipality=municipality("Kajaani"),
            place="Nuorisotalo",
            starts_at=in_days(10),
            ends_at=in_days(10, 15),
            regions=[kainuu],
        ),
        "members_only": event(title_fi="Jäsenten kokous", audience=Event.Audience.MEMBERS, regions=[kainuu]),
        "draft": event(title_fi="Luonnos", status=Status.DRAFT, regions=[kainuu]),
        "cancelled": event(title_fi="Peruttu tapaaminen", status=Status.CANCELLED, regions=[kainuu]),
        "postponed": event(title_fi="Siirretty tapaaminen", status=Status.POSTPONED),
        "recent": event(title_fi="Kuukausi sitten", starts_at=in_days(-30), ends_at=in_days(-30, 12)),
        "old": event(title_fi="Kauan sitten", starts_at=in_days(-100), ends_at=in_days(-100, 12)),
        "elsewhere": event(title_fi="Muualla", networks=[other], regions=[region("MK01")]),
    }


def parse(response: Any) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.ics"', response["Content-Disposition"])
    return icalendar.Calendar.from_ical(response.content)


def uids(calendar: icalendar.Calendar) -> set[str]:
    return {str(e["UID"]) for e in calendar.walk("VEVENT")}


def uid(event: Event) -> str:
    return f"{event.uuid}@verkosto"


def assert_rfc5545(content: bytes) -> None:
    """The structure RFC 5545 requires: CRLF line ends (§3.1), no line over 75 octets (§3.1),
    VERSION and PRODID once in the VCALENDAR (§3.6), UID and DTSTAMP once in each VEVENT (§3.6.1),
    and a DTSTART in each VEVENT (required where there is no METHOD... and given by us always)."""
    assert content.endswith(b"\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert b"\r" not in content.replace(b"\r\n", b"")
    lines = content.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    unfolded = content.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").split("\r\n")[:-1]
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in unfolded]
    outside = []
    depth = 0
    for name, line in zip(names, unfolded, strict=True):
        if line == "BEGIN:VEVENT":
            depth, component = 1, []
            continue
        if line == "END:VEVENT":
            depth = 0
            for required in ("UID", "DTSTAMP", "DTSTART"):
                assert component.count(required) == 1, (required, component)
            continue
        (component if depth else outside).append(name)
    assert outside.count("VERSION") == 1 and outside.count("PRODID") == 1


# --- feeds ---------------------------------------------------------------------------------------


def test_network_feed_holds_the_public_events_from_90_days_back(world: dict) -> None:
    response = Client().get(reverse("events:network_feed", args=[world["network"].uuid]))
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Verkosto//Events//FI"
    assert uids(calendar) == {uid(world[name]) for name in ("public", "cancelled", "postponed", "recent")}
    assert len(calendar.walk("VEVENT")) == 4
    assert_rfc5545(response.content)


def test_feed_events_are_in_utc_with_their_status(world: dict) -> None:
    calendar = parse(Client().get(reverse("events:network_feed", args=[world["network"].uuid])))
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    public = by_uid[uid(world["public"])]
    start = public.decoded("DTSTART")
    assert start.utcoffset() == datetime.timedelta(0)
    assert start == world["public"].starts_at
    assert public.decoded("DTEND") == world["public"].ends_at
    assert str(public["STATUS"]) == "CONFIRMED"
    assert str(public["SUMMARY"]) == "Teemapäivä Kajaanissa"
    assert "Nuorisotalo" in str(public["LOCATION"]) and "Kajaani" in str(public["LOCATION"])
    assert str(by_uid[uid(world["cancelled"])]["STATUS"]) == "CANCELLED"
    assert str(by_uid[uid(world["postponed"])]["STATUS"]) == "TENTATIVE"
    assert str(public["URL"]).startswith("http://testserver/events/")


def test_dtstart_is_written_with_a_z_suffix(world: dict) -> None:
    content = Client().get(reverse("events:network_feed", args=[world["network"].uuid])).content
    starts = re.findall(rb"\r\nDTSTART[^:]*:([^\r]+)", content)
    assert starts and all(re.fullmatch(rb"\d{8}T\d{6}Z", value) for value in starts)


def test_a_long_finnish_description_is_folded_at_75_octets_and_reads_back(world: dict) -> None:
    content = Client().get(reverse("events:network_feed", args=[world["network"].uuid])).content
    lines = content.split(b"\r\n")
    continuations = [line for line in lines if line.startswith(b" ")]
    assert len(continuations) > 10
    # Some folded line is full to the octet with two-octet letters in it, so the folding counted
    # octets, not characters.
    assert any(len(line) in (74, 75) and len(line.decode()) < len(line) for line in lines)
    # No fold splits a two-octet letter.
    for line in lines:
        line.decode("utf-8")
    event = next(
        e
        for e in icalendar.Calendar.from_ical(content).walk("VEVENT")
        if str(e["UID"]) == uid(world["public"])
    )
    assert str(event["DESCRIPTION"]).startswith(LONG_FI.strip())


def test_region_feed_is_by_code_and_includes_events_held_in_its_municipalities(world: dict) -> None:
    held_there = EventFactory(
        title_fi="Kuhmossa",
        audience=PUBLIC,
        municipality=municipality("Kuhmo"),
        starts_at=in_days(20),
        ends_at=in_days(20, 12),
    )
    response = Client().get(reverse("events:region_feed", args=["MK18"]))
    assert uids(parse(response)) == {
        uid(world["public"]),
        uid(world["cancelled"]),
        uid(held_there),
    }
    assert response["Content-Disposition"] == 'attachment; filename="mk18.ics"'
    assert_rfc5545(response.content)
    lower = Client().get(reverse("events:region_feed", args=["mk18"]))
    assert uids(parse(lower)) == uids(parse(response))


def test_unknown_feeds_are_404(world: dict) -> None:
    client = Client()
    assert client.get(reverse("events:region_feed", args=["MK99"])).status_code == 404
    import uuid

    assert client.get(reverse("events:network_feed", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("events:person_feed", args=["no-such-token"])).status_code == 404


def test_a_members_only_network_has_no_public_feed(world: dict) -> None:
    EventFactory(audience=PUBLIC, networks=[world["closed"]])
    response = client_for(coordinator_of(world["closed"])).get(
        reverse("events:network_feed", args=[world["closed"].uuid])
    )
    assert response.status_code == 404


def test_a_members_only_event_stays_out_of_the_feed_even_for_a_member(world: dict) -> None:
    # The feed answers everyone alike: its address is public and calendar apps cannot log in.
    response = client_for(world["member"]).get(reverse("events:network_feed", args=[world["network"].uuid]))
    assert uid(world["members_only"]) not in uids(parse(response))


def test_the_feed_follows_the_language_asked_for(world: dict) -> None:
    url = reverse("events:network_feed", args=[world["network"].uuid])
    swedish = parse(Client().get(url, {"lang": "sv"}))
    by_uid = {str(e["UID"]): e for e in swedish.walk("VEVENT")}
    assert str(by_uid[uid(world["public"])]["SUMMARY"]) == "Temadag i Kajana"
    # No Swedish title: modeltranslation falls back to Finnish.
    assert str(by_uid[uid(world["cancelled"])]["SUMMARY"]) == "Peruttu tapaaminen"
    by_header = parse(Client(HTTP_ACCEPT_LANGUAGE="sv").get(url))
    assert "Temadag i Kajana" in {str(e["SUMMARY"]) for e in by_header.walk("VEVENT")}


# --- one event -----------------------------------------------------------------------------------


def test_event_ics_for_whoever_may_see_the_event(world: dict) -> None:
    anonymous = Client()
    calendar = parse(anonymous.get(reverse("events:event_ics", args=[world["public"].uuid])))
    assert uids(calendar) == {uid(world["public"])}
    assert_rfc5545(anonymous.get(reverse("events:event_ics", args=[world["public"].uuid])).content)
    members_only = reverse("events:event_ics", args=[world["members_only"].uuid])
    assert anonymous.get(members_only).status_code == 404
    assert anonymous.get(reverse("events:event_ics", args=[world["draft"].uuid])).status_code == 404
    member = client_for(world["member"]).get(members_only)
    assert uids(parse(member)) == {uid(world["members_only"])}
    assert member["Cache-Control"] == "private, no-store"
    organiser = client_for(coordinator_of(world["network"]))
    assert uids(parse(organiser.get(reverse("events:event_ics", args=[world["draft"].uuid])))) == {
        uid(world["draft"])
    }


def test_a_cancelled_event_file_says_cancelled_with_its_sequence(world: dict) -> None:
    Event.objects.filter(pk=world["cancelled"].pk).update(sequence=3)
    calendar = parse(Client().get(reverse("events:event_ics", args=[world["cancelled"].uuid])))
    (event,) = calendar.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 3


# --- the person's feed ---------------------------------------------------------------------------


def test_my_calendar_makes_a_token_once_and_shows_the_address(world: dict) -> None:
    client = client_for(world["member"])
    assert not CalendarToken.objects.exists()
    page = client.get(reverse("events:my_calendar"))
    assert page.status_code == 200
    token = CalendarToken.objects.get(user=world["member"])
    feed = "http://testserver" + reverse("events:person_feed", args=[token.token])
    assert f'data-feed-url="{feed}"' in page.content.decode()
    client.get(reverse("events:my_calendar"))
    assert CalendarToken.objects.count() == 1
    entry = AuditEntry.objects.get(object_type="events.calendartoken")
    assert token.token not in str(entry.changes)


def test_my_calendar_needs_a_login() -> None:
    response = Client().get(reverse("events:my_calendar"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert Client().post(reverse("events:my_calendar")).status_code == 302
    assert not CalendarToken.objects.exists()


def test_person_feed_holds_active_registrations_members_only_included(world: dict) -> None:
    member = world["member"]
    registration_row(world["members_only"], user=member, name="Maija")
    registration_row(world["public"], user=member, name="Maija", status=Registration.Status.WAITING)
    registration_row(world["postponed"], user=member, name="Maija", status=Registration.Status.CANCELLED)
    registration_row(world["old"], user=member, name="Maija")
    registration_row(world["cancelled"], user=UserFactory(), name="Joku muu")
    token = calendars.calendar_token_get_or_create(actor=member)
    response = Client().get(reverse("events:person_feed", args=[token.token]))
    calendar = parse(response)
    assert uids(calendar) == {uid(world["members_only"]), uid(world["public"])}
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    waiting = by_uid[uid(world["public"])]
    assert str(waiting["STATUS"]) == "TENTATIVE"
    assert str(waiting["SUMMARY"]) != "Teemapäivä Kajaanissa"
    assert "Teemapäivä Kajaanissa" in str(waiting["SUMMARY"])
    assert str(by_uid[uid(world["members_only"])]["STATUS"]) == "CONFIRMED"
    assert response["Cache-Control"] == "private, no-store"
    assert_rfc5545(response.content)


def test_renewing_the_token_retires_the_old_address(world: dict) -> None:
    client = client_for(world["member"])
    client.get(reverse("events:my_calendar"))
    old = CalendarToken.objects.get(user=world["member"]).token
    assert Client().get(reverse("events:person_feed", args=[old])).status_code == 200
    response = client.post(reverse("events:my_calendar"))
    assert response.status_code == 302 and response["Location"] == reverse("events:my_calendar")
    new = CalendarToken.objects.get(user=world["member"]).token
    assert new != old
    assert Client().get(reverse("events:person_feed", args=[old])).status_code == 404
    assert Client().get(reverse("events:person_feed", args=[new])).status_code == 200
    actions = list(
        AuditEntry.objects.filter(object_type="events.calendartoken").values_list("action", flat=True)
    )
    assert sorted(actions) == ["create", "renew"]


def test_an_inactive_persons_feed_stops(world: dict) -> None:
    token = calendars.calendar_token_get_or_create(actor=world["member"])
    world["member"].is_active = False
    world["member"].save()
    assert Client().get(reverse("events:person_feed", args=[token.token])).status_code == 404


# --- the month view ------------------------------------------------------------------------------


def month_url(day: datetime.date, **query: str) -> str:
    url = reverse("events:month", args=[day.year, day.month])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def shown_events(response: Any) -> list[str]:
    return re.findall(r'data-event="([0-9a-f-]+)"', response.content.decode())


def test_month_view_is_an_accessible_table_from_monday(world: dict) -> None:
    response = Client().get(reverse("events:month", args=[2031, 3]))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"<caption[^>]*>\s*Maaliskuu 2031\s*</caption>", html)
    headers = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert len(headers) == 7 and headers[0] == "maanantai" and headers[-1] == "sunnuntai"
    # 1 March 2031 is a Saturday: the first week has five days of February left empty.
    first_row = html.split("<tbody>")[1].split("</tr>")[0]
    assert first_row.count('class="outside"') == 5
    assert '<time class="day-number" datetime="2031-03-01"' in html
    assert '<time class="day-number" datetime="2031-03-31"' in html
    assert 'datetime="2031-02-28"' not in html
    assert 'href="/events/calendar/2031/2/"' in html and 'href="/events/calendar/2031/4/"' in html
    assert f'href="{reverse("events:list")}"' in html


def test_month_view_defaults_to_this_month_and_marks_today() -> None:
    response = Client().get(reverse("events:month"))
    today = timezone.localdate()
    assert response.status_code == 200
    assert f'datetime="{today:%Y-%m-%d}" aria-current="date"' in response.content.decode()


def test_month_view_shows_what_each_visitor_may_see(world: dict) -> None:
    public, members_only, draft = world["public"], world["members_only"], world["draft"]
    Event.objects.filter(pk__in=[members_only.pk, draft.pk]).update(
        starts_at=public.starts_at, ends_at=public.ends_at
    )
    url = month_url(timezone.localtime(public.starts_at).date())
    anonymous = set(shown_events(Client().get(url)))
    assert str(public.uuid) in anonymous
    assert not {str(members_only.uuid), str(draft.uuid)} & anonymous
    member = set(shown_events(client_for(world["member"]).get(url)))
    assert {str(public.uuid), str(members_only.uuid)} <= member
    assert str(draft.uuid) not in member
    organiser = client_for(coordinator_of(world["network"])).get(url)
    assert {str(public.uuid), str(members_only.uuid), str(draft.uuid)} <= set(shown_events(organiser))
    # The organiser sees the draft marked as one.
    assert 'class="status-draft"' in organiser.content.decode()


def test_an_event_of_several_days_is_on_each_day() -> None:
    start = timezone.make_aware(datetime.datetime(2031, 5, 30, 9))
    event = EventFactory(audience=PUBLIC, starts_at=start, ends_at=start + datetime.timedelta(days=3))
    may = Client().get(reverse("events:month", args=[2031, 5])).content.decode()
    june = Client().get(reverse("events:month", args=[2031, 6])).content.decode()
    assert may.count(f'data-event="{event.uuid}"') == 2
    assert june.count(f'data-event="{event.uuid}"') == 2


def test_month_view_filters_by_region_and_network(world: dict) -> None:
    day = world["public"].starts_at.date()
    world["elsewhere"].starts_at = world["public"].starts_at
    world["elsewhere"].ends_at = world["public"].ends_at
    world["elsewhere"].save()
    everything = shown_events(Client().get(month_url(day)))
    assert {str(world["public"].uuid), str(world["elsewhere"].uuid)} <= set(everything)
    by_region = Client().get(month_url(day, region="MK18"))
    assert str(world["elsewhere"].uuid) not in shown_events(by_region)
    assert str(world["public"].uuid) in shown_events(by_region)
    assert reverse("events:region_feed", args=["MK18"]) in by_region.content.decode()
    by_network = Client().get(month_url(day, network=str(world["other"].uuid)))
    assert shown_events(by_network) == [str(world["elsewhere"].uuid)]
    # Paging keeps the filter.
    assert f"?network={world['other'].uuid}" in by_network.content.decode()


def test_month_view_refuses_a_bad_filter_and_a_bad_month(world: dict) -> None:
    day = world["public"].starts_at.date()
    response = Client().get(month_url(day, network=str(world["closed"].uuid)))
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"network"}
    assert Client().get(month_url(day, region="XX")).context["form"].errors.keys() == {"region"}
    assert Client().get("/events/calendar/2031/13/").status_code == 404
    assert Client().get("/events/calendar/1999/12/").status_code == 404


def test_month_view_is_one_query_for_the_events(world: dict, django_assert_max_num_queries: Any) -> None:
    day = world["public"].starts_at.date()
    for n in range(30):
        EventFactory(audience=PUBLIC, starts_at=in_days(10, 8), ends_at=in_days(10, 9), title_fi=f"E{n}")
    with django_assert_max_num_queries(4):
        response = Client().get(month_url(day))
    assert response.status_code == 200


# --- sections on other pages ---------------------------------------------------------------------


def test_network_page_lists_the_next_events_and_the_feed(world: dict) -> None:
    response = Client().get(reverse("networks:network", args=[world["network"].pk]))
    assert response.status_code == 200
    html = response.content.decode()
    section = html.split('aria-labelledby="events-title"')[1].split("</section>")[0]
    shown = re.findall(r'data-event="([0-9a-f-]+)"', section)
    assert str(world["public"].uuid) in shown and str(world["cancelled"].uuid) in shown
    assert str(world["members_only"].uuid) not in shown and str(world["recent"].uuid) not in shown
    assert reverse("events:network_feed", args=[world["network"].uuid]) in section
    assert f"network={world['network'].uuid}" in section
    as_member = client_for(world["member"]).get(reverse("networks:network", args=[world["network"].pk]))
    assert str(world["members_only"].uuid) in as_member.content.decode()


def test_region_page_lists_the_next_events_and_the_feed(world: dict) -> None:
    html = Client(HTTP_ACCEPT_LANGUAGE="sv").get(reverse("directory:region", args=["MK18"])).content.decode()
    section = html.split('aria-labelledby="events-title"')[1].split("</section>")[0]
    assert str(world["public"].uuid) in section
    assert str(world["elsewhere"].uuid) not in section
    # A Swedish page hands out a Swedish feed.
    assert reverse("events:region_feed", args=["MK18"]) + "?lang=sv" in section


def test_a_members_only_network_page_offers_no_feed(world: dict) -> None:
    response = client_for(coordinator_of(world["closed"])).get(
        reverse("networks:network", args=[world["closed"].pk])
    )
    assert response.status_code == 200
    assert 'data-feed="network"' not in response.content.decode()


def test_event_calendar_links_name_the_public_feeds(world: dict) -> None:
    request = RequestFactory().get("/")
    request.user = UserFactory()

    def render(event: Event) -> str:
        context = {"event": event, "request": request, "user": request.user, "can_manage": False}
        return render_to_string("events/partials/calendar_links.html", context)

    html = render(world["public"])
    assert html.count("<section") == 1 and "<h2" in html
    assert reverse("events:event_ics", args=[world["public"].uuid]) in html
    assert reverse("events:network_feed", args=[world["network"].uuid]) in html
    assert reverse("events:region_feed", args=["MK18"]) in html
    assert reverse("events:my_calendar") in html
    members_only = render(world["members_only"])
    assert reverse("events:event_ics", args=[world["members_only"].uuid]) in members_only
    assert 'data-feed="' not in members_only
