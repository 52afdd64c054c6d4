"""The flow of knowledge: a region's coordinators review its new signals, comment on themes and
escalate them to the national level; national coordinators answer escalations; either turns a
theme into a bulletin to networks.

Writes (`signal_mark_reviewed`, `theme_comment_add`, `escalate`, `escalation_respond`,
`theme_bulletin_create`) check permission, validate and audit in one transaction; e-mail goes out
as a task after the transaction commits. Reads (`review_*`, `theme_flow_for`, `escalation_*`) are
scoped to what the user may see (`permissions`).

Free text written here (comments, escalation summaries, responses) is scrubbed of personal data
before it is stored, like signal texts: the original is never saved. E-mail carries no signal
texts, only a theme's label, the region and a link.
"""

from __future__ import annotations

import csv
import datetime
import io
import uuid as uuid_module
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from verkosto.accounts.models import RoleAssignment
from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.core.models import Municipality, Region
from verkosto.core.spreadsheets import guard_formula
from verkosto.networks import bulletins
from verkosto.networks.models import Bulletin, DigestPreference, Network, PeerGroup
from verkosto.textanalytics import scrub as scrubber

from . import permissions
from .models import Escalation, Signal, Theme, ThemeComment

Status = Escalation.Status
SUMMARY_MAX = 5000
COMMENT_MAX = 5000
REPRESENTATIVE_LIMIT = 8


# --- helpers -------------------------------------------------------------------------------------


def scrub_text(text: str, lang: str) -> scrubber.ScrubResult:
    """Personal data out of a coordinator's free text, in the theme's language."""
    return scrubber.scrub(text.strip(), "sv" if lang == "sv" else "fi")


def theme_url(theme: Theme) -> str:
    return reverse("observations:theme_detail", args=[theme.uuid])


def _site_url() -> str:
    # E-mail needs absolute links; there is no request to take the host from.
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def _theme_for_update(theme: Theme) -> Theme:
    return Theme.objects.select_for_update().get(pk=theme.pk)


# --- review: the region's new signals ------------------------------------------------------------


def review_regions(user: Any) -> QuerySet[Region]:
    """The regions whose signals the user reviews: their own, or every region (national reach)."""
    if permissions.has_national_reach(user):
        return Region.objects.order_by("code")
    return Region.objects.filter(pk__in=permissions.coordinated_region_ids(user)).order_by("code")


def can_review(user: Any) -> bool:
    return permissions.has_national_reach(user) or bool(permissions.coordinated_region_ids(user))


@dataclass
class ReviewFilters:
    """What the review list (and its CSV) shows. `region` is required: raw signals are read one
    region at a time, each checked against the reader's roles."""

    region: Region
    municipality: Municipality | None = None
    theme: Theme | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    # False: only the new (unreviewed) signals; True: every signal.
    include_reviewed: bool = False


def review_signals(*, user: Any, filters: ReviewFilters) -> QuerySet[Signal]:
    """The region's signals for its coordinators (or national reach), newest first; refused to
    anyone else. Fetches what a list row shows: a page costs four queries."""
    if not permissions.can_see_region_signals(user, filters.region.pk):
        raise PermissionDenied(_("You may review only the signals of regions you coordinate."))
    signals = Signal.objects.filter(region=filters.region)
    if not filters.include_reviewed:
        signals = signals.filter(reviewed_at__isnull=True)
    if filters.municipality is not None:
        signals = signals.filter(municipality=filters.municipality)
    if filters.theme is not None:
        signals = signals.filter(Q(theme=filters.theme) | Q(regional_theme=filters.theme))
    if filters.date_from is not None:
        signals = signals.filter(observed_on__gte=filters.date_from)
    if filters.date_to is not None:
        signals = signals.filter(observed_on__lte=filters.date_to)
    return (
        signals.select_related("municipality", "theme", "regional_theme", "reviewed_by")
        .prefetch_related("target_groups", "tags")
        .order_by("-created_at", "-pk")
    )


