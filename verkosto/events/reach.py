"""How far the events reached: events by kind, participants, distinct people and organisations,
regions and municipalities covered, and events and participants per month.

`reach_events` is the permission-scoped read (national coordinators see every event, regional
coordinators the events of their regions, network coordinators those of their networks), with
the page's filters. `reach_summary` turns any set of events into plain data (numbers, names,
codes, dates; no model instances) in four queries, so that the impact reports can reuse it.

Who counts as a participant: for an event whose attendance was marked, the people marked present
(walk-ins included); for an event whose attendance was never marked, everyone attending. The
summary says how many events were counted each way.
"""

from __future__ import annotations

import csv
import datetime
import io
import uuid as uuid_module
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Concat, Lower, Trim
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from verkosto.accounts import permissions as account_permissions
from verkosto.core.models import Municipality, Region
from verkosto.core.spreadsheets import guard_formula
from verkosto.directory.models import Organisation
from verkosto.networks.models import Network

from .attendance import marked_registrations
from .models import Event, Registration

ATTENDING = Registration.Status.ATTENDING
NATIONAL = Event.Kind.NATIONAL_EVENT


# --- scope and filters ---------------------------------------------------------------------------


def _scope(user: Any) -> Q | None:
    """The events the user may count: None for none at all, an empty Q for every event."""
    if not getattr(user, "is_authenticated", False):
        return None
    if account_permissions.has_national_reach(user):
        return Q()
    scope = Q(pk__in=[])
    found = False
    regions = account_permissions.coordinated_region_ids(user)
    if regions:
        scope |= Q(regions__in=regions) | Q(municipality__region_id__in=regions)
        found = True
    if user.coordinated_networks.exists():
        scope |= Q(networks__coordinators=user)
        found = True
    return scope if found else None


def can_view_reach(user: Any) -> bool:
    return _scope(user) is not None


def reach_networks(*, user: Any) -> QuerySet[Network]:
    """The networks offered as a filter: all for national coordinators; otherwise those the user
    coordinates and those working in the user's regions."""
    if account_permissions.has_national_reach(user):
        return Network.objects.order_by("name_fi", "pk")
    regions = account_permissions.coordinated_region_ids(user)
    return (
        Network.objects.filter(Q(coordinators=user) | Q(regions__in=regions))
        .distinct()
        .order_by("name_fi", "pk")
    )


def reach_regions(*, user: Any) -> QuerySet[Region]:
    """The regions offered as a filter: all for national coordinators, else the user's own and
    those of the networks the user coordinates."""
    if account_permissions.has_national_reach(user):
        return Region.objects.order_by("code")
    mine = account_permissions.coordinated_region_ids(user)
    return Region.objects.filter(Q(pk__in=mine) | Q(networks__coordinators=user)).distinct().order_by("code")


def _year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def held_events(*, now: datetime.datetime | None = None) -> QuerySet[Event]:
    """Events that took place: published, and started by now."""
    return Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__lte=now or timezone.now())


