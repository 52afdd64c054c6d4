"""CSV and XLSX tables of the directory's services: the columns, the export of a search and the
import template. One row is one service with its organisation.

The export and the import (tabular_import.py) share these columns, so that an exported file can be
edited and imported again. The format is described for users in docs/tabular.md.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from verkosto.core.models import Municipality
from verkosto.core.spreadsheets import guard_formula, unguard_formula  # noqa: F401 - part of this module's interface
from verkosto.directory import search, selectors
from verkosto.directory.forms import search_filters_from
from verkosto.directory.models import Language, Organisation, Service, TargetGroup, WayOfWorking

CSV_DELIMITER = ";"  # Excel in Finnish and Swedish locales splits on ";" (the decimal sign is ",")
LIST_SEPARATOR = ";"  # between values inside one cell: "young-people;neet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QUERY_MAX_LENGTH = 200  # as on the search page
_CHUNK = 500  # services read per round of queries while streaming


@dataclass(frozen=True)
class Column:
    name: str
    help: Any  # lazy text for the template's column sheet
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "service_uuid",
        gettext_lazy("Stable identifier of the service. Empty: a new service is created."),
    ),
    Column(
        "organisation_uuid",
        gettext_lazy("Stable identifier of the organisation. Empty: the business ID or name decides."),
    ),
    Column(
        "organisation_name",
        gettext_lazy("Name of the organisation in Finnish. Needed for a new organisation."),
        required=True,
    ),
    Column(
        "organisation_business_id",
        gettext_lazy("Business ID (Y-tunnus), for example 1234567-8. Finds an existing organisation."),
    ),
    Column(
        "organisation_kind",
        gettext_lazy("Kind of organisation, one of the allowed values. Needed for a new organisation."),
        required=True,
    ),
    Column("service_name_fi", gettext_lazy("Name of the service in Finnish."), required=True),
    Column("service_name_sv", gettext_lazy("Name of the service in Swedish.")),
    Column("service_name_en", gettext_lazy("Name of the service in English.")),
    Column("description_fi", gettext_lazy("Description in Finnish.")),
    Column("description_sv", gettext_lazy("Description in Swedish.")),
    Column("description_en", gettext_lazy("Description in English.")),
    Column("target_groups", gettext_lazy("Target groups, identifiers separated by semicolons.")),
    Column("ways_of_working", gettext_lazy("Ways of working, identifiers separated by semicolons.")),
    Column("languages", gettext_lazy("Languages, codes separated by semicolons (fi;sv).")),
    Column(
        "municipality_codes",
        gettext_lazy(
            "Area served: official three-digit municipality codes separated by semicolons. "
            "Empty: the area of the organisation."
        ),
    ),
    Column(
        "municipality_names",
        gettext_lazy("Names of those municipalities, for reading only: the import ignores this column."),
    ),
    Column("age_min", gettext_lazy("Minimum age, a whole number.")),
    Column("age_max", gettext_lazy("Maximum age, a whole number.")),
    Column("referral_fi", gettext_lazy("How to refer a client, in Finnish.")),
    Column("cost_fi", gettext_lazy("Cost, in Finnish.")),
    Column(
        "contact_person",
        gettext_lazy(
            "Name of a contact person of the organisation (exported only if shown publicly). "
            "Empty: the contact person is not changed."
        ),
    ),
    Column("last_reviewed", gettext_lazy("Date of the last review, YYYY-MM-DD.")),
    Column(
        "published",
        gettext_lazy("true or false. Empty: not changed; a new service is a draft."),
    ),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
READ_ONLY_COLUMNS = frozenset({"municipality_names"})


# --- cells ---------------------------------------------------------------------------------------


def format_boolean(value: bool) -> str:
    return "true" if value else "false"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return format_boolean(value)
    if isinstance(value, int):
        return str(value)
    return guard_formula(str(value))


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | datetime.date):
        return value
    # Control characters are not allowed in the XML of a workbook.
    return guard_formula(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


class _Echo:
    """A file-like object that hands back what is written: csv.writer then yields lines."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The table as CSV text in pieces: a byte-order mark (Excel then reads UTF-8), the header,
    then the rows a few hundred at a time."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(header)
    batch: list[str] = []
    for row in rows:
        batch.append(writer.writerow([_csv_cell(v) for v in row]))
        if len(batch) >= 200:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """A workbook of (title, header, rows) sheets; the header bold and frozen."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        for index in range(len(header)):
            sheet.column_dimensions[column_letter(index)].width = 24
        bold = Font(bold=True)
        cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(name))
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        for row in rows:
            sheet.append([_xlsx_value(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def column_letter(index: int) -> str:
    """A, B, ..., Z, AA: how a spreadsheet names the column at this 0-based position."""
    return get_column_letter(index + 1)


# --- the export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportQuery:
    """A search as the search page reads it from the URL."""

    text: str
    filters: selectors.SearchFilters


_PARAMS = {
    "regions": "region",
    "municipalities": "municipality",
    "kinds": "kind",
    "target_groups": "target",
    "ways": "way",
    "languages": "language",
}


def export_query_from(params: Any, *, strict: bool = False) -> tuple[ExportQuery, dict[str, list[str]]]:
    """The search in these URL parameters (q, region, municipality, kind, target, way, language),
    read exactly as the search page reads them, and the problems with them by parameter.

    The search page forgives: a long text is cut, an unknown filter value matches nothing. With
    `strict` (the API) those are reported as problems instead, so that a client learns of its typo.
    """
    raw_text = (params.get("q") or "").strip()
    problems: dict[str, list[str]] = {}
    if strict and len(raw_text) > QUERY_MAX_LENGTH:
        problems["q"] = [
            _("The search text is too long: at most %(max)d characters.") % {"max": QUERY_MAX_LENGTH}
        ]
    filters = selectors.SearchFilters(**search_filters_from(params))
    if strict:
        vocabulary = selectors._vocabulary()  # the search page's own table of filter values
        for name, param in _PARAMS.items():
            known = {key for key, _token, _label in vocabulary.values[name]}
            unknown = [value for value in getattr(filters, name) if value not in known]
            if unknown:
                problems[param] = [_("Unknown value: %(values)s.") % {"values": ", ".join(unknown)}]
    return ExportQuery(text=raw_text[:QUERY_MAX_LENGTH], filters=filters), problems


def export_service_ids(query: ExportQuery) -> list[int]:
    """Every service the search page finds for this query, in the page's order (public ones only:
    the index holds no drafts). The filters become index tokens exactly as on the search page."""
    groups = selectors._facet_groups(selectors._vocabulary(), query.filters)
    everything = 1 << 31  # no pages: all of them
    return search.search(text=query.text, facet_groups=groups, offset=0, limit=everything).page_ids


@dataclass
class _References:
    """Identifier and name of every managed-list value, municipality and kind, by primary key."""

    target_groups: dict[int, tuple[int, str]]  # pk -> (position in list, slug)
    ways: dict[int, tuple[int, str]]
    languages: dict[int, tuple[int, str]]
    municipalities: dict[int, tuple[str, str]]  # pk -> (code, name in the active language)

    @classmethod
    def load(cls) -> _References:
        def ordered(model: Any, key: str) -> dict[int, tuple[int, str]]:
            return {pk: (i, value) for i, (pk, value) in enumerate(model.objects.values_list("pk", key))}

        lang = translation.get_language() or "fi"
        return cls(
            target_groups=ordered(TargetGroup, "slug"),
            ways=ordered(WayOfWorking, "slug"),
            languages=ordered(Language, "code"),
            municipalities={
                pk: (code, {"sv": name_sv, "en": name_en}.get(lang) or name_fi)
                for pk, code, name_fi, name_sv, name_en in Municipality.objects.values_list(
                    "pk", "code", "name_fi", "name_sv", "name_en"
                )
            },
        )


def _related(through: Any, column: str, ids: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for service_id, other_id in through.objects.filter(service_id__in=ids).values_list("service_id", column):
        out[service_id].append(other_id)
    return out


def _slugs(ids: list[int], table: dict[int, tuple[int, str]]) -> str:
    return LIST_SEPARATOR.join(value for _position, value in sorted(table[i] for i in ids if i in table))


def service_rows(ids: Sequence[int]) -> Iterator[list[Any]]:
    """One row per public service, in the order of `ids`, with the values of COLUMNS: a few
    queries per few hundred services, however many municipalities each one serves."""
    refs = _References.load()
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        by_id = {
            s.pk: s
            for s in selectors.public_services()
            .filter(pk__in=chunk)
            .select_related("organisation", "contact")
            .order_by()
        }
        groups = _related(Service.target_groups.through, "targetgroup_id", chunk)
        ways = _related(Service.ways_of_working.through, "wayofworking_id", chunk)
        languages = _related(Service.languages.through, "language_id", chunk)
        municipalities = _related(Service.municipalities.through, "municipality_id", chunk)
        for pk in chunk:
            service = by_id.get(pk)
            if service is None:
                continue
            places = sorted(refs.municipalities[m] for m in municipalities.get(pk, []))
            yield service_row(
                service,
                target_groups=_slugs(groups.get(pk, []), refs.target_groups),
                ways=_slugs(ways.get(pk, []), refs.ways),
                languages=_slugs(languages.get(pk, []), refs.languages),
                municipality_codes=LIST_SEPARATOR.join(code for code, _name in places),
                municipality_names=LIST_SEPARATOR.join(name for _code, name in places),
            )


def service_row(
    service: Service,
    *,
    target_groups: str,
    ways: str,
    languages: str,
    municipality_codes: str,
    municipality_names: str,
) -> list[Any]:
    organisation: Organisation = service.organisation
    contact = service.contact
    values = {
        "service_uuid": str(service.uuid),
        "organisation_uuid": str(organisation.uuid),
        "organisation_name": organisation.name_fi or "",
        "organisation_business_id": organisation.business_id,
        "organisation_kind": organisation.kind,
        "service_name_fi": service.name_fi or "",
        "service_name_sv": service.name_sv or "",
        "service_name_en": service.name_en or "",
        "description_fi": service.description_fi or "",
        "description_sv": service.description_sv or "",
        "description_en": service.description_en or "",
        "target_groups": target_groups,
        "ways_of_working": ways,
        "languages": languages,
        "municipality_codes": municipality_codes,
        "municipality_names": municipality_names,
        "age_min": service.age_min,
        "age_max": service.age_max,
        "referral_fi": service.referral_fi or "",
        "cost_fi": service.cost_fi or "",
        # A contact person appears only where the person agreed to be shown publicly.
        "contact_person": contact.name if contact is not None and contact.is_public else "",
        "last_reviewed": service.last_reviewed,
        "published": format_boolean(service.is_published),
    }
    return [values[name] for name in COLUMN_NAMES]


def export_filename(extension: str) -> str:
    return f"verkosto-services-{timezone.localdate():%Y-%m-%d}.{extension}"


def _attachment(response: HttpResponse | StreamingHttpResponse, filename: str) -> None:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A list of search results is not to be kept by shared caches.
    response["Cache-Control"] = "private, no-store"


def export_response(query: ExportQuery, extension: str) -> HttpResponse | StreamingHttpResponse:
    """Every service of the search as a CSV (streamed) or XLSX download."""
    ids = export_service_ids(query)
    response: HttpResponse | StreamingHttpResponse
    if extension == "csv":
        lang = translation.get_language() or "fi"

        def lines() -> Iterator[str]:
            # Streaming runs after the view has returned: keep the request's language.
            with translation.override(lang):
                yield from csv_lines(COLUMN_NAMES, service_rows(ids))

        response = StreamingHttpResponse(lines(), content_type=CSV_CONTENT_TYPE)
    else:
        content = xlsx_bytes([(_("services"), COLUMN_NAMES, service_rows(ids))])
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    _attachment(response, export_filename(extension))
    return response


# --- the import template -------------------------------------------------------------------------

EXAMPLE_ROW: dict[str, Any] = {
    "organisation_name": "Esimerkkipaja ry",
    "organisation_business_id": "1234567-1",
    "organisation_kind": Organisation.Kind.YOUTH_WORKSHOP.value,
    "service_name_fi": "Nuorten työpaja",
    "service_name_sv": "Ungdomsverkstad",
    "service_name_en": "Youth workshop",
    "description_fi": "Työvalmennusta ja työkokeilua puu- ja metallipajassa.",
    "description_sv": "Arbetsträning och arbetsprövning i trä- och metallverkstad.",
    "description_en": "Job coaching and work trials in a wood and metal workshop.",
    "target_groups": "young-people;neet",
    "ways_of_working": "individual;group",
    "languages": "fi;sv",
    "municipality_codes": "205",
    "municipality_names": "Kajaani",
    "age_min": 16,
    "age_max": 29,
    "referral_fi": "Ota yhteyttä pajan vastaavaan ohjaajaan tai TE-palveluihin.",
    "cost_fi": "Maksuton",
    "published": "false",
}


def template_rows() -> list[list[Any]]:
    """The template's one example row; today as the review date."""
    values = {**EXAMPLE_ROW, "last_reviewed": timezone.localdate()}
    return [[values.get(name, "") for name in COLUMN_NAMES]]


