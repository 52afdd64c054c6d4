"""`{% unread_bulletin_count as count %}` for the navigation: one COUNT query per page (shared with
the feed page, which shows the same number), none for anonymous visitors."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest

from verkosto.networks import bulletins

register = template.Library()


def unread_count_for(request: HttpRequest) -> int:
    """The request's user's unread bulletins, counted once per request."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return 0
    if not hasattr(request, "_unread_bulletin_count"):
        request._unread_bulletin_count = bulletins.bulletin_unread_count(user=user)  # type: ignore[attr-defined]
    return request._unread_bulletin_count  # type: ignore[attr-defined]


@register.simple_tag(takes_context=True)
def unread_bulletin_count(context: Any) -> int:
    request = context.get("request")
    return 0 if request is None else unread_count_for(request)
