"""Who sees and manages which network: each role's rights and its refusals, object by object."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, region, user_with_role
from verkosto.networks import permissions, selectors
from verkosto.networks.models import Network

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


@pytest.fixture(autouse=True)
def _finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


@pytest.fixture
def world() -> dict:
    """Two coordinating organisations, a public and a members-only network of the first, and a
    members-only network of the second."""
    association = OrganisationFactory(name_fi="Työpajayhdistys")
    other_association = OrganisationFactory(name_fi="Etsivien liitto")
    public = NetworkFactory(
        name_fi="Julkinen", coordinating_organisation=association, regions=[region("MK18")]
    )
    closed = NetworkFactory(name_fi="Suljettu", coordinating_organisation=association, is_public=False)
    foreign = NetworkFactory(name_fi="Vieras", coordinating_organisation=other_association, is_public=False)
    member_org = OrganisationFactory(name_fi="Jäsen ry")
    add_member(closed, member_org)
    return {
        "association": association,
        "other_association": other_association,
        "public": public,
        "closed": closed,
        "foreign": foreign,
        "member_org": member_org,
    }


def _manages(user: object, world: dict) -> set[str]:
    return {
        key for key in ("public", "closed", "foreign") if permissions.can_manage_network(user, world[key])
    }


def _sees(user: object, world: dict) -> set[str]:
    return {key for key in ("public", "closed", "foreign") if permissions.can_view_network(user, world[key])}


def _listed(user: object) -> set[str]:
    return {network.name_fi for network in selectors.networks_visible_to(user)}


def test_anonymous_sees_public_networks_only_and_manages_none(world: dict) -> None:
    anonymous = AnonymousUser()
    assert _sees(anonymous, world) == {"public"}
    assert _manages(anonymous, world) == set()
    assert not permissions.is_network_member(anonymous, world["public"])
    assert not permissions.can_create_network(anonymous)
    assert _listed(anonymous) == {"Julkinen"}


def test_person_of_a_current_member_organisation_is_a_member(world: dict) -> None:
    person = person_of(world["member_org"])
    assert permissions.is_network_member(person, world["closed"])
    assert not permissions.is_network_member(person, world["public"])
    assert _sees(person, world) == {"public", "closed"}
    assert _manages(person, world) == set()
    assert not permissions.can_create_network(person)
    assert _listed(person) == {"Julkinen", "Suljettu"}


def test_organisation_editor_is_a_member_too(world: dict) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=world["member_org"])
    assert permissions.is_network_member(editor, world["closed"])
    assert _manages(editor, world) == set()


def test_person_of_an_organisation_that_left_is_no_longer_a_member(world: dict) -> None:
    person = person_of(world["member_org"])
    world["closed"].memberships.update(left_on=datetime.date(2025, 6, 1))
    assert not permissions.is_network_member(person, world["closed"])
    assert _sees(person, world) == {"public"}
    assert _listed(person) == {"Julkinen"}


def test_person_of_another_organisation_is_refused(world: dict) -> None:
    outsider = person_of(OrganisationFactory())
    assert not permissions.is_network_member(outsider, world["closed"])
    assert _sees(outsider, world) == {"public"}


def test_named_coordinator_manages_only_their_network(world: dict) -> None:
    coordinator = coordinator_of(world["closed"])
    assert _manages(coordinator, world) == {"closed"}
    assert permissions.is_network_member(coordinator, world["closed"])
    assert _sees(coordinator, world) == {"public", "closed"}
    assert _listed(coordinator) == {"Julkinen", "Suljettu"}
    # Coordinating a network is not a national role: no new networks, no handing it on.
    assert not permissions.can_create_network(coordinator)
    assert not permissions.can_assign_coordination(coordinator, world["association"].pk)


def test_regional_coordinator_role_alone_manages_no_network(world: dict) -> None:
    # Kainuu's regional coordinator (directory role) is not a coordinator of Kainuu's networks
    # until the network names them.
    regional = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18")
    assert _manages(regional, world) == set()
    assert _sees(regional, world) == {"public"}
    assert not permissions.can_create_network(regional)


def test_national_coordinator_of_an_organisation_manages_its_networks(world: dict) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR, organisation=world["association"])
    assert _manages(national, world) == {"public", "closed"}
    assert _sees(national, world) == {"public", "closed"}
    assert _listed(national) == {"Julkinen", "Suljettu"}
    assert permissions.can_create_network(national)
    assert permissions.can_assign_coordination(national, world["association"].pk)
    assert not permissions.can_assign_coordination(national, world["other_association"].pk)
    assert not permissions.can_assign_coordination(national, None)


def test_national_coordinator_without_organisation_manages_every_network(world: dict) -> None:
    national = user_with_role(Role.NATIONAL_COORDINATOR)
    assert _manages(national, world) == {"public", "closed", "foreign"}
    assert _listed(national) == {"Julkinen", "Suljettu", "Vieras"}
    assert permissions.can_assign_coordination(national, None)
    assert permissions.can_assign_coordination(national, world["other_association"].pk)


def test_administrator_manages_every_network(world: dict) -> None:
    admin = user_with_role(Role.ADMINISTRATOR)
    assert _manages(admin, world) == {"public", "closed", "foreign"}
    assert _listed(admin) == {"Julkinen", "Suljettu", "Vieras"}


def test_peer_group_is_for_its_members_and_the_network_managers(world: dict) -> None:
    group = PeerGroupFactory(network=world["closed"])
    member = person_of(world["member_org"])
    in_group = person_of(world["member_org"])
    group.members.add(in_group)
    assert permissions.can_take_part_in_peer_group(in_group, group)
    assert not permissions.can_take_part_in_peer_group(member, group)
    assert permissions.can_take_part_in_peer_group(coordinator_of(world["closed"]), group)
    assert not permissions.can_take_part_in_peer_group(coordinator_of(world["public"]), group)
    assert not permissions.can_take_part_in_peer_group(AnonymousUser(), group)


def test_plain_user_without_roles_sees_public_networks_only(world: dict) -> None:
    user = UserFactory()
    assert _sees(user, world) == {"public"}
    assert _listed(user) == {"Julkinen"}
    assert Network.objects.count() == 3
