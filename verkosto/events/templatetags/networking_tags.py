"""`{% networking_box event user can_manage as box %}`: what the event page's networking box shows
(the organiser's link, and a participant's own tables once a plan exists)."""

from __future__ import annotations

from typing import Any

from django import template

from verkosto.events import networking
from verkosto.events.models import Event

register = template.Library()


@register.simple_tag
def networking_box(event: Event, user: Any, can_manage: bool) -> dict[str, Any]:
    """`box.can_manage`, `box.has_plan`, `box.tables`: the user's (round, table) pairs."""
    plan = networking.networking_plan_of(event=event)
    tables = networking.my_tables(user=user, plan=plan) if plan is not None else []
    return {"can_manage": bool(can_manage), "has_plan": plan is not None, "tables": tables}
