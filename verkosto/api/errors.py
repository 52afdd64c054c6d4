"""Every API error in one JSON shape, whatever raised it:

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"name.fi": ["..."]}}}

`exception_handler` is REST framework's EXCEPTION_HANDLER. Besides REST framework's own exceptions
it takes Django's `ValidationError` (raised by services.py: 400 with the model's field errors,
translated columns named as in the API, `name_fi` -> `name.fi`), `PermissionDenied` (403) and
`Http404` (404). Headers REST framework sets (WWW-Authenticate, Retry-After) are kept. Messages are
gettext strings, so the client's Accept-Language picks their language.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

# A modeltranslation column: `name_fi` is the Finnish `name`.
_TRANSLATED_COLUMN = re.compile(r"^(?P<field>\w+)_(?P<lang>fi|sv|en)$")
_NON_FIELD_KEYS = {NON_FIELD_ERRORS, api_settings.NON_FIELD_ERRORS_KEY}


class Conflict(exceptions.APIException):
    """409: the request is valid but clashes with data that exists (a duplicate business ID)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("This conflicts with existing data.")
    default_code = "conflict"


def api_field_errors(exc: DjangoValidationError) -> dict[str, Any]:
    """A model's validation errors keyed by API field names (`name_fi` -> `name.fi`)."""
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    errors = exc.message_dict
    out: dict[str, list[str]] = {}
    for key, messages in errors.items():
        match = _TRANSLATED_COLUMN.match(key)
        if key in _NON_FIELD_KEYS:
            name = api_settings.NON_FIELD_ERRORS_KEY
        elif match:
            name = f"{match['field']}.{match['lang']}"
        elif f"{key}_fi" in errors:
            continue  # modeltranslation repeats a column's error under the original field's name
        else:
            name = key
        out.setdefault(name, []).extend(messages)
    return out


def _flatten(detail: Any, prefix: str = "") -> tuple[dict[str, list[str]], list[str]]:
    """REST framework's nested error detail as {"dotted.path": [messages]} and non-field messages."""
    fields: dict[str, list[str]] = {}
    general: list[str] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            key = str(key)
            if key in _NON_FIELD_KEYS and not prefix:
                general.extend(_messages(value))
                continue
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict) or (
                isinstance(value, list) and any(isinstance(v, dict) for v in value)
            ):
                nested, nested_general = _flatten(value, path)
                fields.update(nested)
                if nested_general:
                    fields.setdefault(path, []).extend(nested_general)
            else:
                fields.setdefault(path, []).extend(_messages(value))
    elif isinstance(detail, list) and any(isinstance(v, dict) for v in detail):
        for index, value in enumerate(detail):
            if value:
                nested, nested_general = _flatten(value, f"{prefix}.{index}" if prefix else str(index))
                fields.update(nested)
                general.extend(nested_general)
    else:
        general.extend(_messages(detail))
    return fields, general


def _messages(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def error_body(status_code: int, code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict:
    return {"error": {"status": status_code, "code": code, "message": message, "fields": fields or {}}}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=api_field_errors(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()  # Django's own text may name models and queries
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if not isinstance(exc, exceptions.APIException):
        return None  # not an error we know: let Django log it and answer 500
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = exc.detail
    if isinstance(detail, dict | list):
        fields, general = _flatten(detail)
        if general:
            message = general[0]
        elif isinstance(exc, exceptions.ValidationError) or not fields:
            message = _("The request has errors; see the fields.")
        else:
            message = next(iter(fields.values()))[0]
    elif isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        # REST framework's own text is only half translated into Finnish and Swedish.
        fields, message = (
            {},
            ngettext(
                "Too many requests; try again in %(seconds)d second.",
                "Too many requests; try again in %(seconds)d seconds.",
                exc.wait,
            )
            % {"seconds": exc.wait},
        )
    else:
        fields, message = {}, str(detail)
    response.data = error_body(response.status_code, exc.default_code, message, fields)
    return response


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """An unknown address under /api/v1/: the same JSON 404 as an unknown object."""
    return JsonResponse(
        error_body(404, "not_found", _("There is nothing at this address.")),
        status=404,
    )
