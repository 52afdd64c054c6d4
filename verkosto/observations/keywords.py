"""Keyword counts per region, language and month (`KeywordCount`), for the emergence measures.

Capture, import and the demo call `record_signals` with newly saved signals (inside their own
transaction); a service that deletes signals calls `forget_signals` first; `rebuild_keyword_counts`
recomputes every count from the signals (after a bulk load, or to repair). The radar then reads
counts only and never re-reads signal texts.

A keyword is a word's readable base form: the Finnish lemma (Voikko or simplemma), the lower-case
word in Swedish; function words (the clustering's stop words), words under three letters, words
with digits and the scrubber's placeholders ("[nimi]") are not keywords.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction

from verkosto.textanalytics import cluster, normalise

from .models import KeywordCount, Signal

MIN_LENGTH = 3
TERM_MAX = KeywordCount._meta.get_field("term").max_length or 80
# Rows per INSERT statement: well under SQLite's 32,766 bound variables (6 per row).
_CHUNK = 500
_PLACEHOLDER_RE = re.compile(r"\[[^\]\s]{1,40}\]")

Key = tuple[str, str, int, datetime.date]  # term, language, region id, first day of the month


def _display_form(word: str, lang: str) -> str:
    if lang == "fi":
        return normalise._finnish_analysis(word)[0]
    return word.lower()


@functools.cache
def _stop_forms(lang: str) -> frozenset[str]:
    words = cluster._STOP_WORDS.get(lang, "").split()
    return frozenset(words) | frozenset(_display_form(w, lang) for w in words)


def signal_keywords(text: str, lang: str) -> Counter[str]:
    """The keywords of one (scrubbed) text with their number of occurrences."""
    stop = _stop_forms(lang)
    found: Counter[str] = Counter()
    for word in normalise.words(_PLACEHOLDER_RE.sub(" ", text)):
        if len(word) < MIN_LENGTH or any(ch.isdigit() for ch in word) or word.lower() in stop:
            continue
        form = _display_form(word, lang)
        if len(form) < MIN_LENGTH or form in stop or len(form) > TERM_MAX:
            continue
        found[form] += 1
    return found


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _count(rows: Iterable[tuple[str, str, int, datetime.date]]) -> dict[Key, list[int]]:
    """(text, language, region id, observed on) rows -> {key: [tf, df]}."""
    totals: dict[Key, list[int]] = {}
    for text, lang, region_id, observed_on in rows:
        month = _month(observed_on)
        for term, occurrences in signal_keywords(text, lang).items():
            cell = totals.setdefault((term, lang, region_id, month), [0, 0])
            cell[0] += occurrences
            cell[1] += 1
    return totals


def _signal_rows(signals: Iterable[Signal]) -> Iterator[tuple[str, str, int, datetime.date]]:
    for signal in signals:
        yield signal.text, signal.language, signal.region_id, signal.observed_on


def _chunks(items: list[tuple[Key, list[int]]]) -> Iterator[list[tuple[Key, list[int]]]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _add(totals: dict[Key, list[int]]) -> None:
    """Add counts, one statement per chunk of cells.

    INSERT ... ON CONFLICT DO UPDATE has the same syntax in SQLite (3.24+) and PostgreSQL (9.5+) and
    increments in the database, so two requests recording signals of the same month at once both
    count. Django's bulk_create(update_conflicts=True) can only overwrite a row, not add to it.
    """
    if not totals:
        return
    table = connection.ops.quote_name(KeywordCount._meta.db_table)
    items = sorted(totals.items())  # one order: concurrent writers lock rows in the same order
    with transaction.atomic(), connection.cursor() as cursor:
        for chunk in _chunks(items):
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            params: list[Any] = []
            for (term, lang, region_id, month), (tf, df) in chunk:
                params += [term, lang, region_id, connection.ops.adapt_datefield_value(month), tf, df]
            cursor.execute(
                f"INSERT INTO {table} (term, language, region_id, month, tf, df) VALUES {values} "
                "ON CONFLICT (term, language, region_id, month) DO UPDATE SET "
                f"tf = {table}.tf + excluded.tf, df = {table}.df + excluded.df",
                params,
            )


def _subtract(totals: dict[Key, list[int]]) -> None:
    """Take counts away, never below zero; cells left with no signal are deleted."""
    if not totals:
        return
    table = connection.ops.quote_name(KeywordCount._meta.db_table)
    sql = (
        f"UPDATE {table} SET tf = CASE WHEN tf > %s THEN tf - %s ELSE 0 END, "
        "df = CASE WHEN df > %s THEN df - %s ELSE 0 END "
        "WHERE term = %s AND language = %s AND region_id = %s AND month = %s"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # Row by row: deletions are rare and touch few cells.
        cursor.executemany(
            sql,
            [
                [tf, tf, df, df, term, lang, region_id, connection.ops.adapt_datefield_value(month)]
                for (term, lang, region_id, month), (tf, df) in sorted(totals.items())
            ],
        )
        KeywordCount.objects.filter(df=0).delete()


def record_signals(signals: Iterable[Signal]) -> None:
    """Add the keywords of newly saved signals to the counts (inside the caller's transaction).

    Takes any number of signals at once and writes one statement per 500 distinct
    (keyword, language, region, month) cells.
    """
    _add(_count(_signal_rows(signals)))


def forget_signals(signals: Iterable[Signal]) -> None:
    """Take the keywords of signals about to be deleted (or re-texted) out of the counts."""
    _subtract(_count(_signal_rows(signals)))


def rebuild_keyword_counts() -> int:
    """Recompute every count from the stored signals; returns the number of count rows."""
    rows = Signal.objects.order_by().values_list("text", "language", "region_id", "observed_on")
    with transaction.atomic():
        totals = _count(rows.iterator(chunk_size=2000))
        KeywordCount.objects.all().delete()
        KeywordCount.objects.bulk_create(
            (
                KeywordCount(term=term, language=lang, region_id=region_id, month=month, tf=tf, df=df)
                for (term, lang, region_id, month), (tf, df) in sorted(totals.items())
            ),
            batch_size=2000,
        )
    return len(totals)
