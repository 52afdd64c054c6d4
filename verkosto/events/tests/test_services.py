"""Writes to events, their programme and their questions: who may, what each rule refuses (and
that nothing is written then), the SEQUENCE raised for news, the e-mail after the commit, the
capacity through the registration service, and the audit log."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, municipality, region, user_with_role
from verkosto.events import services
from verkosto.events.models import Event, ProgrammeItem, Registration, RegistrationQuestion
from verkosto.events.tests.factories import EventFactory, ProgrammeItemFactory, registration_row
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
Status = Event.Status
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU", regions=[region("MK18")])
    member_org = OrganisationFactory(name_fi="Kajaanin paja")
    add_member(network, member_org)
    start = (timezone.now() + datetime.timedelta(days=14)).replace(minute=0, second=0, microsecond=0)
    return {
        "network": network,
        "other_network": NetworkFactory(name_fi="Oulun etsivät"),
        "coordinator": coordinator_of(network),
        "member": person_of(member_org),
        "outsider": person_of(OrganisationFactory()),
        "start": start,
    }


def fields(world: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    values = {
        "title_fi": "Teemapäivä: nuorten työllisyys",
        "kind": Event.Kind.THEME_DAY,
        "networks": [world["network"]],
        "place": "Kajaanin kaupungintalo",
        "municipality": municipality("Kajaani"),
        "starts_at": world["start"],
        "ends_at": world["start"] + 6 * HOUR,
        "audience": Event.Audience.MEMBERS,
        "language": Event.Language.FINNISH,
    }
    return values | overrides


def create(world: dict[str, Any], **overrides: Any) -> Event:
    return services.event_create(actor=world["coordinator"], **fields(world, **overrides))


def published(world: dict[str, Any], **overrides: Any) -> Event:
    return create(world, status=Status.PUBLISHED, **overrides)


# --- creating ------------------------------------------------------------------------------------


def test_coordinator_creates_an_event_and_it_is_audited(world: dict[str, Any]) -> None:
    event = create(world, title_sv="Temadag", regions=[region("MK18")], capacity=30)
    event.refresh_from_db()
    assert event.created_by == world["coordinator"]
    assert event.status == Status.DRAFT  # a draft unless published at once
    assert (event.title_fi, event.title_sv, event.capacity) == (
        "Teemapäivä: nuorten työllisyys",
        "Temadag",
        30,
    )
    assert list(event.networks.all()) == [world["network"]]
    assert [r.code for r in event.regions.all()] == ["MK18"]
    audit = AuditEntry.objects.get(object_type="events.event", object_id=str(event.pk))
    assert audit.action == "create" and audit.actor == world["coordinator"]
    assert audit.changes["networks"] == ["", str(world["network"].pk)]


def test_an_online_event_needs_no_place(world: dict[str, Any]) -> None:
    event = create(world, place="", municipality=None, online_url="https://meet.example.fi/abc")
    assert event.is_online


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_people_without_an_organiser_role_cannot_create(world: dict[str, Any], who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.event_create(actor=world[who], **fields(world))
    assert not Event.objects.exists()


def _bad_inputs(world: dict[str, Any]) -> dict[str, tuple[dict[str, Any], str]]:
    start = world["start"]
    return {
        "end before start": ({"ends_at": start - HOUR}, "ends_at"),
        "end at the start": ({"ends_at": start}, "ends_at"),
        "no title in Finnish": ({"title_fi": "  ", "title_sv": "Temadag"}, "title_fi"),
        "neither place nor link": ({"place": "", "municipality": None, "online_url": ""}, "place"),
        "members only without organisers": ({"networks": [], "organisations": []}, "networks"),
        "registration closes before it opens": (
            {"registration_opens_at": start - 48 * HOUR, "registration_closes_at": start - 72 * HOUR},
            "registration_closes_at",
        ),
        "registration closes after the event": (
            {"registration_closes_at": start + 7 * HOUR},
            "registration_closes_at",
        ),
        "registration opens after the event": (
            {"registration_opens_at": start + 8 * HOUR},
            "registration_opens_at",
        ),
        "a network the user does not coordinate": ({"networks": [world["other_network"]]}, "networks"),
        "created cancelled": ({"status": Status.CANCELLED}, "status"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "end before start",
        "end at the start",
        "no title in Finnish",
        "neither place nor link",
        "members only without organisers",
        "registration closes before it opens",
        "registration closes after the event",
        "registration opens after the event",
        "a network the user does not coordinate",
        "created cancelled",
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_written(
    world: dict[str, Any], case: str
) -> None:
    overrides, field = _bad_inputs(world)[case]
    with pytest.raises(ValidationError) as caught:
        create(world, **overrides)
    assert field in caught.value.message_dict
    assert caught.value.message_dict[field][0]  # a message, not an empty string
    assert not Event.objects.exists()
    assert not AuditEntry.objects.filter(object_type="events.event").exists()


def test_a_public_event_needs_no_organisers(world: dict[str, Any]) -> None:
    event = create(world, networks=[], audience=Event.Audience.PUBLIC)
    assert event.pk


def test_an_organisation_editor_organises_for_their_organisation(world: dict[str, Any]) -> None:
    organisation = OrganisationFactory()
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=organisation)
    event = services.event_create(actor=editor, **fields(world, networks=[], organisations=[organisation]))
    assert list(event.organisations.all()) == [organisation]


# --- changing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_organisers_change_an_event(world: dict[str, Any], who: str) -> None:
    event = published(world)
    with pytest.raises(PermissionDenied):
        services.event_update(actor=world[who], event=event, title_fi="Muutettu")
    event.refresh_from_db()
    assert event.title_fi == "Teemapäivä: nuorten työllisyys"


def test_a_regional_coordinator_of_its_region_may_change_it(world: dict[str, Any]) -> None:
    event = published(world, regions=[region("MK18")])
    regional = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18")
    services.event_update(actor=regional, event=event, description_fi="Tarkennettu kuvaus")
    event.refresh_from_db()
    assert event.description_fi == "Tarkennettu kuvaus"


@pytest.mark.parametrize(
    "change",
    [
        {"starts_at": 1, "ends_at": 1},
        {"ends_at": 2},
        {"place": "Kajaanin teatteri"},
        {"municipality": "Sotkamo"},
        {"online_url": "https://meet.example.fi/x"},
    ],
)
def test_news_raises_the_sequence_and_tells_people_after_the_commit(
    world: dict[str, Any],
    change: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sent: list[int] = []
    monkeypatch.setattr("verkosto.events.emails.send_event_changed", lambda event: sent.append(event.pk))
    event = published(world)
    values = {}
    for name, value in change.items():
        if name in ("starts_at", "ends_at"):
            values[name] = getattr(event, name) + value * HOUR
        elif name == "municipality":
            values[name] = municipality(value)
        else:
            values[name] = value
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.event_update(actor=world["coordinator"], event=event, **values)
    assert event.sequence == 1
    assert len(callbacks) == 1
    assert sent == [event.pk]


def test_other_changes_keep_the_sequence_and_send_nothing(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    event = published(world)
    with django_capture_on_commit_callbacks() as callbacks:
        services.event_update(
            actor=world["coordinator"],
            event=event,
            title_fi="Teemapäivä (päivitetty)",
            description_fi="Lisätietoa",
            starts_at=event.starts_at,  # unchanged values are no news
        )
    assert event.sequence == 0
    assert callbacks == []


def test_a_draft_changes_without_mail(world: dict[str, Any], django_capture_on_commit_callbacks: Any) -> None:
    event = create(world)
    with django_capture_on_commit_callbacks() as callbacks:
        services.event_update(actor=world["coordinator"], event=event, place="Toinen paikka")
    assert event.sequence == 1
    assert callbacks == []


def test_update_is_audited_with_the_changed_fields_only(world: dict[str, Any]) -> None:
    event = published(world)
    services.event_update(
        actor=world["coordinator"],
        event=event,
        place="Kajaanin teatteri",
        starts_at=event.starts_at,
        ends_at=event.ends_at + HOUR,
    )
    audit = AuditEntry.objects.get(object_type="events.event", action="update")
    assert set(audit.changes) == {"place", "ends_at", "sequence"}
    assert audit.changes["place"] == ["Kajaanin kaupungintalo", "Kajaanin teatteri"]


def test_update_refuses_bad_input_and_keeps_the_event(world: dict[str, Any]) -> None:
    event = published(world)
    with pytest.raises(ValidationError) as caught:
        services.event_update(actor=world["coordinator"], event=event, ends_at=event.starts_at - HOUR)
    assert "ends_at" in caught.value.message_dict
    stored = Event.objects.get(pk=event.pk)
    assert stored.ends_at == world["start"] + 6 * HOUR and stored.sequence == 0


def test_a_stale_copy_does_not_write_back_old_values(world: dict[str, Any]) -> None:
    event = published(world)
    stale = Event.objects.get(pk=event.pk)
    services.event_update(actor=world["coordinator"], event=event, place="Uusi paikka")
    services.event_update(actor=world["coordinator"], event=stale, description_fi="Kuvaus")
    stored = Event.objects.get(pk=event.pk)
    assert (stored.place, stored.description_fi) == ("Uusi paikka", "Kuvaus")


# --- capacity through the registration service ---------------------------------------------------


def test_capacity_below_the_people_attending_is_refused_on_the_capacity_field(world: dict[str, Any]) -> None:
    event = published(world, capacity=5)
    for n in range(3):
        registration_row(event, name=f"Osallistuja {n}", email=f"o{n}@example.fi")
    with pytest.raises(ValidationError) as caught:
        services.event_update(actor=world["coordinator"], event=event, capacity=2, place="Muu paikka")
    assert "capacity" in caught.value.message_dict
    stored = Event.objects.get(pk=event.pk)
    assert (stored.capacity, stored.place) == (5, "Kajaanin kaupungintalo")  # nothing half-done


def test_more_places_promote_from_the_waiting_list(world: dict[str, Any]) -> None:
    event = published(world, capacity=1)
    registration_row(event, name="Ensimmäinen", email="a@example.fi")
    waiting = registration_row(
        event,
        name="Jonossa",
        email="b@example.fi",
        status=Registration.Status.WAITING,
        waiting_since=timezone.now(),
    )
    services.event_update(actor=world["coordinator"], event=event, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.ATTENDING
    assert (event.capacity, event.attending_count, event.waiting_count) == (2, 2, 0)


# --- status --------------------------------------------------------------------------------------


def test_publishing_a_draft(world: dict[str, Any], django_capture_on_commit_callbacks: Any) -> None:
    event = create(world)
    with django_capture_on_commit_callbacks() as callbacks:
        services.event_set_status(actor=world["coordinator"], event=event, status=Status.PUBLISHED)
    assert event.status == Status.PUBLISHED
    assert callbacks == []  # nobody could have registered for a draft
    assert AuditEntry.objects.get(action="update").changes["status"] == ["draft", "published"]


@pytest.mark.parametrize("status", [Status.CANCELLED, Status.POSTPONED])
def test_cancelling_or_postponing_tells_the_people(
    world: dict[str, Any],
    status: str,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sent: list[int] = []
    monkeypatch.setattr("verkosto.events.emails.send_event_changed", lambda event: sent.append(event.pk))
    event = published(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(actor=world["coordinator"], event=event, status=status)
    assert (event.status, event.sequence) == (status, 1)
    assert sent == [event.pk]


def test_cancellation_reaches_the_mail_of_the_registered(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> None:
    """Through H1's e-mail module for real: one message to the one person with an address."""
    event = published(world)
    registration_row(event, name="Osallistuja", email="osallistuja@example.fi")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(actor=world["coordinator"], event=event, status=Status.CANCELLED)
    assert [m.to for m in mailoutbox] == [["osallistuja@example.fi"]]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.CANCELLED, Status.PUBLISHED),
        (Status.CANCELLED, Status.POSTPONED),
        (Status.PUBLISHED, Status.DRAFT),
        (Status.DRAFT, Status.POSTPONED),
        (Status.PUBLISHED, Status.PUBLISHED),
    ],
)
def test_transitions_that_are_refused(world: dict[str, Any], start: str, target: str) -> None:
    event = EventFactory(status=start, networks=[world["network"]], created_by=world["coordinator"])
    with pytest.raises(ValidationError) as caught:
        services.event_set_status(actor=world["coordinator"], event=event, status=target)
    assert "status" in caught.value.message_dict
    event.refresh_from_db()
    assert event.status == start


