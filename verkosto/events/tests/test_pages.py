"""The event pages: the list (filters, a fixed number of queries), an event with its programme and
organiser links, the create and edit forms with their errors beside the fields, the status actions
with their confirmation, the programme and question forms, and the printable programme."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region
from verkosto.events.models import Event, ProgrammeItem, RegistrationQuestion
from verkosto.events.tests.factories import EventFactory, ProgrammeItemFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Status = Event.Status
HOUR = datetime.timedelta(hours=1)
LOCAL = "%Y-%m-%dT%H:%M"


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    member_org = OrganisationFactory(name_fi="Kajaanin paja")
    add_member(network, member_org)
    coordinator = coordinator_of(network)
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = EventFactory(
        title_fi="Kainuun verkostotapaaminen",
        title="Kainuun verkostotapaaminen",
        networks=[network],
        place="Kajaanin paja",
        municipality=municipality("Kajaani"),
        starts_at=start,
        ends_at=start + 6 * HOUR,
        created_by=coordinator,
    )
    return {
        "network": network,
        "coordinator": coordinator,
        "member": person_of(member_org),
        "event": event,
        "start": start,
    }


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(world: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    start = world["start"] + datetime.timedelta(days=7)
    data = {
        "title_fi": "Teemapäivä: työkokeilu",
        "title_sv": "",
        "title_en": "",
        "description_fi": "Aamupäivällä tietoa, iltapäivällä työpajoja.",
        "kind": Event.Kind.THEME_DAY,
        "networks": [world["network"].pk],
        "regions": ["MK18"],
        "place": "Kajaanin kaupungintalo",
        "address": "Pohjolankatu 13",
        "municipality": municipality("Kajaani").pk,
        "online_url": "",
        "starts_at": start.strftime(LOCAL),
        "ends_at": (start + 6 * HOUR).strftime(LOCAL),
        "audience": Event.Audience.MEMBERS,
        "language": Event.Language.FINNISH,
        "capacity": "40",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "status": Status.PUBLISHED,
    }
    return data | overrides


# --- creating and editing ------------------------------------------------------------------------


def test_create_an_event(world: dict[str, Any]) -> None:
    response = client_for(world["coordinator"]).post(reverse("events:create"), form_data(world))
    event = Event.objects.get(title_fi="Teemapäivä: työkokeilu")
    assert response.status_code == 302 and response["Location"] == reverse("events:detail", args=[event.uuid])
    assert (event.status, event.capacity, event.created_by) == (Status.PUBLISHED, 40, world["coordinator"])
    assert timezone.localtime(event.starts_at).hour == 9  # the datetime-local value is local time
    assert [r.code for r in event.regions.all()] == ["MK18"]


def test_an_end_before_the_start_shows_on_the_field_and_writes_nothing(world: dict[str, Any]) -> None:
    start = world["start"] + datetime.timedelta(days=7)
    data = form_data(world, ends_at=(start - HOUR).strftime(LOCAL))
    response = client_for(world["coordinator"]).post(reverse("events:create"), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["ends_at"]
    assert Event.objects.count() == 1  # the fixture's event only
    assert not AuditEntry.objects.filter(object_type="events.event").exists()
    content = response.content.decode()
    assert 'id="error-summary"' in content and 'href="#id_ends_at"' in content
    assert 'aria-invalid="true"' in content


def test_the_form_shows_every_rule_at_once(world: dict[str, Any]) -> None:
    start = world["start"] + datetime.timedelta(days=7)
    data = form_data(
        world,
        title_fi="",
        place="",
        municipality="",
        networks=[],
        ends_at=(start - HOUR).strftime(LOCAL),
        registration_opens_at=(start - 24 * HOUR).strftime(LOCAL),
        registration_closes_at=(start - 48 * HOUR).strftime(LOCAL),
    )
    response = client_for(world["coordinator"]).post(reverse("events:create"), data)
    assert set(response.context["form"].errors) == {
        "title_fi", "ends_at", "place", "networks", "registration_closes_at",
    }  # fmt: skip


def test_the_form_offers_only_the_networks_the_user_coordinates(world: dict[str, Any]) -> None:
    other = NetworkFactory(name_fi="Muu verkosto")
    client = client_for(world["coordinator"])
    offered = client.get(reverse("events:create")).context["form"].fields["networks"].queryset
    assert list(offered) == [world["network"]]
    response = client.post(reverse("events:create"), form_data(world, networks=[other.pk]))
    assert "networks" in response.context["form"].errors
    assert Event.objects.count() == 1


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_only_organisers_get_the_create_form(world: dict[str, Any], who: str) -> None:
    client = Client() if who == "anonymous" else client_for(world[who])
    response = client.get(reverse("events:create"))
    assert response.status_code == (302 if who == "anonymous" else 403)


def test_edit_an_event(world: dict[str, Any]) -> None:
    event = world["event"]
    client = client_for(world["coordinator"])
    form = client.get(reverse("events:edit", args=[event.uuid])).context["form"]
    assert "status" not in form.fields  # a published event changes status on the status page
    assert form["starts_at"].value() is not None
    data = form_data(world, title_fi="Kainuun verkostotapaaminen (siirretty)", place="Kajaanin teatteri")
    data.pop("status")
    response = client.post(reverse("events:edit", args=[event.uuid]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title_fi, event.place, event.sequence) == (
        "Kainuun verkostotapaaminen (siirretty)",
        "Kajaanin teatteri",
        1,
    )


def test_capacity_below_the_people_attending_shows_on_the_capacity_field(world: dict[str, Any]) -> None:
    event = world["event"]
    Event.objects.filter(pk=event.pk).update(capacity=5)
    for n in range(3):
        registration_row(event, name=f"Osallistuja {n}", email=f"o{n}@example.fi")
    data = form_data(
        world,
        capacity="2",
        starts_at=timezone.localtime(event.starts_at).strftime(LOCAL),
        ends_at=timezone.localtime(event.ends_at).strftime(LOCAL),
    )
    data.pop("status")
    response = client_for(world["coordinator"]).post(reverse("events:edit", args=[event.uuid]), data)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["capacity"]
    event.refresh_from_db()
    assert event.capacity == 5 and event.title_fi == "Kainuun verkostotapaaminen"


def test_members_cannot_edit(world: dict[str, Any]) -> None:
    response = client_for(world["member"]).get(reverse("events:edit", args=[world["event"].uuid]))
    assert response.status_code == 403


# --- the list ------------------------------------------------------------------------------------


def _make_events(world: dict[str, Any], count: int) -> None:
    organisation = OrganisationFactory()
    for n in range(count):
        EventFactory(
            audience=Event.Audience.PUBLIC,
            networks=[world["network"], NetworkFactory()],
            organisations=[organisation],
            regions=[region("MK18")],
            municipality=municipality("Kajaani"),
            place=f"Paikka {n}",
            capacity=20,
        )


@pytest.mark.parametrize("who", ["anonymous", "coordinator"])
def test_the_list_costs_the_same_queries_for_few_and_many_events(
    world: dict[str, Any], who: str, django_assert_max_num_queries: Any
) -> None:
    client = Client() if who == "anonymous" else client_for(world["coordinator"])
    _make_events(world, 2)
    client.get(reverse("events:list"))  # warm the session and the caches
    # Measured: 6 queries for the anonymous, 11 for a coordinator (session, user, roles, the
    # "new event" button, the bulletin badge); the page itself is a count, the events, their
    # networks and organisations, and the two filter lists.
    with django_assert_max_num_queries(13) as few:
        client.get(reverse("events:list"))
    _make_events(world, 15)
    with django_assert_max_num_queries(13) as many:
        response = client.get(reverse("events:list"))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(response.context["page"].object_list) == (18 if who == "coordinator" else 17)


def test_the_list_shows_time_place_kind_organisers_and_places_left(world: dict[str, Any]) -> None:
    event = world["event"]
    Event.objects.filter(pk=event.pk).update(capacity=30, attending_count=12)
    EventFactory(
        title_fi="Webinaari",
        title="Webinaari",
        audience=Event.Audience.PUBLIC,
        online_url="https://meet.example.fi/w",
    )
    response = client_for(world["member"]).get(reverse("events:list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'data-event="{event.uuid}"' in content
    assert 'data-places-left="18"' in content
    assert "Kajaanin paja" in content and "Kainuun ALU" in content
    assert 'datetime="' in content
    with_english = client_for(world["member"]).get(reverse("events:list"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Online" in with_english.content.decode()


def test_the_list_filters_from_the_query_string(world: dict[str, Any]) -> None:
    EventFactory(
        title_fi="Webinaari", title="Webinaari", kind=Event.Kind.WEBINAR, audience=Event.Audience.PUBLIC
    )
    client = client_for(world["member"])
    response = client.get(reverse("events:list"), {"kind": Event.Kind.WEBINAR})
    assert [e.title_fi for e in response.context["page"].object_list] == ["Webinaari"]
    response = client.get(reverse("events:list"), {"q": "verkostotapaaminen", "kind": "no-such-kind"})
    assert [e.title_fi for e in response.context["page"].object_list] == ["Kainuun verkostotapaaminen"]
    response = client.get(reverse("events:list"), {"when": "past"})
    assert list(response.context["page"].object_list) == []


# --- one event -----------------------------------------------------------------------------------


def test_the_event_page_shows_the_programme_and_the_organisers(world: dict[str, Any]) -> None:
    event = world["event"]
    ProgrammeItemFactory(event=event, title_fi="Avaus", title="Avaus", presenter="Anna Koordinaattori")
    ProgrammeItemFactory(
        event=event, title_fi="Työpajat", title="Työpajat", starts_at=event.starts_at + 2 * HOUR
    )
    response = client_for(world["member"]).get(reverse("events:detail", args=[event.uuid]))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Avaus") < content.index("Työpajat")
    assert "Anna Koordinaattori" in content and "Kainuun ALU" in content
    assert reverse("events:programme", args=[event.uuid]) in content
    assert reverse("events:edit", args=[event.uuid]) not in content  # members get no organiser links


def test_organisers_get_their_links(world: dict[str, Any]) -> None:
    event = world["event"]
    content = (
        client_for(world["coordinator"]).get(reverse("events:detail", args=[event.uuid])).content.decode()
    )
    for name in ("edit", "programme_edit", "questions", "status", "programme"):
        assert reverse(f"events:{name}", args=[event.uuid]) in content


def test_the_partials_come_in_the_agreed_order(world: dict[str, Any]) -> None:
    response = client_for(world["coordinator"]).get(reverse("events:detail", args=[world["event"].uuid]))
    used = [t.name for t in response.templates if t.name and t.name.startswith("events/partials/")]
    order = ["registration_box", "attendance_box", "networking_box", "calendar_links"]
    assert [name for name in used if any(o in name for o in order)][:4] == [
        f"events/partials/{o}.html" for o in order
    ]


def test_a_members_only_event_sends_the_anonymous_to_log_in(world: dict[str, Any]) -> None:
    response = Client().get(reverse("events:detail", args=[world["event"].uuid]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    outsider = person_of(OrganisationFactory())
    assert client_for(outsider).get(reverse("events:detail", args=[world["event"].uuid])).status_code == 403


def test_drafts_are_not_found_by_others(world: dict[str, Any]) -> None:
    draft = EventFactory(status=Status.DRAFT, networks=[world["network"]])
    assert client_for(world["member"]).get(reverse("events:detail", args=[draft.uuid])).status_code == 404
    assert (
        client_for(world["coordinator"]).get(reverse("events:detail", args=[draft.uuid])).status_code == 200
    )


def test_the_printable_programme(world: dict[str, Any]) -> None:
    event = world["event"]
    ProgrammeItemFactory(event=event, title_fi="Avaus", title="Avaus")
    response = client_for(world["member"]).get(reverse("events:programme", args=[event.uuid]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Avaus" in content and "event-pages.css" in content


# --- status --------------------------------------------------------------------------------------


def test_cancelling_asks_first(world: dict[str, Any]) -> None:
    event = world["event"]
    registration_row(event, name="Osallistuja", email="o@example.fi")
    Event.objects.filter(pk=event.pk).update(attending_count=1)
    client = client_for(world["coordinator"])
    url = reverse("events:status", args=[event.uuid])
    asked = client.get(url, {"action": "cancel"})
    assert asked.status_code == 200 and 'data-people="1"' in asked.content.decode()
    unconfirmed = client.post(url, {"action": "cancel"})
    assert unconfirmed.status_code == 200 and 'name="confirm"' in unconfirmed.content.decode()
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    done = client.post(url, {"action": "cancel", "confirm": "yes"})
    assert done.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.sequence) == (Status.CANCELLED, 1)


def test_publishing_a_draft_needs_no_confirmation(world: dict[str, Any]) -> None:
    draft = EventFactory(status=Status.DRAFT, networks=[world["network"]], place="Kajaani")
    response = client_for(world["coordinator"]).post(
        reverse("events:status", args=[draft.uuid]), {"action": "publish"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_an_action_not_allowed_changes_nothing(world: dict[str, Any]) -> None:
    event = world["event"]
    client = client_for(world["coordinator"])
    response = client.post(reverse("events:status", args=[event.uuid]), {"action": "publish"})
    assert response.status_code == 200  # back to the status page: a published event is not published again
    assert (
        client_for(world["member"])
        .post(reverse("events:status", args=[event.uuid]), {"action": "cancel", "confirm": "yes"})
        .status_code
        == 403
    )
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


# --- programme and questions ---------------------------------------------------------------------


def _management(prefix: str, total: int, initial: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _row(prefix: str, index: int, **values: Any) -> dict[str, Any]:
    return {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def test_programme_rows_are_added_changed_and_removed(world: dict[str, Any]) -> None:
    event = world["event"]
    keep = ProgrammeItemFactory(event=event, title_fi="Avaus", title="Avaus")
    drop = ProgrammeItemFactory(event=event, title_fi="Poistuva", title="Poistuva")
    start = world["start"]
    data = _management("programme", 3, 2)
    data |= _row(
        "programme",
        0,
        id=keep.pk,
        starts_at=start.strftime(LOCAL),
        title_fi="Avaus ja tervetuloa",
        form="information",
    )
    data |= _row(
        "programme",
        1,
        id=drop.pk,
        starts_at=start.strftime(LOCAL),
        title_fi="Poistuva",
        form="information",
        DELETE="on",
    )
    data |= _row(
        "programme", 2,
        starts_at=(start + HOUR).strftime(LOCAL), ends_at=(start + 3 * HOUR).strftime(LOCAL),
        title_fi="Työpajat", title_sv="Verkstäder", presenter="Työvalmentajat", form="workshop",
    )  # fmt: skip
    response = client_for(world["coordinator"]).post(
        reverse("events:programme_edit", args=[event.uuid]), data
    )
    assert response.status_code == 302
    assert sorted(ProgrammeItem.objects.values_list("title_fi", flat=True)) == [
        "Avaus ja tervetuloa",
        "Työpajat",
    ]


def test_a_programme_row_outside_the_event_is_refused_and_nothing_is_saved(world: dict[str, Any]) -> None:
    event = world["event"]
    start = world["start"]
    data = _management("programme", 2, 0)
    data |= _row("programme", 0, starts_at=start.strftime(LOCAL), title_fi="Avaus", form="information")
    data |= _row(
        "programme",
        1,
        starts_at=(start + 8 * HOUR).strftime(LOCAL),
        title_fi="Liian myöhään",
        form="information",
    )
    response = client_for(world["coordinator"]).post(
        reverse("events:programme_edit", args=[event.uuid]), data
    )
    assert response.status_code == 400
    forms = response.context["formset"].forms
    assert not forms[0].errors and list(forms[1].errors) == ["starts_at"]
    assert not ProgrammeItem.objects.exists()  # the valid first row was not kept either


def test_the_programme_form_does_not_reach_other_events(world: dict[str, Any]) -> None:
    """A hand-made row naming another event's item: Django's formset treats it as a new row of
    this event; the other event's item stays as it was."""
    other = ProgrammeItemFactory(title_fi="Toisen tapahtuman", title="Toisen tapahtuman")
    data = _management("programme", 1, 1)
    data |= _row(
        "programme",
        0,
        id=other.pk,
        starts_at=world["start"].strftime(LOCAL),
        title_fi="Kaapattu",
        form="information",
    )
    client_for(world["coordinator"]).post(reverse("events:programme_edit", args=[world["event"].uuid]), data)
    other.refresh_from_db()
    assert other.title_fi == "Toisen tapahtuman" and other.event_id != world["event"].pk
    assert set(ProgrammeItem.objects.filter(title_fi="Kaapattu").values_list("event_id", flat=True)) <= {
        world["event"].pk
    }


