"""Themes: their recomputation with stable identity, and the coordinators' edits.

`recompute` groups the signals of one scope (national, or one region) and language afresh and then
matches the new groups to the themes found before, so that a theme keeps its identity (uuid, name,
history) from one run to the next: a group inherits the theme that most of its previously themed
signals belonged to (Hungarian assignment on overlap counts, with a minimum Jaccard share), groups
that match nothing become new themes, themes left without signals become dormant (never deleted).
See docs/decisions/0004-theme-identity.md.

Coordinators' edits are facts a recomputation keeps: a moved signal is pinned where it was put
(and counts towards its theme's identity), a custom name stays, a merged theme's signals follow it
into its target, a split theme keeps its pinned signals. Every edit is permission-checked,
validated and audited in one transaction.
"""

from __future__ import annotations

import functools
import logging
import pickle
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.core.models import Region
from verkosto.textanalytics import cluster

from . import permissions
from .models import Signal, TextLanguage, Theme, ThemeRun

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = tuple(TextLanguage.values)
# A group takes over an earlier theme only if their (previously themed) signal sets overlap at
# least this much (Jaccard): less is a different matter that happens to share a few signals.
MIN_JACCARD = 0.3
# A leftover group joins a theme when at least this share of it was themed before and at least
# this share of those were in that theme (see _match).
JOIN_SHARE = 0.5
# Placement uses the clustering's own threshold: a text less similar than this to every theme
# centre would not have been put in a theme by the clustering either.
MIN_SIMILARITY = cluster._MIN_SIMILARITY
_MERGE_CHAIN_LIMIT = 50
_BATCH = 1000


# --- scope helpers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """The fields of a signal that hold its theme on one level (national or regional)."""

    theme: str
    pinned: str
    similarity: str

    @property
    def theme_id(self) -> str:
        return self.theme + "_id"


NATIONAL = Level("theme", "theme_pinned", "theme_similarity")
REGIONAL = Level("regional_theme", "regional_theme_pinned", "regional_theme_similarity")


def level_of(theme_or_region: Theme | Region | None) -> Level:
    if isinstance(theme_or_region, Theme):
        return NATIONAL if theme_or_region.region_id is None else REGIONAL
    return NATIONAL if theme_or_region is None else REGIONAL


def scope_filter(region_id: int | None) -> dict[str, Any]:
    """Lookups for the rows of one scope: national (no region) or a region's."""
    return {"region__isnull": True} if region_id is None else {"region_id": region_id}


def can_edit_scope(user: Any, region_id: int | None) -> bool:
    """May edit (and recompute) the themes of a scope: national (None) or a region."""
    return permissions.can_edit_theme(user, Theme(region_id=region_id))


def _require_edit(user: Any, theme: Theme) -> None:
    if not permissions.can_edit_theme(user, theme):
        raise PermissionDenied(_("You may not change this theme."))


def _resolver(themes: Iterable[Theme]) -> Any:
    """A function from a theme id to the theme it ends up in, following `merged_into`."""
    target = {t.pk: t.merged_into_id for t in themes if t.status == Theme.Status.MERGED and t.merged_into_id}

    def resolve(theme_id: int | None) -> int | None:
        seen = 0
        while theme_id in target and seen < _MERGE_CHAIN_LIMIT:
            theme_id = target[theme_id]
            seen += 1
        return theme_id

    return resolve


def refresh_counts(theme_ids: Iterable[int | None]) -> None:
    """Count, first and latest date of each theme from its signals; status follows (a theme
    without signals is dormant, one with signals active; merged ones stay merged)."""
    ids = {pk for pk in theme_ids if pk}
    if not ids:
        return
    themes = list(Theme.objects.filter(pk__in=ids))
    stats: dict[int, dict[str, Any]] = {}
    for level in (NATIONAL, REGIONAL):
        rows = (
            Signal.objects.filter(**{f"{level.theme_id}__in": ids})
            .values(level.theme_id)
            .annotate(n=Count("pk"), first=Min("observed_on"), last=Max("observed_on"))
        )
        for row in rows:
            stats[row[level.theme_id]] = row
    for theme in themes:
        row = stats.get(theme.pk, {"n": 0, "first": None, "last": None})
        theme.signal_count = row["n"]
        theme.first_observed_on = row["first"]
        theme.last_observed_on = row["last"]
        if theme.status != Theme.Status.MERGED:
            theme.status = Theme.Status.ACTIVE if row["n"] else Theme.Status.DORMANT
    Theme.objects.bulk_update(
        themes, ["signal_count", "first_observed_on", "last_observed_on", "status", "updated_at"]
    )