def test_a_postponed_event_gets_a_new_date_and_is_published_again(world: dict[str, Any]) -> None:
    event = published(world)
    services.event_set_status(actor=world["coordinator"], event=event, status=Status.POSTPONED)
    week = datetime.timedelta(days=7)
    services.event_update(
        actor=world["coordinator"],
        event=event,
        starts_at=event.starts_at + week,
        ends_at=event.ends_at + week,
    )
    services.event_set_status(actor=world["coordinator"], event=event, status=Status.PUBLISHED)
    assert (event.status, event.sequence, event.starts_at) == (Status.PUBLISHED, 3, world["start"] + week)


def test_outsiders_cannot_change_the_status(world: dict[str, Any]) -> None:
    event = published(world)
    with pytest.raises(PermissionDenied):
        services.event_set_status(actor=world["member"], event=event, status=Status.CANCELLED)


# --- the programme moves with the event ----------------------------------------------------------


def test_moving_the_whole_event_moves_its_programme(world: dict[str, Any]) -> None:
    event = published(world)
    item = ProgrammeItemFactory(
        event=event, starts_at=event.starts_at + HOUR, ends_at=event.starts_at + 2 * HOUR
    )
    day = datetime.timedelta(days=1)
    services.event_update(
        actor=world["coordinator"], event=event, starts_at=event.starts_at + day, ends_at=event.ends_at + day
    )
    item.refresh_from_db()
    assert item.starts_at == world["start"] + day + HOUR


