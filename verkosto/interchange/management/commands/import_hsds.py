"""Import an Open Referral HSDS 3.0 document into the directory, from a file or a URL.

    python manage.py import_hsds services.json --lang sv --user admin
    python manage.py import_hsds https://example.fi/hsds/services/?full=true

The document is a service, an organization, a service at location, or a list page of them. It is
validated against the HSDS schemas shipped in verkosto/interchange/schemas/hsds/ first: one that
does not validate is refused with its errors (path: message) and nothing is written. From a URL,
the following pages of a list are fetched too (unless --single-page) and all of them go in at once.
Writes go through the directory's services, so --user must have the rights to edit what is
imported; without --user the command writes as the system (audit entries without an actor).
"""

from __future__ import annotations

import json
import sys
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.accounts import permissions
from verkosto.interchange.hsds import LANGUAGES
from verkosto.interchange.hsds_import import (
    KINDS,
    PAGE_KINDS,
    SYSTEM_ACTOR,
    HsdsImportError,
    ImportReport,
    hsds_import,
)

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 1000
TIMEOUT = 60


def _next_page_url(url: str, page_number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.append(("page", str(page_number + 1)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _fetch(url: str) -> Any:
    request = Request(url, headers={"Accept": "application/json", "User-Agent": "Verkosto HSDS import"})  # noqa: S310 - the scheme is checked before
    try:
        with urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only, checked by the caller
            body = response.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"Could not fetch {url}: {exc}") from exc
    if len(body) > MAX_BYTES:
        raise CommandError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    return _parse(body, url)


def _parse(body: bytes | str, source: str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CommandError(f"{source} is not JSON: {exc}") from exc


class Command(BaseCommand):
    help = "Import an HSDS 3.0 document (service, organization, or a list page of them) from a file or URL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A JSON file, - for standard input, or an http(s) URL.")
        parser.add_argument(
            "--lang", choices=LANGUAGES, default="fi", help="The language of the texts (default fi)."
        )
        parser.add_argument(
            "--user", help="Import as this user (needs the rights); default: the system, trusted."
        )
        parser.add_argument(
            "--kind", choices=KINDS + PAGE_KINDS, help="What the document is, if guessing is not enough."
        )
        parser.add_argument(
            "--draft", action="store_true", help="Publish nothing that is not published already."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing.")
        parser.add_argument(
            "--single-page", action="store_true", help="From a URL, only the page given, not the following."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = self._actor(options["user"])
        documents = self._read(options["source"], follow=not options["single_page"])
        try:
            report = hsds_import(
                documents=documents,
                actor=actor,
                lang=options["lang"],
                kind=options["kind"],
                draft=options["draft"],
                dry_run=options["dry_run"],
            )
        except HsdsImportError as exc:
            raise CommandError("\n  ".join([exc.message, *exc.problems])) from exc
        self._print(report, options)

    def _actor(self, username: str | None) -> Any:
        if not username:
            return SYSTEM_ACTOR
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        if not permissions.can_edit_anything(user):
            raise CommandError(f"{username} may not edit the directory.")
        return user

    def _read(self, source: str, *, follow: bool) -> list[Any]:
        scheme = urlsplit(source).scheme.lower()
        if scheme in ("http", "https"):
            return self._read_url(source, follow=follow)
        if scheme and len(scheme) > 1:  # not a Windows drive letter
            raise CommandError(f"Only http and https URLs can be read, not {scheme}:.")
        if source == "-":
            return [_parse(sys.stdin.buffer.read(), "standard input")]
        try:
            with open(source, "rb") as handle:
                return [_parse(handle.read(), source)]
        except OSError as exc:
            raise CommandError(f"Cannot read {source}: {exc}") from exc

    def _read_url(self, url: str, *, follow: bool) -> list[Any]:
        documents = [_fetch(url)]
        while follow and len(documents) < MAX_PAGES:
            last = documents[-1]
            if not isinstance(last, dict) or "contents" not in last or last.get("last_page", True):
                break
            page_number = last.get("page_number")
            if not isinstance(page_number, int):
                break
            url = _next_page_url(url, page_number)
            self.stderr.write(f"Fetching {url}")
            documents.append(_fetch(url))
        return documents

    def _print(self, report: ImportReport, options: dict[str, Any]) -> None:
        kinds = ", ".join(f"{kind} x{n}" if n > 1 else kind for kind, n in report.kinds.items())
        self.stdout.write(f"Read {report.documents} document(s): {kinds}; texts as {options['lang']}.")
        for what in ("organisations", "services", "contact people"):
            created, updated = report.created[what], report.updated[what]
            if created or updated:
                self.stdout.write(f"  {what}: {created} created, {updated} updated")
        if report.derived_fields:
            fields = ", ".join(f"{k} ({n})" for k, n in sorted(report.derived_fields.items()))
            self.stdout.write(f"Not read (Verkosto derives these when it publishes): {fields}")
        if report.ignored_fields:
            fields = ", ".join(f"{k} ({n})" for k, n in sorted(report.ignored_fields.items()))
            self.stdout.write(f"Not stored (no place for them in Verkosto): {fields}")
        if report.notes:
            self.stdout.write(f"Notes ({len(report.notes)}):")
            for note in report.notes:
                self.stdout.write(f"  {note}")
        if report.dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
        else:
            self.stdout.write(self.style.SUCCESS("Imported."))
