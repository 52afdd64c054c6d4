"""`manage.py load_demo`: load the demo directory, demo users and demo networks once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from verkosto.demo.generator import load_demo


class Command(BaseCommand):
    help = (
        "Load demo data: the real organisations of the background articles, generated organisations "
        "in every region, one demo user per role, the demo networks with their people and activity, and "
        "demo silent signals with their themes, and a year of demo events with registrations, attendance "
        "and feedback. Does nothing if demo data already exists."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")
        parser.add_argument(
            "--organisations", type=int, default=400, help="Organisations in total (default 400)."
        )
        parser.add_argument("--services", type=int, default=1200, help="Services in total (default 1200).")
        parser.add_argument(
            "--no-networks",
            action="store_false",
            dest="networks",
            help="Load only the directory, not the demo networks, their people and activity.",
        )
        parser.add_argument(
            "--no-signals",
            action="store_false",
            dest="signals",
            help="Do not load the demo signals and their themes (they need the demo networks).",
        )
        parser.add_argument(
            "--no-events",
            action="store_false",
            dest="events",
            help="Do not load the demo events, registrations and feedback (they need the demo networks).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo(
            seed=options["seed"],
            organisations=options["organisations"],
            services=options["services"],
            networks=options["networks"],
            signals=options["networks"] and options["signals"],
            events=options["networks"] and options["events"],
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
        if "networks" in result:
            self._networks(result["networks"])
        if "signals" in result:
            self._signals(result["signals"])
        if "events" in result:
            self._events(result["events"])
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

    def _networks(self, networks: dict[str, Any]) -> None:
        counts = (
            f"{networks['networks']} networks, {networks['memberships']} memberships, "
            f"{networks['peer_groups']} peer groups, {networks['threads']} threads, "
            f"{networks['work_log']} work log entries"
        )
        if networks["created"]:
            self.stdout.write(self.style.SUCCESS(f"Demo networks loaded: {counts}."))
            self.stdout.write(
                f"  with {networks['people']} people, {networks['bulletins']} bulletins "
                f"({networks['bulletin_reads']} reads) and {networks['posts']} posts."
            )
        else:
            self.stdout.write(f"Demo networks already present ({counts}); nothing was changed.")

    def _signals(self, signals: dict[str, Any]) -> None:
        counts = (
            f"{signals['signals']} signals ({signals['swedish']} in Swedish) "
            f"in {signals['regions']} regions, {signals['themes']} themes "
            f"({signals['published_themes']} published), "
            f"{signals['escalations']} escalations"
        )
        if signals["created"]:
            self.stdout.write(self.style.SUCCESS(f"Demo signals loaded: {counts} in {signals['seconds']} s."))
        else:
            self.stdout.write(f"Demo signals already present ({counts}); nothing was changed.")

    def _events(self, events: dict[str, Any]) -> None:
        counts = (
            f"{events['events']} events, {events['registrations']} registrations, "
            f"{events['feedback']} feedback answers"
        )
        reach = (
            f"  reach: {events['present']} participations by {events['people']} people from "
            f"{events['organisations']} organisations in {events['regions']} regions, "
            f"{events['national_events']} national events"
        )
        if events["created"]:
            self.stdout.write(self.style.SUCCESS(f"Demo events loaded: {counts} in {events['seconds']} s."))
        else:
            self.stdout.write(f"Demo events already present ({counts}); nothing was changed.")
        self.stdout.write(reach)
