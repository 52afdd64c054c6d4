"""Helpers the theme tests share (no tests here): signals from the labelled evaluation set, people
with roles, and a first recomputation."""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path
from typing import Any

from verkosto.core.models import Municipality
from verkosto.directory.tests.factories import UserFactory, user_with_role
from verkosto.observations.models import Signal

EVALUATION = Path(__file__).resolve().parents[2] / "textanalytics" / "evaluation" / "signals.jsonl"


@cache
def labelled() -> tuple[dict[str, str], ...]:
    with EVALUATION.open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


def texts(theme: str, lang: str = "fi") -> list[str]:
    return [row["text"] for row in labelled() if row["theme"] == theme and row["lang"] == lang]


def topics(lang: str = "fi") -> list[str]:
    return sorted({row["theme"] for row in labelled() if row["lang"] == lang and row["theme"] != "none"})


def municipality(name: str) -> Municipality:
    return Municipality.objects.select_related("region").get(name_fi=name)


def add_signals(
    items: list[str],
    *,
    place: str = "Kajaani",
    lang: str = "fi",
    author: Any = None,
    start: datetime.date = datetime.date(2025, 1, 6),
) -> list[Signal]:
    """Signals of these texts (already clean: the evaluation set has no personal data), one a day."""
    where = municipality(place)
    return Signal.objects.bulk_create(
        [
            Signal(
                text=text,
                language=lang,
                observed_on=start + datetime.timedelta(days=n % 300),
                municipality=where,
                region=where.region,
                author=author,
            )
            for n, text in enumerate(items)
        ]
    )


def corpus(lang: str = "fi", *, leave_out: tuple[str, ...] = (), per_topic: int | None = None) -> list[str]:
    out: list[str] = []
    for topic in topics(lang):
        if topic not in leave_out:
            out.extend(texts(topic, lang)[:per_topic])
    return out


def fresh(user: Any) -> Any:
    """Roles are cached on the user object: a fresh copy sees roles given after it was made."""
    return type(user).objects.get(pk=user.pk)


def people() -> dict[str, Any]:
    return {
        "national": user_with_role("national_coordinator"),
        "kainuu": user_with_role("regional_coordinator", region_code="MK18"),
        "oulu": user_with_role("regional_coordinator", region_code="MK17"),
        "outsider": UserFactory(),
    }


def theme_of(signal: Signal) -> int | None:
    signal.refresh_from_db()
    return signal.theme_id