def test_questions_are_added(world: dict[str, Any]) -> None:
    event = world["event"]
    data = _management("questions", 2, 0)
    data |= _row(
        "questions", 0, text_fi="Ruokavalio", kind="choice", choices="Ei\nKasvis\nVegaani", order="1"
    )
    data |= _row("questions", 1, text_fi="Esteettömyystarpeet", kind="text", order="2", is_required="")
    response = client_for(world["coordinator"]).post(reverse("events:questions", args=[event.uuid]), data)
    assert response.status_code == 302
    assert list(event.questions.values_list("text_fi", "kind")) == [
        ("Ruokavalio", "choice"),
        ("Esteettömyystarpeet", "text"),
    ]


def test_a_choice_question_without_choices_is_refused_on_its_field(world: dict[str, Any]) -> None:
    data = _management("questions", 1, 0) | _row(
        "questions", 0, text_fi="Ruokavalio", kind="choice", choices="", order="1"
    )
    response = client_for(world["coordinator"]).post(
        reverse("events:questions", args=[world["event"].uuid]), data
    )
    assert response.status_code == 400
    assert list(response.context["formset"].forms[0].errors) == ["choices"]
    assert not RegistrationQuestion.objects.exists()


@pytest.mark.parametrize("name", ["programme_edit", "questions"])
def test_members_cannot_open_the_organiser_forms(world: dict[str, Any], name: str) -> None:
    response = client_for(world["member"]).get(reverse(f"events:{name}", args=[world["event"].uuid]))
    assert response.status_code == 403


@pytest.mark.parametrize("name", ["programme_edit", "questions", "status", "edit"])
def test_organiser_pages_render(world: dict[str, Any], name: str) -> None:
    response = client_for(world["coordinator"]).get(reverse(f"events:{name}", args=[world["event"].uuid]))
    assert response.status_code == 200
