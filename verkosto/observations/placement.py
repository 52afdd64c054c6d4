"""Placing newly saved signals into existing themes (national and regional).

Interface used by capture and import; implemented in this session by the themes work.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Signal


def place_signals(signals: Iterable[Signal]) -> None:
    """Put each signal into the nearest national and regional theme of the last recomputation."""
    raise NotImplementedError