def reach_events(
    *,
    user: Any,
    network: Network | None = None,
    region: Region | None = None,
    year: int | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet[Event]:
    """The held events the user may count, filtered (403 for users with no reach to see)."""
    scope = _scope(user)
    if scope is None:
        raise PermissionDenied
    events = held_events(now=now)
    if scope:
        events = events.filter(pk__in=Event.objects.filter(scope).values("pk"))
    if network is not None:
        events = events.filter(pk__in=Event.objects.filter(networks=network).values("pk"))
    if region is not None:
        events = events.filter(
            pk__in=Event.objects.filter(Q(regions=region) | Q(municipality__region=region)).values("pk")
        )
    if year is not None:
        start, end = _year_bounds(year)
        events = events.filter(starts_at__gte=start, starts_at__lt=end)
    return events


def reach_years(*, user: Any, now: datetime.datetime | None = None) -> list[int]:
    """The years that have held events the user may count, newest first."""
    if _scope(user) is None:
        return []
    starts = reach_events(user=user, now=now).values_list("starts_at", flat=True)
    return sorted({timezone.localtime(start).year for start in starts}, reverse=True)


# --- the summary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    events: int
    participants: int


@dataclass(frozen=True)
class EventReach:
    uuid: uuid_module.UUID
    title: str
    kind: str
    kind_label: str
    starts_at: datetime.datetime
    municipality: str
    registered: int  # attending, walk-ins included
    present: int
    attendance_marked: bool
    participants: int  # present if marked, else registered


@dataclass(frozen=True)
class MonthReach:
    start: datetime.date  # the first day of the month
    events: int
    participants: int


@dataclass(frozen=True)
class PlaceReach:
    code: str
    name: str
    region_code: str = ""
    hosted_events: bool = False  # a region where (non-national) events took place


@dataclass(frozen=True)
class ReachSummary:
    """Plain data about a set of held events.

    - `events`: per event; `by_kind`: every kind with its events and participants.
    - `participants`: participations (a person at two events counts twice); `people`: distinct
      people (by user account, else by e-mail address, else by registration); `organisations`:
      distinct organisations (directory organisations, and free-text names compared without
      case). `events_marked` / `events_unmarked`: how the participants of each were counted.
    - `regions`: regions covered (events' regions, the regions of events' municipalities and of
      the participants' organisations' municipalities); `hosted_regions`: those where a
      non-national event took place. `municipalities`: the events' municipalities and those the
      participants' organisations serve.
    - `months`: events and participants per month, every month from the first to the last.
    """

    events: list[EventReach]
    by_kind: list[KindCount]
    participants: int
    people: int
    organisations: int
    events_marked: int
    events_unmarked: int
    regions: list[PlaceReach]
    municipalities: list[PlaceReach]
    months: list[MonthReach] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        return len(self.events)

    @property
    def national_events(self) -> int:
        return sum(1 for row in self.events if row.kind == NATIONAL)

    @property
    def other_events(self) -> int:
        return self.event_count - self.national_events

    @property
    def hosted_regions(self) -> list[PlaceReach]:
        return [region for region in self.regions if region.hosted_events]


def _person_key() -> Case:
    return Case(
        When(user__isnull=False, then=Concat(Value("u:"), Cast("user_id", CharField()))),
        When(~Q(email=""), then=Concat(Value("e:"), Lower("email"))),
        default=Concat(Value("r:"), Cast("pk", CharField())),
        output_field=CharField(),
    )


def _organisation_key() -> Case:
    return Case(
        When(organisation__isnull=False, then=Concat(Value("o:"), Cast("organisation_id", CharField()))),
        When(~Q(organisation_name=""), then=Concat(Value("n:"), Lower(Trim("organisation_name")))),
        default=None,
        output_field=CharField(),
    )


def participant_registrations(events: QuerySet[Event]) -> QuerySet[Registration]:
    """The registrations that count as participants of these events (see the module's note)."""
    return (
        Registration.objects.filter(event__in=events.values("pk"), status=ATTENDING)
        .annotate(event_marked=Exists(marked_registrations(OuterRef("event_id"))))
        .filter(Q(attended=True) | Q(event_marked=False))
    )


def _months(rows: list[EventReach], year: int | None, today: datetime.date) -> list[MonthReach]:
    counts: dict[datetime.date, list[int]] = {}
    for row in rows:
        start = timezone.localtime(row.starts_at).date().replace(day=1)
        bucket = counts.setdefault(start, [0, 0])
        bucket[0] += 1
        bucket[1] += row.participants
    if year is not None:
        last_month = 12 if year < today.year else today.month
        first, last = datetime.date(year, 1, 1), datetime.date(year, last_month, 1)
        if counts:
            first, last = min(first, min(counts)), max(last, max(counts))
    elif counts:
        first, last = min(counts), max(counts)
    else:
        return []
    months = []
    current = first
    while current <= last:
        events, participants = counts.get(current, (0, 0))
        months.append(MonthReach(start=current, events=events, participants=participants))
        current = (
            current.replace(month=current.month + 1)
            if current.month < 12
            else current.replace(year=current.year + 1, month=1)
        )
    return months


def reach_summary(
    *, events: QuerySet[Event], year: int | None = None, today: datetime.date | None = None
) -> ReachSummary:
    """The reach of `events` (already scoped and filtered: see `reach_events`). Four queries.

    `year` only decides the months of the plot: with it, every month of that year (up to
    `today`'s month in the current year)."""
    today = today or timezone.localdate()
    chosen = Event.objects.filter(pk__in=events.values("pk"))

    # 1. The events, each with its counts.
    rows = []
    for event in (
        chosen.select_related("municipality")
        .annotate(
            n_registered=Count("registrations", filter=Q(registrations__status=ATTENDING)),
            n_present=Count(
                "registrations", filter=Q(registrations__status=ATTENDING, registrations__attended=True)
            ),
            n_marked=Exists(marked_registrations(OuterRef("pk"))),
        )
        .order_by("starts_at", "pk")
    ):
        rows.append(
            EventReach(
                uuid=event.uuid,
                title=event.title,
                kind=event.kind,
                kind_label=str(event.get_kind_display()),
                starts_at=event.starts_at,
                municipality=event.municipality.name if event.municipality is not None else "",
                registered=event.n_registered,
                present=event.n_present,
                attendance_marked=bool(event.n_marked),
                participants=event.n_present if event.n_marked else event.n_registered,
            )
        )

    # 2. Participations, distinct people and distinct organisations.
    participants = participant_registrations(chosen)
    totals = participants.aggregate(
        participations=Count("pk"),
        people=Count(_person_key(), distinct=True),
        organisations=Count(_organisation_key(), distinct=True),
    )

    # 3. Municipalities: the events' own and those their participants' organisations serve.
    served = Organisation.municipalities.through.objects.filter(
        organisation_id__in=participants.filter(organisation__isnull=False).values("organisation_id")
    ).values("municipality_id")
    municipality_ids = Q(pk__in=chosen.filter(municipality__isnull=False).values("municipality_id")) | Q(
        pk__in=served
    )
    municipalities = [
        PlaceReach(code=m.code, name=m.name, region_code=m.region.code)
        for m in Municipality.objects.filter(municipality_ids)
        .select_related("region")
        .order_by("name_fi", "pk")
    ]

    # 4. Regions: those of the events and of every municipality above; "hosted" where a
    # non-national event took place.
    local = chosen.exclude(kind=NATIONAL)
    hosted = Q(pk__in=Region.objects.filter(events__in=local.values("pk")).values("pk")) | Q(
        pk__in=local.filter(municipality__isnull=False).values("municipality__region_id")
    )
    covered = (
        hosted
        | Q(pk__in=Region.objects.filter(events__in=chosen.values("pk")).values("pk"))
        | Q(pk__in=Municipality.objects.filter(municipality_ids).values("region_id"))
    )
    regions = [
        PlaceReach(code=r.code, name=r.name, hosted_events=r.hosted)
        for r in Region.objects.filter(covered)
        .annotate(
            hosted=Case(When(hosted, then=Value(True)), default=Value(False), output_field=BooleanField())
        )
        .order_by("code")
    ]

    by_kind = []
    for kind, label in Event.Kind.choices:
        of_kind = [row for row in rows if row.kind == kind]
        by_kind.append(
            KindCount(
                kind=kind,
                label=str(label),
                events=len(of_kind),
                participants=sum(row.participants for row in of_kind),
            )
        )
    marked = sum(1 for row in rows if row.attendance_marked)
    return ReachSummary(
        events=rows,
        by_kind=by_kind,
        participants=int(totals["participations"] or 0),
        people=int(totals["people"] or 0),
        organisations=int(totals["organisations"] or 0),
        events_marked=marked,
        events_unmarked=len(rows) - marked,
        regions=regions,
        municipalities=municipalities,
        months=_months(rows, year, today),
    )


def reach_sentence(summary: ReachSummary) -> str:
    """ "N events in R regions and M national events reached about P people from O organisations"
    in the active language."""
    events = ngettext("%(count)d event", "%(count)d events", summary.other_events) % {
        "count": summary.other_events
    }
    regions = ngettext("%(count)d region", "%(count)d regions", len(summary.hosted_regions)) % {
        "count": len(summary.hosted_regions)
    }
    national = ngettext("%(count)d national event", "%(count)d national events", summary.national_events) % {
        "count": summary.national_events
    }
    people = ngettext("%(count)d person", "%(count)d people", summary.people) % {"count": summary.people}
    organisations = ngettext("%(count)d organisation", "%(count)d organisations", summary.organisations) % {
        "count": summary.organisations
    }
    return _(
        "%(events)s in %(regions)s and %(national)s reached about %(people)s from %(organisations)s."
    ) % {
        "events": events,
        "regions": regions,
        "national": national,
        "people": people,
        "organisations": organisations,
    }


def reach_csv_lines(summary: ReachSummary) -> Iterator[str]:
    """The per-event table as CSV lines (a header first); every text cell guarded against
    formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([guard_formula(cell) for cell in cells])
        return buffer.getvalue()

    yield line(
        [
            _("date"),
            _("event"),
            _("kind"),
            _("municipality"),
            _("registered"),
            _("present"),
            _("attendance marked"),
            _("participants"),
        ]
    )
    for row in summary.events:
        yield line(
            [
                timezone.localtime(row.starts_at).date().isoformat(),
                row.title,
                row.kind_label,
                row.municipality,
                str(row.registered),
                str(row.present) if row.attendance_marked else "",
                _("yes") if row.attendance_marked else _("no"),
                str(row.participants),
            ]
        )


def month_label(start: datetime.date) -> str:
    return date_format(start, "n/y")
