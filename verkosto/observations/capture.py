"""Filing signals: one by one (`signal_create`), many at once from a coordinator's list or a
spreadsheet (`signals_create_many`), and the scrubbed preview the writer sees before sending.

The text is scrubbed of personal data (`textanalytics.scrub`) before anything else looks at it:
validation messages, the audit log and the database only ever see the scrubbed text, and the
original is never logged. Each write checks permission, validates every row, saves, places the
new signals in themes, counts their keywords and records them in the audit log, in one transaction:
all rows or none.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record
from verkosto.core.models import Municipality
from verkosto.directory.models import Organisation, TargetGroup
from verkosto.textanalytics import scrub as scrubber

from . import keywords, permissions, placement
from .models import TEXT_MAX, Signal, Tag, TextLanguage

MAX_TAGS = 10
TAG_MAX = 50
# Older observations are no longer "signals": the radar looks at the last two years.
MAX_AGE = datetime.timedelta(days=2 * 365)
# One bulk entry or import at a time: larger lists are split into several files.
MAX_ROWS = 1000
AUDIT_FIELDS = (
    ("language", "language"),
    ("observed_on", "observed_on"),
    ("municipality", "municipality_id"),
    ("region", "region_id"),
    ("spread", "spread"),
    ("source", "source"),
    ("entry", "entry"),
)


# --- scrubbing and its preview -------------------------------------------------------------------


def scrub_text(text: str, language: str) -> scrubber.ScrubResult:
    """The text as it would be stored: personal data replaced by placeholders of its language."""
    return scrubber.scrub(text or "", language if language in TextLanguage.values else "fi")


def placeholders(language: str) -> list[str]:
    """The placeholders scrubbing may put in a text of this language, e.g. "[nimi]"."""
    return list(scrubber.PLACEHOLDERS["sv" if language == "sv" else "fi"].values())


@dataclass(frozen=True)
class Part:
    """A piece of a scrubbed text: plain, or a placeholder (shown highlighted)."""

    text: str
    is_placeholder: bool = False


def preview_parts(scrubbed: str, language: str) -> list[Part]:
    """The scrubbed text cut into plain parts and placeholders, for highlighting."""
    marks = placeholders(language)
    parts: list[Part] = []
    rest = scrubbed
    while rest:
        found = [(rest.find(mark), mark) for mark in marks if mark in rest]
        if not found:
            parts.append(Part(rest))
            break
        start, mark = min(found)
        if start:
            parts.append(Part(rest[:start]))
        parts.append(Part(mark, is_placeholder=True))
        rest = rest[start + len(mark) :]
    return parts


def preview_hash(*scrubbed_texts: str) -> str:
    """A keyed hash of what the writer was shown: sending checks that it is still what will be
    stored (the text may have been edited after the preview)."""
    digest = hashlib.sha256("\x00".join(scrubbed_texts).encode()).hexdigest()
    return salted_hmac("observations.capture.preview", digest).hexdigest()


# --- cleaning the fields -------------------------------------------------------------------------


def normalise_tags(tags: str | Iterable[str] | None, language: str = "fi") -> list[str]:
    """Tags lower case, without repeats, in the order given. A string is split at commas.

    A tag is stored as typed, not scrubbed, so one the scrubber would change (a capitalised name,
    a phone number, an e-mail address, an identity code) is refused, without repeating it.
    """
    if tags is None:
        return []
    items = tags.split(",") if isinstance(tags, str) else list(tags)
    names: list[str] = []
    for item in items:
        typed = " ".join(str(item).split())
        if typed and scrubber.scrub(typed, language).text != typed:
            raise ValidationError(
                _("Tags may not contain personal data such as names, phone numbers or e-mail addresses."),
                code="tag_personal_data",
            )
        name = typed.lower()
        if not name or name in names:
            continue
        if len(name) > TAG_MAX:
            raise ValidationError(
                _("A tag may be at most %(max)d characters long.") % {"max": TAG_MAX}, code="tag_length"
            )
        names.append(name)
    if len(names) > MAX_TAGS:
        raise ValidationError(_("At most %(max)d tags.") % {"max": MAX_TAGS}, code="too_many_tags")
    return names


def default_organisation(user: Any) -> Organisation | None:
    """The user's first organisation (see `permissions.person_organisation_ids`), if any."""
    ids = permissions.person_organisation_ids(user)
    return Organisation.objects.filter(pk=ids[0]).first() if ids else None


