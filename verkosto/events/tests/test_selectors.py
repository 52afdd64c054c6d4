"""Who sees which events (the public, members, outsiders, organisers; drafts, cancelled ones), that
the one-query list agrees with `permissions.can_view_event`, and the list's filters."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, region, user_with_role
from verkosto.events import permissions, selectors
from verkosto.events.models import Event
from verkosto.events.selectors import EventFilters
from verkosto.events.tests.factories import EventFactory
from verkosto.networks.tests.factories import NetworkFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
Status = Event.Status
Audience = Event.Audience


@pytest.fixture
def world() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU")
    member_org = OrganisationFactory(name_fi="Kajaanin paja")
    add_member(network, member_org)
    former_org = OrganisationFactory(name_fi="Entinen jäsen")
    add_member(network, former_org, datetime.date(2020, 1, 1))
    network.memberships.filter(organisation=former_org).update(left_on=datetime.date(2024, 12, 31))
    organiser_org = OrganisationFactory(name_fi="Järjestävä yhdistys")
    people = {
        "anonymous": AnonymousUser(),
        "coordinator": coordinator_of(network),
        "member": person_of(member_org),
        "former member": person_of(former_org),
        "organisation person": person_of(organiser_org),
        "organisation editor": user_with_role(Role.ORGANISATION_EDITOR, organisation=organiser_org),
        "regional coordinator": user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18"),
        "other regional coordinator": user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK01"),
        "national": user_with_role(Role.NATIONAL_COORDINATOR),
        "outsider": person_of(OrganisationFactory()),
    }
    creator = user_with_role(Role.ORGANISATION_EDITOR, organisation=OrganisationFactory())
    people["creator"] = creator
    events = {
        "public": EventFactory(audience=Audience.PUBLIC),
        "members of the network": EventFactory(networks=[network]),
        "members of the organisation": EventFactory(organisations=[organiser_org]),
        "draft of the network": EventFactory(status=Status.DRAFT, networks=[network]),
        "draft in the region": EventFactory(
            status=Status.DRAFT, regions=[region("MK18")], audience=Audience.PUBLIC
        ),
        "own draft": EventFactory(status=Status.DRAFT, created_by=creator, audience=Audience.PUBLIC),
        "cancelled public": EventFactory(status=Status.CANCELLED, audience=Audience.PUBLIC),
        "postponed of the network": EventFactory(status=Status.POSTPONED, networks=[network]),
    }
    return {"network": network, "people": people, "events": events}


def _visible(world: dict[str, Any], who: str) -> set[str]:
    ids = set(selectors.events_visible_to(world["people"][who]).values_list("pk", flat=True))
    return {name for name, event in world["events"].items() if event.pk in ids}


PUBLIC = {"public", "cancelled public"}
NETWORK = {"members of the network", "postponed of the network"}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", PUBLIC),
        ("outsider", PUBLIC),
        ("former member", PUBLIC),
        ("member", PUBLIC | NETWORK),
        ("organisation person", PUBLIC | {"members of the organisation"}),
        ("organisation editor", PUBLIC | {"members of the organisation"}),
        ("coordinator", PUBLIC | NETWORK | {"draft of the network"}),
        ("regional coordinator", PUBLIC | {"draft in the region"}),
        ("other regional coordinator", PUBLIC),
        ("creator", PUBLIC | {"own draft"}),
    ],
)
def test_who_sees_which_events(world: dict[str, Any], who: str, expected: set[str]) -> None:
    assert _visible(world, who) == expected


def test_national_coordinators_see_everything(world: dict[str, Any]) -> None:
    assert _visible(world, "national") == set(world["events"])


def test_the_list_agrees_with_the_permission_rule(world: dict[str, Any]) -> None:
    """The query is the rule of permissions.can_view_event, for every person and event here."""
    for who, user in world["people"].items():
        listed = set(selectors.events_visible_to(user).values_list("pk", flat=True))
        for name, event in world["events"].items():
            assert (event.pk in listed) == permissions.can_view_event(user, event), (who, name)


def test_visibility_is_one_query_and_rows_are_not_repeated(
    world: dict[str, Any], django_assert_num_queries: Any
) -> None:
    world["events"]["members of the network"].networks.add(NetworkFactory())
    user = world["people"]["coordinator"]
    selectors.events_visible_to(user).count()  # reads the roles once
    with django_assert_num_queries(1):
        pks = list(selectors.events_visible_to(user).values_list("pk", flat=True))
    assert len(pks) == len(set(pks))


def test_event_for(world: dict[str, Any]) -> None:
    people, events = world["people"], world["events"]
    assert selectors.event_for(people["member"], events["members of the network"].uuid).pk
    with pytest.raises(PermissionDenied):  # exists, but for members only
        selectors.event_for(people["outsider"], events["members of the network"].uuid)
    with pytest.raises(Http404):  # drafts are not revealed
        selectors.event_for(people["outsider"], events["draft of the network"].uuid)
    with pytest.raises(Http404):
        selectors.event_for(people["member"], uuid.uuid4())
    with pytest.raises(PermissionDenied):  # sees it, may not change it
        selectors.event_for_change(people["member"], events["members of the network"].uuid)
    assert selectors.event_for_change(people["coordinator"], events["draft of the network"].uuid).pk


# --- the list's filters --------------------------------------------------------------------------


def _titles(filters: EventFilters, user: Any = None) -> list[str]:
    return [e.title_fi for e in selectors.event_list(user=user or AnonymousUser(), filters=filters)]


def _public(title: str, days: int, **fields: Any) -> Event:
    start = timezone.now() + datetime.timedelta(days=days)
    return EventFactory(title_fi=title, title=title, audience=Audience.PUBLIC, starts_at=start, **fields)


def test_upcoming_soonest_first_and_past_latest_first() -> None:
    _public("Myöhemmin", 10)
    _public("Pian", 2)
    _public("Kauan sitten", -30)
    _public("Äskettäin", -2)
    running = _public("Käynnissä", 0)  # started an hour ago, still going
    Event.objects.filter(pk=running.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    assert _titles(EventFilters()) == ["Käynnissä", "Pian", "Myöhemmin"]
    assert _titles(EventFilters(when="past")) == ["Äskettäin", "Kauan sitten"]


def test_filters_by_kind_region_network_language_and_words() -> None:
    network = NetworkFactory()
    _public("Verkostotapaaminen Kajaanissa", 3, regions=[region("MK18")], networks=[network])
    _public(
        "Webinaari: työkokeilu",
        4,
        kind=Event.Kind.WEBINAR,
        language=Event.Language.SWEDISH,
        title_sv="Webbinarium om arbetsprövning",
    )
    _public("Teemapäivä", 5, kind=Event.Kind.THEME_DAY, language=Event.Language.BILINGUAL)
    assert _titles(EventFilters(kind=Event.Kind.WEBINAR)) == ["Webinaari: työkokeilu"]
    assert _titles(EventFilters(region="mk18")) == ["Verkostotapaaminen Kajaanissa"]
    assert _titles(EventFilters(network=network.uuid)) == ["Verkostotapaaminen Kajaanissa"]
    assert _titles(EventFilters(language="sv")) == ["Webinaari: työkokeilu", "Teemapäivä"]  # bilingual too
    assert _titles(EventFilters(language="fi")) == ["Verkostotapaaminen Kajaanissa", "Teemapäivä"]
    assert _titles(EventFilters(q="arbetsprövning")) == ["Webinaari: työkokeilu"]  # the Swedish title
    assert _titles(EventFilters(q="KAJAANISSA verkosto")) == ["Verkostotapaaminen Kajaanissa"]
    assert _titles(EventFilters(q="kajaanissa webinaari")) == []  # every word must match


def test_the_list_shows_only_what_the_user_may_see() -> None:
    _public("Avoin", 3)
    network = NetworkFactory()
    EventFactory(title_fi="Jäsenille", title="Jäsenille", networks=[network])
    member = person_of(OrganisationFactory())
    assert _titles(EventFilters(), member) == ["Avoin"]
    assert _titles(EventFilters(), coordinator_of(network)) == ["Avoin", "Jäsenille"]
