"""Demo networks: the networks of the articles, members, fictional people, activity, logins."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Region
from verkosto.demo.generator import DEMO_PASSWORD, load_demo
from verkosto.demo.networks import load_demo_networks
from verkosto.networks import permissions
from verkosto.networks.models import (
    Bulletin,
    BulletinRead,
    Membership,
    Network,
    PeerGroup,
    Post,
    Thread,
    WorkLogEntry,
)

pytestmark = pytest.mark.django_db

Kind = Network.Kind
ALU_GROUPS = {"Työvalmentajat", "Yksilövalmentajat", "Esihenkilöt"}
DIRECTORY_LOGINS = ("admin", "kansallinen", "alue", "toimittaja")
# The people named in the background articles (written out here, not taken from the loader).
REAL_PEOPLE = (
    "Katja Uustalo", "Anne Välimaa", "Anna Turja", "Jani Laukkanen", "Outi Rautio", "Risto Tolonen",
    "Soile Nieminen", "Tuire Raudaskoski", "Jarkko Åkerberg", "Anna Holopainen", "Niina Veko",
    "Anssi Saari", "Petri Karhu", "Ulla Mänttäri-Tikka", "Arja Hätinen", "Rainer Lytz",
    "Tarmo Aavaluoma", "Hanna Ranta-Pitkänen", "Malathy Eskola", "Laura Johansson",
    "Coltrane Hassinen", "Kati Savela-Vilmari", "Maarit Raivio", "Anja Pääkkönen", "Merja Pyykkönen",
    "Ollis Leppänen", "Ilona Mäki-Maukola", "Maria Gnosspelius",
)  # fmt: skip
TYPO_PARTNERS = (
    "Kainuun Nuotta ry",
    "Nakertaja Hetteenmäen kyläyhdistys ry",
    "Etnika Kainuu ry",
    "Kajaanin työvoimayhdistys ry",
    "Kapova ry",
    "Spartak Kajaani ry",
    "Kumppaniksi ry",
)


@pytest.fixture
def demo() -> dict[str, Any]:
    return load_demo(organisations=200, services=500, networks=True)


def _network(name_fi: str) -> Network:
    return Network.objects.get(name_fi=name_fi)


def _fresh(username: str) -> User:
    return User.objects.get(username=username)  # role caches start empty


def _current_orgs(network: Network) -> set[int]:
    return set(network.memberships.filter(left_on__isnull=True).values_list("organisation_id", flat=True))


def test_the_networks_of_the_articles(demo: dict[str, Any]) -> None:
    assert demo["networks"]["created"] is True
    assert Network.objects.count() == Network.objects.filter(is_demo=True).count() == 29

    alu = Network.objects.filter(kind=Kind.YOUTH_WORKSHOPS)
    assert alu.count() == 13
    (swedish,) = alu.filter(language="sv")
    assert "ULA" in swedish.name_fi
    assert {"MK15", "MK21"} <= set(swedish.regions.values_list("code", flat=True))
    assert set(alu.values_list("coordinating_organisation__name_fi", flat=True)) == {
        "Valtakunnallinen työpajayhdistys ry"
    }
    # The Finnish-language ALU networks cover Finland's mainland region by region, once each;
    # with the Swedish-language network every region is covered.
    finnish_regions = list(
        Network.regions.through.objects.filter(network__in=alu.filter(language="fi")).values_list(
            "region__code", flat=True
        )
    )
    assert len(finnish_regions) == len(set(finnish_regions)) == 18
    assert set(Region.objects.values_list("code", flat=True)) == set(
        Region.objects.filter(networks__in=alu).values_list("code", flat=True)
    )

    outreach = Network.objects.filter(kind=Kind.OUTREACH)
    assert outreach.count() == 14
    assert set(outreach.values_list("coordinating_organisation__name_fi", flat=True)) == {
        "Etsivän nuorisotyön osaamiskeskus"
    }

    (vates,) = Network.objects.filter(kind=Kind.SUPPORTED_EMPLOYMENT)
    assert vates.coordinating_organisation.name_fi == "Vates-säätiö"
    assert vates.regions.count() == 15

    (typo,) = Network.objects.filter(kind=Kind.LOCAL_COORDINATION)
    assert typo.name_fi == "Kainuun TYPO-koordinaatio"
    assert list(typo.regions.values_list("code", flat=True)) == ["MK18"]

    varsinais_suomi = _network("Varsinais-Suomen työpajaverkosto")
    assert varsinais_suomi.kind == Kind.YOUTH_WORKSHOPS
    assert varsinais_suomi.peer_groups.filter(name_fi="Edunvalvontaryhmä").exists()

    for network in Network.objects.all():
        for lang in ("fi", "sv", "en"):
            assert getattr(network, f"name_{lang}"), (network.name_fi, lang)
            assert len(getattr(network, f"description_{lang}")) > 100, (network.name_fi, lang)
        assert network.regions.exists(), network.name_fi


def test_every_network_has_coordinators_and_suitable_members(demo: dict[str, Any]) -> None:
    for network in Network.objects.prefetch_related("regions"):
        assert network.coordinators.exists(), network.name_fi
        current = network.memberships.filter(left_on__isnull=True).select_related("organisation")
        assert current.exists(), network.name_fi
        regions = {r.pk for r in network.regions.all()}
        for membership in current:
            org_regions = set(membership.organisation.regions.values_list("pk", flat=True))
            assert org_regions & regions, (network.name_fi, membership.organisation.name_fi)
    for kind, org_kind in ((Kind.YOUTH_WORKSHOPS, "youth_workshop"), (Kind.OUTREACH, "outreach_youth_work")):
        members = Membership.objects.filter(network__kind=kind)
        assert members.filter(organisation__kind=org_kind).count() > 0.7 * members.count(), kind
    vates = Network.objects.get(kind=Kind.SUPPORTED_EMPLOYMENT)
    assert set(vates.memberships.values_list("organisation__kind", flat=True)) <= {
        "supported_employment",
        "association",
        "foundation",
    }
    typo = Network.objects.get(kind=Kind.LOCAL_COORDINATION)
    assert set(TYPO_PARTNERS) <= set(typo.memberships.values_list("organisation__name_fi", flat=True))


def test_memberships_have_plausible_dates(demo: dict[str, Any]) -> None:
    memberships = list(Membership.objects.all())
    assert all(dt.date(2018, 1, 1) <= m.joined_on <= dt.date(2025, 12, 31) for m in memberships)
    left = [m for m in memberships if m.left_on is not None]
    assert 0 < len(left) < 0.2 * len(memberships)
    assert all(m.joined_on < m.left_on <= dt.date.today() for m in left)
    current = [(m.network_id, m.organisation_id) for m in memberships if m.left_on is None]
    assert len(current) == len(set(current))


def test_peer_groups_are_made_of_the_networks_people(demo: dict[str, Any]) -> None:
    for network in Network.objects.filter(kind=Kind.YOUTH_WORKSHOPS):
        assert set(network.peer_groups.values_list("name_fi", flat=True)) >= ALU_GROUPS, network.name_fi
    assert PeerGroup.objects.filter(
        network__kind=Kind.SUPPORTED_EMPLOYMENT, name_fi="Työhönvalmentajat"
    ).exists()
    populated = 0
    for group in PeerGroup.objects.select_related("network").prefetch_related("members"):
        assert group.name_sv and group.name_en and group.description_fi
        members = list(group.members.all())
        populated += bool(members)
        for user in members:
            assert permissions.is_network_member(_fresh(user.username), group.network), (group, user)
    assert populated > 0.8 * PeerGroup.objects.count()


def test_the_demo_logins_have_their_roles(demo: dict[str, Any]) -> None:
    logins = {username: (password, role) for username, password, role in demo["logins"]}
    assert set(DIRECTORY_LOGINS) | {"jasen", "kansallinen-tpy"} == set(logins)
    assert all(password == DEMO_PASSWORD for password, _role in logins.values())

    alue = _fresh("alue")
    kainuu_networks = Network.objects.filter(regions__code="MK18").exclude(kind=Kind.SUPPORTED_EMPLOYMENT)
    assert kainuu_networks.count() == 3  # the North's ALU and outreach networks, and TYPO
    for network in kainuu_networks:
        assert network.coordinators.filter(pk=alue.pk).exists()
        assert network.coordinators.count() == 2  # with the network's own regional coordinator
        assert permissions.can_manage_network(alue, network)
    assert not permissions.can_manage_network(alue, _network("Lapin työpajojen ALU-verkosto"))
    assert alue.work_log.filter(network__kind=Kind.LOCAL_COORDINATION).exists()

    jasen = _fresh("jasen")
    assert jasen.check_password(DEMO_PASSWORD)
    (role,) = jasen.roles.all()
    assert role.role == RoleAssignment.Role.ORGANISATION_MEMBER
    north = _network("Pohjois-Pohjanmaan ja Kainuun työpajojen ALU-verkosto")
    assert role.organisation_id in _current_orgs(north)
    assert role.organisation.regions.filter(code="MK18").exists()
    assert permissions.is_network_member(jasen, north)
    assert not permissions.can_manage_network(jasen, north)
    assert jasen.peer_groups.filter(network=north, name_fi="Työvalmentajat").exists()
    assert Post.objects.filter(author=jasen).exists()

    national = _fresh("kansallinen-tpy")
    (role,) = national.roles.all()
    assert role.role == RoleAssignment.Role.NATIONAL_COORDINATOR
    assert role.organisation.name_fi == "Valtakunnallinen työpajayhdistys ry"
    assert permissions.can_manage_network(national, north)
    assert not permissions.can_manage_network(national, Network.objects.get(kind=Kind.SUPPORTED_EMPLOYMENT))
    scoped = RoleAssignment.objects.filter(
        role=RoleAssignment.Role.NATIONAL_COORDINATOR, organisation__isnull=False
    )
    assert set(scoped.values_list("organisation__name_fi", flat=True)) == {
        "Valtakunnallinen työpajayhdistys ry",
        "Etsivän nuorisotyön osaamiskeskus",
        "Vates-säätiö",
    }

    # The directory's roles are as before: one each.
    for username in DIRECTORY_LOGINS:
        assert _fresh(username).roles.count() == 1, username


def test_people_are_fictional_and_few(demo: dict[str, Any]) -> None:
    users = list(User.objects.all())
    assert 150 < len(users) < 300
    assert len({u.password for u in users if u.username not in DIRECTORY_LOGINS}) == 1  # one shared hash
    assert _fresh("koordinaattori-kainuu").check_password(DEMO_PASSWORD)
    assert all(u.email.endswith("@example.org") for u in users)
    real_surnames = {name.split(" ", 1)[1] for name in REAL_PEOPLE}
    assert not {u.last_name for u in users} & real_surnames
    persons = User.objects.filter(roles__role=RoleAssignment.Role.ORGANISATION_MEMBER).distinct()
    assert persons.count() > 100
    assert all(u.first_name and u.last_name for u in persons)

    texts = [f"{u.first_name} {u.last_name}" for u in users]
    for network in Network.objects.all():
        texts += [
            getattr(network, f"{field}_{lang}")
            for field in ("name", "description")
            for lang in ("fi", "sv", "en")
        ]
    texts += [
        f"{g.name_fi} {g.description_fi} {g.description_sv} {g.description_en}"
        for g in PeerGroup.objects.all()
    ]
    texts += [f"{b.title} {b.body}" for b in Bulletin.objects.all()]
    texts += list(Thread.objects.values_list("title", flat=True)) + list(
        Post.objects.values_list("body", flat=True)
    )
    texts += [f"{e.place} {e.notes}" for e in WorkLogEntry.objects.all()]
    everything = "\n".join(texts).lower()
    for name in REAL_PEOPLE:
        assert name.lower() not in everything, name
    assert "pyykkönen" not in everything


def test_bulletins_reads_and_discussions(demo: dict[str, Any]) -> None:
    now = timezone.now()
    bulletins = list(Bulletin.objects.all())
    assert {b.audience for b in bulletins} == set(Bulletin.Audience.values)
    assert all(now - dt.timedelta(days=366) < b.published_at <= now for b in bulletins)
    law = Bulletin.objects.get(title__startswith="Työllisyyspalvelujen uudistus 2025 (TE24)")
    assert law.audience == Bulletin.Audience.REGIONS and law.regions.count() == 19
    assert law.author.roles.filter(role=RoleAssignment.Role.NATIONAL_COORDINATOR).exists()
    (up,) = [b for b in bulletins if b.audience == Bulletin.Audience.NATIONAL]
    assert up.source_network is not None and up.source_network.coordinators.filter(pk=up.author_id).exists()

    reads = list(BulletinRead.objects.select_related("bulletin", "user"))
    assert len(reads) > 50
    for read in reads:
        assert read.bulletin.published_at < read.read_at <= now
        bulletin = read.bulletin
        if bulletin.audience == Bulletin.Audience.NETWORKS:
            user = _fresh(read.user.username)
            assert any(permissions.is_network_member(user, n) for n in bulletin.networks.all()), read
    jasen = _fresh("jasen")
    assert jasen.bulletin_reads.count() == 1  # the rest wait unread

    threads = list(Thread.objects.select_related("network", "peer_group"))
    assert len(threads) >= 8
    assert any(t.peer_group_id for t in threads) and any(not t.peer_group_id for t in threads)
    for thread in threads:
        posts = list(thread.posts.order_by("created_at", "pk"))
        assert len(posts) >= 3
        assert thread.author_id == posts[0].author_id
        assert thread.created_at == posts[0].created_at
        assert thread.last_post_at == posts[-1].created_at <= now
        assert all(a.created_at < b.created_at for a, b in itertools.pairwise(posts))
        assert all(a.author_id != b.author_id for a, b in itertools.pairwise(posts))
        for post in posts:
            assert permissions.can_read_thread(_fresh(post.author.username), thread), (thread, post.author)
        assert thread.followers.filter(pk=thread.author_id).exists()


def test_a_year_of_work_log(demo: dict[str, Any]) -> None:
    today = dt.date.today()
    entries = WorkLogEntry.objects.all()
    assert entries.count() > 500
    assert all(today - dt.timedelta(days=366) <= e.date < today for e in entries)
    assert set(entries.values_list("kind", flat=True)) == set(WorkLogEntry.Kind.values)
    for network in Network.objects.all():
        log = network.work_log.all()
        assert log.count() >= 15, network.name_fi
        assert set(log.values_list("coordinator_id", flat=True)) <= set(
            network.coordinators.values_list("pk", flat=True)
        )
        assert (
            log.filter(mode=WorkLogEntry.Mode.ONLINE).exists()
            and log.filter(mode=WorkLogEntry.Mode.FACE_TO_FACE).exists()
        )
        members = set(network.memberships.values_list("organisation_id", flat=True))
        met_rows = WorkLogEntry.organisations.through.objects.filter(worklogentry__network=network)
        met = set(met_rows.values_list("organisation_id", flat=True))
        assert met and met <= members, network.name_fi
    assert not entries.filter(mode=WorkLogEntry.Mode.ONLINE).exclude(kilometres=0).exists()
    assert not entries.filter(kind=WorkLogEntry.Kind.TRIP, days__lt=2).exists()
    assert not entries.filter(kind=WorkLogEntry.Kind.VISIT).exclude(organisations__isnull=False).exists()
    assert entries.filter(kind=WorkLogEntry.Kind.VISIT, municipality__isnull=False).exists()

    def kilometres(name: str) -> Decimal:
        return _network(name).work_log.aggregate(km=Sum("kilometres"))["km"]

    lapland = kilometres("Lapin työpajojen ALU-verkosto")
    assert lapland > 3 * kilometres("Uudenmaan työpajojen ALU-verkosto")
    assert Decimal(5000) < lapland < Decimal(40000)
    longest = _network("Lapin työpajojen ALU-verkosto").work_log.order_by("-kilometres").first()
    assert longest.kind in (WorkLogEntry.Kind.TRIP, WorkLogEntry.Kind.EVENT) and longest.kilometres > 500


def test_loading_twice_changes_nothing(demo: dict[str, Any]) -> None:
    def counts() -> tuple[int, ...]:
        models = (User, RoleAssignment, Network, Membership, PeerGroup, Bulletin, BulletinRead, Thread, Post)
        return (*(m.objects.count() for m in models), WorkLogEntry.objects.count())

    before = counts()
    again = load_demo(organisations=200, services=500, networks=True)
    assert again["created"] is False
    assert again["networks"]["created"] is False
    assert again["networks"]["networks"] == 29
    assert {username for username, _p, _r in again["logins"]} == {
        username for username, _p, _r in demo["logins"]
    }
    assert load_demo_networks()["created"] is False
    assert counts() == before


def test_the_same_seed_and_day_give_the_same_networks() -> None:
    load_demo(organisations=120, services=300)
    day = dt.date(2026, 11, 23)

    def snapshot() -> list[Any]:
        return [
            sorted(
                Membership.objects.values_list(
                    "network__name_fi", "organisation__name_fi", "joined_on", "left_on"
                )
            ),
            sorted(User.objects.values_list("username", "first_name", "last_name")),
            sorted(
                WorkLogEntry.objects.values_list("network__name_fi", "date", "kind", "kilometres", "place")
            ),
            sorted(Post.objects.values_list("thread__title", "author__username", "created_at")),
            sorted(BulletinRead.objects.values_list("bulletin__title", "user__username")),
        ]

    def forget() -> None:
        Bulletin.objects.all().delete()
        Network.objects.all().delete()
        User.objects.exclude(username__in=DIRECTORY_LOGINS).delete()

    assert load_demo_networks(seed=5, today=day)["created"] is True
    first = snapshot()
    log_dates = [d for _n, d, *_rest in first[2]]
    assert dt.date(2025, 11, 23) <= min(log_dates) and max(log_dates) < day
    forget()
    load_demo_networks(seed=5, today=day)
    assert snapshot() == first
    forget()
    load_demo_networks(seed=6, today=day)
    assert snapshot() != first


def test_a_small_directory_still_gives_every_network_members() -> None:
    result = load_demo(organisations=40, services=100, networks=True)
    assert result["networks"]["networks"] == 29
    for network in Network.objects.all():
        assert network.coordinators.exists(), network.name_fi
        assert network.memberships.filter(left_on__isnull=True).exists(), network.name_fi


def test_the_command_loads_networks_and_prints_their_logins() -> None:
    out = io.StringIO()
    call_command("load_demo", organisations=60, services=150, stdout=out)
    text = out.getvalue()
    assert "Demo networks loaded: 29 networks" in text
    for username in (*DIRECTORY_LOGINS, "kansallinen-tpy", "jasen"):
        assert re.search(rf"^\s+{username}\s+{DEMO_PASSWORD}\s+\S", text, re.MULTILINE), username

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo networks already present" in out.getvalue()


def test_the_command_can_leave_the_networks_out() -> None:
    out = io.StringIO()
    call_command("load_demo", organisations=40, services=100, networks=False, stdout=out)
    assert not Network.objects.exists()
    assert "jasen" not in out.getvalue()
