"""CSV and XLSX export of a search: the same services as the search page, in its order, readable by
Python's csv module and openpyxl, formulas neutralised, drafts and private contacts left out."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.utils import timezone

from verkosto.accounts.models import RoleAssignment
from verkosto.directory import selectors
from verkosto.directory.models import Organisation, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    municipality,
    user_with_role,
)
from verkosto.interchange import tabular, tabular_api

pytestmark = pytest.mark.django_db

FILTERS = "q=paja&region=MK18&target=young-people&target=neet"


@pytest.fixture
def directory() -> dict[str, Any]:
    """25 youth workshops in Kainuu (more than one search page), others that the filters leave
    out, a draft, a service of a draft organisation, and cells that look like formulas."""
    kajaani, sotkamo, oulu = municipality("Kajaani"), municipality("Sotkamo"), municipality("Oulu")
    young = TargetGroup.objects.get(slug="young-people")
    neet = TargetGroup.objects.get(slug="neet")
    group = WayOfWorking.objects.get(slug="group")
    org = OrganisationFactory(
        name_fi="Kainuun Paja ry",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        business_id="0737546-2",
        municipalities=[kajaani],
    )
    public_contact = ContactPersonFactory(organisation=org, name="Julkinen Valmentaja", is_public=True)
    private_contact = ContactPersonFactory(organisation=org, name="Salainen Henkilö", is_public=False)
    matching = []
    for i in range(25):
        service = ServiceFactory(
            organisation=org,
            name_fi=f"Työpaja {i:02d}",
            name_sv=f"Verkstad {i:02d}",
            description_fi="Työpajatoimintaa nuorille.",
            municipalities=[kajaani, sotkamo] if i % 2 else [kajaani],
            target_groups=[young] if i % 3 else [neet],
            ways_of_working=[group],
            age_min=16,
            age_max=29,
            contact=public_contact if i == 0 else private_contact if i == 1 else None,
            last_reviewed=datetime.date(2025, 1, 31),
        )
        matching.append(service)
    formula = ServiceFactory(
        organisation=org,
        name_fi='=HYPERLINK("http://evil.example";"paja")',
        description_fi="+358 40 123 4567 työpaja",
        description_sv="-lista",
        cost_fi="@SUM(A1:A2)",
        municipalities=[kajaani],
        target_groups=[young],
    )
    oulu_org = OrganisationFactory(name_fi="Oulun Paja", municipalities=[oulu])
    ServiceFactory(
        organisation=oulu_org, name_fi="Oulun työpaja", municipalities=[oulu], target_groups=[young]
    )
    draft = ServiceFactory(
        organisation=org,
        name_fi="Luonnos työpaja",
        is_published=False,
        municipalities=[kajaani],
        target_groups=[young],
    )
    draft_org = OrganisationFactory(name_fi="Piilopaja", is_published=False, municipalities=[kajaani])
    hidden = ServiceFactory(
        organisation=draft_org, name_fi="Piilotettu työpaja", municipalities=[kajaani], target_groups=[young]
    )
    search_index_rebuild()
    return {"org": org, "matching": matching, "formula": formula, "draft": draft, "hidden": hidden}


def _csv_rows(response: Any) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


def _xlsx_rows(response: Any) -> list[list[Any]]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def _all_pages(text: str, **filters: list[str]) -> list[str]:
    """Every service the search page lists, page after page."""
    found, page = [], 1
    while True:
        result = selectors.directory_search(text=text, filters=selectors.SearchFilters(**filters), page=page)
        found += [str(s.uuid) for s in result.services]
        if page >= result.pages:
            return found
        page += 1


def test_csv_export_equals_the_search_with_filters_in_order(client: Client, directory: dict) -> None:
    expected = _all_pages("paja", regions=["MK18"], target_groups=["young-people", "neet"])
    assert len(expected) == 26  # 25 workshops and the formula one: more than one page of 20

    response = client.get(f"/export/services.csv?{FILTERS}")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="verkosto-services-{today}.csv"'
    rows = _csv_rows(response)
    assert rows[0] == list(tabular.COLUMN_NAMES)
    assert [row[0] for row in rows[1:]] == expected


def test_xlsx_export_equals_the_search_and_opens_in_openpyxl(client: Client, directory: dict) -> None:
    expected = _all_pages("paja", regions=["MK18"], target_groups=["young-people", "neet"])

    response = client.get(f"/export/services.xlsx?{FILTERS}")

    assert response.status_code == 200
    assert response["Content-Type"] == tabular.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = _xlsx_rows(response)
    assert rows[0] == list(tabular.COLUMN_NAMES)
    assert [row[0] for row in rows[1:]] == expected


def test_export_row_has_every_column(client: Client, directory: dict) -> None:
    service = directory["matching"][1]
    rows = _csv_rows(client.get(f"/export/services.csv?q={service.name_fi}"))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row == {
        "service_uuid": str(service.uuid),
        "organisation_uuid": str(directory["org"].uuid),
        "organisation_name": "Kainuun Paja ry",
        "organisation_business_id": "0737546-2",
        "organisation_kind": "youth_workshop",
        "service_name_fi": "Työpaja 01",
        "service_name_sv": "Verkstad 01",
        "service_name_en": "",
        "description_fi": "Työpajatoimintaa nuorille.",
        "description_sv": "",
        "description_en": "",
        "target_groups": "young-people",
        "ways_of_working": "group",
        "languages": "",
        "municipality_codes": "205;765",
        "municipality_names": "Kajaani;Sotkamo",
        "age_min": "16",
        "age_max": "29",
        "referral_fi": "",
        "cost_fi": "",
        "contact_person": "",  # the contact of this service has not agreed to be shown
        "last_reviewed": "2025-01-31",
        "published": "true",
    }
    first = _csv_rows(client.get("/export/services.csv?q=Työpaja 00"))
    assert dict(zip(first[0], first[1], strict=True))["contact_person"] == "Julkinen Valmentaja"


def test_formula_cells_get_a_leading_apostrophe(client: Client, directory: dict) -> None:
    csv_rows = _csv_rows(client.get("/export/services.csv?q=HYPERLINK"))
    row = dict(zip(csv_rows[0], csv_rows[1], strict=True))
    assert row["service_name_fi"] == '\'=HYPERLINK("http://evil.example";"paja")'
    assert row["description_fi"] == "'+358 40 123 4567 työpaja"
    assert row["description_sv"] == "'-lista"
    assert row["cost_fi"] == "'@SUM(A1:A2)"

    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/export/services.xlsx?q=HYPERLINK").content))
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["service_name_fi"].value.startswith("'=")
    assert cells["service_name_fi"].data_type == "s"  # text, not a formula
    assert cells["cost_fi"].value == "'@SUM(A1:A2)"


def test_drafts_are_never_exported(client: Client, directory: dict) -> None:
    draft_ids = {str(directory["draft"].uuid), str(directory["hidden"].uuid)}
    anonymous = {row[0] for row in _csv_rows(client.get("/export/services.csv"))[1:]}
    assert anonymous and not anonymous & draft_ids
    xlsx = {row[0] for row in _xlsx_rows(client.get("/export/services.xlsx"))[1:]}
    assert xlsx == anonymous
    # Not even an editor's export: it is the public search that is exported.
    admin = user_with_role(RoleAssignment.Role.ADMINISTRATOR)
    client.force_login(admin)
    assert {row[0] for row in _csv_rows(client.get("/export/services.csv"))[1:]} == anonymous


def test_export_reads_a_bounded_number_of_queries(
    client: Client, directory: dict, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(20):
        rows = _csv_rows(client.get("/export/services.csv"))
    assert len(rows) == 28  # header, 25 workshops, the formula one, the Oulu one


def test_search_page_links_to_the_exports_of_the_same_search(client: Client, directory: dict) -> None:
    html = client.get(f"/search/?{FILTERS}&page=2").content.decode()
    query = FILTERS.replace("&", "&amp;")
    assert f'href="/export/services.csv?{query}"' in html
    assert f'href="/export/services.xlsx?{query}"' in html


# --- the API -------------------------------------------------------------------------------------


def test_api_export_equals_the_page_export(client: Client, directory: dict) -> None:
    page = _csv_rows(client.get(f"/export/services.csv?{FILTERS}"))
    response = client.get(f"/api/v1/export/services.csv?{FILTERS}", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert _csv_rows(response) == page
    xlsx = client.get(f"/api/v1/export/services.xlsx?{FILTERS}")
    assert xlsx.status_code == 200
    assert [row[0] for row in _xlsx_rows(xlsx)] == [row[0] for row in page]


def test_api_refuses_unknown_filter_values_with_400(client: Client, directory: dict) -> None:
    response = client.get("/api/v1/export/services.csv?region=MK99&target=nobody&target=neet&q=paja")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert set(error["fields"]) == {"region", "target"}
    assert "MK99" in error["fields"]["region"][0]
    assert "nobody" in error["fields"]["target"][0] and "neet" not in error["fields"]["target"][0]
    too_long = client.get("/api/v1/export/services.xlsx", {"q": "x" * 201})
    assert too_long.status_code == 400
    assert set(too_long.json()["error"]["fields"]) == {"q"}


def test_api_export_is_throttled_with_429(
    client: Client, directory: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular_api, "EXPORT_RATE", "2/minute")
    assert client.get("/api/v1/export/services.csv").status_code == 200
    assert client.get("/api/v1/export/services.xlsx").status_code == 200
    refused = client.get("/api/v1/export/services.csv")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert refused.json()["error"]["code"] == "throttled"


def test_api_schema_documents_the_exports(client: Client) -> None:
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    csv_get = paths["/api/v1/export/services.csv"]["get"]
    xlsx_get = paths["/api/v1/export/services.xlsx"]["get"]
    assert {p["name"] for p in csv_get["parameters"]} >= {
        "q",
        "region",
        "municipality",
        "kind",
        "target",
        "way",
        "language",
    }
    assert "text/csv" in csv_get["responses"]["200"]["content"]
    assert tabular.XLSX_CONTENT_TYPE in xlsx_get["responses"]["200"]["content"]
    for operation in (csv_get, xlsx_get):
        assert {"400", "429"} <= set(operation["responses"])


# --- the import template -------------------------------------------------------------------------


def test_csv_template_has_the_header_and_one_example_row(client: Client) -> None:
    response = client.get("/import/template.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(tabular.COLUMN_NAMES)
    assert len(rows) == 2
    assert dict(zip(rows[0], rows[1], strict=True))["municipality_codes"] == "205"


def test_xlsx_template_lists_the_allowed_values(client: Client) -> None:
    response = client.get("/import/template.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    data, allowed, columns = workbook.worksheets
    assert [c.value for c in data[1]] == list(tabular.COLUMN_NAMES)
    assert data.max_row == 2
    header = [c.value for c in allowed[1]]
    values = {
        name: {row[i] for row in allowed.iter_rows(min_row=2, values_only=True) if row[i]}
        for i, name in enumerate(header)
        if name in tabular.COLUMN_NAMES
    }
    assert set(values) == {
        "organisation_kind",
        "target_groups",
        "ways_of_working",
        "languages",
        "municipality_codes",
    }
    assert "youth_workshop" in values["organisation_kind"]
    assert "young-people" in values["target_groups"]
    assert "fi-x-selko" in values["languages"]
    assert {"091", "205", "564"} <= values["municipality_codes"]
    assert len(values["municipality_codes"]) == 309
    assert [row[0] for row in columns.iter_rows(min_row=2, values_only=True)] == list(tabular.COLUMN_NAMES)
