"""What the event page's attendance box shows: the organiser's links, and a participant's own
feedback link after the event (found by the logged-in user's registration)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from verkosto.events import feedback
from verkosto.events.models import Event

register = template.Library()


@register.simple_tag
def attendance_box(event: Event, user: Any, can_manage: bool) -> dict[str, Any]:
    """{% attendance_box event user can_manage as box %}: `box.started`, `box.can_manage`,
    `box.feedback_url` (the user's own link if they may still answer, else empty)."""
    started = timezone.now() >= event.starts_at
    held = event.status not in (Event.Status.DRAFT, Event.Status.CANCELLED)
    own = feedback.feedback_open_for_user(user=user, event=event) if started and held else None
    return {
        "can_manage": bool(can_manage),
        "started": started,
        "held": held,
        "feedback_token": own.token if own is not None else "",
    }