def default_municipality(user: Any) -> Municipality | None:
    """The first municipality the user's organisation serves: where most of its signals come from."""
    organisation = default_organisation(user)
    if organisation is None:
        return None
    return organisation.municipalities.select_related("region").order_by("name_fi", "pk").first()


def _check_date(observed_on: Any, today: datetime.date) -> list[str]:
    if not isinstance(observed_on, datetime.date):
        return [_("Enter the date you noticed this.")]
    if isinstance(observed_on, datetime.datetime):
        observed_on = observed_on.date()
    if observed_on > today:
        return [_("The date cannot be in the future.")]
    if observed_on < today - MAX_AGE:
        return [_("The date is more than two years ago. Signals are about what is happening now.")]
    return []


@dataclass
class _Prepared:
    signal: Signal
    target_groups: list[TargetGroup] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _prepare(
    *,
    actor: Any,
    text: str,
    language: str,
    observed_on: Any,
    municipality: Municipality | None,
    target_groups: Iterable[TargetGroup],
    spread: str,
    source: str,
    tags: str | Iterable[str] | None,
    entry: str,
    organisation: Organisation | None,
    allowed_region_ids: set[int] | None,
    today: datetime.date,
) -> _Prepared:
    """One signal, scrubbed and checked, not yet saved. Raises ValidationError by field; no message
    ever quotes the text."""
    errors: dict[str, list[str]] = {}
    language = language or TextLanguage.FINNISH
    if language not in TextLanguage.values:
        errors["language"] = [_("Choose Finnish or Swedish.")]
        language = TextLanguage.FINNISH
    original = (text or "").strip()
    scrubbed = ""
    if not original:
        errors["text"] = [_("Write what you noticed.")]
    elif len(original) > TEXT_MAX:
        errors["text"] = [
            _("The text may be at most %(max)d characters long; it has %(count)d.")
            % {"max": TEXT_MAX, "count": len(original)}
        ]
    else:
        scrubbed = scrub_text(original, language).text
        if len(scrubbed) > TEXT_MAX:
            errors["text"] = [
                _(
                    "With personal data replaced by placeholders the text has %(count)d characters; "
                    "the limit is %(max)d. Shorten it a little."
                )
                % {"max": TEXT_MAX, "count": len(scrubbed)}
            ]
    del original, text  # from here on only the scrubbed text exists
    date_errors = _check_date(observed_on, today)
    if date_errors:
        errors["observed_on"] = date_errors
    elif isinstance(observed_on, datetime.datetime):
        observed_on = observed_on.date()
    if municipality is None:
        errors["municipality"] = [_("Choose the municipality.")]
    elif allowed_region_ids is not None and municipality.region_id not in allowed_region_ids:
        errors["municipality"] = [
            _("You may enter signals only for municipalities of the regions you coordinate.")
        ]
    if spread not in Signal.Spread.values:
        errors["spread"] = [_("Choose how widespread it is.")]
    if source not in Signal.Source.values:
        errors["source"] = [_("Choose where you know this from.")]
    try:
        tag_names = normalise_tags(tags, language)
    except ValidationError as exc:
        errors["tags"] = exc.messages
        tag_names = []
    groups = list(target_groups or ())
    if errors:
        raise ValidationError(errors)
    assert municipality is not None
    signal = Signal(
        text=scrubbed,
        language=language,
        observed_on=observed_on,
        municipality=municipality,
        region_id=municipality.region_id,
        spread=spread,
        source=source,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        entry=entry,
    )
    signal.full_clean(exclude=["author", "organisation", "theme", "regional_theme", "reviewed_by"])
    return _Prepared(signal=signal, target_groups=groups, tags=tag_names)


