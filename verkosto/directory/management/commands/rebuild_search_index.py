"""Rebuild the search index of every service (after installing Voikko, or after bulk changes)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from verkosto.directory.search import search_index_rebuild
from verkosto.textanalytics.normalise import finnish_backend


class Command(BaseCommand):
    help = "Rebuild the full-text search index of the directory."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        indexed = search_index_rebuild()
        self.stdout.write(
            f"Indexed {indexed} public services in {time.perf_counter() - started:.1f} s "
            f"(Finnish lemmas by {finnish_backend()})."
        )