# --- recomputation -------------------------------------------------------------------------------


@dataclass
class _Snapshot:
    ids: list[int]
    texts: list[str]
    dates: list[Any]
    previous: list[int | None]  # the theme each signal was in, merges followed
    pinned: list[bool]
    similarity: list[float | None]


def _write_levels(level: Level, updates: list[tuple[int | None, float | None, int]]) -> None:
    """(theme id, similarity, signal id) rows in one prepared statement: `bulk_update` builds a
    CASE expression per row and took 55 s for 94,000 signals; this takes about a second."""
    if not updates:
        return
    quote = connection.ops.quote_name
    # The attribute names are the column names: none of these fields sets db_column.
    sql = (
        f"UPDATE {quote(Signal._meta.db_table)} SET {quote(level.theme_id)} = %s, "
        f"{quote(level.similarity)} = %s WHERE {quote('id')} = %s"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(updates), _BATCH):
            cursor.executemany(sql, updates[start : start + _BATCH])


def _scope_signals(region: Region | None, language: str, level: Level) -> _Snapshot:
    signals = Signal.objects.filter(language=language)
    if region is not None:
        signals = signals.filter(region=region)
    rows = signals.order_by("pk").values_list(
        "pk", "text", "observed_on", level.theme_id, level.pinned, level.similarity
    )
    snap = _Snapshot([], [], [], [], [], [])
    for pk, text, observed_on, theme_id, pinned, similarity in rows.iterator(chunk_size=5000):
        snap.ids.append(pk)
        snap.texts.append(text)
        snap.dates.append(observed_on)
        snap.previous.append(theme_id)
        snap.pinned.append(bool(pinned and theme_id))
        snap.similarity.append(similarity)
    return snap


def _match(
    labels: np.ndarray, previous: Sequence[int | None], candidates: Sequence[int]
) -> tuple[dict[int, int], dict[int, int]]:
    """Clusters (labels >= 0) to earlier themes.

    First one to one: maximal total overlap, each pair sharing at least MIN_JACCARD of their
    previously themed signals (Hungarian assignment). Then a cluster left over that is mostly
    made of signals that were themed before, most of them in one theme, joins that theme too: it
    is a part of a known theme that k-means cut off this time (measured: adding 20 signals to a
    theme of 15 made k-means split it), not a new matter. Returns (matched, joined)."""
    from scipy.optimize import linear_sum_assignment

    clusters = sorted({int(c) for c in labels.tolist() if c >= 0})
    if not clusters or not candidates:
        return {}, {}
    cluster_size = Counter(int(c) for c in labels.tolist() if c >= 0)
    column = {pk: j for j, pk in enumerate(candidates)}
    overlap = np.zeros((len(clusters), len(candidates)), dtype=np.int64)
    row = {c: i for i, c in enumerate(clusters)}
    themed_in_cluster = np.zeros(len(clusters), dtype=np.int64)
    theme_size = np.zeros(len(candidates), dtype=np.int64)
    for label, before in zip(labels.tolist(), previous, strict=True):
        j = column.get(before) if before is not None else None
        if j is not None:
            theme_size[j] += 1
        if label < 0 or j is None:
            continue
        overlap[row[label], j] += 1
        themed_in_cluster[row[label]] += 1
    union = themed_in_cluster[:, None] + theme_size[None, :] - overlap
    jaccard = np.divide(overlap, union, out=np.zeros(overlap.shape), where=union > 0)
    weights = np.where(jaccard >= MIN_JACCARD, overlap, 0)
    matched: dict[int, int] = {}
    if weights.any():
        rows, cols = linear_sum_assignment(weights, maximize=True)
        matched = {clusters[i]: candidates[j] for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0}
    joined: dict[int, int] = {}
    for i, label in enumerate(clusters):
        if label in matched or not themed_in_cluster[i]:
            continue
        j = int(np.argmax(overlap[i]))
        themed = int(themed_in_cluster[i])
        if themed >= JOIN_SHARE * cluster_size[label] and overlap[i, j] >= JOIN_SHARE * themed:
            joined[label] = candidates[j]
    return matched, joined


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def recompute(
    *,
    region: Region | None = None,
    language: str = "fi",
    seed: int = 0,
    actor: Any = None,
    run: ThemeRun | None = None,
) -> ThemeRun:
    """Group the scope's signals of one language afresh, keeping theme identity and coordinators'
    edits; returns the finished (or failed) run. `run` is a queued run to carry out."""
    if language not in LANGUAGES:
        raise ValidationError({"language": _("Unknown language.")})
    if run is None:
        run = ThemeRun.objects.create(region=region, language=language, requested_by=actor)
    run.status = ThemeRun.Status.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["status", "started_at"])
    clock = time.perf_counter()
    try:
        _recompute(run, region, language, seed)
    except Exception as exc:
        run.status = ThemeRun.Status.FAILED
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        logger.exception("theme recomputation %s failed", run.pk)
        raise
    run.stats = {**run.stats, "seconds": round(time.perf_counter() - clock, 3)}
    run.save(update_fields=["stats"])
    return run