@transaction.atomic
def signal_mark_reviewed(*, actor: Any, signal_uuids: Iterable[uuid_module.UUID | str]) -> int:
    """Marks the chosen signals reviewed by the actor; returns how many were new. All or nothing:
    a signal of a region the actor does not coordinate refuses the whole request."""
    wanted = {str(value) for value in signal_uuids}
    if not wanted:
        raise ValidationError(_("Choose at least one signal to mark as reviewed."))
    signals = list(Signal.objects.select_for_update().filter(uuid__in=wanted))
    if len(signals) != len(wanted):
        raise ValidationError(_("Some of the chosen signals no longer exist. Reload the page and try again."))
    for signal in signals:
        if not permissions.can_see_region_signals(actor, signal.region_id):
            raise PermissionDenied(_("You may review only the signals of regions you coordinate."))
    now = timezone.now()
    marked = 0
    for signal in signals:
        if signal.reviewed_at is not None:
            continue
        signal.reviewed_at = now
        signal.reviewed_by = actor
        signal.save(update_fields=["reviewed_at", "reviewed_by"])
        audit_record(
            actor=actor,
            action="update",
            instance=signal,
            changes={"reviewed_at": ["", now.isoformat()], "reviewed_by_id": ["", str(actor.pk)]},
        )
        marked += 1
    return marked


CSV_COLUMNS = (
    "date",
    "municipality",
    "language",
    "text",
    "target groups",
    "spread",
    "source",
    "tags",
    "theme",
)


