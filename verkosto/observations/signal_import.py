"""Importing signals from a CSV or XLSX table (a coordinator's spreadsheet), with the conventions of
the directory import: a template, a preview with every problem by row and column, all or nothing.

1. `read_upload` reads the file (size and row limits, CSV in UTF-8 or Windows-1252 with ";", ","
   or tab, or the first sheet of an XLSX workbook) and scrubs every text at once: what is kept
   between the preview and the save (`pending_rows`, in the user's session) never holds an
   unscrubbed text.
2. `import_plan` parses every row (dates, municipality by name or code, target groups, ...) and asks
   `capture.signals_check_many` what else is wrong; it writes nothing.
3. `import_apply` plans again and saves all rows through `capture.signals_create_many`, or none.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.core.models import Municipality
from verkosto.core.spreadsheets import Limits, SpreadsheetError, read_rows
from verkosto.core.spreadsheets import too_large_message as spreadsheet_too_large
from verkosto.directory.models import TargetGroup

from . import capture
from .models import Signal, TextLanguage

COLUMNS = ("text", "observed_on", "municipality", "language", "target_groups", "spread", "source", "tags")
REQUIRED_COLUMNS = ("text", "observed_on", "municipality")
MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = capture.MAX_ROWS
MAX_CELL_CHARS = 5000
LIST_SEPARATOR = ";"
_FI_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")

LANGUAGE_WORDS = {
    "fi": "fi",
    "fin": "fi",
    "suomi": "fi",
    "finska": "fi",
    "finnish": "fi",
    "sv": "sv",
    "swe": "sv",
    "ruotsi": "sv",
    "svenska": "sv",
    "swedish": "sv",
}
# Codes, and the choices' words in Finnish, Swedish and English as a spreadsheet may hold them.
SPREAD_WORDS = {
    "one": "one",
    "yksi": "one",
    "yksittäinen": "one",
    "ett": "one",
    "several": "several",
    "useita": "several",
    "flera": "several",
    "many": "many",
    "paljon": "many",
    "monta": "many",
    "många": "many",
}
SOURCE_WORDS = {
    "own": "own",
    "oma": "own",
    "oma havainto": "own",
    "egen": "own",
    "egen observation": "own",
    "clients": "clients",
    "asiakkaat": "clients",
    "asiakkaat kertoivat": "clients",
    "klienter": "clients",
    "klienterna berättade": "clients",
    "partners": "partners",
    "kumppanit": "partners",
    "yhteistyökumppanit kertoivat": "partners",
    "partner": "partners",
    "samarbetspartnerna berättade": "partners",
}


# Signal uploads are read with the shared reader; its errors keep this module's name.
ImportFileError = SpreadsheetError
LIMITS = Limits(
    max_bytes=MAX_BYTES,
    max_unpacked_bytes=MAX_UNPACKED_BYTES,
    max_rows=MAX_ROWS,
    max_cell_chars=MAX_CELL_CHARS,
)


# --- reading -------------------------------------------------------------------------------------


@dataclass
class Upload:
    """A read upload: column names and, per non-empty row, its number in the file and cells, the
    text already scrubbed."""

    file_name: str
    header: list[str]
    rows: list[list[Any]]  # [row number, [cells]]

    def as_session(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "header": self.header, "rows": self.rows}


def too_large_message(size: int) -> str:
    return spreadsheet_too_large(size, MAX_BYTES)


def read_upload(file_name: str, data: bytes) -> Upload:
    """Read a CSV or XLSX upload and scrub its texts at once (in each row's language)."""
    header: list[str] | None = None
    rows: list[list[Any]] = []
    for number, cells in read_rows(file_name, data, LIMITS):
        if header is None:
            header = [cell.lstrip("\ufeff").strip().lower() for cell in cells]
            missing = [name for name in REQUIRED_COLUMNS if name not in header]
            if missing:
                raise ImportFileError(
                    _("The first row must name the columns; missing: %(columns)s.")
                    % {"columns": ", ".join(missing)}
                )
            continue
        rows.append([number, _scrubbed_cells(header, cells)])
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not rows:
        raise ImportFileError(_("The file has a header row but no rows of data."))
    return Upload(file_name=file_name[:200], header=header, rows=rows)


def _scrubbed_cells(header: list[str], cells: list[str]) -> list[str]:
    """The row's cells with the text scrubbed; the unscrubbed text goes no further than this."""
    cells = list(cells)
    text_at = header.index("text")
    if text_at < len(cells) and cells[text_at]:
        language = _language(_cell(header, cells, "language")) or TextLanguage.FINNISH
        cells[text_at] = capture.scrub_text(cells[text_at], language).text
    return cells


# --- planning ------------------------------------------------------------------------------------


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    row: int
    text: str = ""  # scrubbed
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def parts(self) -> list[capture.Part]:
        return capture.preview_parts(self.text, self.values.get("language") or "fi")


@dataclass
class ImportPlan:
    file_name: str
    rows: list[RowPlan]

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def values(self) -> list[dict[str, Any]]:
        return [row.values for row in self.rows]


def _cell(header: list[str], cells: list[str], name: str) -> str:
    if name not in header:
        return ""
    at = header.index(name)
    return cells[at] if at < len(cells) else ""


def _language(text: str) -> str | None:
    return LANGUAGE_WORDS.get(text.strip().lower()) if text.strip() else None


def parse_date(text: str) -> datetime.date | None:
    """YYYY-MM-DD or D.M.YYYY; None if neither."""
    text = text.strip()
    match = _FI_DATE_RE.match(text)
    try:
        if match:
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        return datetime.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


class _Lookups:
    """Municipalities and target groups by code and by their names in every language, read once."""

    def __init__(self) -> None:
        self.municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.select_related("region"):
            self.municipalities[municipality.code] = municipality
            for name in (getattr(municipality, f"name_{lang}", "") for lang in ("fi", "sv", "en")):
                if name:
                    self.municipalities.setdefault(name.casefold(), municipality)
        self.groups: dict[str, TargetGroup] = {}
        for group in TargetGroup.objects.all():
            self.groups[group.slug] = group
            for name in (getattr(group, f"name_{lang}", "") for lang in ("fi", "sv", "en")):
                if name:
                    self.groups.setdefault(name.casefold(), group)

    def municipality(self, text: str) -> Municipality | None:
        text = text.strip()
        if text.isdigit():
            return self.municipalities.get(text.zfill(3))
        return self.municipalities.get(text.casefold())


def _plan_row(number: int, header: list[str], cells: list[str], lookups: _Lookups) -> RowPlan:
    plan = RowPlan(row=number, text=_cell(header, cells, "text"))
    problems = plan.problems

    def problem(column: str, message: str) -> None:
        problems.append(Problem(number, column, message))

    language: str = TextLanguage.FINNISH
    language_cell = _cell(header, cells, "language")
    if language_cell:
        found = _language(language_cell)
        if found is None:
            problem("language", _('Write "fi" (Finnish) or "sv" (Swedish).'))
        else:
            language = found
    date_cell = _cell(header, cells, "observed_on")
    observed_on = parse_date(date_cell) if date_cell else None
    if not date_cell:
        problem("observed_on", _("Enter the date observed."))
    elif observed_on is None:
        problem("observed_on", _("Write the date as YYYY-MM-DD or D.M.YYYY."))
    municipality_cell = _cell(header, cells, "municipality")
    municipality = lookups.municipality(municipality_cell) if municipality_cell else None
    if not municipality_cell:
        problem("municipality", _("Enter the municipality."))
    elif municipality is None:
        problem("municipality", _("Unknown municipality: write its name or its three-digit code."))
    groups: list[TargetGroup] = []
    unknown: list[str] = []
    for item in _cell(header, cells, "target_groups").split(LIST_SEPARATOR):
        if item.strip():
            group = lookups.groups.get(item.strip().casefold()) or lookups.groups.get(item.strip())
            if group is None:
                unknown.append(item.strip())
            else:
                groups.append(group)
    if unknown:
        problem("target_groups", _("Unknown target groups: %(values)s.") % {"values": ", ".join(unknown)})
    spread_cell = _cell(header, cells, "spread").lower()
    spread = SPREAD_WORDS.get(spread_cell, "") if spread_cell else Signal.Spread.ONE
    if not spread:
        problem("spread", _('Write "one", "several" or "many".'))
    source_cell = _cell(header, cells, "source").lower()
    source = SOURCE_WORDS.get(source_cell, "") if source_cell else Signal.Source.OWN
    if not source:
        problem("source", _('Write "own", "clients" or "partners".'))
    tags = [tag for tag in _cell(header, cells, "tags").split(LIST_SEPARATOR) if tag.strip()]
    plan.values = {
        "row": number,
        "text": plan.text,
        "language": language,
        "observed_on": observed_on,
        "municipality": municipality,
        "target_groups": groups,
        "spread": spread,
        "source": source,
        "tags": tags,
    }
    return plan


def import_plan(*, actor: Any, upload: Upload) -> ImportPlan:
    """What saving the upload would do, and every problem by row and column; writes nothing."""
    lookups = _Lookups()
    rows = [_plan_row(number, upload.header, cells, lookups) for number, cells in upload.rows]
    by_number = {row.row: row for row in rows}
    checkable = [row.values for row in rows if not row.problems]
    if checkable:
        for error in capture.signals_check_many(actor=actor, rows=checkable):
            row = by_number.get(error.row)
            target = row.problems if row is not None else rows[-1].problems
            target.append(Problem(error.row, error.field, error.message))
    return ImportPlan(file_name=upload.file_name, rows=rows)


def import_apply(*, actor: Any, upload: Upload) -> tuple[ImportPlan, list[Signal]]:
    """Plan again and, only if no row has a problem, save every row (all or none). Raises
    ValidationError (a `capture.RowErrors` when rows are wrong) and saves nothing otherwise."""
    plan = import_plan(actor=actor, upload=upload)
    if plan.problems:
        raise capture.RowErrors(
            [capture.RowError(problem.row, problem.column, problem.message) for problem in plan.problems]
        )
    signals = capture.signals_create_many(actor=actor, rows=plan.values, entry=Signal.Entry.IMPORT)
    return plan, signals


def upload_from_session(data: Any) -> Upload | None:
    """An upload kept in the session, or None if what is there is not one."""
    try:
        return Upload(file_name=str(data["file_name"]), header=list(data["header"]), rows=list(data["rows"]))
    except (KeyError, TypeError):
        return None


# --- the template --------------------------------------------------------------------------------


def template_rows() -> list[list[str]]:
    """The header and two example rows (made up, without personal data), dated last week."""
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    return [
        list(COLUMNS),
        [
            "Nuoret kertovat, että vuokran jälkeen rahaa ei jää ruokaan ja opinnot keskeytyvät.",
            last_week.isoformat(),
            "Kajaani",
            "fi",
            "young-people;students",
            "several",
            "clients",
            "asuminen;toimeentulo",
        ],
        [
            "Unga väntar länge på sin första träff efter reformen av arbetskrafttjänsterna.",
            f"{last_week.day}.{last_week.month}.{last_week.year}",
            "905",
            "sv",
            "unemployed",
            "many",
            "partners",
            "väntetider",
        ],
    ]


def template_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(template_rows())
    return "\ufeff" + out.getvalue()


__all__ = [
    "COLUMNS",
    "ImportFileError",
    "ImportPlan",
    "Problem",
    "RowPlan",
    "Upload",
    "import_apply",
    "import_plan",
    "read_upload",
    "template_csv",
    "upload_from_session",
]
