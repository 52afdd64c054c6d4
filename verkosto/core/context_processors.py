"""Template context every page needs."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    from verkosto.accounts.permissions import can_edit_anything

    user = getattr(request, "user", None)
    return {
        "can_edit": can_edit_anything(user) if user is not None else False,
        "DEMO_MODE": getattr(settings, "DEMO_MODE", False),
    }