def _recompute(run: ThemeRun, region: Region | None, language: str, seed: int) -> None:
    level = level_of(region)
    snap = _scope_signals(region, language, level)
    themes = list(Theme.objects.filter(region=region, language=language).order_by("pk"))
    resolve = _resolver(themes)
    by_id = {t.pk: t for t in themes}
    previous = [resolve(t) if t in by_id else None for t in snap.previous]

    if snap.texts:
        space, x = cluster.FeatureSpace.fit_transform(snap.texts, language, seed)  # type: ignore[arg-type]
        labels = cluster.cluster_vectors(x, seed=seed)
    else:
        space = cluster.FeatureSpace(language, seed)  # type: ignore[arg-type]
        x = np.zeros((0, 1), dtype=np.float32)
        labels = np.zeros(0, dtype=np.int64)

    candidates = [t.pk for t in themes if t.status != Theme.Status.MERGED]
    # Pinned signals stay where a coordinator put them; they still vote for their theme's identity.
    matched, joined = _match(labels, previous, candidates)

    with transaction.atomic():
        # A coordinator may have moved signals while the grouping ran: those are left alone.
        scope = Signal.objects.filter(language=language, **{level.pinned: True})
        if region is not None:
            scope = scope.filter(region=region)
        pinned_before = {pk for pk, p in zip(snap.ids, snap.pinned, strict=True) if p}
        pinned_now = set(scope.values_list("pk", flat=True)) - pinned_before
        new_themes: dict[int, Theme] = {}
        for label in sorted({int(c) for c in labels.tolist() if c >= 0}):
            if label not in matched and label not in joined:
                theme = Theme(region=region, language=language)
                theme.full_clean()
                theme.save()
                new_themes[label] = theme
                by_id[theme.pk] = theme
        label_theme = {**matched, **joined}
        label_theme.update({label: t.pk for label, t in new_themes.items()})

        final: list[int | None] = []
        for i, label in enumerate(labels.tolist()):
            if snap.pinned[i]:
                final.append(previous[i])
            elif snap.ids[i] in pinned_now:
                final.append(None)  # not ours to change; excluded from the update below
            else:
                final.append(label_theme.get(label) if label >= 0 else None)

        members: dict[int, list[int]] = defaultdict(list)
        for i, theme_id in enumerate(final):
            if theme_id is not None:
                members[theme_id].append(i)

        # Centres after the edits: a merged theme has the combined one, a split theme its own.
        centres: dict[int, np.ndarray] = {}
        for theme_id, rows in members.items():
            centre = _unit(x[rows].mean(axis=0)) if len(x) else np.zeros(1, dtype=np.float32)
            if np.linalg.norm(centre) > 0:
                centres[theme_id] = centre.astype(np.float32)

        updates: list[tuple[int | None, float | None, int]] = []
        for i, theme_id in enumerate(final):
            if snap.ids[i] in pinned_now:
                continue
            similarity = (
                round(float(np.dot(x[i], centres[theme_id])), 4)
                if theme_id is not None and theme_id in centres
                else None
            )
            # Only rows that change are written: on a re-run most signals keep their theme, and
            # a similarity that moved by less than 0.01 ranks them the same.
            before = snap.similarity[i]
            if theme_id == snap.previous[i] and (
                (similarity is None and before is None)
                or (similarity is not None and before is not None and abs(similarity - before) < 0.01)
            ):
                continue
            updates.append((theme_id, similarity, snap.ids[i]))
        _write_levels(level, updates)

        # Keywords of every theme with signals, by c-TF-IDF against the scope's other themes.
        order = sorted(members)
        index = {pk: n for n, pk in enumerate(order)}
        keyword_labels = [index[t] if t is not None else cluster.NOISE for t in final]
        words = cluster.theme_labels(snap.texts, keyword_labels, lang=language) if order else {}  # type: ignore[arg-type]

        dormant = 0
        for theme in by_id.values():
            rows = members.get(theme.pk, [])
            was, previous_count = theme.status, theme.signal_count
            if rows:
                found = words.get(index[theme.pk])
                if found:
                    theme.keywords = found
                theme.signal_count = len(rows)
                dates = [snap.dates[i] for i in rows]
                theme.first_observed_on, theme.last_observed_on = min(dates), max(dates)
                if theme.status != Theme.Status.MERGED:
                    theme.status = Theme.Status.ACTIVE
            else:
                theme.signal_count = 0
                if theme.status == Theme.Status.ACTIVE:
                    theme.status = Theme.Status.DORMANT
                    dormant += 1
            if theme.status != was or rows or previous_count:
                theme.save(
                    update_fields=[
                        "keywords",
                        "signal_count",
                        "first_observed_on",
                        "last_observed_on",
                        "status",
                        "updated_at",
                    ]
                )

        if pinned_now:
            refresh_counts(by_id)
        centre_ids = sorted(centres)
        model = {
            "space": space,
            "theme_ids": centre_ids,
            "centres": np.vstack([centres[pk] for pk in centre_ids]) if centre_ids else np.zeros((0, 1)),
            "min_similarity": MIN_SIMILARITY,
        }
        run.model = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
        run.status = ThemeRun.Status.DONE
        run.finished_at = timezone.now()
        run.signal_count = len(snap.ids)
        run.theme_count = sum(1 for t in by_id.values() if t.status == Theme.Status.ACTIVE)
        run.stats = {"kept": len(matched), "new": len(new_themes), "dormant": dormant, "joined": len(joined)}
        run.save()
        audit_record(
            actor=run.requested_by,
            action="recompute",
            instance=run,
            changes={key: ["", str(value)] for key, value in run.stats.items()},
        )


