"""The coordinator's work log (meetings, visits, trips) and what it shows: each network's coverage,
the "regional equality" of whom the coordinator has met face to face, and days and kilometres."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear, TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.core.models import Municipality
from verkosto.directory.models import Organisation

from . import permissions
from .models import Membership, Network, WorkLogEntry

FACE_TO_FACE = WorkLogEntry.Mode.FACE_TO_FACE
ONLINE = WorkLogEntry.Mode.ONLINE

# --- writes --------------------------------------------------------------------------------------


def can_write_work_log(user: Any, network: Network) -> bool:
    """The network's coordinators and its other managers (national coordinators, administrators).
    `can_manage_network` already counts `Network.coordinators`; the name says what it is for."""
    return permissions.can_manage_network(user, network)


@transaction.atomic
def work_log_entry_create(
    *,
    actor: Any,
    network: Network,
    date: datetime.date,
    kind: str,
    mode: str,
    days: int = 1,
    place: str = "",
    municipality: Municipality | None = None,
    organisations: Iterable[Organisation] = (),
    kilometres: Decimal | int = 0,
    notes: str = "",
) -> WorkLogEntry:
    """Log a meeting, visit or trip of `actor` (who becomes the entry's coordinator).

    Refused: anyone but the network's coordinators and managers; days < 1; kilometres < 0; a date
    in the future (the log records what happened, and coverage must not count planned visits);
    organisations that are not current members of the network (coverage is about members, and a
    non-member in the log would silently count for nothing)."""
    if not can_write_work_log(actor, network):
        raise PermissionDenied(_("Only the network's coordinators may write its work log."))
    organisations = list(organisations)
    errors: dict[str, str] = {}
    if days is None or days < 1:
        errors["days"] = _("At least one day.")
    if kilometres is None or Decimal(kilometres) < 0:
        errors["kilometres"] = _("Kilometres cannot be negative.")
    if date is not None and date > timezone.localdate():
        errors["date"] = _("The work log records what has happened: the date cannot be in the future.")
    member_ids = set(
        network.memberships.filter(left_on__isnull=True).values_list("organisation_id", flat=True)
    )
    outsiders = [o for o in organisations if o.pk not in member_ids]
    if outsiders:
        errors["organisations"] = _("Not current members of the network: %(names)s.") % {
            "names": ", ".join(sorted(str(o) for o in outsiders))
        }
    if errors:
        raise ValidationError(errors)
    entry = WorkLogEntry(
        coordinator=actor,
        network=network,
        date=date,
        days=days,
        kind=kind,
        mode=mode,
        place=(place or "").strip(),
        municipality=municipality,
        kilometres=Decimal(kilometres),
        notes=(notes or "").strip(),
    )
    entry.full_clean()
    entry.save()
    entry.organisations.set(organisations)
    audit_record(
        actor=actor,
        action="create",
        instance=entry,
        changes=diff({}, snapshot(entry, ("organisations",))),
    )
    return entry


# --- reads: the log ------------------------------------------------------------------------------


def networks_for_work_log(*, user: Any) -> list[Network]:
    """The networks whose work log the user writes and reads (the same rule as
    `permissions.can_manage_network`, as one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    networks = Network.objects.all()
    scope = permissions.national_scope(user)
    if scope is None or scope:
        managed = Q(coordinators=user)
        if scope:
            managed |= Q(coordinating_organisation_id__in=scope)
        networks = networks.filter(pk__in=Network.objects.filter(managed).values("pk"))
    return list(networks.order_by("name_fi", "pk"))


def work_log_network_get(*, user: Any, pk: int) -> Network:
    """A network whose log the user may read and write; 404 if none, 403 if not theirs."""
    network = Network.objects.filter(pk=pk).first()
    if network is None:
        raise Http404
    if not can_write_work_log(user, network):
        raise PermissionDenied
    return network


def work_log_list(*, user: Any, network: Network | None = None) -> QuerySet[WorkLogEntry]:
    """Without a network: the user's own entries in every network. With one: every coordinator's
    entries in it, for its managers only. Newest first; a fixed number of queries."""
    if network is None:
        if not getattr(user, "is_authenticated", False):
            raise PermissionDenied
        entries = WorkLogEntry.objects.filter(coordinator=user)
    else:
        if not can_write_work_log(user, network):
            raise PermissionDenied
        entries = WorkLogEntry.objects.filter(network=network)
    return (
        entries.select_related("network", "municipality", "coordinator")
        .prefetch_related("organisations")
        .order_by("-date", "-pk")
    )


def work_log_member_organisations(*, network: Network) -> QuerySet[Organisation]:
    """The organisations a log entry may name: the network's current members."""
    current = network.memberships.filter(left_on__isnull=True).values("organisation_id")
    return Organisation.objects.filter(pk__in=current).order_by("name_fi", "pk")


# --- reads: coverage -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberCoverage:
    """A current member organisation and when the network's coordinators last met it."""

    organisation: Organisation
    last_face_to_face: datetime.date | None
    last_online: datetime.date | None
    met: bool  # met face to face within the coverage window


@dataclass(frozen=True)
class MunicipalityCoverage:
    municipality: Municipality
    last_face_to_face: datetime.date | None
    member_count: int  # current members that serve the municipality
    met: bool


@dataclass(frozen=True)
class PeriodTotals:
    """One calendar year or month of the log. `start` is its first day."""

    start: datetime.date
    days_on_road: int  # days of face-to-face entries
    kilometres: Decimal
    face_to_face: int  # number of face-to-face entries
    online: int  # number of online entries


@dataclass(frozen=True)
class NetworkCoverage:
    """Coverage of a network by its coordinators' work log ("alueellinen tasa-arvo").

    - `network`, `today`; `since`: the first day of the window, the same date a year before
      `today`. Entries count in the window when `since <= date <= today`.
    - `members`: every current member organisation (by name) as `MemberCoverage`: last face-to-face
      and last online meeting (ever, up to `today`) and `met` (face to face in the window). An
      online meeting never counts as met.
    - `municipalities`: the municipalities to cover as `MunicipalityCoverage`; `met` when a
      face-to-face entry in the window names the municipality. `municipality_basis` says which:
      "regions" (every municipality of the network's regions) or, for a network with no regions,
      "members" (the municipalities its current members serve).
    - `years`: `PeriodTotals` per calendar year, from the first logged year to `today`'s year
      (empty if the log is empty); `months`: the twelve calendar months up to `today`'s.
    - Properties: `members_met`, `members_not_met`, `municipalities_met`,
      `municipalities_not_met` (lists), `window_days_on_road`, `window_kilometres` (the window's
      totals) and `has_entries`.
    """

    network: Network
    today: datetime.date
    since: datetime.date
    members: list[MemberCoverage]
    municipalities: list[MunicipalityCoverage]
    municipality_basis: str
    years: list[PeriodTotals]
    months: list[PeriodTotals]
    window_days_on_road: int = 0
    window_kilometres: Decimal = field(default_factory=Decimal)

    @property
    def members_met(self) -> list[MemberCoverage]:
        return [m for m in self.members if m.met]

    @property
    def members_not_met(self) -> list[MemberCoverage]:
        return [m for m in self.members if not m.met]

    @property
    def municipalities_met(self) -> list[MunicipalityCoverage]:
        return [m for m in self.municipalities if m.met]

    @property
    def municipalities_not_met(self) -> list[MunicipalityCoverage]:
        return [m for m in self.municipalities if not m.met]

    @property
    def has_entries(self) -> bool:
        return bool(self.years)


def _one_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _month_starts(today: datetime.date, count: int = 12) -> list[datetime.date]:
    year, month = today.year, today.month
    starts = []
    for _i in range(count):
        starts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _as_date(value: Any) -> datetime.date:
    # TruncMonth gives a date on a DateField, but some backends hand back a datetime.
    return value.date() if isinstance(value, datetime.datetime) else value


def _totals(rows: Iterable[Any], key: str) -> dict[Any, PeriodTotals]:
    result = {}
    for row in rows:
        start = datetime.date(int(row[key]), 1, 1) if key == "year" else _as_date(row[key]).replace(day=1)
        result[start] = PeriodTotals(
            start=start,
            days_on_road=int(row["days_on_road"] or 0),
            kilometres=Decimal(row["kilometres"] or 0),
            face_to_face=int(row["face_to_face"] or 0),
            online=int(row["online"] or 0),
        )
    return result


def _empty(start: datetime.date) -> PeriodTotals:
    return PeriodTotals(start=start, days_on_road=0, kilometres=Decimal(0), face_to_face=0, online=0)


TOTALS = {
    "days_on_road": Sum("days", filter=Q(mode=FACE_TO_FACE)),
    "kilometres": Sum("kilometres"),
    "face_to_face": Count("pk", filter=Q(mode=FACE_TO_FACE)),
    "online": Count("pk", filter=Q(mode=ONLINE)),
}


def network_coverage(*, network: Network, today: datetime.date | None = None) -> NetworkCoverage:
    """Whom and where the network's coordinators have met face to face in the last 12 months,
    and days on the road and kilometres per year and month. A pure read in eight queries whatever
    the size of the log; see `NetworkCoverage` for the fields.

    It does not check permissions: show it to the network's managers (`can_write_work_log`)."""
    today = today or timezone.localdate()
    since = _one_year_before(today)
    log = WorkLogEntry.objects.filter(network=network, date__lte=today)

    # 1. Current members.
    memberships = list(
        Membership.objects.filter(network=network, left_on__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name_fi", "organisation__pk")
    )
    member_ids = [m.organisation_id for m in memberships]

    # 2. The last face-to-face and online meeting of each member.
    through = WorkLogEntry.organisations.through
    last_met: dict[tuple[int, str], datetime.date] = {
        (row["organisation_id"], row["worklogentry__mode"]): row["last"]
        for row in through.objects.filter(
            worklogentry__network=network,
            worklogentry__date__lte=today,
            organisation_id__in=member_ids,
        )
        .values("organisation_id", "worklogentry__mode")
        .annotate(last=Max("worklogentry__date"))
        .order_by()
    }
    members = []
    for membership in memberships:
        face = last_met.get((membership.organisation_id, FACE_TO_FACE))
        members.append(
            MemberCoverage(
                organisation=membership.organisation,
                last_face_to_face=face,
                last_online=last_met.get((membership.organisation_id, ONLINE)),
                met=face is not None and face >= since,
            )
        )

    # 3. The municipalities of the network's regions, and 4. those its members serve.
    region_municipalities = list(
        Municipality.objects.filter(region__networks=network).distinct().order_by("name_fi", "pk")
    )
    served = list(
        Organisation.municipalities.through.objects.filter(organisation_id__in=member_ids)
        .select_related("municipality")
        .order_by()
    )
    member_count: dict[int, int] = {}
    for link in served:
        member_count[link.municipality_id] = member_count.get(link.municipality_id, 0) + 1
    if region_municipalities:
        basis, places = "regions", region_municipalities
    else:
        unique = {link.municipality_id: link.municipality for link in served}
        places = sorted(unique.values(), key=lambda m: (getattr(m, "name_fi", None) or m.name, m.pk))
        basis = "members"

    # 5. The last face-to-face visit to each municipality.
    last_visit = dict(
        log.filter(mode=FACE_TO_FACE, municipality__isnull=False)
        .values("municipality_id")
        .annotate(last=Max("date"))
        .order_by()
        .values_list("municipality_id", "last")
    )
    municipalities = [
        MunicipalityCoverage(
            municipality=place,
            last_face_to_face=last_visit.get(place.pk),
            member_count=member_count.get(place.pk, 0),
            met=place.pk in last_visit and last_visit[place.pk] >= since,
        )
        for place in places
    ]

    # 6. Totals per calendar year, and 7. per month for the last twelve.
    by_year = _totals(
        log.annotate(year=ExtractYear("date")).values("year").annotate(**TOTALS).order_by("year"), "year"
    )
    years = []
    if by_year:
        first = min(by_year).year
        years = [
            by_year.get(datetime.date(y, 1, 1), _empty(datetime.date(y, 1, 1)))
            for y in range(first, today.year + 1)
        ]
    month_starts = _month_starts(today)
    by_month = _totals(
        log.filter(date__gte=month_starts[0])
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(**TOTALS)
        .order_by("month"),
        "month",
    )
    months = [by_month.get(start, _empty(start)) for start in month_starts]

    # 8. The window's own totals.
    window = log.filter(date__gte=since).aggregate(
        days_on_road=Sum("days", filter=Q(mode=FACE_TO_FACE)), kilometres=Sum("kilometres")
    )
    return NetworkCoverage(
        network=network,
        today=today,
        since=since,
        members=members,
        municipalities=municipalities,
        municipality_basis=basis,
        years=years,
        months=months,
        window_days_on_road=int(window["days_on_road"] or 0),
        window_kilometres=Decimal(window["kilometres"] or 0),
    )