def _organisation_for(actor: Any, organisation: Organisation | None) -> Organisation | None:
    """The organisation a signal is filed for: given (one of the actor's own), or the default."""
    if organisation is None:
        return default_organisation(actor)
    if organisation.pk in permissions.person_organisation_ids(actor) or permissions.has_national_reach(actor):
        return organisation
    raise ValidationError({"organisation": [_("You may file signals only for your own organisation.")]})


def _save(*, actor: Any, prepared: list[_Prepared]) -> list[Signal]:
    """Save prepared signals with their target groups and tags, then place, count and audit them.
    Runs inside the caller's transaction."""
    signals = [item.signal for item in prepared]
    for signal in signals:
        signal.save()
    tag_names = sorted({name for item in prepared for name in item.tags})
    tag_by_name: dict[str, Tag] = {}
    if tag_names:
        Tag.objects.bulk_create([Tag(name=name) for name in tag_names], ignore_conflicts=True)
        tag_by_name = {tag.name: tag for tag in Tag.objects.filter(name__in=tag_names)}
    # The many-to-many tables, filled in one query each.
    group_link: Any = Signal.target_groups.through
    tag_link: Any = Signal.tags.through
    group_links = [
        group_link(signal_id=item.signal.pk, targetgroup_id=group.pk)
        for item in prepared
        for group in dict.fromkeys(item.target_groups)
    ]
    tag_links = [
        tag_link(signal_id=item.signal.pk, tag_id=tag_by_name[name].pk)
        for item in prepared
        for name in item.tags
    ]
    group_link.objects.bulk_create(group_links)
    tag_link.objects.bulk_create(tag_links)
    placement.place_signals(signals)
    keywords.record_signals(signals)
    for item in prepared:
        signal = item.signal
        # Field names and ids only: the text stays out of the log.
        changes = {name: ["", str(getattr(signal, attname))] for name, attname in AUDIT_FIELDS}
        changes["target_groups"] = ["", ", ".join(str(g.pk) for g in item.target_groups)]
        changes["tags"] = ["", ", ".join(str(tag_by_name[name].pk) for name in item.tags)]
        audit_record(actor=actor, action="create", instance=signal, changes=changes)
    return signals


def signal_create(
    *,
    actor: Any,
    text: str,
    language: str = TextLanguage.FINNISH,
    observed_on: datetime.date,
    municipality: Municipality | None = None,
    target_groups: Iterable[TargetGroup] = (),
    spread: str = Signal.Spread.ONE,
    source: str = Signal.Source.OWN,
    tags: str | Iterable[str] | None = (),
    entry: str = Signal.Entry.SINGLE,
    organisation: Organisation | None = None,
) -> Signal:
    """File one signal. Anyone with a role may file; the municipality defaults to the first one
    the filer's organisation serves."""
    if not permissions.can_file_signal(actor):
        raise PermissionDenied(_("You may not file signals."))
    if entry not in Signal.Entry.values:
        raise ValidationError({"entry": [_("Unknown way of entry.")]})
    organisation = _organisation_for(actor, organisation)
    if municipality is None:
        municipality = default_municipality(actor)
    prepared = _prepare(
        actor=actor,
        text=text,
        language=language,
        observed_on=observed_on,
        municipality=municipality,
        target_groups=target_groups,
        spread=spread,
        source=source,
        tags=tags,
        entry=entry,
        organisation=organisation,
        allowed_region_ids=None,
        today=timezone.localdate(),
    )
    with transaction.atomic():
        (signal,) = _save(actor=actor, prepared=[prepared])
    return signal


# --- many at once --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int
    field: str  # a Signal field name, or "" for the row as a whole
    message: str


class RowErrors(ValidationError):
    """Problems of several rows: `row_errors` lists them; the messages name the row and field."""

    def __init__(self, row_errors: list[RowError]) -> None:
        self.row_errors = row_errors
        super().__init__([_row_message(error) for error in row_errors])