def test_shortening_past_the_programme_is_refused(world: dict[str, Any]) -> None:
    event = published(world)
    ProgrammeItemFactory(
        event=event, starts_at=event.starts_at + 4 * HOUR, ends_at=event.starts_at + 5 * HOUR
    )
    with pytest.raises(ValidationError) as caught:
        services.event_update(actor=world["coordinator"], event=event, ends_at=event.starts_at + 3 * HOUR)
    assert "ends_at" in caught.value.message_dict


# --- programme items -----------------------------------------------------------------------------


def test_programme_items_are_created_changed_and_deleted_with_audit(world: dict[str, Any]) -> None:
    event = published(world)
    item = services.programme_item_create(
        actor=world["coordinator"],
        event=event,
        starts_at=event.starts_at,
        ends_at=event.starts_at + HOUR,
        title_fi="Avaus",
        presenter="Koordinaattori",
        form=ProgrammeItem.Form.INFORMATION,
    )
    services.programme_item_update(actor=world["coordinator"], item=item, title_fi="Avaus ja esittely")
    item.refresh_from_db()
    assert item.title_fi == "Avaus ja esittely"
    services.programme_item_delete(actor=world["coordinator"], item=item)
    assert not ProgrammeItem.objects.exists()
    actions = list(
        AuditEntry.objects.filter(object_type="events.programmeitem")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "delete"]


