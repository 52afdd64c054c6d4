"""`{% registration_box_state event user as box %}`: what the event page's registration box shows
(places, whether one may register now and why not, the user's own registration and queue place)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from verkosto.events import permissions, registration
from verkosto.events.models import Event, Registration

register = template.Library()


@dataclass(frozen=True)
class BoxState:
    mine: Registration | None
    position: int | None
    refusal: str  # why nobody can register now ("" when they can)
    refusal_code: str
    may_register: bool  # the form is open to this user (after logging in, for members-only events)
    needs_login: bool
    walk_ins: int  # of those attending; walk-ins can take the count past the capacity


@register.simple_tag
def registration_box_state(event: Event, user: Any) -> BoxState:
    mine = registration.active_registration_of(user, event)
    refusal = registration.registration_refusal(event)
    authenticated = getattr(user, "is_authenticated", False)
    members_only = event.audience == Event.Audience.MEMBERS
    return BoxState(
        mine=mine,
        position=registration.waiting_position(mine) if mine else None,
        refusal=str(refusal.message) if refusal else "",
        refusal_code=str(refusal.code) if refusal else "",
        may_register=permissions.may_register(user, event),
        needs_login=members_only and not authenticated,
        walk_ins=(
            event.registrations.filter(status=Registration.Status.ATTENDING, is_walk_in=True).count()
            if event.attending_count
            else 0
        ),
    )
