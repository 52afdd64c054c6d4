"""Importing organisations and services from CSV and XLSX: the preview says what would change and
every problem by row and column; applying is all rows or none, through directory.services."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import AuditEntry
from verkosto.directory import services as directory_services
from verkosto.directory.models import Organisation, Service, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
    municipality,
    user_with_role,
)
from verkosto.interchange import tabular, tabular_import
from verkosto.interchange.models import TabularImport

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


@pytest.fixture
def directory() -> dict[str, Any]:
    kajaani, oulu = municipality("Kajaani"), municipality("Oulu")
    kainuu = OrganisationFactory(
        name_fi="Kainuun Paja ry",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        business_id="0737546-2",
        municipalities=[kajaani],
    )
    contact = ContactPersonFactory(organisation=kainuu, name="Julkinen Valmentaja", is_public=True)
    workshop = ServiceFactory(
        organisation=kainuu,
        name_fi="Nuorten työpaja",
        name_sv="Ungdomsverkstad",
        description_fi="- puutyöt\n- metallityöt",  # starts like a formula: guarded on export
        municipalities=[kajaani],
        target_groups=list(TargetGroup.objects.filter(slug__in=["young-people", "neet"])),
        ways_of_working=list(WayOfWorking.objects.filter(slug="group")),
        age_min=16,
        age_max=29,
        contact=contact,
        last_reviewed=datetime.date(2025, 1, 31),
    )
    ServiceFactory(organisation=kainuu, name_fi="Etsivä nuorisotyö", municipalities=[kajaani])
    oulu_org = OrganisationFactory(
        name_fi="Oulun Ohjaamo", kind=Organisation.Kind.OHJAAMO, municipalities=[oulu]
    )
    oulu_service = ServiceFactory(organisation=oulu_org, name_fi="Ohjaamon neuvonta", municipalities=[oulu])
    search_index_rebuild()
    return {"kainuu": kainuu, "workshop": workshop, "oulu": oulu_org, "oulu_service": oulu_service}


@pytest.fixture
def admin() -> Any:
    return user_with_role(Role.ADMINISTRATOR)


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...] = tabular.COLUMN_NAMES) -> bytes:
    return "".join(tabular.csv_lines(columns, [[row.get(c, "") for c in columns] for row in rows])).encode()


def _xlsx(rows: list[list[Any]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(client: Client, name: str, data: bytes) -> Any:
    return client.post("/import/", {"file": SimpleUploadedFile(name, data)})


def _preview(client: Client, name: str, data: bytes) -> tuple[TabularImport, tabular_import.ImportPlan]:
    response = _upload(client, name, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = TabularImport.objects.latest("created_at")
    assert response["Location"] == f"/import/{batch.token}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    return batch, page.context["plan"]


def _new_row(**values: Any) -> dict[str, Any]:
    row = {
        "organisation_name": "Sotkamon Nuorisopaja ry",
        "organisation_business_id": "1234567-1",
        "organisation_kind": "youth_workshop",
        "service_name_fi": "Pajavalmennus",
        "target_groups": "young-people",
        "municipality_codes": "765",
        "published": "true",
    }
    row.update(values)
    return row


def _problems(plan: tabular_import.ImportPlan) -> set[tuple[int, str]]:
    return {(p.row, p.column) for p in plan.problems}


# --- round trip ----------------------------------------------------------------------------------


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_exported_file_imports_as_all_unchanged(
    client: Client, directory: dict, admin: Any, extension: str
) -> None:
    exported = client.get(f"/export/services.{extension}")
    data = b"".join(exported.streaming_content) if extension == "csv" else exported.content
    client.force_login(admin)

    _batch, plan = _preview(client, f"export.{extension}", data)

    assert plan.problems == []
    assert [row.action for row in plan.rows] == ["unchanged"] * 3
    assert not plan.has_changes
    assert all(not row.changes and not row.organisation_changes for row in plan.rows)


# --- the preview ---------------------------------------------------------------------------------


def test_preview_shows_creates_and_changes_without_saving(
    client: Client, directory: dict, admin: Any
) -> None:
    workshop = directory["workshop"]
    client.force_login(admin)
    data = _csv(
        [
            {
                "service_uuid": str(workshop.uuid),
                "organisation_name": "Kainuun Paja ry",
                "service_name_fi": "Nuorten työpaja",
                "target_groups": "young-people",  # neet removed
                "municipality_codes": "205",
                "age_max": "25",
            },
            _new_row(),
        ],
        columns=(
            "service_uuid",
            "organisation_name",
            "organisation_business_id",
            "organisation_kind",
            "service_name_fi",
            "target_groups",
            "municipality_codes",
            "age_max",
            "published",
        ),
    )
    before = AuditEntry.objects.count()

    batch, plan = _preview(client, "changes.csv", data)

    assert plan.problems == []
    update, create = plan.rows
    assert (update.row, update.action) == (2, "update")
    changed = {c.column: (c.old, c.new) for c in update.changes}
    assert changed == {"target_groups": ("neet;young-people", "young-people"), "age_max": ("29", "25")}
    assert (create.row, create.action, create.organisation_action) == (3, "create", "create")
    assert plan.organisations_created == 1
    assert AuditEntry.objects.count() == before
    assert not Organisation.objects.filter(name_fi="Sotkamon Nuorisopaja ry").exists()
    html = client.get(f"/import/{batch.token}/").content.decode()
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert f'action="/import/{batch.token}/apply/"' in html


def test_preview_lists_every_problem_with_row_and_column(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    columns = (*tabular.COLUMN_NAMES, "colour")
    data = _csv(
        [
            _new_row(organisation_business_id="1234567-2"),  # 2: wrong check digit
            _new_row(service_name_fi="Kuntapalvelu", municipality_codes="205;999"),  # 3: unknown code
            _new_row(service_name_fi="Kohderyhmä", target_groups="young-people;aliens"),  # 4
            _new_row(service_name_fi="x" * 201),  # 5: too long
            _new_row(service_name_fi=""),  # 6: missing
            _new_row(service_name_fi="Pajavalmennus"),  # 7: duplicate of row 2... of the same org
            _new_row(service_name_fi="Ikä", age_min="30", age_max="20", last_reviewed="eilen"),  # 8
            _new_row(service_name_fi="Laji", organisation_kind="pub"),  # 9
        ],
        columns=columns,
    )

    _batch, plan = _preview(client, "broken.csv", data)

    assert _problems(plan) >= {
        (1, "colour"),
        (2, "organisation_business_id"),
        (3, "municipality_codes"),
        (4, "target_groups"),
        (5, "service_name_fi"),
        (6, "service_name_fi"),
        (8, "age_max"),
        (8, "last_reviewed"),
        (9, "organisation_kind"),
    }
    messages = {(p.row, p.column): p.message for p in plan.problems}
    assert "999" in messages[(3, "municipality_codes")]
    assert "aliens" in messages[(4, "target_groups")]
    assert "200" in messages[(5, "service_name_fi")]
    assert next(p for p in plan.problems if p.row == 3).letter == "O"  # municipality_codes is column O
    assert [row.action for row in plan.rows if row.row in (3, 4, 5, 6)] == ["error"] * 4


def test_duplicate_rows_are_problems(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    workshop = directory["workshop"]
    rows = [
        _new_row(),
        _new_row(),  # the same new service again
        {"service_uuid": str(workshop.uuid), "service_name_fi": "Nuorten työpaja"},
        {"service_uuid": str(workshop.uuid), "service_name_fi": "Nuorten työpaja 2"},
    ]
    _batch, plan = _preview(client, "twice.csv", _csv(rows))
    assert _problems(plan) == {(3, "service_name_fi"), (5, "service_uuid")}
    assert "2" in next(p.message for p in plan.problems if p.row == 3)


def test_problem_messages_are_in_the_users_language(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    client.cookies["verkosto_language"] = "fi"
    _batch, plan = _preview(client, "long.csv", _csv([_new_row(service_name_fi="x" * 201)]))
    # Django's own Finnish message for a value that is too long.
    assert "merkkiä" in plan.problems[0].message


def test_header_only_or_unreadable_files_are_refused_at_upload(client: Client, admin: Any) -> None:
    client.force_login(admin)
    for name, data in [
        ("empty.csv", _csv([])),
        ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100),
        ("fake.xlsx", b"PK\x03\x04 not really a zip"),
        ("image.png", b"\x89PNG"),
    ]:
        response = _upload(client, name, data)
        assert response.status_code == 400, name
        assert response.context["form"].errors["file"], name
    assert not TabularImport.objects.exists()


# --- size limits ---------------------------------------------------------------------------------


def test_files_over_five_megabytes_are_refused(client: Client, admin: Any) -> None:
    client.force_login(admin)
    response = _upload(client, "big.csv", b"x" * (tabular_import.MAX_BYTES + 1))
    assert response.status_code == 400
    assert "5" in response.context["form"].errors["file"][0]
    assert not TabularImport.objects.exists()


def test_files_over_five_thousand_rows_are_refused(client: Client, admin: Any) -> None:
    client.force_login(admin)
    columns = ("service_name_fi", "organisation_name")
    rows = [{"service_name_fi": f"Palvelu {i}", "organisation_name": "Yhdistys"} for i in range(5001)]
    response = _upload(client, "many.csv", _csv(rows, columns=columns))
    assert response.status_code == 400
    assert "5000" in response.context["form"].errors["file"][0].replace("\xa0", "").replace(" ", "")
    ok = _upload(client, "enough.csv", _csv(rows[:5000], columns=columns))
    assert ok.status_code == 302


def test_zip_bombs_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch, admin: Any) -> None:
    monkeypatch.setattr(
        tabular_import, "LIMITS", dataclasses.replace(tabular_import.LIMITS, max_unpacked_bytes=1000)
    )
    data = _xlsx([["service_name_fi"], ["x" * 5000]])
    with pytest.raises(tabular_import.ImportFileError):
        tabular_import.read_table("bomb.xlsx", data)


# --- applying ------------------------------------------------------------------------------------


def test_a_valid_file_creates_and_updates_with_audit_entries(
    client: Client, directory: dict, admin: Any
) -> None:
    workshop, kainuu = directory["workshop"], directory["kainuu"]
    client.force_login(admin)
    rows = [
        {
            "service_uuid": str(workshop.uuid),
            "organisation_uuid": str(kainuu.uuid),
            "organisation_name": "Kainuun Nuorisopaja ry",  # the organisation is renamed
            "service_name_fi": "Nuorten työpaja",
            "description_fi": "Uusi kuvaus",
            "municipality_codes": "205;765",
        },
        _new_row(),
        _new_row(service_name_fi="Työkokeilu", published="false", contact_person=""),
        {"organisation_business_id": "0737546-2", "service_name_fi": "Kainuun uusi palvelu"},
    ]
    batch, plan = _preview(client, "good.csv", _csv(rows))
    assert plan.problems == []
    before = AuditEntry.objects.count()

    response = client.post(f"/import/{batch.token}/apply/")

    assert response.status_code == 302
    assert response["Location"] == "/import/"
    workshop.refresh_from_db()
    kainuu.refresh_from_db()
    assert workshop.description_fi == "Uusi kuvaus"
    assert sorted(workshop.municipalities.values_list("code", flat=True)) == ["205", "765"]
    assert kainuu.name_fi == "Kainuun Nuorisopaja ry"
    new_org = Organisation.objects.get(business_id="1234567-1")
    assert new_org.is_published  # it has a published service
    assert list(new_org.municipalities.values_list("code", flat=True)) == ["765"]
    assert sorted(new_org.services.values_list("name_fi", "is_published")) == [
        ("Pajavalmennus", True),
        ("Työkokeilu", False),
    ]
    assert kainuu.services.filter(name_fi="Kainuun uusi palvelu").exists()
    entries = AuditEntry.objects.order_by("id")[before:]
    assert sorted((e.action, e.object_type) for e in entries) == [
        ("create", "directory.organisation"),
        ("create", "directory.service"),
        ("create", "directory.service"),
        ("create", "directory.service"),
        ("update", "directory.organisation"),
        ("update", "directory.service"),
    ]
    assert {e.actor_id for e in entries} == {admin.pk}
    batch.refresh_from_db()
    assert batch.applied_at is not None
    # The new public service is in the search at once.
    assert client.get("/search/?q=Pajavalmennus").context["result"].total == 1
    # A second click does nothing.
    again = client.post(f"/import/{batch.token}/apply/", follow=True)
    assert Service.objects.filter(name_fi="Pajavalmennus").count() == 1
    assert again.status_code == 200


def test_apply_with_a_problem_changes_nothing(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    rows = [_new_row(), _new_row(service_name_fi="Toinen", municipality_codes="999")]
    batch, plan = _preview(client, "half.csv", _csv(rows))
    assert _problems(plan) == {(3, "municipality_codes")}
    services_before, audit_before = Service.objects.count(), AuditEntry.objects.count()

    response = client.post(f"/import/{batch.token}/apply/")

    assert response.status_code == 400
    assert Service.objects.count() == services_before
    assert AuditEntry.objects.count() == audit_before
    assert not Organisation.objects.filter(business_id="1234567-1").exists()
    batch.refresh_from_db()
    assert batch.applied_at is None


def test_a_failure_while_applying_rolls_everything_back(
    client: Client, directory: dict, admin: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(admin)
    rows = [_new_row(), _new_row(service_name_fi="Toinen palvelu")]
    batch, plan = _preview(client, "ok.csv", _csv(rows))
    assert plan.problems == []
    real_create = directory_services.service_create
    calls = []

    def failing_create(**kwargs: Any) -> Service:
        calls.append(kwargs)
        if len(calls) == 2:
            raise ValidationError({"name_fi": "Tietokanta sanoi ei."})
        return real_create(**kwargs)

    monkeypatch.setattr(directory_services, "service_create", failing_create)
    services_before, audit_before = Service.objects.count(), AuditEntry.objects.count()

    response = client.post(f"/import/{batch.token}/apply/")

    assert response.status_code == 400
    assert "3" in response.context["failure"]
    assert Service.objects.count() == services_before
    assert AuditEntry.objects.count() == audit_before
    assert not Organisation.objects.filter(business_id="1234567-1").exists()


def test_apply_plans_again_with_the_rights_of_that_moment(client: Client, directory: dict) -> None:
    coordinator = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18")
    client.force_login(coordinator)
    batch, plan = _preview(client, "new.csv", _csv([_new_row()]))
    assert plan.problems == []
    # The coordinator's region is taken away between the preview and the click.
    RoleAssignment.objects.filter(user=coordinator).delete()
    RoleAssignment.objects.create(
        user=coordinator, role=Role.ORGANISATION_EDITOR, organisation=directory["kainuu"]
    )

    response = client.post(f"/import/{batch.token}/apply/")

    assert response.status_code == 400
    assert {(p.row, p.column) for p in response.context["plan"].problems} == {(2, "organisation_name")}
    assert not Organisation.objects.filter(business_id="1234567-1").exists()


# --- permissions ---------------------------------------------------------------------------------


def test_editor_may_not_change_another_organisations_service(client: Client, directory: dict) -> None:
    editor = user_with_role(Role.ORGANISATION_EDITOR, organisation=directory["kainuu"])
    client.force_login(editor)
    oulu_service, workshop = directory["oulu_service"], directory["workshop"]
    rows = [
        {"service_uuid": str(workshop.uuid), "service_name_fi": "Nuorten työpaja", "age_max": "25"},
        {"service_uuid": str(oulu_service.uuid), "service_name_fi": "Kaapattu palvelu"},
        {"organisation_uuid": str(directory["oulu"].uuid), "service_name_fi": "Vieras palvelu"},
        _new_row(),  # an editor may not add organisations
    ]
    batch, plan = _preview(client, "editor.csv", _csv(rows))

    assert _problems(plan) == {
        (3, "service_uuid"),
        (4, "organisation_uuid"),
        (5, "organisation_name"),
    }
    assert plan.rows[0].action == "update"
    # Nothing about the other organisation's service leaks into the preview.
    assert plan.rows[1].changes == []
    response = client.post(f"/import/{batch.token}/apply/")
    assert response.status_code == 400
    oulu_service.refresh_from_db()
    assert oulu_service.name_fi == "Ohjaamon neuvonta"
    workshop.refresh_from_db()
    assert workshop.age_max == 29


def test_regional_coordinator_may_add_organisations_only_in_own_region(
    client: Client, directory: dict
) -> None:
    coordinator = user_with_role(Role.REGIONAL_COORDINATOR, region_code="MK18")
    client.force_login(coordinator)
    rows = [
        _new_row(),  # Sotkamo, Kainuu
        _new_row(organisation_name="Oulun paja", organisation_business_id="", municipality_codes="564"),
    ]
    _batch, plan = _preview(client, "regions.csv", _csv(rows))
    assert _problems(plan) == {(3, "organisation_name")}


def test_import_pages_need_an_editor(client: Client, directory: dict, admin: Any) -> None:
    assert client.get("/import/")["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory())
    assert client.get("/import/").status_code == 403
    client.force_login(admin)
    batch, _plan = _preview(client, "new.csv", _csv([_new_row()]))
    # Another importer cannot see or apply someone else's upload.
    other = user_with_role(Role.NATIONAL_COORDINATOR)
    client.force_login(other)
    assert client.get(f"/import/{batch.token}/").status_code == 404
    assert client.post(f"/import/{batch.token}/apply/").status_code == 404
    assert not Organisation.objects.filter(business_id="1234567-1").exists()


def test_an_expired_preview_cannot_be_applied(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    batch, _plan = _preview(client, "new.csv", _csv([_new_row()]))
    TabularImport.objects.filter(pk=batch.pk).update(created_at=timezone.now() - datetime.timedelta(hours=2))
    response = client.post(f"/import/{batch.token}/apply/")
    assert response.status_code == 302
    assert not Organisation.objects.filter(business_id="1234567-1").exists()
    # The next upload clears expired ones.
    _preview(client, "new.csv", _csv([_new_row()]))
    assert not TabularImport.objects.filter(pk=batch.pk).exists()


# --- what spreadsheets do to a file --------------------------------------------------------------


def test_excel_habits_are_understood(client: Client, directory: dict, admin: Any) -> None:
    """A cp1252 CSV with Finnish dates, a municipality code that lost its leading zero, an XLSX
    with numbers and dates as cells."""
    client.force_login(admin)
    text = (
        "organisation_name;organisation_kind;service_name_fi;municipality_codes;last_reviewed;published\r\n"
        "Helsingin Työpaja ry;youth_workshop;Ääniryhmä;91;31.1.2025;kyllä\r\n"
    )
    _batch, plan = _preview(client, "excel.csv", text.encode("cp1252"))
    assert plan.problems == []
    row = plan.rows[0]
    assert row.service_name == "Ääniryhmä"
    assert [m.code for m in row.fields["municipalities"]] == ["091"]
    assert row.fields["last_reviewed"] == datetime.date(2025, 1, 31)
    assert row.fields["is_published"] is True

    data = _xlsx(
        [
            [
                "organisation_name",
                "organisation_kind",
                "service_name_fi",
                "municipality_codes",
                "age_min",
                "last_reviewed",
            ],
            ["Helsingin Työpaja ry", "youth_workshop", "Ääniryhmä", 91, 16.0, datetime.datetime(2025, 1, 31)],
        ]
    )
    _batch, plan = _preview(client, "excel.xlsx", data)
    assert plan.problems == []
    assert plan.rows[0].fields["age_min"] == 16
    assert plan.rows[0].fields["last_reviewed"] == datetime.date(2025, 1, 31)


def test_formula_guard_is_undone_on_import() -> None:
    assert tabular.unguard_formula(tabular.guard_formula("=1+1")) == "=1+1"
    assert tabular.unguard_formula("'plain") == "'plain"
    rows = list(
        csv.reader(io.StringIO("".join(tabular.csv_lines(["a"], [["-x"]])).lstrip("\ufeff")), delimiter=";")
    )
    assert rows == [["a"], ["'-x"]]


def test_rows_of_one_organisation_must_agree(client: Client, directory: dict, admin: Any) -> None:
    client.force_login(admin)
    rows = [
        _new_row(),
        _new_row(service_name_fi="Toinen", organisation_name="Eri nimi ry"),  # same business ID
        _new_row(service_name_fi="Kolmas", organisation_business_id="", organisation_name="Kainuun Paja ry"),
    ]
    _batch, plan = _preview(client, "orgs.csv", _csv(rows))
    assert _problems(plan) == {(3, "organisation_name")}
    assert "2" in plan.problems[0].message
    # A new organisation with the name of an existing one is allowed, with a warning.
    assert plan.rows[2].organisation_action == "create"
    assert plan.rows[2].warnings