def field_label(name: str) -> str:
    if name in {
        "text",
        "language",
        "observed_on",
        "municipality",
        "target_groups",
        "spread",
        "source",
        "tags",
    }:
        return str(getattr(Signal._meta.get_field(name), "verbose_name", name))
    return name


def _row_message(error: RowError) -> str:
    if error.field:
        return _("Row %(row)d, %(field)s: %(message)s") % {
            "row": error.row,
            "field": field_label(error.field),
            "message": error.message,
        }
    return _("Row %(row)d: %(message)s") % {"row": error.row, "message": error.message}


def bulk_region_ids(user: Any) -> set[int] | None:
    """The regions whose municipalities a user may enter signals for in bulk; None: anywhere."""
    if permissions.has_national_reach(user):
        return None
    return set(permissions.coordinated_region_ids(user))


ROW_FIELDS = ("text", "language", "observed_on", "municipality", "target_groups", "spread", "source", "tags")


def _prepare_rows(
    *, actor: Any, rows: Sequence[Mapping[str, Any]], entry: str
) -> tuple[list[_Prepared], list[RowError]]:
    allowed = bulk_region_ids(actor)
    today = timezone.localdate()
    organisation = default_organisation(actor)
    prepared: list[_Prepared] = []
    problems: list[RowError] = []
    for index, row in enumerate(rows, start=1):
        number = int(row.get("row") or index)
        try:
            prepared.append(
                _prepare(
                    actor=actor,
                    text=row.get("text", ""),
                    language=row.get("language") or TextLanguage.FINNISH,
                    observed_on=row.get("observed_on"),
                    municipality=row.get("municipality"),
                    target_groups=row.get("target_groups") or (),
                    spread=row.get("spread") or Signal.Spread.ONE,
                    source=row.get("source") or Signal.Source.OWN,
                    tags=row.get("tags") or (),
                    entry=entry,
                    organisation=organisation,
                    allowed_region_ids=allowed,
                    today=today,
                )
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, messages in exc.message_dict.items():
                    for message in messages:
                        problems.append(RowError(number, "" if name == "__all__" else name, message))
            else:
                problems.extend(RowError(number, "", message) for message in exc.messages)
    return prepared, problems


def signals_check_many(*, actor: Any, rows: Sequence[Mapping[str, Any]]) -> list[RowError]:
    """Every problem the rows have, as `signals_create_many` would find it; writes nothing."""
    if not permissions.can_enter_in_bulk(actor):
        raise PermissionDenied(_("Only coordinators may enter signals in bulk."))
    if len(rows) > MAX_ROWS:
        return [RowError(MAX_ROWS + 1, "", _("At most %(max)d signals at a time.") % {"max": MAX_ROWS})]
    _prepared, problems = _prepare_rows(actor=actor, rows=rows, entry=Signal.Entry.BULK)
    return problems


def signals_create_many(
    *, actor: Any, rows: Sequence[Mapping[str, Any]], entry: str = Signal.Entry.BULK
) -> list[Signal]:
    """Save many signals: all rows or none. Each row is a mapping of the arguments of
    `signal_create` (text, language, observed_on, municipality, target_groups, spread, source,
    tags) and optionally "row", its number for error messages (default: its position from 1).
    Raises RowErrors listing every problem of every row. For coordinators (municipalities of their
    regions) and national coordinators (anywhere)."""
    if not permissions.can_enter_in_bulk(actor):
        raise PermissionDenied(_("Only coordinators may enter signals in bulk."))
    if entry not in (Signal.Entry.BULK, Signal.Entry.IMPORT):
        raise ValidationError({"entry": [_("Unknown way of entry.")]})
    if not rows:
        raise ValidationError(_("There are no signals to save."))
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("At most %(max)d signals at a time.") % {"max": MAX_ROWS})
    prepared, problems = _prepare_rows(actor=actor, rows=rows, entry=entry)
    if problems:
        raise RowErrors(problems)
    with transaction.atomic():
        return _save(actor=actor, prepared=prepared)