def allowed_values_sheet() -> tuple[list[str], list[list[Any]]]:
    """Side by side: each coded column's allowed values with their names in the active language."""
    lists: list[tuple[str, list[tuple[str, str]]]] = [
        ("organisation_kind", [(k.value, str(k.label)) for k in Organisation.Kind]),
        ("target_groups", [(t.slug, t.name) for t in TargetGroup.objects.all()]),
        ("ways_of_working", [(w.slug, w.name) for w in WayOfWorking.objects.all()]),
        ("languages", [(lang.code, lang.name) for lang in Language.objects.all()]),
        ("municipality_codes", [(m.code, m.name) for m in Municipality.objects.order_by("code")]),
    ]
    header: list[str] = []
    for name, _values in lists:
        header += [name, _("name")]
    longest = max(len(values) for _name, values in lists)
    rows = []
    for i in range(longest):
        row: list[Any] = []
        for _name, values in lists:
            row += list(values[i]) if i < len(values) else ["", ""]
        rows.append(row)
    return header, rows


def template_response(extension: str) -> HttpResponse:
    """The import template: the header and one example row; the XLSX adds the allowed values
    and a description of every column."""
    filename = f"verkosto-import-template.{extension}"
    if extension == "csv":
        response = HttpResponse(
            "".join(csv_lines(COLUMN_NAMES, template_rows())), content_type=CSV_CONTENT_TYPE
        )
    else:
        allowed_header, allowed_rows = allowed_values_sheet()
        columns = [[c.name, _("required for new rows") if c.required else "", str(c.help)] for c in COLUMNS]
        response = HttpResponse(
            xlsx_bytes(
                [
                    (_("services"), COLUMN_NAMES, template_rows()),
                    (_("allowed values"), allowed_header, allowed_rows),
                    (_("columns"), [_("column"), _("required"), _("description")], columns),
                ]
            ),
            content_type=XLSX_CONTENT_TYPE,
        )
    _attachment(response, filename)
    return response
