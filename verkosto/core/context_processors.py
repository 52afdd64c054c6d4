from typing import Any

from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    from verkosto.accounts.permissions import can_edit_anything

    return {"can_edit": can_edit_anything(request.user) if hasattr(request, "user") else False}
