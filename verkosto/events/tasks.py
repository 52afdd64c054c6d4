"""Background work of the events: the feedback request e-mails.

`feedback.feedback_request_send` enqueues `send_feedback_requests` once its transaction commits;
`manage.py send_event_feedback` (cron) enqueues `request_event_feedback` for each event that ended
one to seven days ago. Arguments are plain JSON values so that a worker backend can store them.
"""

from __future__ import annotations

from django_tasks import task

from . import feedback


@task()
def send_feedback_requests(registration_ids: list[int]) -> int:
    """E-mail each registration its feedback link, in its language; returns how many were sent."""
    return feedback.feedback_request_mails_send(registration_ids=registration_ids)


@task()
def request_event_feedback(event_id: int) -> int:
    """Ask an event's participants for feedback unless someone has already asked; returns how many
    were asked."""
    return feedback.feedback_request_due(event_id=event_id)
