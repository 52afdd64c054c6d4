"""Placing newly saved signals into existing themes (national and regional).

Used by capture and import right after saving signals. Each signal goes to the nearest theme
centre of the latest finished recomputation of its scope and language (`ThemeRun.model`: the
fitted feature space and the centres), if it is at least as similar as the clustering itself
requires; otherwise it stays without a theme until the next recomputation. The unpickled model is
kept per process, keyed by the run's id and finish time, so that placing one signal costs a few
queries and one small matrix product (measured with 20,000 signals: median 14 ms, p95 26 ms after
the first load; see docs/decisions/0004-theme-identity.md).
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest, Least

from .models import Signal, Theme, ThemeRun
from .themes import NATIONAL, REGIONAL, Level, scope_filter

# A few scopes' models per process: national fi/sv plus the regions placed lately.
_CACHE_SIZE = 16
_cache: OrderedDict[tuple[int, Any], dict[str, Any]] = OrderedDict()
_lock = threading.Lock()


def _latest_done_run_key(region_id: int | None, language: str) -> tuple[int, Any] | None:
    """(id, finish time) of the latest finished run: the time too, since a rolled-back test (or a
    restored database) may hand out an id again."""
    return (
        ThemeRun.objects.filter(language=language, status=ThemeRun.Status.DONE, **scope_filter(region_id))
        .exclude(model=None)
        .order_by("-finished_at", "-pk")
        .values_list("pk", "finished_at")
        .first()
    )


def _model(key: tuple[int, Any]) -> dict[str, Any] | None:
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    blob = ThemeRun.objects.filter(pk=key[0]).values_list("model", flat=True).first()
    if not blob:
        return None
    # Our own pickle, written by themes.recompute into our own database.
    model = pickle.loads(bytes(blob))  # noqa: S301
    with _lock:
        _cache[key] = model
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return model


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _nearest(model: dict[str, Any], texts: list[str]) -> list[tuple[int, float] | None]:
    centres = model["centres"]
    if not len(model["theme_ids"]):
        return [None] * len(texts)
    space = model["space"]
    x = space.transform(texts)
    if x.shape[1] != centres.shape[1]:
        return [None] * len(texts)
    known = _known_words(space, texts)
    similarity = x @ centres.T
    best = np.argmax(similarity, axis=1)
    out: list[tuple[int, float] | None] = []
    for row, column in enumerate(best.tolist()):
        value = float(similarity[row, column])
        fits = value >= model["min_similarity"] and known[row] > 0
        out.append((int(model["theme_ids"][column]), value) if fits else None)
    return out


def _known_words(space: Any, texts: list[str]) -> list[int]:
    """How many of each text's words the themes' signals also use.

    LSA vectors are scaled to unit length, so a text that shares only a few letter sequences with
    the corpus (nonsense, another language) would still point somewhere; a text that shares no
    word with the signals the themes were computed from is not placed. Reads the fitted space's
    word vectoriser (its first block, when it has one)."""
    for vectorizer, _weight in getattr(space, "_blocks", []):
        if vectorizer.analyzer != "char_wb":
            counts = vectorizer.transform(texts)
            return [int(n) for n in counts.getnnz(axis=1)]
    return [1] * len(texts)


def _follow_merges(theme_ids: set[int]) -> dict[int, int | None]:
    """Theme id -> the theme to place into now (a merged theme's target; None if gone)."""
    resolved: dict[int, int | None] = {}
    pending = set(theme_ids)
    rows: dict[int, tuple[str, int | None]] = {}
    for _step in range(10):
        missing = pending - rows.keys()
        if not missing:
            break
        for pk, status, target in Theme.objects.filter(pk__in=missing).values_list(
            "pk", "status", "merged_into_id"
        ):
            rows[pk] = (status, target)
        pending = {t for s, t in rows.values() if s == Theme.Status.MERGED and t} | pending
    for pk in theme_ids:
        current: int | None = pk
        for _step in range(10):
            if current is None or current not in rows:
                current = None
                break
            state, merged_into = rows[current]
            if state != Theme.Status.MERGED:
                break
            current = merged_into
        resolved[pk] = current
    return resolved


def place_signals(signals: Iterable[Signal]) -> None:
    """Put each signal into the nearest national and regional theme of the last recomputation.

    Signals already in a theme on a level keep it (nothing is counted twice); with no finished
    recomputation of a scope yet, its level stays empty."""
    signals = [s for s in signals if s.pk]
    groups: dict[tuple[Level, int | None, str], list[Signal]] = defaultdict(list)
    for signal in signals:
        if signal.theme_id is None and not signal.theme_pinned:
            groups[(NATIONAL, None, signal.language)].append(signal)
        if signal.regional_theme_id is None and not signal.regional_theme_pinned:
            groups[(REGIONAL, signal.region_id, signal.language)].append(signal)
    placed: dict[Level, list[tuple[Signal, int, float]]] = defaultdict(list)
    for (level, region_id, language), members in groups.items():
        key = _latest_done_run_key(region_id, language)
        model = _model(key) if key else None
        if model is None:
            continue
        for signal, found in zip(members, _nearest(model, [s.text for s in members]), strict=True):
            if found is not None:
                placed[level].append((signal, *found))
    if not placed:
        return
    targets = _follow_merges({pk for rows in placed.values() for _s, pk, _v in rows})
    bumps: dict[int, list[Any]] = defaultdict(list)
    for level, rows in placed.items():
        changed = []
        for signal, theme_id, similarity in rows:
            target = targets.get(theme_id)
            if target is None:
                continue
            setattr(signal, level.theme_id, target)
            setattr(signal, level.similarity, round(similarity, 4))
            changed.append(signal)
            bumps[target].append(signal.observed_on)
        Signal.objects.bulk_update(changed, [level.theme, level.similarity])
    for theme_id, dates in bumps.items():
        first, last = min(dates), max(dates)
        Theme.objects.filter(pk=theme_id).update(
            signal_count=F("signal_count") + len(dates),
            first_observed_on=Least(Coalesce(F("first_observed_on"), first), first),
            last_observed_on=Greatest(Coalesce(F("last_observed_on"), last), last),
            status=_active_unless_merged(),
        )


def _active_unless_merged() -> Any:
    from django.db.models import Case, Value, When

    return Case(
        When(status=Theme.Status.MERGED, then=F("status")),
        default=Value(Theme.Status.ACTIVE),
    )