@pytest.mark.parametrize(
    ("times", "field"),
    [
        ((-1, None), "starts_at"),  # starts before the event
        ((6, None), "starts_at"),  # starts when the event ends
        ((5, 7), "ends_at"),  # ends after the event
        ((2, 1), "ends_at"),  # ends before it starts
        ((2, 2), "ends_at"),
    ],
)
def test_programme_items_fall_within_the_event(
    world: dict[str, Any], times: tuple[int, int | None], field: str
) -> None:
    event = published(world)
    start, end = times
    with pytest.raises(ValidationError) as caught:
        services.programme_item_create(
            actor=world["coordinator"],
            event=event,
            starts_at=event.starts_at + start * HOUR,
            ends_at=None if end is None else event.starts_at + end * HOUR,
            title_fi="Työpaja",
        )
    assert field in caught.value.message_dict
    assert not ProgrammeItem.objects.exists()


def test_a_programme_item_needs_a_finnish_title(world: dict[str, Any]) -> None:
    event = published(world)
    with pytest.raises(ValidationError) as caught:
        services.programme_item_create(
            actor=world["coordinator"],
            event=event,
            starts_at=event.starts_at,
            title_fi="",
            title_sv="Workshop",
        )
    assert "title_fi" in caught.value.message_dict


def test_only_organisers_edit_the_programme(world: dict[str, Any]) -> None:
    event = published(world)
    item = ProgrammeItemFactory(event=event)
    with pytest.raises(PermissionDenied):
        services.programme_item_create(
            actor=world["member"], event=event, starts_at=event.starts_at, title_fi="X"
        )
    with pytest.raises(PermissionDenied):
        services.programme_item_update(actor=world["member"], item=item, title_fi="X")
    with pytest.raises(PermissionDenied):
        services.programme_item_delete(actor=world["outsider"], item=item)
    assert ProgrammeItem.objects.get().pk == item.pk


