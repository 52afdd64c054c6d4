"""`manage.py generate_directory`: add a large synthetic directory for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from verkosto.demo.generator import generate_directory


class Command(BaseCommand):
    help = (
        "Add generated organisations and services (demo data) for benchmarks, e.g. "
        "--organisations 20000 --services 100000. Existing data is kept; the search index is rebuilt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisations", type=int, required=True)
        parser.add_argument("--services", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = generate_directory(
            organisations=options["organisations"], services=options["services"], seed=options["seed"]
        )
        seconds = result["seconds"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {result['organisations']} organisations, {result['services']} services and "
                f"{result['contacts']} contact people (demo data); "
                f"{result['indexed']} public services in the search index."
            )
        )
        self.stdout.write(
            f"Elapsed {seconds['total']:.1f} s (generate {seconds['generate']:.1f} s, "
            f"write {seconds['write']:.1f} s, search index {seconds['index']:.1f} s)."
        )
