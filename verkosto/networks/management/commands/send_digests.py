"""Enqueue the e-mail digests of unread bulletins for everyone who chose this frequency.

Run from cron, e.g. `send_digests --frequency daily` every morning and `--frequency weekly` on
Monday mornings. Each user's digest is one task (verkosto.networks.tasks.send_digest); a user with
nothing unread gets no e-mail.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks import TaskResultStatus

from verkosto.networks import bulletins
from verkosto.networks.models import DigestPreference
from verkosto.networks.tasks import send_digest

Frequency = DigestPreference.Frequency


class Command(BaseCommand):
    help = "Enqueue the e-mail digests of unread bulletins for users who chose this frequency."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--frequency", required=True, choices=[Frequency.DAILY.value, Frequency.WEEKLY.value]
        )

    def handle(self, *args: Any, frequency: str, **options: Any) -> None:
        user_ids = bulletins.digest_recipients(frequency=frequency)
        failed = 0
        for user_id in user_ids:
            result = send_digest.enqueue(user_id=user_id, frequency=frequency)
            # A worker backend answers "queued"; the immediate backend has run the task already,
            # and keeps a failure to itself unless it is looked at here.
            if result.status == TaskResultStatus.FAILED:
                failed += 1
                for error in result.errors:
                    self.stderr.write(f"Digest for user {user_id} failed:\n{error.traceback}")
        self.stdout.write(f"{len(user_ids)} {frequency} digest(s) enqueued.")
        if failed:
            raise CommandError(f"{failed} digest(s) failed.")
