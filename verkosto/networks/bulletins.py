"""Bulletins: writes and reads. (Interface stub; the bulletins work fills this in.)"""

from __future__ import annotations

from typing import Any

from .models import Bulletin, Network


def bulletins_for_network(*, user: Any, network: Network, limit: int = 5) -> list[Bulletin]:
    return []
