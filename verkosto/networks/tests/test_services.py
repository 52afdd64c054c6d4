"""Writes to networks, memberships and peer groups: who may, what is refused (nothing saved), and
the audit log."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, region, user_with_role
from verkosto.networks import services
from verkosto.networks.models import Membership, Network, PeerGroup

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
JAN = datetime.date(2025, 1, 1)


@pytest.fixture(autouse=True)
def _finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


@pytest.fixture
def association() -> object:
    return OrganisationFactory(name_fi="Työpajayhdistys")


@pytest.fixture
def network(association: object) -> Network:
    return NetworkFactory(name_fi="Kainuun pajat", coordinating_organisation=association)


# --- networks ------------------------------------------------------------------------------------


def test_national_coordinator_creates_a_network_of_their_organisation(association: object) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=association)
    coordinator = UserFactory()
    network = services.network_create(
        actor=national,
        name_fi="Pohjanmaan verkosto",
        name_sv="Österbottens nätverk",
        kind=Network.Kind.OUTREACH,
        language=Network.WorkingLanguage.SWEDISH,
        coordinating_organisation=association,
        regions=[region("MK15")],
        coordinators=[coordinator],
    )
    network.refresh_from_db()
    assert network.name_sv == "Österbottens nätverk"
    assert [r.code for r in network.regions.all()] == ["MK15"]
    assert list(network.coordinators.all()) == [coordinator]
    entry = AuditEntry.objects.get(object_type="networks.network", object_id=str(network.pk))
    assert entry.action == "create"
    assert entry.actor == national


@pytest.mark.parametrize("other", ["another organisation", "none"])
def test_national_coordinator_is_refused_networks_of_other_organisations(
    association: object, other: str
) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=association)
    organisation = OrganisationFactory() if other == "another organisation" else None
    with pytest.raises(PermissionDenied):
        services.network_create(
            actor=national, name_fi="Vieras", kind=Network.Kind.OTHER, coordinating_organisation=organisation
        )
    assert not Network.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "regional", "member", "nobody"])
def test_only_national_coordinators_create_networks(network: Network, role: str) -> None:
    actor = {
        "coordinator": lambda: coordinator_of(network),
        "regional": lambda: user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18"),
        "member": lambda: person_of(OrganisationFactory()),
        "nobody": UserFactory,
    }[role]()
    with pytest.raises(PermissionDenied):
        services.network_create(actor=actor, name_fi="Uusi", kind=Network.Kind.OTHER)
    assert Network.objects.count() == 1


def test_national_coordinator_for_all_creates_without_an_organisation() -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR)
    network = services.network_create(actor=national, name_fi="Valtakunnallinen", kind=Network.Kind.OTHER)
    assert network.pk and network.coordinating_organisation is None


def test_network_needs_a_finnish_name() -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR)
    with pytest.raises(ValidationError):
        services.network_create(actor=national, name_fi="", kind=Network.Kind.OTHER)
    assert not Network.objects.exists()


def test_coordinator_edits_the_content_and_it_is_logged(network: Network) -> None:
    coordinator = coordinator_of(network)
    services.network_update(
        actor=coordinator, network=network, description_fi="Tapaamme kuukausittain.", is_public=False
    )
    network.refresh_from_db()
    assert network.description_fi == "Tapaamme kuukausittain."
    assert not network.is_public
    entry = AuditEntry.objects.get(object_type="networks.network", action="update")
    assert entry.changes["description_fi"] == ["", "Tapaamme kuukausittain."]


def test_coordinator_may_not_hand_the_network_on(network: Network) -> None:
    coordinator = coordinator_of(network)
    with pytest.raises(PermissionDenied):
        services.network_update(actor=coordinator, network=network, coordinators=[UserFactory()])
    with pytest.raises(PermissionDenied):
        services.network_update(
            actor=coordinator, network=network, coordinating_organisation=OrganisationFactory()
        )
    network.refresh_from_db()
    assert list(network.coordinators.all()) == [coordinator]
    # Sending the same coordinators back (as the edit form would) is no change and allowed.
    services.network_update(
        actor=coordinator, network=network, coordinators=[coordinator], name_fi="Uusi nimi"
    )
    assert Network.objects.get().name_fi == "Uusi nimi"


def test_national_coordinator_names_coordinators_but_keeps_to_their_organisation(
    network: Network, association: object
) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=association)
    person = UserFactory()
    services.network_update(actor=national, network=network, coordinators=[person])
    assert list(network.coordinators.all()) == [person]
    with pytest.raises(PermissionDenied):
        services.network_update(
            actor=national, network=network, coordinating_organisation=OrganisationFactory()
        )
    assert Network.objects.get().coordinating_organisation == association


def test_outsiders_may_not_edit_a_network(network: Network) -> None:
    for actor in (
        coordinator_of(NetworkFactory()),
        user_with_role(Role.NATIONAL_COORDINATOR, organisation=OrganisationFactory()),
        person_of(OrganisationFactory()),
    ):
        with pytest.raises(PermissionDenied):
            services.network_update(actor=actor, network=network, name_fi="Kaapattu")
    assert Network.objects.get(pk=network.pk).name_fi == "Kainuun pajat"


# --- memberships ---------------------------------------------------------------------------------


def test_coordinator_adds_and_ends_a_membership(network: Network) -> None:
    coordinator = coordinator_of(network)
    organisation = OrganisationFactory()
    membership = services.membership_add(
        actor=coordinator, network=network, organisation=organisation, joined_on=JAN
    )
    assert membership.is_current
    services.membership_end(actor=coordinator, membership=membership, left_on=datetime.date(2025, 3, 1))
    membership.refresh_from_db()
    assert membership.left_on == datetime.date(2025, 3, 1)
    assert not membership.is_current
    actions = list(
        AuditEntry.objects.filter(object_type="networks.membership").values_list("action", flat=True)
    )
    assert sorted(actions) == ["create", "update"]


def test_organisation_cannot_be_added_twice(network: Network) -> None:
    coordinator = coordinator_of(network)
    organisation = OrganisationFactory()
    add_member(network, organisation)
    with pytest.raises(ValidationError) as refused:
        services.membership_add(actor=coordinator, network=network, organisation=organisation, joined_on=JAN)
    assert "jo verkoston jäsen" in str(refused.value.message_dict["organisation"])
    assert Membership.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_organisation_rejoins_after_leaving_but_not_inside_its_old_membership(network: Network) -> None:
    coordinator = coordinator_of(network)
    organisation = OrganisationFactory()
    Membership.objects.create(
        network=network, organisation=organisation, joined_on=JAN, left_on=datetime.date(2025, 5, 31)
    )
    with pytest.raises(ValidationError) as refused:
        services.membership_add(
            actor=coordinator, network=network, organisation=organisation, joined_on=datetime.date(2025, 3, 1)
        )
    assert "joined_on" in refused.value.message_dict
    assert Membership.objects.count() == 1
    services.membership_add(
        actor=coordinator, network=network, organisation=organisation, joined_on=datetime.date(2025, 5, 31)
    )
    assert Membership.objects.filter(left_on__isnull=True).count() == 1


def test_leave_date_before_join_date_is_refused(network: Network) -> None:
    coordinator = coordinator_of(network)
    membership = add_member(network, OrganisationFactory(), joined_on=datetime.date(2025, 2, 1))
    with pytest.raises(ValidationError) as refused:
        services.membership_end(actor=coordinator, membership=membership, left_on=datetime.date(2025, 1, 31))
    assert "ennen liittymispäivää" in str(refused.value.message_dict["left_on"])
    membership.refresh_from_db()
    assert membership.left_on is None
    assert not AuditEntry.objects.exists()


def test_leave_date_in_the_future_and_ending_twice_are_refused(network: Network) -> None:
    coordinator = coordinator_of(network)
    membership = add_member(network, OrganisationFactory())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.membership_end(actor=coordinator, membership=membership, left_on=tomorrow)
    services.membership_end(actor=coordinator, membership=membership, left_on=timezone.localdate())
    with pytest.raises(ValidationError):
        services.membership_end(actor=coordinator, membership=membership, left_on=timezone.localdate())
    membership.refresh_from_db()
    assert membership.left_on == timezone.localdate()


def test_members_and_outsiders_may_not_change_memberships(network: Network) -> None:
    organisation = OrganisationFactory()
    membership = add_member(network, organisation)
    member = person_of(organisation)
    for actor in (member, coordinator_of(NetworkFactory()), UserFactory()):
        with pytest.raises(PermissionDenied):
            services.membership_add(
                actor=actor, network=network, organisation=OrganisationFactory(), joined_on=JAN
            )
        with pytest.raises(PermissionDenied):
            services.membership_end(actor=actor, membership=membership, left_on=JAN)
    assert Membership.objects.count() == 1
    assert Membership.objects.get().left_on is None


def test_national_coordinator_manages_members_of_their_organisations_networks(
    network: Network, association: object
) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=association)
    services.membership_add(
        actor=national, network=network, organisation=OrganisationFactory(), joined_on=JAN
    )
    other = NetworkFactory(coordinating_organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.membership_add(
            actor=national, network=other, organisation=OrganisationFactory(), joined_on=JAN
        )
    assert Membership.objects.count() == 1


# --- peer groups ---------------------------------------------------------------------------------


def test_coordinator_creates_a_peer_group_with_members(network: Network) -> None:
    coordinator = coordinator_of(network)
    organisation = OrganisationFactory()
    add_member(network, organisation)
    coach = person_of(organisation)
    group = services.peer_group_create(
        actor=coordinator,
        network=network,
        name_fi="Työvalmentajat",
        name_sv="Arbetshandledare",
        members=[coach],
    )
    assert list(group.members.all()) == [coach]
    assert AuditEntry.objects.filter(object_type="networks.peergroup", action="create").exists()


def test_peer_group_name_is_unique_in_its_network_whatever_the_case(network: Network) -> None:
    coordinator = coordinator_of(network)
    PeerGroupFactory(network=network, name_fi="Esihenkilöt", name="Esihenkilöt")
    with pytest.raises(ValidationError) as refused:
        services.peer_group_create(actor=coordinator, network=network, name_fi="esihenkilöt")
    assert "name_fi" in refused.value.message_dict
    # Another network may use the name.
    other = NetworkFactory()
    services.peer_group_create(actor=coordinator_of(other), network=other, name_fi="Esihenkilöt")
    assert PeerGroup.objects.filter(network=network).count() == 1


def test_peer_group_members_must_be_people_of_member_organisations(network: Network) -> None:
    coordinator = coordinator_of(network)
    outsider = person_of(OrganisationFactory())
    with pytest.raises(ValidationError):
        services.peer_group_create(
            actor=coordinator, network=network, name_fi="Yksilövalmentajat", members=[outsider]
        )
    assert not PeerGroup.objects.exists()
    group = PeerGroupFactory(network=network)
    with pytest.raises(ValidationError):
        services.peer_group_set_members(actor=coordinator, group=group, members=[outsider])
    assert not group.members.exists()
    # A person of an organisation that has left is an outsider too.
    organisation = OrganisationFactory()
    membership = add_member(network, organisation)
    former = person_of(organisation)
    services.peer_group_set_members(actor=coordinator, group=group, members=[former])
    services.membership_end(actor=coordinator, membership=membership, left_on=timezone.localdate())
    with pytest.raises(ValidationError):
        services.peer_group_set_members(actor=coordinator, group=group, members=[former])


def test_peer_group_update_renames_but_not_onto_another_group(network: Network) -> None:
    coordinator = coordinator_of(network)
    PeerGroupFactory(network=network, name_fi="Esihenkilöt", name="Esihenkilöt")
    group = PeerGroupFactory(network=network, name_fi="Valmentajat", name="Valmentajat")
    services.peer_group_update(
        actor=coordinator, group=group, name_fi="Työvalmentajat", description_fi="Kerran kuussa"
    )
    group.refresh_from_db()
    assert group.name_fi == "Työvalmentajat"
    with pytest.raises(ValidationError):
        services.peer_group_update(actor=coordinator, group=group, name_fi="ESIHENKILÖT")
    assert PeerGroup.objects.get(pk=group.pk).name_fi == "Työvalmentajat"
    # Keeping its own name is fine.
    services.peer_group_update(actor=coordinator, group=group, name_fi="Työvalmentajat")


def test_members_and_outsiders_may_not_change_peer_groups(network: Network) -> None:
    organisation = OrganisationFactory()
    add_member(network, organisation)
    member = person_of(organisation)
    group = PeerGroupFactory(network=network, name_fi="Esihenkilöt", name="Esihenkilöt")
    for actor in (member, coordinator_of(NetworkFactory()), UserFactory()):
        with pytest.raises(PermissionDenied):
            services.peer_group_create(actor=actor, network=network, name_fi="Uusi")
        with pytest.raises(PermissionDenied):
            services.peer_group_update(actor=actor, group=group, name_fi="Kaapattu")
        with pytest.raises(PermissionDenied):
            services.peer_group_set_members(actor=actor, group=group, members=[member])
    group.refresh_from_db()
    assert group.name_fi == "Esihenkilöt"
    assert not group.members.exists()
    assert PeerGroup.objects.count() == 1
