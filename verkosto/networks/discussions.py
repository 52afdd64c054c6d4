"""Discussion threads: writes and reads. (Interface stub; the discussions work fills this in.)"""

from __future__ import annotations

from typing import Any

from .models import Network, Thread


def threads_for_network(*, user: Any, network: Network, limit: int = 5) -> list[Thread]:
    return []
