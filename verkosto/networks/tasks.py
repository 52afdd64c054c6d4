"""Background work of the networks: the e-mail digest of unread bulletins, one task per user.

`python manage.py send_digests --frequency daily|weekly` (from cron) enqueues them. Arguments are
plain JSON values (a user id, a frequency) so that a worker backend can store them.
"""

from __future__ import annotations

from django_tasks import task

from . import bulletins


@task()
def send_digest(user_id: int, frequency: str) -> int:
    """E-mail one user their unread bulletins; returns how many were listed (0: nothing sent)."""
    return bulletins.digest_send(user_id=user_id, frequency=frequency)
