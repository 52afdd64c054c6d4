"""Importing signals from CSV and XLSX: reading, scrubbing as it reads, preview with row problems,
all or nothing, the template; the pages around it."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from verkosto.core.models import AuditEntry
from verkosto.observations import capture, signal_import
from verkosto.observations.models import Signal
from verkosto.observations.tests.test_capture_support import (
    PLANTED,
    contains_original,
    coordinator,
    english,  # noqa: F401 - a fixture
    national,
    today,
    worker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

UPLOAD = reverse("observations:signal_import")
HEADER = "text;observed_on;municipality;language;target_groups;spread;source;tags"


def _csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def _fi(date: datetime.date) -> str:
    return f"{date.day}.{date.month}.{date.year}"


def _good_rows() -> list[str]:
    day = today() - datetime.timedelta(days=3)
    return [
        f'"{PLANTED}";{day.isoformat()};Kajaani;fi;young-people;several;clients;asuminen',
        f"Unga väntar länge på tid.;{_fi(day)};Kuhmo;sv;Unga under 30 år;many;partners;väntetider;",
        f"Etsivä nuorisotyö kuormittuu.;{day.isoformat()};205;;;;;",
    ]


def test_reading_scrubs_texts_at_once() -> None:
    upload = signal_import.read_upload("signals.csv", _csv(*_good_rows()))
    assert upload.header[:3] == ["text", "observed_on", "municipality"]
    assert [number for number, _cells in upload.rows] == [2, 3, 4]
    kept = json.dumps(upload.as_session(), ensure_ascii=False)
    assert "[nimi]" in kept and contains_original(kept) == []


def test_a_clean_file_plans_every_row() -> None:
    upload = signal_import.read_upload("signals.csv", _csv(*_good_rows()))
    plan = signal_import.import_plan(actor=coordinator("MK18"), upload=upload)
    assert plan.problems == []
    first, second, third = plan.values
    assert first["municipality"].name_fi == "Kajaani" and first["spread"] == "several"
    assert [g.slug for g in second["target_groups"]] == ["young-people"] and second["language"] == "sv"
    assert second["observed_on"] == today() - datetime.timedelta(days=3)
    assert third["municipality"].code == "205" and third["spread"] == "one" and third["source"] == "own"


def test_row_problems_are_listed_and_nothing_is_saved() -> None:
    rows = [
        *_good_rows(),
        f"Huomenna tapahtuu.;{(today() + datetime.timedelta(days=2)).isoformat()};Kajaani;fi;;;;",
        "Väärä päivä.;31.2.2025;Atlantis;en;astronauts;all;gossip;",
        f"Muun alueen kunta.;{today().isoformat()};Vaasa;fi;;;;",
    ]
    upload = signal_import.read_upload("signals.csv", _csv(*rows))
    plan = signal_import.import_plan(actor=coordinator("MK18"), upload=upload)
    problems = {(p.row, p.column) for p in plan.problems}
    assert problems == {
        (5, "observed_on"),
        (6, "observed_on"),
        (6, "municipality"),
        (6, "language"),
        (6, "target_groups"),
        (6, "spread"),
        (6, "source"),
        (7, "municipality"),
    }
    with pytest.raises(capture.RowErrors):
        signal_import.import_apply(actor=coordinator("MK18"), upload=upload)
    assert Signal.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_applying_a_clean_file_saves_all_rows() -> None:
    upload = signal_import.read_upload("signals.csv", _csv(*_good_rows()))
    _plan, saved = signal_import.import_apply(actor=coordinator("MK18"), upload=upload)
    assert len(saved) == 3 and Signal.objects.filter(entry="import").count() == 3
    assert contains_original(" ".join(Signal.objects.values_list("text", flat=True))) == []


def test_xlsx_files_are_read() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["text", "observed_on", "municipality"])
    sheet.append([PLANTED, datetime.datetime.combine(today(), datetime.time()), 205])
    out = io.BytesIO()
    workbook.save(out)
    upload = signal_import.read_upload("signals.xlsx", out.getvalue())
    plan = signal_import.import_plan(actor=coordinator("MK18"), upload=upload)
    assert plan.problems == []
    assert plan.values[0]["observed_on"] == today() and plan.values[0]["municipality"].code == "205"
    assert plan.values[0]["text"].startswith("Soitin [nimi]")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.csv", b"", "empty"),
        ("a.csv", HEADER.encode() + b"\n", "no rows"),
        ("a.csv", b"teksti;pvm\nx;y\n", "missing: text, observed_on, municipality"),
        ("a.xlsx", b"not a zip", "not a valid XLSX"),
        ("a.xls", b"\xd0\xcf\x11\xe0rest", "Old Excel"),
        ("a.csv", b"x" * (signal_import.MAX_BYTES + 1), "too large"),
    ],
)
def test_unreadable_files_are_refused(name, data, message) -> None:
    with pytest.raises(signal_import.ImportFileError) as caught:
        signal_import.read_upload(name, data)
    assert message in str(caught.value)


def test_the_template_is_a_valid_file() -> None:
    text = signal_import.template_csv()
    upload = signal_import.read_upload("template.csv", text.encode("utf-8"))
    plan = signal_import.import_plan(actor=national(), upload=upload)
    assert [p.column for p in plan.problems] == []


# --- the pages -----------------------------------------------------------------------------------


def _upload(client, data: bytes, name: str = "signals.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_upload_preview_and_save(client) -> None:
    client.force_login(coordinator("MK18"))
    response = _upload(client, _csv(*_good_rows()))
    assert response.status_code == 302
    preview_url = response["Location"]
    session_data = json.dumps(dict(client.session), ensure_ascii=False, default=str)
    assert "[nimi]" in session_data and contains_original(session_data) == []
    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>[nimi]</mark>" in html and contains_original(html) == []
    response = client.post(preview_url + "apply/")
    assert response.status_code == 302 and Signal.objects.filter(entry="import").count() == 3
    # Saved once: the preview is gone.
    assert client.post(preview_url + "apply/").status_code == 302
    assert Signal.objects.count() == 3


def test_a_file_with_problems_is_shown_and_cannot_be_saved(client) -> None:
    client.force_login(coordinator("MK18"))
    response = _upload(client, _csv(*_good_rows(), "Väärä.;eilen;Kajaani;fi;;;;"))
    preview_url = response["Location"]
    response = client.get(preview_url)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "YYYY-MM-DD" in html and "/apply/" not in html
    response = client.post(preview_url + "apply/")
    assert response.status_code == 400 and Signal.objects.count() == 0


def test_upload_errors_are_shown_on_the_form(client) -> None:
    client.force_login(coordinator("MK18"))
    response = _upload(client, b"", name="empty.csv")
    assert response.status_code == 400
    response = _upload(client, b"text\n", name="signals.txt")
    assert response.status_code == 400 and "CSV or XLSX" in response.content.decode()


def test_another_users_preview_is_not_found(client) -> None:
    client.force_login(coordinator("MK18"))
    preview_url = _upload(client, _csv(*_good_rows()))["Location"]
    client.force_login(coordinator("MK18"))
    response = client.get(preview_url)
    assert response.status_code == 302 and response["Location"] == UPLOAD
    assert client.post(preview_url + "apply/").status_code == 302 and Signal.objects.count() == 0


def test_workers_may_not_import(client) -> None:
    client.force_login(worker())
    assert client.get(UPLOAD).status_code == 403
    assert client.get(reverse("observations:signal_import_template")).status_code == 403


def test_the_template_download(client) -> None:
    client.force_login(coordinator("MK18"))
    response = client.get(reverse("observations:signal_import_template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith(HEADER)
