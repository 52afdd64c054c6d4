"""`{% if user|can_file_signal %}`: whether to show the way to the signal pages (the site menu)."""

from __future__ import annotations

from typing import Any

from django import template

from verkosto.observations import permissions

register = template.Library()


@register.filter
def can_file_signal(user: Any) -> bool:
    return permissions.can_file_signal(user)
