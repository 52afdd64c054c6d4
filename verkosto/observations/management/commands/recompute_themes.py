"""python manage.py recompute_themes [--region CODE | --national] [--language fi|sv] [--seed N]

Recomputes themes synchronously (the pages enqueue the same work as a background task) and prints
each run's counts and time. Without --region or --national: national themes, then every region
that has signals.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.core.models import Region
from verkosto.observations import themes
from verkosto.observations.models import Signal


class Command(BaseCommand):
    help = "Recompute the themes of signals (national and regional), keeping theme identity and edits."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--region", help="Only this region's themes (code, e.g. MK18).")
        scope.add_argument("--national", action="store_true", help="Only the national themes.")
        parser.add_argument("--language", choices=list(themes.LANGUAGES), help="Only this language.")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        languages = [options["language"]] if options["language"] else list(themes.LANGUAGES)
        scopes: list[Region | None]
        if options["region"]:
            region = Region.objects.filter(code=options["region"].upper()).first()
            if region is None:
                raise CommandError(f"Unknown region: {options['region']}")
            scopes = [region]
        elif options["national"]:
            scopes = [None]
        else:
            with_signals = Signal.objects.values_list("region_id", flat=True).distinct()
            scopes = [None, *Region.objects.filter(pk__in=with_signals).order_by("code")]
        started = time.perf_counter()
        for region in scopes:
            for language in languages:
                run = themes.recompute(region=region, language=language, seed=options["seed"])
                name = region.code if region else "national"
                stats = run.stats
                self.stdout.write(
                    f"{name} {language}: {run.signal_count} signals, {run.theme_count} active themes "
                    f"(kept {stats.get('kept', 0)}, new {stats.get('new', 0)}, "
                    f"dormant {stats.get('dormant', 0)}) "
                    f"in {stats.get('seconds', 0):.2f} s"
                )
        self.stdout.write(f"done in {time.perf_counter() - started:.2f} s")
