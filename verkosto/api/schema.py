"""The OpenAPI description's shared parts: the error shape, the error responses each operation
declares, a hook that documents Retry-After on every 429, and the docs page served without a CDN."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from drf_spectacular.views import SpectacularRedocView
from rest_framework import serializers


class _ErrorDetail(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(
        help_text="A stable, machine-readable code: invalid, parse_error, not_authenticated, "
        "authentication_failed, permission_denied, not_found, method_not_allowed, not_acceptable, "
        "unsupported_media_type, conflict, throttled."
    )
    message = serializers.CharField(help_text="What went wrong, in the language of Accept-Language.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Errors by field, e.g. {"name.fi": ["This field is required."]}; empty if none.',
    )


class ErrorSerializer(serializers.Serializer):
    error = _ErrorDetail()


_DESCRIPTIONS = {
    400: "Invalid input: a parameter or a field of the body is wrong (see `error.fields`), or the "
    "body is not valid JSON.",
    401: "No credentials, or a wrong token: send `Authorization: Token <key>` (or log in).",
    403: "Logged in, but not allowed to do this.",
    404: "No such object, or not visible to you (drafts are visible only to their editors); "
    "or a page past the last one.",
    409: "Conflicts with existing data (an organisation with this business ID exists).",
    429: "Too many requests from an anonymous client; wait for the seconds in `Retry-After`.",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """Error responses for `extend_schema(responses=...)`; every operation can get a 429."""
    return {
        code: OpenApiResponse(response=ErrorSerializer, description=_DESCRIPTIONS[code])
        for code in sorted({*codes, 429})
    }


def paginated(serializer: type[serializers.Serializer], name: str) -> Any:
    """The list envelope, for lists whose view has no pagination class."""
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before the next request.",
        "schema": {"type": "integer"},
    }
}


def add_retry_after(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """POSTPROCESSING_HOOKS: anonymous throttling answers any operation with 429 and Retry-After."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            response = operation["responses"].get("429")
            if response is None:
                response = operation["responses"]["429"] = {
                    "description": _DESCRIPTIONS[429],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
            response.setdefault("headers", {}).update(RETRY_AFTER)
    result.setdefault("components", {}).setdefault("schemas", {}).setdefault("Error", _error_component())
    return result


def _error_component() -> dict[str, Any]:
    text = {"type": "string"}
    return {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "status": {"type": "integer"},
                    "code": text,
                    "message": text,
                    "fields": {"type": "object", "additionalProperties": {"type": "array", "items": text}},
                },
                "required": ["status", "code", "message", "fields"],
            }
        },
        "required": ["error"],
    }


class RedocView(SpectacularRedocView):
    """Redoc from drf-spectacular-sidecar's static files and without web fonts: nothing from a CDN."""

    template_name = "api/redoc.html"
