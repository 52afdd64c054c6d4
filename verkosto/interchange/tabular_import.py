"""Importing organisations and services from a CSV or XLSX table with the columns of tabular.py.

Three steps, each a function here:
1. `tabular_import_create` reads an upload (size and row limits, CSV or XLSX) and keeps its cells
   in a TabularImport owned by the uploader;
2. `import_plan` checks every row against the directory as it is now and says what would be
   created or changed, and every problem with its row and column; it writes nothing;
3. `tabular_import_apply` plans again (the directory may have changed since the preview) and, only
   if there is no problem, makes the changes through directory.services (permissions, validation,
   audit log, search index) in one transaction: all rows or none.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Field, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.accounts import permissions
from verkosto.core.models import Municipality
from verkosto.core.spreadsheets import Limits, SpreadsheetError, read_rows
from verkosto.core.spreadsheets import too_large_message as spreadsheet_too_large
from verkosto.directory import services
from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)
from verkosto.directory.search import search_index_deferred
from verkosto.directory.validators import normalise_business_id, validate_business_id

from .models import TabularImport
from .tabular import COLUMN_NAMES, LIST_SEPARATOR, column_letter

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# An XLSX file is a zip archive: 5 MB of it may unpack to far more. Refuse before parsing.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_CELL_CHARS = 10_000
IMPORT_TTL = datetime.timedelta(hours=1)

TRUE_WORDS = frozenset({"true", "1", "yes", "kyllä", "ja", "x"})
FALSE_WORDS = frozenset({"false", "0", "no", "ei", "nej"})
_SPLIT_RE = re.compile(r"[;,\n]")
_FI_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


# The directory's import reads tables with the shared reader; its errors keep this module's name.
ImportFileError = SpreadsheetError
LIMITS = Limits(
    max_bytes=MAX_BYTES,
    max_unpacked_bytes=MAX_UNPACKED_BYTES,
    max_rows=MAX_ROWS,
    max_cell_chars=MAX_CELL_CHARS,
)


class ImportRefused(Exception):
    """Applying was refused or failed, and nothing was changed."""

    def __init__(self, message: str, plan: ImportPlan | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.plan = plan


def can_import(user: Any) -> bool:
    """Coordinators (who may add organisations) and editors of an organisation."""
    return permissions.can_create_organisation(user) or bool(permissions.edited_organisation_ids(user))


# --- reading a file ------------------------------------------------------------------------------


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the file, cells), empty rows left out


def read_table(file_name: str, data: bytes) -> Table:
    """The first sheet of an XLSX workbook or a CSV file (see `core.spreadsheets`): the first
    non-empty row names the columns."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in read_rows(file_name, data, LIMITS):
        if header is None:
            header = [cell.lstrip("\ufeff").strip().lower() for cell in cells]
            continue
        rows.append((number, cells))
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not rows:
        raise ImportFileError(_("The file has a header row but no rows of data."))
    return Table(header=header, rows=rows)


def too_large_message(size: int) -> str:
    return spreadsheet_too_large(size, MAX_BYTES)


# --- keeping an upload until it is applied -------------------------------------------------------


def tabular_import_create(*, actor: Any, file_name: str, data: bytes) -> TabularImport:
    """Read the upload and keep its cells for the preview; old uploads are cleared on the way."""
    if not can_import(actor):
        raise PermissionDenied(_("You may not import organisations or services."))
    table = read_table(file_name, data)
    with transaction.atomic():
        TabularImport.objects.filter(created_at__lt=timezone.now() - IMPORT_TTL).delete()
        return TabularImport.objects.create(
            user=actor,
            file_name=file_name[:255],
            header=table.header,
            rows=[[number, cells] for number, cells in table.rows],
        )


def tabular_import_get(*, user: Any, token: uuid.UUID) -> TabularImport:
    """The user's own upload; another user's is as good as missing."""
    batch = None
    if getattr(user, "is_authenticated", False):
        batch = TabularImport.objects.filter(token=token, user=user).first()
    if batch is None:
        raise Http404
    return batch


def tabular_import_expired(batch: TabularImport) -> bool:
    return batch.created_at < timezone.now() - IMPORT_TTL


# --- planning ------------------------------------------------------------------------------------


@dataclass
class Problem:
    row: int  # 1 is the header row
    column: str  # column name as in the file; "" for the row as a whole
    letter: str  # the spreadsheet's column letter, "" if none
    message: str


