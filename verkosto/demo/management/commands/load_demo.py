"""`manage.py load_demo`: load the demo directory and demo users once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from verkosto.demo.generator import load_demo


class Command(BaseCommand):
    help = (
        "Load demo data: the real organisations of the background articles, generated organisations "
        "in every region and one demo user per role. Does nothing if demo data already exists."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")
        parser.add_argument(
            "--organisations", type=int, default=400, help="Organisations in total (default 400)."
        )
        parser.add_argument("--services", type=int, default=1200, help="Services in total (default 1200).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo(
            seed=options["seed"], organisations=options["organisations"], services=options["services"]
        )
        counts = (
            f"{result['organisations']} organisations, {result['services']} services, "
            f"{result['contacts']} contact people"
        )
        if result["created"]:
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {counts}."))
            self.stdout.write(f"Search index: {result['indexed']} public services indexed.")
        else:
            self.stdout.write(f"Demo data already present ({counts}); nothing was changed.")
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        rows = [("Username", "Password", "Role"), *result["logins"]]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        for username, password, role in rows:
            self.stdout.write(f"  {username:<{widths[0]}}  {password:<{widths[1]}}  {role}")
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "This is DEMO DATA (is_demo=True): generated organisations, fictional contact people "
                "and published demo passwords. Do not use it in production."
            )
        )
