"""Ask for feedback on the events that ended one to seven days ago and have had no request yet.

Run from cron once a day. Each event is one task (verkosto.events.tasks.request_event_feedback),
which e-mails every participant their own feedback link; an organiser who asked already by hand
is not repeated, and nobody is asked twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from verkosto.events import feedback
from verkosto.events.tasks import request_event_feedback


class Command(BaseCommand):
    help = "Ask for feedback on events that ended 1-7 days ago and have had no feedback request."

    def handle(self, *args: Any, **options: Any) -> None:
        event_ids = list(feedback.events_due_for_feedback().values_list("pk", flat=True))
        failed = 0
        for event_id in event_ids:
            result = request_event_feedback.enqueue(event_id=event_id)
            # A worker backend answers "queued"; the immediate backend has run the task already,
            # and keeps a failure to itself unless it is looked at here.
            if result.status == TaskResultStatus.FAILED:
                failed += 1
                for error in result.errors:
                    self.stderr.write(f"Feedback request for event {event_id} failed:\n{error.traceback}")
        self.stdout.write(f"Feedback requests enqueued for {len(event_ids)} event(s).")
        if failed:
            raise CommandError(f"{failed} feedback request(s) failed.")