@dataclass
class Change:
    column: str
    old: str
    new: str


@dataclass
class RowPlan:
    row: int
    action: str = ""  # "create", "update", "unchanged", or "error" when the row has problems
    service_name: str = ""
    organisation_name: str = ""
    organisation_action: str = ""  # "create" or "update" where this row creates or changes it
    changes: list[Change] = field(default_factory=list)
    organisation_changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # For applying:
    service: Service | None = None
    organisation_key: tuple[str, str] | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    municipalities: list[Municipality] = field(default_factory=list)
    is_published: bool | None = None


@dataclass
class OrganisationPlan:
    key: tuple[str, str]
    first_row: int
    organisation: Organisation | None  # None: to be created
    values: dict[str, str] = field(default_factory=dict)  # column -> value the file gives
    set_on: dict[str, int] = field(default_factory=dict)  # column -> row that gave it
    rows: list[int] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)  # for organisation_create / _update


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    problems: list[Problem]
    organisations: dict[tuple[str, str], OrganisationPlan]

    def _count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def services_created(self) -> int:
        return self._count("create")

    @property
    def services_updated(self) -> int:
        return self._count("update")

    @property
    def services_unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def organisations_created(self) -> int:
        return sum(1 for o in self.organisations.values() if o.organisation is None)

    @property
    def organisations_updated(self) -> int:
        return sum(1 for o in self.organisations.values() if o.organisation is not None and o.fields)

    @property
    def has_changes(self) -> bool:
        return any(
            (
                self.services_created,
                self.services_updated,
                self.organisations_created,
                self.organisations_updated,
            )
        )


# Service columns that hold one text each: column -> model field.
_TEXT_COLUMNS = {
    "service_name_fi": "name_fi",
    "service_name_sv": "name_sv",
    "service_name_en": "name_en",
    "description_fi": "description_fi",
    "description_sv": "description_sv",
    "description_en": "description_en",
    "referral_fi": "referral_fi",
    "cost_fi": "cost_fi",
}
# Service columns that hold a list of codes: column -> model field.
_LIST_COLUMNS = {
    "target_groups": "target_groups",
    "ways_of_working": "ways_of_working",
    "languages": "languages",
    "municipality_codes": "municipalities",
}
_ORGANISATION_FIELDS = {
    "organisation_name": "name_fi",
    "organisation_kind": "kind",
    "organisation_business_id": "business_id",
}
KINDS = frozenset(Organisation.Kind.values)


def _parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT_RE.split(text) if part.strip()]


def _municipality_code(text: str) -> str:
    # A spreadsheet turns "091" into 91: the official codes have three digits.
    return text.zfill(3) if text.isdigit() else text


def _parse_date(text: str) -> datetime.date | None:
    match = _FI_DATE_RE.match(text)
    try:
        if match:  # 31.1.2025, as Excel writes dates back in Finnish and Swedish locales
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _text(value: Any) -> str:
    return (value or "").replace("\r\n", "\n").strip()


def _field(model: Any, name: str) -> Field:
    found = model._meta.get_field(name)
    assert isinstance(found, Field)
    return found


