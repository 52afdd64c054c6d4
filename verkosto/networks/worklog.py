"""The coordinator's work log and coverage. (Interface stub; the work-log work fills this in.)"""

from __future__ import annotations

import datetime
from typing import Any

from .models import Network


def network_coverage(*, network: Network, today: datetime.date | None = None) -> Any:
    return None