def recompute_all(*, actor: Any = None, seed: int = 0) -> list[ThemeRun]:
    """National themes of each language, then each region with signals."""
    runs = [recompute(region=None, language=lang, seed=seed, actor=actor) for lang in LANGUAGES]
    scopes = Signal.objects.values_list("region_id", "language").distinct().order_by("region_id", "language")
    regions = Region.objects.in_bulk({region_id for region_id, _lang in scopes})
    for region_id, lang in scopes:
        runs.append(recompute(region=regions[region_id], language=lang, seed=seed, actor=actor))
    return runs


@transaction.atomic
def request_recompute(*, actor: Any, region: Region | None = None) -> list[ThemeRun]:
    """Queue a recomputation of the scope's themes in every language (runs in the background)."""
    if not can_edit_scope(actor, region.pk if region else None):
        raise PermissionDenied(_("You may not recompute these themes."))
    from . import tasks

    runs = []
    for lang in LANGUAGES:
        run = ThemeRun.objects.create(region=region, language=lang, requested_by=actor)
        audit_record(actor=actor, action="create", instance=run)
        runs.append(run)
    for run in runs:
        # After the commit, so that a worker finds the run; immediately in tests and the demo.
        transaction.on_commit(
            functools.partial(tasks.recompute_themes.enqueue, run.region_id, run.language, run.pk)
        )
    return runs