def _messages(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


class _Planner:
    """Plans one file. Everything the rows refer to is read up front, a few queries per file."""

    def __init__(self, *, actor: Any, header: list[str], rows: list[list[Any]]) -> None:
        self.actor = actor
        self.header = header
        self.rows = [(int(number), [str(c) for c in cells]) for number, cells in rows]
        self.index: dict[str, int] = {}
        self.header_problems: list[Problem] = []
        self.row_plans: dict[int, RowPlan] = {}
        self.organisations: dict[tuple[str, str], OrganisationPlan] = {}
        self.seen_services: dict[uuid.UUID, int] = {}
        self.seen_new_services: dict[tuple[tuple[str, str], str], int] = {}
        self._editable: dict[int, bool] = {}
        self._read_header()
        self._load_references()
        self._load_existing()

    # reading ahead

    def _read_header(self) -> None:
        for position, name in enumerate(self.header):
            if not name:
                continue
            letter = column_letter(position)
            if name not in COLUMN_NAMES:
                message = _("Unknown column. Use the column names of the template.")
                self.header_problems.append(Problem(1, name, letter, message))
            elif name in self.index:
                self.header_problems.append(Problem(1, name, letter, _("This column appears twice.")))
            else:
                self.index[name] = position

    def _load_references(self) -> None:
        self.lookups: dict[str, dict[str, Any]] = {
            "target_groups": {t.slug.lower(): t for t in TargetGroup.objects.all()},
            "ways_of_working": {w.slug.lower(): w for w in WayOfWorking.objects.all()},
            "languages": {lang.code.lower(): lang for lang in Language.objects.all()},
            "municipality_codes": {m.code: m for m in Municipality.objects.all()},
        }
        self.keys_by_pk: dict[str, dict[int, str]] = {
            column: {obj.pk: key for key, obj in table.items()} for column, table in self.lookups.items()
        }

    def _column_values(self, column: str) -> list[str]:
        position = self.index.get(column)
        if position is None:
            return []
        return [cells[position] for _n, cells in self.rows if position < len(cells) and cells[position]]

    def _load_existing(self) -> None:
        service_uuids = {u for t in self._column_values("service_uuid") if (u := _parse_uuid(t))}
        org_uuids = {u for t in self._column_values("organisation_uuid") if (u := _parse_uuid(t))}
        business_ids = {normalise_business_id(t) for t in self._column_values("organisation_business_id")}
        self.services = {
            s.uuid: s for s in Service.objects.select_related("contact").filter(uuid__in=service_uuids)
        }
        organisations = list(
            Organisation.objects.filter(
                Q(uuid__in=org_uuids)
                | Q(business_id__in=business_ids - {""})
                | Q(pk__in={s.organisation_id for s in self.services.values()})
            )
        )
        self.orgs_by_pk = {o.pk: o for o in organisations}
        self.orgs_by_uuid = {o.uuid: o for o in organisations}
        self.orgs_by_business_id = {o.business_id: o for o in organisations if o.business_id}
        for service in self.services.values():
            service.organisation = self.orgs_by_pk[service.organisation_id]
        # The current list values of the services the file names, as codes.
        service_ids = [s.pk for s in self.services.values()]
        self.current_lists: dict[str, dict[int, set[str]]] = {}
        for column, field_name in _LIST_COLUMNS.items():
            through = getattr(Service, field_name).through
            other = next(
                f.attname for f in through._meta.concrete_fields if f.attname not in ("id", "service_id")
            )
            found: dict[int, set[str]] = defaultdict(set)
            for service_id, other_id in through.objects.filter(service_id__in=service_ids).values_list(
                "service_id", other
            ):
                found[service_id].add(self.keys_by_pk[column].get(other_id, ""))
            self.current_lists[column] = found
        self.contacts: dict[int, dict[str, list[ContactPerson]]] = defaultdict(lambda: defaultdict(list))
        for contact in ContactPerson.objects.filter(organisation_id__in=self.orgs_by_pk):
            self.contacts[contact.organisation_id][contact.name.strip().casefold()].append(contact)
        self.service_names: dict[int, set[str]] = defaultdict(set)
        for organisation_id, name in Service.objects.filter(organisation_id__in=self.orgs_by_pk).values_list(
            "organisation_id", "name_fi"
        ):
            self.service_names[organisation_id].add((name or "").strip().casefold())
        names = set(self._column_values("organisation_name"))
        self.existing_org_names = {
            (n or "").casefold()
            for n in Organisation.objects.filter(name_fi__in=names).values_list("name_fi", flat=True)
        }

    # helpers

    def _may_edit(self, organisation: Organisation) -> bool:
        if organisation.pk not in self._editable:
            self._editable[organisation.pk] = permissions.can_edit_organisation(self.actor, organisation)
        return self._editable[organisation.pk]

    def _problem(self, row: int, column: str, message: str) -> None:
        position = self.index.get(column)
        letter = column_letter(position) if position is not None else ""
        self.row_plans[row].problems.append(Problem(row, column, letter, message))

    # planning

    def plan(self) -> ImportPlan:
        for number, cells in self.rows:
            self.row_plans[number] = RowPlan(row=number)
            self._plan_row(number, cells)
        self._plan_organisations()
        rows = [self.row_plans[number] for number, _cells in self.rows]
        for row in rows:
            if row.problems:
                row.action = "error"
            row.problems.sort(key=lambda p: self.index.get(p.column, -1))
        problems = self.header_problems + [p for row in rows for p in row.problems]
        return ImportPlan(rows=rows, problems=problems, organisations=self.organisations)

    def _plan_row(self, number: int, cells: list[str]) -> None:
        plan = self.row_plans[number]

        def value(column: str) -> str:
            position = self.index.get(column)
            return cells[position] if position is not None and position < len(cells) else ""

        for position, cell in enumerate(cells):
            if cell and (position >= len(self.header) or not self.header[position]):
                plan.problems.append(
                    Problem(
                        number,
                        "",
                        column_letter(position),
                        _("This cell has a value but its column has no name in the first row."),
                    )
                )

        service = self._find_service(number, value("service_uuid"))
        if value("service_uuid") and service is None:
            self._plan_cells(plan, value, service=None, organisation=None)
            return
        organisation, key, found_by = self._find_organisation(number, value, service)
        plan.service = service
        plan.organisation_key = key
        plan.organisation_name = (
            organisation.name_fi if organisation is not None else value("organisation_name")
        )
        if organisation is not None and not self._may_edit(organisation):
            # Say no more about an organisation the user may not edit: not even what would change.
            self._problem(number, found_by, _("You may not edit the services of this organisation."))
            plan.service_name = value("service_name_fi")
            return
        if key is not None:
            self._merge_organisation(number, key, organisation, value)
        self._plan_cells(plan, value, service=service, organisation=organisation)
        if service is None and key is not None:
            self._check_new_service(plan, key, organisation, value("service_name_fi"))

    def _find_service(self, number: int, raw: str) -> Service | None:
        if not raw:
            return None
        parsed = _parse_uuid(raw)
        if parsed is None:
            self._problem(number, "service_uuid", _("This is not a valid identifier."))
            return None
        service = self.services.get(parsed)
        if service is None:
            self._problem(
                number,
                "service_uuid",
                _("No service has this identifier. Leave the cell empty to create a new service."),
            )
        elif parsed in self.seen_services:
            self._problem(
                number,
                "service_uuid",
                _("Duplicate: row %(row)d has the same service.") % {"row": self.seen_services[parsed]},
            )
        else:
            self.seen_services[parsed] = number
        return service

    def _find_organisation(
        self, number: int, value: Any, service: Service | None
    ) -> tuple[Organisation | None, tuple[str, str] | None, str]:
        """The organisation of a row, the key that groups rows of the same one, and the column
        that identified it: service_uuid, else organisation_uuid, else business ID, else name."""
        organisation: Organisation | None = None
        failed = False
        found_by = "organisation_name"
        raw_uuid = value("organisation_uuid")
        if raw_uuid:
            parsed = _parse_uuid(raw_uuid)
            organisation = self.orgs_by_uuid.get(parsed) if parsed else None
            failed = organisation is None
            found_by = "organisation_uuid"
            if parsed is None:
                self._problem(number, "organisation_uuid", _("This is not a valid identifier."))
            elif organisation is None:
                self._problem(
                    number,
                    "organisation_uuid",
                    _("No organisation has this identifier. Leave the cell empty to create a new one."),
                )
        if service is not None:
            if organisation is not None and organisation.pk != service.organisation_id:
                self._problem(
                    number, "organisation_uuid", _("A service cannot be moved to another organisation.")
                )
            organisation, failed, found_by = service.organisation, False, "service_uuid"

        business_id = ""
        raw_business_id = value("organisation_business_id")
        if raw_business_id:
            try:
                validate_business_id(raw_business_id)
            except ValidationError as exc:
                self._problem(number, "organisation_business_id", _messages(exc))
                failed = failed or organisation is None
            else:
                business_id = normalise_business_id(raw_business_id)
        if organisation is None and not failed and business_id:
            organisation = self.orgs_by_business_id.get(business_id)
            found_by = "organisation_business_id"

        name = value("organisation_name")
        if organisation is not None:
            return organisation, ("pk", str(organisation.pk)), found_by
        if failed:
            return None, None, found_by
        if business_id:
            return None, ("business_id", business_id), "organisation_business_id"
        if name:
            return None, ("name", name.casefold()), "organisation_name"
        self._problem(
            number,
            "organisation_name",
            _("Which organisation? Give its name, its business ID or its organisation_uuid."),
        )
        return None, None, found_by

    def _merge_organisation(
        self, number: int, key: tuple[str, str], organisation: Organisation | None, value: Any
    ) -> None:
        """Rows of one organisation must agree on its name, kind and business ID."""
        plan = self.organisations.get(key)
        if plan is None:
            plan = self.organisations[key] = OrganisationPlan(
                key=key, first_row=number, organisation=organisation
            )
        plan.rows.append(number)
        for column in _ORGANISATION_FIELDS:
            given = value(column)
            if column == "organisation_kind":
                given = given.lower()
                if given and given not in KINDS:
                    self._problem(
                        number,
                        column,
                        _("Unknown kind of organisation: %(value)s. See the allowed values.")
                        % {"value": given},
                    )
                    continue
            if column == "organisation_business_id" and given:
                try:
                    validate_business_id(given)
                except ValidationError:
                    continue  # reported already
                given = normalise_business_id(given)
            if not given:
                continue
            earlier = plan.values.get(column)
            if earlier is None:
                plan.values[column] = given
                plan.set_on[column] = number
            elif earlier != given:
                self._problem(
                    number,
                    column,
                    _("Row %(row)d gives this organisation another value: %(value)s.")
                    % {"row": plan.set_on[column], "value": earlier},
                )

    def _plan_cells(
        self, plan: RowPlan, value: Any, *, service: Service | None, organisation: Organisation | None
    ) -> None:
        """The service's new values: every cell checked, the differences to the stored service."""
        row = plan.row
        creating = service is None
        plan.service_name = value("service_name_fi") or (service.name_fi if service else "") or ""

        for column, field_name in _TEXT_COLUMNS.items():
            if column not in self.index:
                if creating and column == "service_name_fi":
                    self._problem(row, column, _("A value is required in this column."))
                continue
            new = value(column)
            model_field = _field(Service, field_name)
            if column == "service_name_fi" and not new:
                self._problem(row, column, _("A value is required in this column."))
                continue
            if new:
                try:
                    model_field.run_validators(new)
                except ValidationError as exc:
                    self._problem(row, column, _messages(exc))
                    continue
            old = _text(getattr(service, field_name)) if service else ""
            if new != old:
                plan.fields[field_name] = new if new or not model_field.null else None
                plan.changes.append(Change(column, old, new))

        for column, field_name in _LIST_COLUMNS.items():
            if column not in self.index:
                continue
            table = self.lookups[column]
            keys = _split_list(value(column))
            if column == "municipality_codes":
                keys = [_municipality_code(k) for k in keys]
            else:
                keys = [k.lower() for k in keys]
            unknown = [k for k in keys if k not in table]
            if unknown:
                message = {
                    "target_groups": _("Unknown target group: %(values)s. See the allowed values."),
                    "ways_of_working": _("Unknown way of working: %(values)s. See the allowed values."),
                    "languages": _("Unknown language code: %(values)s. See the allowed values."),
                    "municipality_codes": _("Unknown municipality code: %(values)s. See the allowed values."),
                }[column]
                self._problem(row, column, message % {"values": ", ".join(unknown)})
                continue
            new_keys = set(keys)
            if column == "municipality_codes":
                plan.municipalities = [table[k] for k in sorted(new_keys)]
            old_keys = self.current_lists[column].get(service.pk, set()) if service else set()
            if new_keys != old_keys:
                plan.fields[field_name] = [table[k] for k in sorted(new_keys)]
                plan.changes.append(
                    Change(
                        column, LIST_SEPARATOR.join(sorted(old_keys)), LIST_SEPARATOR.join(sorted(new_keys))
                    )
                )

        ages: dict[str, int | None] = {}
        for column in ("age_min", "age_max"):
            current = getattr(service, column) if service else None
            ages[column] = current
            if column not in self.index:
                continue
            text = value(column)
            new_age: int | None = None
            if text:
                try:
                    new_age = int(text)
                    _field(Service, column).run_validators(new_age)
                except ValueError:
                    self._problem(row, column, _("Write a whole number in this column."))
                    continue
                except ValidationError as exc:
                    self._problem(row, column, _messages(exc))
                    continue
            ages[column] = new_age
            if new_age != current:
                plan.fields[column] = new_age
                plan.changes.append(Change(column, "" if current is None else str(current), text))
        if ages["age_min"] is not None and ages["age_max"] is not None and ages["age_min"] > ages["age_max"]:
            self._problem(row, "age_max", _("The minimum age must not exceed the maximum age."))

        if "last_reviewed" in self.index:
            text = value("last_reviewed")
            reviewed = _parse_date(text) if text else None
            current_date = service.last_reviewed if service else None
            if text and reviewed is None:
                self._problem(row, "last_reviewed", _("Enter a date as YYYY-MM-DD."))
            elif reviewed != current_date:
                plan.fields["last_reviewed"] = reviewed
                plan.changes.append(
                    Change("last_reviewed", current_date.isoformat() if current_date else "", text)
                )

        if "published" in self.index:
            text = value("published").lower()
            if text and text not in TRUE_WORDS | FALSE_WORDS:
                self._problem(row, "published", _("Write true or false."))
            elif text:
                plan.is_published = text in TRUE_WORDS
                if service is None or plan.is_published != service.is_published:
                    if service is not None or plan.is_published:
                        plan.changes.append(
                            Change(
                                "published",
                                "" if service is None else ("true" if service.is_published else "false"),
                                "true" if plan.is_published else "false",
                            )
                        )
                    plan.fields["is_published"] = plan.is_published

        if "contact_person" in self.index and value("contact_person"):
            name = value("contact_person")
            found = self.contacts[organisation.pk][name.casefold()] if organisation is not None else []
            if not found:
                self._problem(
                    row,
                    "contact_person",
                    _("The organisation has no contact person of this name. Add the person first."),
                )
            elif len(found) > 1:
                self._problem(
                    row, "contact_person", _("The organisation has several contact people of this name.")
                )
            elif service is None or service.contact_id != found[0].pk:
                old_contact = service.contact.name if service is not None and service.contact else ""
                plan.fields["contact"] = found[0]
                plan.changes.append(Change("contact_person", old_contact, found[0].name))

        if creating:
            plan.action = "create"
        else:
            plan.action = "update" if plan.fields else "unchanged"

    def _check_new_service(
        self, plan: RowPlan, key: tuple[str, str], organisation: Organisation | None, name: str
    ) -> None:
        if not name:
            return
        seen = self.seen_new_services.get((key, name.casefold()))
        if seen is not None:
            self._problem(
                plan.row,
                "service_name_fi",
                _("Duplicate: row %(row)d creates a service of the same name in the same organisation.")
                % {"row": seen},
            )
            return
        self.seen_new_services[(key, name.casefold())] = plan.row
        if organisation is not None and name.casefold() in self.service_names[organisation.pk]:
            plan.warnings.append(
                _(
                    "The organisation already has a service of this name. To change that service "
                    "instead of adding another, give its service_uuid."
                )
            )

    def _plan_organisations(self) -> None:
        new_names: dict[str, int] = {}
        for plan in self.organisations.values():
            first = self.row_plans[plan.first_row]
            if plan.organisation is None:
                self._plan_new_organisation(plan, first, new_names)
            else:
                self._plan_organisation_update(plan)

    def _plan_new_organisation(
        self, plan: OrganisationPlan, first: RowPlan, new_names: dict[str, int]
    ) -> None:
        row = plan.first_row
        name = plan.values.get("organisation_name", "")
        for column in ("organisation_name", "organisation_kind"):
            if column not in plan.values:
                self._problem(row, column, _("Required for a new organisation."))
        if name:
            try:
                _field(Organisation, "name_fi").run_validators(name)
            except ValidationError as exc:
                self._problem(row, "organisation_name", _messages(exc))
            if name.casefold() in new_names:
                self._problem(
                    row,
                    "organisation_name",
                    _(
                        "Row %(row)d creates another organisation of the same name. "
                        "Give their rows the same business ID."
                    )
                    % {"row": new_names[name.casefold()]},
                )
            new_names.setdefault(name.casefold(), row)
            if name.casefold() in self.existing_org_names:
                first.warnings.append(
                    _(
                        "An organisation of this name exists already. To add services to it instead "
                        "of creating another, give its organisation_uuid or business ID."
                    )
                )
        municipalities: dict[int, Municipality] = {}
        published = False
        for number in plan.rows:
            row_plan = self.row_plans[number]
            municipalities.update({m.pk: m for m in row_plan.municipalities})
            published = published or bool(row_plan.is_published)
        if not municipalities:
            self._problem(
                row,
                "municipality_codes",
                _("A new organisation needs the municipality codes of its services: where it works."),
            )
        elif not permissions.can_create_organisation(
            self.actor, {m.region_id for m in municipalities.values()}
        ):
            self._problem(row, "organisation_name", _("You may not add organisations in these regions."))
        plan.fields = {
            "name_fi": name,
            "kind": plan.values.get("organisation_kind", ""),
            "business_id": plan.values.get("organisation_business_id", ""),
            "municipalities": sorted(municipalities.values(), key=lambda m: m.code),
            # The organisation is public when it has a public service; otherwise it stays a draft.
            "is_published": published,
        }
        first.organisation_action = "create"
        first.organisation_changes = [
            Change(column, "", plan.values[column])
            for column in _ORGANISATION_FIELDS
            if plan.values.get(column)
        ]

    def _plan_organisation_update(self, plan: OrganisationPlan) -> None:
        organisation = plan.organisation
        assert organisation is not None
        for column, field_name in _ORGANISATION_FIELDS.items():
            new = plan.values.get(column)
            old = _text(getattr(organisation, field_name))
            if new is None or new == old:
                continue
            row = plan.set_on[column]
            if column == "organisation_name":
                try:
                    _field(Organisation, "name_fi").run_validators(new)
                except ValidationError as exc:
                    self._problem(row, column, _messages(exc))
                    continue
            if column == "organisation_business_id":
                other = self.orgs_by_business_id.get(new)
                if other is not None and other.pk != organisation.pk:
                    self._problem(row, column, _("Another organisation has this business ID already."))
                    continue
            plan.fields[field_name] = new
            row_plan = self.row_plans[row]
            row_plan.organisation_action = "update"
            row_plan.organisation_changes.append(Change(column, old, new))


def import_plan(*, actor: Any, header: list[str], rows: list[list[Any]]) -> ImportPlan:
    """What importing these rows would do now, and every problem; writes nothing."""
    return _Planner(actor=actor, header=header, rows=rows).plan()


# --- applying ------------------------------------------------------------------------------------


@contextmanager
def _at_row(row: int) -> Iterator[None]:
    """A refusal by directory.services, reported with the row that caused it."""
    try:
        yield
    except (PermissionDenied, ValidationError, DatabaseError) as exc:
        detail = _messages(exc) if isinstance(exc, ValidationError) else str(exc)
        raise ImportRefused(
            _("Row %(row)d could not be saved: %(error)s Nothing was changed.")
            % {"row": row, "error": detail or _("You may not make this change.")}
        ) from exc


def tabular_import_apply(*, actor: Any, batch: TabularImport) -> ImportPlan:
    """Plan the upload again and, if it has no problem, make every change in one transaction."""
    if batch.user_id != getattr(actor, "pk", None) or not can_import(actor):
        raise PermissionDenied(_("You may not import organisations or services."))
    # One index refresh for the whole file at the end, inside the same transaction.
    with transaction.atomic(), search_index_deferred():
        claimed = TabularImport.objects.filter(pk=batch.pk, applied_at__isnull=True).update(
            applied_at=timezone.now()
        )
        if not claimed:
            raise ImportRefused(_("This file has been imported already."))
        plan = import_plan(actor=actor, header=batch.header, rows=batch.rows)
        if plan.problems:
            raise ImportRefused(_("The file has problems, so nothing was changed."), plan=plan)
        saved: dict[tuple[str, str], Organisation] = {}
        for organisation_plan in plan.organisations.values():
            with _at_row(organisation_plan.first_row):
                if organisation_plan.organisation is None:
                    saved[organisation_plan.key] = services.organisation_create(
                        actor=actor, **organisation_plan.fields
                    )
                else:
                    saved[organisation_plan.key] = organisation_plan.organisation
                    if organisation_plan.fields:
                        services.organisation_update(
                            actor=actor,
                            organisation=organisation_plan.organisation,
                            **organisation_plan.fields,
                        )
        for row in plan.rows:
            with _at_row(row.row):
                if row.action == "create":
                    assert row.organisation_key is not None
                    services.service_create(
                        actor=actor, organisation=saved[row.organisation_key], **row.fields
                    )
                elif row.action == "update":
                    assert row.service is not None
                    services.service_update(actor=actor, service=row.service, **row.fields)
    return plan
