"""Keyword counts per region, language and month (`KeywordCount`), for the emergence measures.

Interface used by capture, import and the demo; implemented in this session by the radar work.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Signal


def record_signals(signals: Iterable[Signal]) -> None:
    """Add the keywords of newly saved signals to the counts (inside the caller's transaction)."""
    raise NotImplementedError
