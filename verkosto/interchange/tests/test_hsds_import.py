"""`manage.py import_hsds`: the official examples import, our own export comes back unchanged
(export, wipe, import, export), foreign data maps onto our lists, and a document that does not
validate, or an import that any write refuses, changes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory.models import (
    ContactPerson,
    Organisation,
    Service,
    ServiceSearchEntry,
)
from verkosto.directory.tests.factories import (
    OrganisationFactory,
    ServiceFactory,
    municipality,
    user_with_role,
)
from verkosto.interchange import hsds_import
from verkosto.interchange.management.commands import import_hsds as command_module

from .hsds_support import SHARED, full_directory, needs_shared

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "files"
HSDS = "/api/v1/hsds/"
Role = RoleAssignment.Role


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_hsds", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        Organisation.objects.count(),
        Service.objects.count(),
        ContactPerson.objects.count(),
        AuditEntry.objects.count(),
    )


def write(tmp_path: Path, name: str, document: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


# --- the official examples -----------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize(
    "name",
    [
        "service_full",
        "service_list",
        "organization_full",
        "organization_list",
        "service_at_location_full",
        "service_at_location_list",
    ],
)
def test_official_examples_import(name: str) -> None:
    output = run(str(SHARED / "examples" / f"{name}.json"), "--lang", "en")
    assert "Imported." in output
    organisation = Organisation.objects.get(uuid="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    assert organisation.name_en == "Example Organization Inc."
    assert organisation.name_fi == "Example Organization Inc."  # the required Finnish name stands in
    assert organisation.website == "http://example.com"
    assert organisation.is_published
    if name != "organization_list":
        service = Service.objects.get(uuid="ac148810-d857-441c-9679-408f346de14b")
        assert service.organisation == organisation
        assert service.name_en == "Community Counselling"
        assert (service.age_min, service.age_max) == (12, 100)
        assert str(service.last_reviewed) == "2005-01-01"
        assert service.cost_en.startswith("Non-NHS patients")
        assert service.is_published
        assert ServiceSearchEntry.objects.filter(service=service).exists()


@needs_shared
def test_full_example_is_mapped_and_reported() -> None:
    output = run(str(SHARED / "examples" / "service_full.json"), "--lang", "en")
    service = Service.objects.get(uuid="ac148810-d857-441c-9679-408f346de14b")
    assert service.contact is not None and service.contact.name == "Ann Persona"
    assert service.contact.title_en == "Reception Manager" and service.contact.is_public
    assert service.organisation.phone == "+44 1234 234567"
    assert service.organisation.kind == Organisation.Kind.OTHER
    # Reported: what has no place here, and what is not on our lists.
    assert "service.schedules (1)" in output and "organization.logo (1)" in output
    assert "taxonomy term 'name' (taxonomy 'taxonomy') is not one of ours; ignored" in output
    assert "language 'Urdu' is not on our list" in output
    assert "is no Finnish municipality or region" in output
    assert "/organization/organization_identifiers/0: identifier scheme 'GB-COH' not stored" in output
    assert "/languages/0: language 'Urdu'" in output  # paths point into the document


@needs_shared
def test_import_is_idempotent() -> None:
    path = str(SHARED / "examples" / "service_full.json")
    first = run(path, "--lang", "en")
    assert "services: 1 created, 0 updated" in first
    before = counts()
    second = run(path, "--lang", "en")
    assert "services: 0 created, 1 updated" in second
    assert counts() == before  # no new rows and no audit entries: nothing changed


# --- round trip ----------------------------------------------------------------------------------


def _export(client: Any, lang: str, services: list[str], organisations: list[str]) -> dict[str, Any]:
    def get(path: str, **params: Any) -> Any:
        response = client.get(HSDS + path, {"lang": lang, **params})
        assert response.status_code == 200
        return response.json()

    return {
        "services": get("services/", full="true", per_page=200),
        "services_list": get("services/", per_page=200),
        "organizations": get("organizations/", full="true", per_page=200),
        "organizations_full_service": get("organizations/", full="true", full_service="true", per_page=200),
        **{f"service {s}": get(f"services/{s}") for s in services},
        **{f"organization {o}": get(f"organizations/{o}", full_service="true") for o in organisations},
    }


def test_export_wipe_import_export_gives_the_same_documents(client: Any, tmp_path: Path) -> None:
    data = full_directory()
    plain = OrganisationFactory(name_fi="Pelkkä nimi ry")  # most fields empty
    ServiceFactory(organisation=plain, name_fi="Pelkkä palvelu", cost_fi="Hinta sovitaan")
    services = [
        str(s.uuid) for s in Service.objects.filter(is_published=True, organisation__is_published=True)
    ]
    organisations = [str(o.uuid) for o in Organisation.objects.filter(is_published=True)]
    before = {lang: _export(client, lang, services, organisations) for lang in ("fi", "sv", "en")}
    files = {
        lang: (
            write(tmp_path, f"organizations-{lang}.json", before[lang]["organizations"]),
            write(tmp_path, f"services-{lang}.json", before[lang]["services"]),
        )
        for lang in ("fi", "sv", "en")
    }
    Organisation.objects.all().delete()
    assert Service.objects.count() == ContactPerson.objects.count() == 0

    for lang in ("fi", "sv", "en"):
        for path in files[lang]:
            run(path, "--lang", lang)

    after = {lang: _export(client, lang, services, organisations) for lang in ("fi", "sv", "en")}
    for lang in ("fi", "sv", "en"):
        for key, document in before[lang].items():
            assert after[lang][key] == document, f"{lang}: {key}"
    # What was not published does not come back; what was, is published and searchable again.
    assert not Service.objects.filter(uuid=data.draft_service.uuid).exists()
    assert not ContactPerson.objects.filter(name=data.hidden_contact.name).exists()
    assert ServiceSearchEntry.objects.count() == len(services)
    restored = Organisation.objects.get(uuid=data.organisation.uuid)
    assert (restored.business_id, restored.state_aid, restored.kind) == ("0201256-6", True, "youth_workshop")
    assert {m.code for m in restored.municipalities.all()} == {"205", "765"}
    service = Service.objects.get(uuid=data.service.uuid)
    assert (service.name_fi, service.name_sv, service.name_en) == (
        "Nuorten työpaja",
        "Ungdomsverkstad",
        "Youth workshop",
    )
    assert {g.slug for g in service.target_groups.all()} == {"young-people", "neet"}


def test_slim_list_updates_fields_and_keeps_relations(client: Any, tmp_path: Path) -> None:
    data = full_directory()
    page = client.get(f"{HSDS}services/").json()
    page["contents"][0]["name"] = "Uusi nimi"
    page["contents"][0].pop("application_process")
    run(write(tmp_path, "page.json", page))
    service = Service.objects.get(pk=data.service.pk)
    assert service.name_fi == "Uusi nimi"
    assert service.referral_fi == ""  # an absent one-to-one field is cleared
    assert service.target_groups.count() == 2  # an absent list is left alone
    assert service.contact == data.contact


# --- foreign data --------------------------------------------------------------------------------


def test_foreign_service_maps_onto_our_lists() -> None:
    output = run(str(FILES / "hsds_foreign_service.json"))
    service = Service.objects.get(uuid="5b0f3c2e-8d4a-4f7e-9a51-2c6d7e8f9a01")
    assert service.name_fi == "Maahanmuuttajien työvalmennus"
    assert service.cost_fi == "Maksuton asiakkaalle"  # the deprecated `fees` when no fees_description
    assert service.referral_fi == "Ilmoittaudu puhelimitse."
    assert (service.age_min, service.age_max) == (18, None)
    assert {g.slug for g in service.target_groups.all()} == {"immigrants"}  # by name, any language
    assert {w.slug for w in service.ways_of_working.all()} == {"group"}
    assert {lg.code for lg in service.languages.all()} == {"fi", "en"}
    kainuu = set(municipality("Kajaani").region.municipalities.values_list("code", flat=True))
    assert set(service.municipalities.values_list("code", flat=True)) == kainuu | {"564", "091"}
    assert service.contact is not None and service.contact.phone == "040 765 4321"
    assert service.updated_at.isoformat().startswith("2025-02-14T09:30:00")
    organisation = service.organisation
    assert organisation.business_id == "0116297-6"  # Y-tunnus of old form, by identifier_type
    assert organisation.email == ""  # not an address: left empty and reported
    assert organisation.phone == "08 765 4321"
    for note in (
        "taxonomy term 'Ruoka-apu' (taxonomy 'Oma luokitus') is not one of ours; ignored",
        "language 'klingon' is not on our list; ignored",
        "service area 'Atlantis' is no Finnish municipality or region; ignored",
        "region 'Kainuu': all its 8 municipalities",
        "'1234567-8' is not a valid Y-tunnus; not stored",
        "identifier scheme 'GB-COH' not stored",
        "'not-an-address@' is not valid here; left empty",
        "64.5 is not an age from 1 to 120; left empty",
    ):
        assert note in output, note
    audit = AuditEntry.objects.get(object_type="directory.service", object_id=str(service.pk))
    assert audit.actor is None and audit.action == "create"  # the system imported it


def test_swedish_texts_go_into_swedish_columns(tmp_path: Path) -> None:
    document = json.loads((FILES / "hsds_foreign_service.json").read_text())
    run(str(FILES / "hsds_foreign_service.json"))
    document["name"] = "Arbetscoachning för invandrare"
    document["organization"]["name"] = "Kajanalands integrationsförening rf"
    run(write(tmp_path, "sv.json", document), "--lang", "sv")
    service = Service.objects.get(uuid=document["id"])
    assert (service.name_fi, service.name_sv) == (
        "Maahanmuuttajien työvalmennus",
        "Arbetscoachning för invandrare",
    )
    assert service.organisation.name_fi == "Kainuun Kotoutumisyhdistys ry"
    assert service.organisation.name_sv == "Kajanalands integrationsförening rf"


# --- refusals ------------------------------------------------------------------------------------


def test_invalid_document_is_refused_with_its_errors_and_nothing_is_written() -> None:
    ServiceFactory()
    before = counts()
    with pytest.raises(CommandError) as refused:
        run(str(FILES / "hsds_invalid_service.json"))
    message = str(refused.value)
    assert "does not validate" in message and "nothing was imported" in message
    for line in (
        "/id: 'not-a-uuid' is not a 'uuid'",
        "/status: 'open' is not one of",
        "/minimum_age: 'kuusitoista' is not of type 'number'",
        "/phones/0: 'number' is a required property",
        "/organization: 'description' is a required property",
        "/organization/website: 'not a uri' is not a 'uri'",
    ):
        assert line in message, line
    assert counts() == before


def test_a_refused_write_rolls_back_the_whole_import(tmp_path: Path) -> None:
    organisation = OrganisationFactory()
    page = {
        "total_items": 2, "total_pages": 1, "page_number": 1, "size": 2,
        "first_page": True, "last_page": True, "empty": False,
        "contents": [
            {"id": "7a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c71", "name": "Hyvä", "status": "active",
             "organization_id": str(organisation.uuid)},
            {"id": "7a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c72", "name": "Orpo", "status": "active",
             "organization_id": "7a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c73"},
        ],
    }  # fmt: skip
    before = counts()
    with pytest.raises(CommandError) as refused:
        run(write(tmp_path, "page.json", page))
    assert "/contents/1/organization_id: no organisation 7a4b3c2d" in str(refused.value)
    assert counts() == before


def test_user_needs_the_rights(tmp_path: Path) -> None:
    document = json.loads((FILES / "hsds_foreign_service.json").read_text())
    path = write(tmp_path, "service.json", document)
    before = counts()
    uusimaa = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK01")
    with pytest.raises(CommandError, match="refused") as refused:
        run(path, "--user", uusimaa.username)
    assert "\n  /organization: organisation: " in str(refused.value)  # the permission refusal
    assert counts() == before
    nobody = user_with_role(Role.ORGANISATION_EDITOR, organisation=OrganisationFactory())
    before = counts()
    with pytest.raises(CommandError):
        run(path, "--user", nobody.username)
    assert counts() == before
    with pytest.raises(CommandError, match="No active user"):
        run(path, "--user", "ghost")
    admin = user_with_role(Role.ADMINISTRATOR)
    run(path, "--user", admin.username)
    service = Service.objects.get(uuid=document["id"])
    assert AuditEntry.objects.get(object_type="directory.service", object_id=str(service.pk)).actor == admin


def test_dry_run_and_draft() -> None:
    path = str(FILES / "hsds_foreign_service.json")
    before = counts()
    output = run(path, "--dry-run")
    assert "services: 1 created" in output and "Dry run: nothing was saved." in output
    assert counts() == before
    run(path, "--draft")
    service = Service.objects.get(uuid="5b0f3c2e-8d4a-4f7e-9a51-2c6d7e8f9a01")
    assert not service.is_published and not service.organisation.is_published


def test_not_json_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match="is not JSON"):
        run(str(broken))
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="Only http and https"):
        run("ftp://example.fi/services.json")


def test_url_follows_the_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    organisation = OrganisationFactory()

    def page(number: int) -> dict[str, Any]:
        return {
            "total_items": 2, "total_pages": 2, "page_number": number, "size": 1,
            "first_page": number == 1, "last_page": number == 2, "empty": False,
            "contents": [{"id": f"8a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c8{number}", "name": f"Sivu {number}",
                          "status": "active", "organization_id": str(organisation.uuid)}],
        }  # fmt: skip

    asked: list[str] = []

    class Reply(io.BytesIO):
        def __enter__(self) -> Reply:
            return self

        def __exit__(self, *args: object) -> None:
            return None

    def fake_urlopen(request: Any, timeout: float) -> Reply:
        asked.append(request.full_url)
        number = 2 if "page=2" in request.full_url else 1
        return Reply(json.dumps(page(number)).encode())

    monkeypatch.setattr(command_module, "urlopen", fake_urlopen)
    output = run("https://hsds.example.fi/api/services/?per_page=1")
    assert asked == [
        "https://hsds.example.fi/api/services/?per_page=1",
        "https://hsds.example.fi/api/services/?per_page=1&page=2",
    ]
    assert "services: 2 created" in output
    assert set(Service.objects.values_list("name_fi", flat=True)) == {"Sivu 1", "Sivu 2"}


def test_kinds_are_detected() -> None:
    detect = hsds_import.detect_kind
    assert detect({"id": "x", "name": "n", "status": "active"}) == "service"
    assert detect({"id": "x", "name": "n", "description": "d"}) == "organization"
    assert detect({"id": "x", "location": {}}) == "service_at_location"
    assert detect({"contents": [{"id": "x", "status": "active"}]}) == "service_page"
    assert detect({"contents": [{"id": "x", "name": "n", "description": "d"}]}) == "organization_page"