# --- coordinators' edits -------------------------------------------------------------------------


def _audit_change(actor: Any, theme: Theme, before: dict[str, str], action: str = "update") -> None:
    changes = diff(before, snapshot(theme))
    if changes:
        audit_record(actor=actor, action=action, instance=theme, changes=changes)


@transaction.atomic
def theme_rename(*, actor: Any, theme: Theme, label: str) -> Theme:
    """A coordinator's name for the theme; an empty one goes back to the automatic name."""
    _require_edit(actor, theme)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    before = snapshot(theme)
    theme.custom_label = label.strip()
    theme.full_clean()
    theme.save()
    _audit_change(actor, theme, before)
    return theme


@transaction.atomic
def theme_update_summary(*, actor: Any, theme: Theme, summary: str) -> Theme:
    _require_edit(actor, theme)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    before = snapshot(theme)
    theme.summary = summary.strip()
    theme.full_clean()
    theme.save()
    _audit_change(actor, theme, before)
    return theme


@transaction.atomic
def theme_edit(*, actor: Any, theme: Theme, label: str, summary: str) -> Theme:
    """Name and summary together (the edit form), one transaction."""
    theme = theme_rename(actor=actor, theme=theme, label=label)
    return theme_update_summary(actor=actor, theme=theme, summary=summary)


@transaction.atomic
def theme_publish(*, actor: Any, theme: Theme, published: bool) -> Theme:
    """Published themes are shown to every signed-in worker (their signals are not)."""
    _require_edit(actor, theme)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    if published and theme.status == Theme.Status.MERGED:
        raise ValidationError(_("A merged theme cannot be published; publish the theme it was merged into."))
    before = snapshot(theme)
    theme.is_published = published
    theme.full_clean()
    theme.save()
    _audit_change(actor, theme, before, "publish" if published else "unpublish")
    return theme


@transaction.atomic
def theme_merge(*, actor: Any, source: Theme, target: Theme) -> Theme:
    """Merge `source` into `target`: its signals (pinned ones stay pinned) and earlier merges move
    there; `source` stays, marked merged, for its history. Returns the target."""
    _require_edit(actor, source)
    _require_edit(actor, target)
    source, target = (
        Theme.objects.select_for_update().get(pk=source.pk),
        Theme.objects.select_for_update().get(pk=target.pk),
    )
    if source.pk == target.pk:
        raise ValidationError({"target": _("A theme cannot be merged into itself.")})
    if source.region_id != target.region_id or source.language != target.language:
        raise ValidationError(
            {
                "target": _(
                    "Themes can be merged only within the same scope (national or one region) and language."
                )
            }
        )
    if source.status == Theme.Status.MERGED:
        raise ValidationError(_("This theme has already been merged into another theme."))
    if target.status == Theme.Status.MERGED:
        raise ValidationError(
            {"target": _("That theme has been merged into another theme; choose that one.")}
        )
    level = level_of(source)
    moved = Signal.objects.filter(**{level.theme_id: source.pk}).update(**{level.theme_id: target.pk})
    Theme.objects.filter(merged_into=source).update(merged_into=target)
    before_source, before_target = snapshot(source), snapshot(target)
    source.status = Theme.Status.MERGED
    source.merged_into = target
    source.full_clean()
    source.save()
    refresh_counts([source.pk, target.pk])
    source.refresh_from_db()
    target.refresh_from_db()
    _audit_change(actor, source, before_source, "merge")
    changes = diff(before_target, snapshot(target))
    changes["merged_from"] = ["", str(source.pk)]
    changes["signals_moved"] = ["", str(moved)]
    audit_record(actor=actor, action="merge", instance=target, changes=changes)
    return target


