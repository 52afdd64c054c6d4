"""`manage.py generate_signals`: add many synthetic silent signals for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.demo.signals import generate_signals


class Command(BaseCommand):
    help = (
        "Add generated silent signals (demo data) for benchmarks, e.g. --count 100000 --seed 1: every "
        "region, the last two years, texts composed like the demo's and scrubbed before they are "
        "written. Existing signals are kept; keyword counts are rebuilt at the end. Themes are not "
        "recomputed unless --themes is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True, help="How many signals to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--themes", action="store_true", help="Recompute every scope's themes afterwards (slow)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["count"] < 1:
            raise CommandError("--count must be at least 1.")
        result = generate_signals(count=options["count"], seed=options["seed"])
        seconds = result["seconds"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {result['signals']} signals (demo data); "
                f"{result['keyword_counts']} keyword count rows."
            )
        )
        self.stdout.write(
            f"Elapsed {seconds['total']:.1f} s (compose and scrub {seconds['generate']:.1f} s, "
            f"write {seconds['write']:.1f} s, keyword counts {seconds['keywords']:.1f} s; "
            f"CPU {seconds['cpu']:.1f} s)."
        )
        if options["themes"]:
            from verkosto.observations.themes import recompute_all

            runs = recompute_all(seed=options["seed"])
            failed = [r for r in runs if r.status != r.Status.DONE]
            self.stdout.write(f"Themes recomputed in {len(runs)} scopes ({len(failed)} failed).")
