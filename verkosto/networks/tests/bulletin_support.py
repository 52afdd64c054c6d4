"""A small world of networks and people for the bulletin tests (pages, API, digests)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from verkosto.core.models import Region
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, user_with_role
from verkosto.networks import bulletins
from verkosto.networks.models import Bulletin, Network, PeerGroup

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

Audience = Bulletin.Audience


@dataclass
class World:
    kainuu: Network  # covers Kainuu (MK18)
    oulu: Network  # covers North Ostrobothnia (MK17)
    group: PeerGroup  # a peer group of the Kainuu network
    coordinator_k: Any  # coordinates the Kainuu network
    coordinator_o: Any  # coordinates the Oulu network
    national: Any  # national coordinator of every network
    reader_k: Any  # person of a member organisation of Kainuu, in the peer group
    reader_k2: Any  # person of the same organisation, not in the peer group
    reader_o: Any  # person of a member organisation of Oulu
    former: Any  # person of an organisation that left the Kainuu network
    outsider: Any  # logged in, in no network


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def make_world() -> World:
    kainuu = NetworkFactory(name_fi="Kainuun työpajat", regions=[region("MK18")])
    oulu = NetworkFactory(name_fi="Oulun seudun etsivät", regions=[region("MK17")])
    org_k = OrganisationFactory(name_fi="Kajaanin paja")
    org_o = OrganisationFactory(name_fi="Oulun ohjaamo")
    org_left = OrganisationFactory(name_fi="Entinen jäsen")
    add_member(kainuu, org_k)
    add_member(oulu, org_o)
    left = add_member(kainuu, org_left, datetime.date(2024, 1, 1))
    left.left_on = datetime.date(2024, 6, 30)
    left.save()
    reader_k = person_of(org_k, email="reader.k@example.fi", first_name="Riikka", last_name="Lukija")
    group = PeerGroupFactory(network=kainuu, name_fi="Työvalmentajat")
    group.members.set([reader_k])
    return World(
        kainuu=kainuu,
        oulu=oulu,
        group=group,
        coordinator_k=_with_email(coordinator_of(kainuu), "coordinator.k@example.fi"),
        coordinator_o=_with_email(coordinator_of(oulu), "coordinator.o@example.fi"),
        national=_with_email(user_with_role("national_coordinator"), "national@example.fi"),
        reader_k=reader_k,
        reader_k2=person_of(org_k, email="reader.k2@example.fi"),
        reader_o=person_of(org_o, email="reader.o@example.fi"),
        former=person_of(org_left, email="former@example.fi"),
        outsider=UserFactory(email="outsider@example.fi"),
    )


def _with_email(user: Any, email: str) -> Any:
    user.email = email
    user.save(update_fields=["email"])
    return user


def send(actor: Any, audience: str = Audience.NETWORKS, **targets: Any) -> Bulletin:
    targets.setdefault("title", "Lakimuutos 1.1.")
    targets.setdefault("body", "Mitä muutos tarkoittaa käytännössä.")
    return bulletins.bulletin_create(actor=_fresh(actor), audience=audience, **targets)


def _fresh(user: Any) -> Any:
    # Roles are cached on the user object; tests give roles after creating users.
    user.__dict__.pop("_verkosto_roles", None)
    return user


def readers(bulletin: Bulletin, world: World) -> set[str]:
    """The names (World's fields) of the people who may read the bulletin."""
    names = [name for name in World.__dataclass_fields__ if name not in {"kainuu", "oulu", "group"}]
    return {
        name
        for name in names
        if bulletins.bulletins_visible_to(_fresh(getattr(world, name))).filter(pk=bulletin.pk).exists()
    }