def review_signals_csv(*, user: Any, filters: ReviewFilters) -> Iterator[str]:
    """The region's signals as CSV lines (a header first), texts as stored, that is scrubbed.
    Every cell is guarded against formulas. Streams: memory does not grow with the region."""
    signals = review_signals(user=user, filters=filters)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(row: Iterable[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([guard_formula(cell) for cell in row])
        return buffer.getvalue()

    # Column names in the page's language; the order is fixed (CSV_COLUMNS).
    yield line(
        [
            _("date observed"),
            _("municipality"),
            _("language"),
            _("signal text"),
            _("target groups"),
            _("how widespread"),
            _("source"),
            _("tags"),
            _("theme"),
        ]
    )
    for signal in signals.iterator(chunk_size=500):
        theme = signal.regional_theme or signal.theme
        yield line(
            [
                signal.observed_on.isoformat(),
                signal.municipality.name,
                signal.language,
                signal.text,
                "; ".join(str(group) for group in signal.target_groups.all()),
                signal.get_spread_display(),
                signal.get_source_display(),
                "; ".join(tag.name for tag in signal.tags.all()),
                theme.label if theme else "",
            ]
        )


# --- one theme's flow: comments, escalations, bulletins ------------------------------------------


def can_see_comments(user: Any, theme: Theme) -> bool:
    """Those who may edit the theme, and national coordinators."""
    return permissions.can_edit_theme(user, theme) or permissions.can_handle_escalations(user)


def escalation_regions(user: Any, theme: Theme) -> list[Region]:
    """The regions from which the user may escalate the theme: a regional theme's own region (its
    coordinators, or national reach); for a national theme, the regions the user coordinates."""
    if theme.region is not None:
        return [theme.region] if permissions.can_escalate(user, theme) else []
    ids = permissions.coordinated_region_ids(user)
    return list(Region.objects.filter(pk__in=ids).order_by("code")) if ids else []


def can_escalate(user: Any, theme: Theme) -> bool:
    return theme.status != Theme.Status.MERGED and bool(escalation_regions(user, theme))


def can_make_bulletin(user: Any, theme: Theme) -> bool:
    return permissions.can_edit_theme(user, theme) and bulletins.can_send_bulletins(user)


def _visible_escalations(user: Any) -> Q:
    """The escalations a user may read: every one (national reach), else their own regions'."""
    if permissions.can_handle_escalations(user):
        return Q()
    ids = permissions.coordinated_region_ids(user)
    return Q(region_id__in=ids) | Q(created_by=user) if ids else Q(created_by=user)


@dataclass
class ThemeFlow:
    """What the theme page shows of the flow, for one user."""

    theme: Theme
    can_comment: bool = False
    comments: list[ThemeComment] = field(default_factory=list)
    can_escalate: bool = False
    escalations: list[Escalation] = field(default_factory=list)
    can_make_bulletin: bool = False
    bulletins: list[Bulletin] = field(default_factory=list)
    theme_url: str = ""
    # The comment form, set by the template tag (`flow_tags.theme_flow`).
    comment_form: Any = None


def theme_flow_for(*, user: Any, theme: Theme) -> ThemeFlow:
    """Comments, escalations and bulletins of a theme, as the user may see them."""
    flow = ThemeFlow(theme=theme, theme_url=theme_url(theme))
    if not getattr(user, "is_authenticated", False) or not permissions.can_view_theme(user, theme):
        return flow
    if can_see_comments(user, theme):
        flow.can_comment = True
        flow.comments = list(theme.comments.select_related("author"))
    flow.can_escalate = can_escalate(user, theme)
    if permissions.can_handle_escalations(user) or permissions.coordinated_region_ids(user):
        flow.escalations = list(
            theme.escalations.filter(_visible_escalations(user)).select_related(
                "region", "created_by", "handled_by"
            )
        )
    flow.can_make_bulletin = can_make_bulletin(user, theme)
    flow.bulletins = list(
        bulletins.bulletins_visible_to(user).filter(themes=theme).order_by("-published_at", "-pk")
    )
    return flow


def theme_get_for_flow(*, user: Any, theme_uuid: uuid_module.UUID | str) -> Theme:
    """A theme the user may see; 404 otherwise (as if it did not exist)."""
    theme = Theme.objects.select_related("region").filter(uuid=theme_uuid).first()
    if theme is None or not permissions.can_view_theme(user, theme):
        raise Http404
    return theme


@transaction.atomic
def theme_comment_add(*, actor: Any, theme: Theme, body: str) -> ThemeComment:
    """A note on the theme by one who may edit it (or a national coordinator), scrubbed."""
    if not can_see_comments(actor, theme):
        raise PermissionDenied(_("You may comment only on themes you coordinate."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment.")})
    comment = ThemeComment(theme=theme, author=actor, body=scrub_text(body, theme.language).text)
    comment.full_clean()
    comment.save()
    audit_record(actor=actor, action="create", instance=comment, changes=diff({}, snapshot(comment)))
    return comment


# --- escalation ----------------------------------------------------------------------------------


def escalation_open_exists(*, theme: Theme, region: Region) -> bool:
    return Escalation.objects.filter(theme=theme, region=region).exclude(status=Status.CLOSED).exists()


@transaction.atomic
def escalate(*, actor: Any, theme: Theme, region: Region, summary: str) -> Escalation:
    """Raise the theme to the national level from the region, with a summary (scrubbed before it
    is stored). One escalation of a theme from a region is handled at a time. The national
    coordinators are told by e-mail once the escalation is saved."""
    theme = _theme_for_update(theme)  # serialises two coordinators escalating the same theme
    allowed = escalation_regions(actor, theme)
    if not allowed:
        raise PermissionDenied(_("You may escalate only themes of regions you coordinate."))
    if theme.status == Theme.Status.MERGED:
        raise ValidationError(_("This theme was merged into another theme: escalate that one instead."))
    errors: dict[str, list[str]] = {}
    if region is None or region.pk not in {r.pk for r in allowed}:
        errors["region"] = [_("Choose one of the regions you coordinate.")]
    summary = (summary or "").strip()
    if not summary:
        errors["summary"] = [_("Write a summary for the national coordinators.")]
    elif len(summary) > SUMMARY_MAX:
        errors["summary"] = [
            _("The summary may be at most %(max)d characters long (it has %(count)d).")
            % {"max": SUMMARY_MAX, "count": len(summary)}
        ]
    if errors:
        raise ValidationError(errors)
    if escalation_open_exists(theme=theme, region=region):
        raise ValidationError(
            _(
                "This theme has already been escalated from %(region)s and is still being handled. "
                "Add a comment to the theme instead."
            )
            % {"region": region.name}
        )
    escalation = Escalation(
        theme=theme,
        region=region,
        summary=scrub_text(summary, theme.language).text[:SUMMARY_MAX],
        created_by=actor,
    )
    escalation.full_clean()
    escalation.save()
    audit_record(actor=actor, action="create", instance=escalation, changes=diff({}, snapshot(escalation)))
    escalation_id = escalation.pk
    transaction.on_commit(lambda: send_escalation_mail.enqueue(escalation_id=escalation_id, event="new"))
    return escalation


def escalations_visible_to(user: Any) -> QuerySet[Escalation]:
    """Every escalation for national coordinators; the own regions' for regional coordinators."""
    if not getattr(user, "is_authenticated", False):
        return Escalation.objects.none()
    if not (permissions.can_handle_escalations(user) or permissions.coordinated_region_ids(user)):
        return Escalation.objects.none()
    return Escalation.objects.filter(_visible_escalations(user))


def escalation_inbox(*, user: Any, status: str = "") -> QuerySet[Escalation]:
    """The escalations the user may read, newest first, with each theme's signal count in the
    escalating region (`region_signal_count`). A page costs two queries (the count and the rows)."""
    escalations = escalations_visible_to(user)
    if status:
        escalations = escalations.filter(status=status)
    in_region = (
        Signal.objects.filter(Q(theme=OuterRef("theme")) | Q(regional_theme=OuterRef("theme")))
        .filter(region=OuterRef("region"))
        .order_by()
        .values("region")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        escalations.select_related("theme", "region", "created_by", "handled_by")
        .annotate(region_signal_count=Coalesce(Subquery(in_region), 0))
        .order_by("-created_at", "-pk")
    )


def escalation_region_signal_count(*, escalation: Escalation) -> int:
    """How many of the theme's signals come from the escalating region."""
    theme = escalation.theme_id
    return Signal.objects.filter(
        Q(theme=theme) | Q(regional_theme=theme), region=escalation.region_id
    ).count()


def escalation_status_counts(*, user: Any) -> dict[str, int]:
    rows = escalations_visible_to(user).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def escalation_get_for_view(*, user: Any, pk: int) -> Escalation:
    escalation = (
        escalations_visible_to(user)
        .select_related("theme", "region", "created_by", "handled_by")
        .filter(pk=pk)
        .first()
    )
    if escalation is None:
        raise Http404
    return escalation


@transaction.atomic
def escalation_respond(*, actor: Any, escalation: Escalation, status: str, response: str) -> Escalation:
    """A national coordinator acknowledges or closes an escalation, with a response (scrubbed).
    The escalating coordinator is told by e-mail."""
    if not permissions.can_handle_escalations(actor):
        raise PermissionDenied(_("Only national coordinators handle escalations."))
    escalation = Escalation.objects.select_for_update().select_related("theme").get(pk=escalation.pk)
    before = snapshot(escalation)
    response = (response or "").strip()
    if status not in Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == Status.OPEN and escalation.status != Status.OPEN:
        raise ValidationError({"status": _("A handled escalation cannot be opened again.")})
    if status == Status.CLOSED and not response and not escalation.response:
        raise ValidationError({"response": _("Tell the region why the escalation is closed.")})
    if escalation.status == Status.CLOSED:
        raise ValidationError(_("This escalation is already closed."))
    if response:
        escalation.response = scrub_text(response, escalation.theme.language).text[:SUMMARY_MAX]
    escalation.status = status
    escalation.handled_by = actor
    escalation.handled_at = timezone.now()
    escalation.full_clean()
    escalation.save()
    changes = diff(before, snapshot(escalation))
    audit_record(actor=actor, action="update", instance=escalation, changes=changes)
    escalation_id = escalation.pk
    transaction.on_commit(lambda: send_escalation_mail.enqueue(escalation_id=escalation_id, event="response"))
    return escalation


# --- e-mail --------------------------------------------------------------------------------------


def _language_of(user: Any) -> str:
    """The language a person last chose for e-mail (the digest setting), else the default."""
    preference = DigestPreference.objects.filter(user=user).only("language").first()
    return (preference.language if preference else "") or settings.LANGUAGE_CODE


def national_coordinators() -> list[Any]:
    """The people to tell about a new escalation: active national coordinators with an e-mail."""
    ids = RoleAssignment.objects.filter(role=RoleAssignment.Role.NATIONAL_COORDINATOR).values("user_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email="").order_by("pk"))


def _escalation_message(escalation: Escalation, event: str, recipient: Any) -> EmailMultiAlternatives:
    site = _site_url()
    language = _language_of(recipient)
    with translation.override(language):
        inbox = reverse("observations:escalation_detail", args=[escalation.pk])
        context = {
            "event": event,
            "theme_label": escalation.theme.label,
            "region": escalation.region.name,
            "status": escalation.get_status_display(),
            "url": site + inbox,
            "language": language,
        }
        if event == "new":
            subject = _("Verkosto: a theme was escalated from %(region)s") % {
                "region": escalation.region.name
            }
        else:
            subject = _("Verkosto: your escalation was answered (%(status)s)") % {
                "status": escalation.get_status_display()
            }
        text = render_to_string("observations/flow/email/escalation.txt", context)
        html = render_to_string("observations/flow/email/escalation.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    return message


@task()
def send_escalation_mail(escalation_id: int, event: str) -> int:
    """E-mail about an escalation: "new" to the national coordinators, "response" to the one who
    escalated. No signal texts and no summary: the theme's label, the region and a link. Returns
    how many were sent."""
    escalation = (
        Escalation.objects.select_related("theme", "region", "created_by").filter(pk=escalation_id).first()
    )
    if escalation is None:
        return 0
    if event == "new":
        recipients = national_coordinators()
    else:
        author = escalation.created_by
        recipients = [author] if author is not None and author.is_active and author.email else []
    for recipient in recipients:
        _escalation_message(escalation, event, recipient).send()
    return len(recipients)


# --- theme -> bulletin ---------------------------------------------------------------------------


def representative_signals(*, user: Any, theme: Theme) -> QuerySet[Signal]:
    """The theme's most typical signals that the user may read (texts are already scrubbed)."""
    if theme.region_id is not None:
        signals = Signal.objects.filter(regional_theme=theme).order_by(
            "-regional_theme_similarity", "-observed_on", "-pk"
        )
    else:
        signals = Signal.objects.filter(theme=theme).order_by("-theme_similarity", "-observed_on", "-pk")
    if not permissions.has_national_reach(user):
        signals = signals.filter(region_id__in=permissions.coordinated_region_ids(user))
    ids = list(signals.values_list("pk", flat=True)[:REPRESENTATIVE_LIMIT])
    return Signal.objects.filter(pk__in=ids).select_related("municipality").order_by("-observed_on", "-pk")


def theme_bulletin_draft(*, theme: Theme) -> dict[str, str]:
    """A bulletin's title and body from the theme: its label, summary (or latest escalation's),
    keywords and counts. Never raw signal texts; a count below SMALL_COUNT is not told."""
    lines: list[str] = []
    summary = theme.summary.strip()
    if not summary:
        latest = theme.escalations.order_by("-created_at").first()
        summary = latest.summary.strip() if latest else ""
    if summary:
        lines += [summary, ""]
    if theme.keywords:
        lines.append(_("Keywords: %(words)s") % {"words": ", ".join(theme.keywords[:8])})
    if theme.signal_count >= permissions.SMALL_COUNT:
        lines.append(_("Signals: %(count)d") % {"count": theme.signal_count})
    else:
        lines.append(_("Signals: fewer than %(count)d") % {"count": permissions.SMALL_COUNT})
    if theme.first_observed_on and theme.last_observed_on:
        lines.append(
            _("Observed between %(first)s and %(last)s")
            % {
                "first": theme.first_observed_on.strftime("%-d.%-m.%Y"),
                "last": theme.last_observed_on.strftime("%-d.%-m.%Y"),
            }
        )
    if theme.region is not None:
        lines.append(_("Region: %(region)s") % {"region": theme.region.name})
    return {"title": theme.label[:200], "body": "\n".join(lines)}


@transaction.atomic
def theme_bulletin_create(
    *,
    actor: Any,
    theme: Theme,
    title: str,
    body: str,
    audience: str,
    networks: Iterable[Network] = (),
    regions: Iterable[Region] = (),
    peer_group: PeerGroup | None = None,
    source_network: Network | None = None,
    quoted_signals: Iterable[Signal] = (),
) -> Bulletin:
    """Send a bulletin made from the theme and link it to the theme. The chosen representative
    signals (already scrubbed, and only those the actor may read) are quoted under the body."""
    if not permissions.can_edit_theme(actor, theme):
        raise PermissionDenied(_("You may make bulletins only of themes you coordinate."))
    quoted = list(quoted_signals)
    allowed = set(representative_signals(user=actor, theme=theme).values_list("pk", flat=True))
    if any(signal.pk not in allowed for signal in quoted):
        raise ValidationError({"quoted_signals": _("Choose signals of this theme only.")})
    if quoted:
        body = (
            body.rstrip()
            + "\n\n"
            + _("From the field:")
            + "\n"
            + "\n".join(f"– “{signal.text}” ({signal.municipality.name})" for signal in quoted)
        )
    bulletin = bulletins.bulletin_create(
        actor=actor,
        title=title,
        body=body,
        audience=audience,
        networks=networks,
        regions=regions,
        peer_group=peer_group,
        source_network=source_network,
    )
    theme.bulletins.add(bulletin)
    audit_record(actor=actor, action="update", instance=theme, changes={"bulletins": ["", str(bulletin.pk)]})
    return bulletin
