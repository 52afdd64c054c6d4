"""The import pages in a real browser: axe-core on the upload and preview pages (with and without
problems) in Finnish and Swedish, and a file uploaded, previewed and saved through the page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests.browser.support import check_page, load_reference_data, log_in
from verkosto.accounts.models import RoleAssignment
from verkosto.directory.models import Organisation, Service
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.tests.factories import OrganisationFactory, ServiceFactory, municipality, region
from verkosto.interchange import tabular

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "import-test-pass-42"
PREVIEW_URL = re.compile(r".*/import/[0-9a-f-]{36}/$")


@pytest.fixture
def importer() -> Any:
    load_reference_data()
    org = OrganisationFactory(
        name_fi="Kainuun Testipaja ry",
        kind=Organisation.Kind.YOUTH_WORKSHOP,
        business_id="0737546-2",
        municipalities=[municipality("Kajaani")],
    )
    ServiceFactory(organisation=org, name_fi="Nuorten työpaja", municipalities=[municipality("Kajaani")])
    search_index_rebuild()
    user = get_user_model().objects.create_user("tuoja", password=PASSWORD)
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.REGIONAL_COORDINATOR, region=region("MK18")
    )
    return user


def _file(rows: list[dict[str, str]]) -> dict[str, Any]:
    columns = tabular.COLUMN_NAMES
    text = "".join(tabular.csv_lines(columns, [[row.get(c, "") for c in columns] for row in rows]))
    return {"name": "palvelut.csv", "mimeType": "text/csv", "buffer": text.encode()}


GOOD_ROW = {
    "organisation_business_id": "0737546-2",
    "service_name_fi": "Työkokeilu pajalla",
    "service_name_sv": "Arbetsprövning i verkstaden",
    "target_groups": "young-people",
    "municipality_codes": "205",
    "published": "true",
}
BAD_ROW = {
    "organisation_name": "Uusi yhdistys",
    "organisation_business_id": "1234567-2",
    "organisation_kind": "association",
    "service_name_fi": "Virheellinen rivi",
    "municipality_codes": "999",
}


def _log_in(page: Any, live_server: Any) -> None:
    log_in(page, live_server, "tuoja", PASSWORD)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_import_pages_have_no_axe_violations(
    page_in: Any, live_server: Any, importer: Any, lang: str
) -> None:
    page = page_in(lang)
    _log_in(page, live_server)
    problems: dict[str, list[str]] = {}

    page.click("header nav a[href='/import/']")
    page.wait_for_url(f"{live_server.url}/import/")
    check_page(page, lang, "upload", problems)

    page.click("form.edit-form button[type=submit]")  # no file chosen
    page.wait_for_selector("#error-summary")
    assert page.locator("#id_file").get_attribute("aria-invalid") == "true"
    check_page(page, lang, "upload with errors", problems)

    page.set_input_files("#id_file", _file([GOOD_ROW, BAD_ROW]))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(PREVIEW_URL)
    assert page.locator(".problem-table tbody tr").count() == 2
    assert page.locator(".apply-form").count() == 0
    check_page(page, lang, "preview with problems", problems)

    page.goto(f"{live_server.url}/import/")
    page.set_input_files("#id_file", _file([GOOD_ROW]))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(PREVIEW_URL)
    check_page(page, lang, "preview", problems)

    assert problems == {}


def test_a_file_is_uploaded_previewed_and_saved_through_the_pages(
    page_in: Any, live_server: Any, importer: Any
) -> None:
    page = page_in("fi")
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/import/")
    page.set_input_files("#id_file", _file([GOOD_ROW]))
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(PREVIEW_URL)
    assert "Työkokeilu pajalla" in page.locator(".import-table").inner_text()
    assert not Service.objects.filter(name_fi="Työkokeilu pajalla").exists()

    page.click(".apply-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/import/")
    assert page.locator(".messages").is_visible()
    service = Service.objects.get(name_fi="Työkokeilu pajalla")
    assert service.organisation.business_id == "0737546-2"
    assert service.is_published

    # The new service is found and can be downloaded from the search page.
    page.goto(f"{live_server.url}/search/?q=ty%C3%B6kokeilu")
    with page.expect_download() as download:
        page.click("a[href^='/export/services.csv']")
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Työkokeilu pajalla" in content
