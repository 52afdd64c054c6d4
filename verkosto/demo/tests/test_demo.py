"""Demo data: the real organisations, generated ones in every region, demo users and the index."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from typing import Any

import pytest
from django.core.management import call_command

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Region
from verkosto.demo.data import REAL_ORGANISATIONS
from verkosto.demo.generator import DEMO_PASSWORD, generate_directory, genitive, load_demo
from verkosto.directory.models import ContactPerson, Organisation, Service, ServiceSearchEntry
from verkosto.directory.validators import validate_business_id

pytestmark = pytest.mark.django_db

REQUIRED_REAL_ORGANISATIONS = (
    "Kainuun Nuotta ry",
    "Nakertaja Hetteenmäen kyläyhdistys ry",
    "Etnika Kainuu ry",
    "Kajaanin työvoimayhdistys ry",
    "Kapova ry",
    "Spartak Kajaani ry",
    "Kumppaniksi ry",
    "Nuorten ystävien Klubitalo Tönäri",
    "Kyrönmaan työpaja Arpeeti",
    "Kaarinan Pajamestarit ry",
    "Raina-säätiö",
    "Espoon Omnian työpajat",
    "Kiipula",
    "Vates-säätiö",
    "Valtakunnallinen työpajayhdistys ry",
    "Etsivän nuorisotyön osaamiskeskus",
    "Kainuun TE-toimisto",
    "Kainuun ELY-keskus",
)


@pytest.fixture
def small_demo() -> dict[str, Any]:
    return load_demo(organisations=60, services=150)


def _public_service_ids() -> set[int]:
    public = Service.objects.filter(is_published=True, organisation__is_published=True)
    return set(public.values_list("pk", flat=True))


def test_counts_match_the_request_and_everything_is_demo(small_demo: dict[str, Any]) -> None:
    assert small_demo["created"] is True
    assert small_demo["organisations"] == Organisation.objects.count() == 60
    assert small_demo["services"] == Service.objects.count() == 150
    assert small_demo["contacts"] == ContactPerson.objects.count() > 60
    assert not Organisation.objects.filter(is_demo=False).exists()
    assert not Service.objects.filter(is_demo=False).exists()


def test_the_real_organisations_are_there_without_business_ids(small_demo: dict[str, Any]) -> None:
    names = set(Organisation.objects.values_list("name_fi", flat=True))
    assert set(REQUIRED_REAL_ORGANISATIONS) <= names
    real = Organisation.objects.filter(name_fi__in=[o["name"]["fi"] for o in REAL_ORGANISATIONS])
    assert real.count() == len(REAL_ORGANISATIONS)
    assert all(org.business_id == "" and org.is_published for org in real)
    nuotta = Organisation.objects.get(name_fi="Kainuun Nuotta ry")
    assert nuotta.name_sv and nuotta.name_en and nuotta.description_sv and nuotta.description_en
    assert nuotta.services.exists()
    assert set(nuotta.regions.values_list("code", flat=True)) == {"MK18"}


def test_every_region_has_published_organisations_of_its_own(small_demo: dict[str, Any]) -> None:
    regions = list(Region.objects.all())
    assert len(regions) == 19
    for region in regions:
        assert Organisation.objects.filter(is_published=True, regions=region).exists(), region.code
        # Not only the national actors: some published organisation is at home in the region.
        assert Organisation.objects.filter(
            is_published=True, municipalities__region=region, services__is_published=True
        ).exists(), region.code


def test_generated_business_ids_are_valid_and_unique(small_demo: dict[str, Any]) -> None:
    ids = [i for i in Organisation.objects.values_list("business_id", flat=True) if i]
    assert len(ids) >= 10
    assert len(ids) == len(set(ids))
    for value in ids:
        validate_business_id(value)
        assert value.startswith("9")  # the unissued range: no real company's ID


def test_services_are_complete_in_three_languages(small_demo: dict[str, Any]) -> None:
    services = Service.objects.prefetch_related("target_groups", "ways_of_working", "languages")
    for service in services:
        for lang in ("fi", "sv", "en"):
            assert getattr(service, f"name_{lang}"), (service.pk, lang)
            assert getattr(service, f"description_{lang}"), (service.pk, lang)
            assert getattr(service, f"referral_{lang}"), (service.pk, lang)
            assert getattr(service, f"cost_{lang}"), (service.pk, lang)
        assert service.target_groups.all(), service.pk
        assert service.ways_of_working.all(), service.pk
        assert service.languages.all(), service.pk
        assert service.last_reviewed is not None
        assert dt.date(2025, 1, 1) <= service.last_reviewed <= dt.date(2026, 12, 31)
        if service.age_min is not None and service.age_max is not None:
            assert service.age_min <= service.age_max
    descriptions = " ".join(Service.objects.values_list("description_fi", flat=True)).lower()
    for word in ("työpaja", "nuor", "työhönvalmen", "etsivä nuorisotyö", "osatyökykyi", "kuntout"):
        assert word in descriptions, word


def test_contact_people_are_fictional(small_demo: dict[str, Any]) -> None:
    contacts = list(ContactPerson.objects.all())
    assert all(c.email.endswith(".example.org") for c in contacts)
    assert all(re.fullmatch(r"040 \d{3} \d{4}", c.phone) for c in contacts)
    assert all(c.title_fi and c.title_sv and c.title_en for c in contacts)
    public = sum(c.is_public for c in contacts) / len(contacts)
    assert 0.5 < public < 0.9


def test_index_holds_public_services_and_no_drafts(small_demo: dict[str, Any]) -> None:
    draft_orgs = Organisation.objects.filter(is_published=False)
    draft_services = Service.objects.filter(is_published=False)
    assert draft_orgs.exists() and draft_services.exists()
    assert draft_orgs.count() < 0.1 * Organisation.objects.count()
    indexed = set(ServiceSearchEntry.objects.values_list("service_id", flat=True))
    assert indexed == _public_service_ids()
    assert small_demo["indexed"] == len(indexed)
    assert not indexed & set(draft_services.values_list("pk", flat=True))
    assert not indexed & set(Service.objects.filter(organisation__in=draft_orgs).values_list("pk", flat=True))


def test_loading_twice_changes_nothing(small_demo: dict[str, Any]) -> None:
    again = load_demo(organisations=60, services=150)
    assert again["created"] is False
    assert (again["organisations"], again["services"]) == (60, 150)
    assert Organisation.objects.count() == 60
    assert User.objects.count() == 4
    assert RoleAssignment.objects.count() == 4


def test_demo_users_hold_their_roles(small_demo: dict[str, Any]) -> None:
    roles = RoleAssignment.Role
    expected = {
        "admin": (roles.ADMINISTRATOR, None, None),
        "kansallinen": (roles.NATIONAL_COORDINATOR, None, None),
        "alue": (roles.REGIONAL_COORDINATOR, "MK18", None),
        "toimittaja": (roles.ORGANISATION_EDITOR, None, "Kainuun Nuotta ry"),
    }
    for username, (role, region, organisation) in expected.items():
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        (assignment,) = user.roles.all()
        assert assignment.role == role
        assert (assignment.region.code if assignment.region else None) == region
        assert (assignment.organisation.name_fi if assignment.organisation else None) == organisation
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert not User.objects.get(username="toimittaja").is_staff
    logins = {username: (password, role) for username, password, role in small_demo["logins"]}
    assert set(logins) == set(expected)
    assert all(password == DEMO_PASSWORD for password, _role in logins.values())


def test_default_sizes_load_quickly() -> None:
    started = time.perf_counter()
    result = load_demo()
    elapsed = time.perf_counter() - started
    assert result["organisations"] >= 400
    assert result["services"] >= 1200
    assert Service.objects.filter(is_demo=True).count() >= 1200
    assert elapsed < 60


def test_generate_directory_adds_to_existing_data(small_demo: dict[str, Any]) -> None:
    result = generate_directory(organisations=150, services=500, seed=3)
    assert (result["organisations"], result["services"]) == (150, 500)
    assert Organisation.objects.count() == 210
    assert Service.objects.count() == 650
    assert not Organisation.objects.filter(is_demo=False).exists()
    ids = [i for i in Organisation.objects.values_list("business_id", flat=True) if i]
    assert len(ids) == len(set(ids))
    indexed = set(ServiceSearchEntry.objects.values_list("service_id", flat=True))
    assert indexed == _public_service_ids()
    assert result["indexed"] == len(indexed)
    assert set(result["seconds"]) == {"generate", "write", "index", "total"}


def test_generate_directory_is_deterministic() -> None:
    def names() -> list[tuple[str, str, str]]:
        return list(Service.objects.order_by("pk").values_list("organisation__name_fi", "name_fi", "name_en"))

    generate_directory(organisations=40, services=90, seed=7)
    first = names()
    Organisation.objects.all().delete()
    generate_directory(organisations=40, services=90, seed=7)
    assert names() == first
    Organisation.objects.all().delete()
    generate_directory(organisations=40, services=90, seed=8)
    assert names() != first


def test_commands_print_counts_and_logins() -> None:
    out = io.StringIO()
    call_command("load_demo", organisations=40, services=100, stdout=out)
    text = out.getvalue()
    assert "40 organisations, 100 services" in text
    for username in ("admin", "kansallinen", "alue", "toimittaja"):
        assert re.search(rf"^\s+{username}\s+{DEMO_PASSWORD}\s+\S", text, re.MULTILINE), username
    assert "DEMO DATA" in text

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "already present" in out.getvalue()

    out = io.StringIO()
    call_command("generate_directory", organisations=30, services=60, seed=2, stdout=out)
    assert "Generated 30 organisations, 60 services" in out.getvalue()
    assert "Elapsed" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Oulu", "Oulun"),
        ("Helsinki", "Helsingin"),
        ("Seinäjoki", "Seinäjoen"),
        ("Kauniainen", "Kauniaisten"),
        ("Rautalampi", "Rautalammin"),
        ("Mänttä-Vilppula", "Mänttä-Vilppulan"),
        ("Finström", "Finströmin"),
        ("Isokyrö", "Isonkyrön"),
    ],
)
def test_genitive(name: str, expected: str) -> None:
    assert genitive(name) == expected
