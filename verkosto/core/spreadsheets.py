"""Reading an uploaded table: the first sheet of an XLSX workbook or a CSV file.

CSV may be UTF-8 or Windows-1252 (as Excel's "CSV" writes it in Finland), with ";", "," or tab
between cells, whichever the first row uses. Every problem is a `SpreadsheetError` whose message
says what to do, in the user's language, and never quotes a cell (a cell may hold personal data).
Importers (the directory's, the signals') build their rows on `read_rows`.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# A leading apostrophe that an export put before one of these keeps a spreadsheet from running the
# cell as a formula; reading the file back takes it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(Exception):
    """The upload cannot be read as a table; the message says why in the user's language."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_unpacked_bytes: int  # an XLSX is a zip: what it unpacks to (a "zip bomb" is refused)
    max_rows: int
    max_cell_chars: int


def guard_formula(text: str) -> str:
    """A text a spreadsheet would run as a formula ("CSV injection"), made inert with a leading
    apostrophe: every export of user-written text puts its cells through this."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard_formula(text: str) -> str:
    """The inverse of `guard_formula`, for cells coming back in an import."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def too_large_message(size: int, limit: int) -> str:
    return _("The file is too large (%(size)s). The limit is %(limit)s: split it into smaller files.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(limit),
    }


def read_rows(file_name: str, data: bytes, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    """(row number in the file, cells) of every non-empty row, the header row included; cells are
    stripped, line ends normalised, formula guards taken off, trailing empty cells dropped."""
    if len(data) > limits.max_bytes:
        raise SpreadsheetError(too_large_message(len(data), limits.max_bytes))
    if data.startswith(b"PK\x03\x04"):
        raw = _xlsx_rows(data, limits)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(_("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV."))
    elif file_name.lower().endswith(".xlsx"):
        raise SpreadsheetError(_("The file is not a valid XLSX workbook."))
    else:
        raw = _csv_rows(data)
    data_rows = 0
    for number, values in enumerate(raw, start=1):
        cells = [_clean_cell(value, number, limits) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        data_rows += 1
        if data_rows > limits.max_rows + 1:  # the header row is not a data row
            raise SpreadsheetError(
                _("The file has more than %(max)s rows. Split it into files of at most %(max)s rows.")
                % {"max": number_format(limits.max_rows, force_grouping=True)}
            )
        yield number, cells


def _clean_cell(value: str, row: int, limits: Limits) -> str:
    if len(value) > limits.max_cell_chars:
        raise SpreadsheetError(
            _("A cell on row %(row)d is longer than %(max)d characters.")
            % {"row": row, "max": limits.max_cell_chars}
        )
    return unguard_formula(value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_('The file is not text in UTF-8. Save it as "CSV UTF-8" and try again.'))


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise SpreadsheetError(_("The file is neither CSV nor XLSX."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        # The csv module's message never quotes the cell: safe to show.
        raise SpreadsheetError(
            _("The CSV file cannot be read at row %(row)d: %(error)s")
            % {"row": reader.line_num, "error": exc}
        ) from exc


def _xlsx_rows(data: bytes, limits: Limits) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(_("The file is not a valid XLSX workbook.")) from exc
    if unpacked > limits.max_unpacked_bytes:
        raise SpreadsheetError(too_large_message(unpacked, limits.max_bytes))
    try:
        # data_only: a formula cell gives the value Excel last computed for it, never the formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise SpreadsheetError(_("The file is not a valid XLSX workbook.")) from exc
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_xlsx_text(value) for value in row]
    except SpreadsheetError:
        raise
    except Exception as exc:
        raise SpreadsheetError(_("The file is not a valid XLSX workbook.")) from exc
    finally:
        workbook.close()


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