# --- registration questions ----------------------------------------------------------------------


def test_questions_are_created_changed_and_deleted_with_audit(world: dict[str, Any]) -> None:
    event = published(world)
    question = services.question_create(
        actor=world["coordinator"],
        event=event,
        text_fi="Ruokavalio",
        text_sv="Specialdiet",
        kind=RegistrationQuestion.Kind.CHOICE,
        choices="Ei erityisruokavaliota\nKasvis\nGluteeniton",
        is_required=True,
        order=1,
    )
    assert question.choice_list == ["Ei erityisruokavaliota", "Kasvis", "Gluteeniton"]
    services.question_update(
        actor=world["coordinator"], question=question, kind=RegistrationQuestion.Kind.TEXT
    )
    question.refresh_from_db()
    assert question.choices == ""  # a free-text question shows no choices
    services.question_delete(actor=world["coordinator"], question=question)
    assert not RegistrationQuestion.objects.exists()
    actions = list(
        AuditEntry.objects.filter(object_type="events.registrationquestion")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "delete"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"text_fi": "", "text_sv": "Diet"}, "text_fi"),
        (
            {"text_fi": "Ruokavalio", "kind": RegistrationQuestion.Kind.CHOICE, "choices": "Vain yksi"},
            "choices",
        ),
    ],
)
def test_bad_questions_are_refused(world: dict[str, Any], values: dict[str, Any], field: str) -> None:
    event = published(world)
    with pytest.raises(ValidationError) as caught:
        services.question_create(actor=world["coordinator"], event=event, **values)
    assert field in caught.value.message_dict
    assert not RegistrationQuestion.objects.exists()


def test_only_organisers_ask_questions(world: dict[str, Any]) -> None:
    event = published(world)
    with pytest.raises(PermissionDenied):
        services.question_create(actor=world["member"], event=event, text_fi="Ruokavalio")


def test_an_event_stored_without_a_place_can_still_be_cancelled(world: dict[str, Any]) -> None:
    """Rules an old or imported event breaks already do not block other changes; a change that
    breaks a rule anew is refused."""
    event = EventFactory(networks=[world["network"]], created_by=world["coordinator"])  # no place, no link
    services.event_set_status(actor=world["coordinator"], event=event, status=Status.CANCELLED)
    assert event.status == Status.CANCELLED
    with pytest.raises(ValidationError) as caught:
        services.event_update(actor=world["coordinator"], event=event, networks=[])
    assert set(caught.value.message_dict) == {"networks"}