@transaction.atomic
def theme_split(*, actor: Any, theme: Theme, signal_ids: Sequence[int], label: str) -> Theme:
    """A new theme (made by hand) of the chosen signals of `theme`, pinned there."""
    _require_edit(actor, theme)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    level = level_of(theme)
    errors: dict[str, list[str]] = {}
    if not label.strip():
        errors["label"] = [_("Give the new theme a name.")]
    wanted = set(signal_ids)
    chosen = list(Signal.objects.filter(pk__in=wanted, **{level.theme_id: theme.pk}).order_by("pk"))
    if not wanted:
        errors["signal_ids"] = [_("Choose at least one signal for the new theme.")]
    elif len(chosen) != len(wanted):
        errors["signal_ids"] = [_("Some of the chosen signals are not in this theme.")]
    if theme.status == Theme.Status.MERGED:
        errors.setdefault("__all__", []).append(_("A merged theme cannot be split."))
    new = Theme(
        region_id=theme.region_id, language=theme.language, custom_label=label.strip(), is_manual=True
    )
    try:
        new.full_clean(exclude=["custom_label"] if "label" in errors else None)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault("label" if field == "custom_label" else field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    new.keywords = cluster.theme_labels(
        [s.text for s in chosen],
        [0] * len(chosen),
        lang=theme.language,  # type: ignore[arg-type]
    ).get(0, [])
    new.save()
    Signal.objects.filter(pk__in=[s.pk for s in chosen]).update(
        **{level.theme_id: new.pk, level.pinned: True, level.similarity: None}
    )
    refresh_counts([theme.pk, new.pk])
    new.refresh_from_db()
    audit_record(
        actor=actor,
        action="split",
        instance=new,
        changes={
            **diff({}, snapshot(new)),
            "split_from": ["", str(theme.pk)],
            "signals": ["", ", ".join(str(s.pk) for s in chosen)],
        },
    )
    audit_record(actor=actor, action="split", instance=theme, changes={"signals_moved_to": ["", str(new.pk)]})
    return new


@transaction.atomic
def signal_move(*, actor: Any, signal: Signal, theme: Theme | None, regional: bool | None = None) -> Signal:
    """Put a signal into another theme of the same scope and language, or into none, and pin it
    there. `regional` says the level when `theme` is None (default: the national level)."""
    if theme is not None:
        regional = theme.region_id is not None
    level = REGIONAL if regional else NATIONAL
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    scope_region = signal.region_id if regional else None
    current_id = getattr(signal, level.theme_id)
    current = Theme.objects.filter(pk=current_id).first() if current_id else None
    if not can_edit_scope(actor, scope_region) or (
        current is not None and not permissions.can_edit_theme(actor, current)
    ):
        raise PermissionDenied(_("You may not move this signal."))
    if theme is not None:
        _require_edit(actor, theme)
        if theme.region_id != scope_region:
            raise ValidationError(
                {
                    "theme": _(
                        "A signal can be moved only to a theme of its own region, or to a national theme."
                    )
                }
            )
        if theme.language != signal.language:
            raise ValidationError({"theme": _("The theme is in another language than the signal.")})
        if theme.status == Theme.Status.MERGED:
            raise ValidationError(
                {"theme": _("That theme has been merged into another theme; choose that one.")}
            )
    before = snapshot(signal)
    setattr(signal, level.theme_id, theme.pk if theme else None)
    setattr(signal, level.pinned, True)
    setattr(signal, level.similarity, None)
    signal.save(update_fields=[level.theme, level.pinned, level.similarity])
    refresh_counts([current_id, theme.pk if theme else None])
    changes = {k: v for k, v in diff(before, snapshot(signal)).items() if k != "text"}
    audit_record(actor=actor, action="move", instance=signal, changes=changes)
    return signal


def signals_of(theme: Theme) -> Any:
    """The signals of a theme on its own level (a queryset, not permission-scoped)."""
    return Signal.objects.filter(**{level_of(theme).theme_id: theme.pk})
