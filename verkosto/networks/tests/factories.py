"""Factories and helpers for network tests."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.models import Organisation
from verkosto.directory.tests.factories import UserFactory
from verkosto.networks.models import Membership, Network, PeerGroup


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    name_fi = factory.Sequence(lambda n: f"Verkosto {n}")
    name = factory.SelfAttribute("name_fi")
    kind = Network.Kind.YOUTH_WORKSHOPS
    is_public = True

    @factory.post_generation
    def regions(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.regions.set(extracted)

    @factory.post_generation
    def coordinators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coordinators.set(extracted)


class PeerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerGroup

    network = factory.SubFactory(NetworkFactory)
    name_fi = factory.Sequence(lambda n: f"Vertaisryhmä {n}")
    name = factory.SelfAttribute("name_fi")


def add_member(
    network: Network, organisation: Organisation, joined_on: datetime.date | None = None
) -> Membership:
    return Membership.objects.create(
        network=network, organisation=organisation, joined_on=joined_on or datetime.date(2025, 1, 1)
    )


def person_of(organisation: Organisation, **user_fields: Any) -> Any:
    """A user who is a member (not an editor) of the organisation."""
    user = UserFactory(**user_fields)
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.ORGANISATION_MEMBER, organisation=organisation
    )
    return user


def coordinator_of(network: Network) -> Any:
    user = UserFactory()
    network.coordinators.add(user)
    return user
