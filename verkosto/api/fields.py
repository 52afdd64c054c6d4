"""Serializer fields every app's API shares: translated text as {"fi", "sv", "en"}, references by
numeric id or UUID, and text checks. Each carries its OpenAPI description (the extensions below)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

LANGS: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
# Database keys are signed 64-bit; a larger number cannot name anything (and would overflow SQLite).
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def reject_surrogates(value: str) -> None:
    """Lone surrogates can be written in JSON ("\\ud800") but not stored in any database."""
    if _SURROGATE.search(value):
        raise serializers.ValidationError(_("The text contains characters that are not allowed."))


class TextField(serializers.CharField):
    """A CharField that also refuses unstorable characters (REST framework already refuses NUL)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.append(reject_surrogates)


class _OrBlank:
    """Marks a field whose value may also be an empty string (described as such in the schema)."""


class EmailOrBlankField(_OrBlank, serializers.EmailField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)


class URLOrBlankField(_OrBlank, serializers.URLField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)


class TranslatedField(serializers.DictField):
    """A django-modeltranslation field (`name_fi`, `name_sv`, `name_en`) as {"fi": …, "sv": …, "en": …}.

    Out: every language, null where there is no text. In: any subset of the languages; a missing
    language is left as it is, null or "" clears it. Validated data are the columns themselves
    (`{"name_fi": "…"}`), merged into the serializer's data (source "*").
    """

    def __init__(
        self, *, max_length: int, required_languages: tuple[str, ...] = (), column: str = "", **kwargs: Any
    ) -> None:
        self.max_length = max_length
        self.required_languages = required_languages
        self.column = column
        kwargs["source"] = "*"
        kwargs["child"] = TextField(max_length=max_length, allow_blank=True, allow_null=True)
        super().__init__(**kwargs)

    def bind(self, field_name: str, parent: Any) -> None:
        super().bind(field_name, parent)
        self.column = self.column or field_name

    def to_representation(self, instance: Any) -> dict[str, str | None]:
        return {lang: getattr(instance, f"{self.column}_{lang}", None) or None for lang in LANGS}

    def to_internal_value(self, data: Any) -> dict[str, str | None]:
        if isinstance(data, dict):
            unknown = sorted(str(key) for key in data if key not in LANGS)
            if unknown:
                raise serializers.ValidationError(
                    _("Unknown language: %(languages)s. Use %(known)s.")
                    % {"languages": ", ".join(unknown), "known": ", ".join(LANGS)}
                )
        values = super().to_internal_value(data)
        errors: dict[str, list[str]] = {}
        for lang in self.required_languages:
            partial = getattr(self.root, "partial", False)
            if lang in values and not values[lang]:
                errors[lang] = [str(serializers.CharField.default_error_messages["blank"])]
            elif lang not in values and not partial:
                errors[lang] = [str(self.error_messages["required"])]
        if errors:
            raise serializers.ValidationError(errors)
        return {f"{self.column}_{lang}": value or None for lang, value in values.items()}


def parse_ref(value: Any, *, allow_uuid: bool = True) -> int | uuid.UUID | None:
    """A numeric id (int or digits) or a UUID; None when the value is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= MAX_ID else None
    if not isinstance(value, str):
        return None
    if _DIGITS.fullmatch(value):
        number = int(value)
        return number if 1 <= number <= MAX_ID else None
    if allow_uuid:
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None


def ref_lookup(ref: int | uuid.UUID) -> dict[str, Any]:
    return {"uuid": ref} if isinstance(ref, uuid.UUID) else {"pk": ref}


class RefField(serializers.Field):
    """Another object: written as its numeric id (or UUID, where it has one), read as a nested
    representation (`representation` serializer)."""

    default_error_messages = {
        "invalid": serializers.PrimaryKeyRelatedField.default_error_messages["incorrect_type"],
        "does_not_exist": serializers.PrimaryKeyRelatedField.default_error_messages["does_not_exist"],
    }

    def __init__(
        self,
        *,
        queryset: QuerySet,
        representation: type[serializers.Serializer],
        allow_uuid: bool = True,
        **kwargs: Any,
    ) -> None:
        self.queryset = queryset
        self.representation = representation
        self.allow_uuid = allow_uuid
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Model:
        ref = parse_ref(data, allow_uuid=self.allow_uuid)
        if ref is None:
            self.fail("invalid", data_type=type(data).__name__)
        try:
            return self.queryset.get(**ref_lookup(ref))
        except (self.queryset.model.DoesNotExist, DjangoValidationError):
            self.fail("does_not_exist", pk_value=data)

    def to_representation(self, value: Model) -> Any:
        return self.representation(value, context=self.context).data


class CodeListField(serializers.ListField):
    """Objects of a managed list or of geography named by their codes or slugs (["205", "091"]):
    read from the related manager, written as a list resolved in one query."""

    def __init__(self, *, queryset: QuerySet, slug_field: str, **kwargs: Any) -> None:
        self.queryset = queryset
        self.slug_field = slug_field
        kwargs.setdefault("child", TextField(max_length=40))
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_representation(self, data: Any) -> list[str]:
        return [getattr(obj, self.slug_field) for obj in data.all()]

    def to_internal_value(self, data: Any) -> list[Model]:
        codes = list(dict.fromkeys(super().to_internal_value(data)))
        found = {
            getattr(obj, self.slug_field): obj
            for obj in self.queryset.filter(**{f"{self.slug_field}__in": codes})
        }
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown values: %(values)s.") % {"values": ", ".join(unknown)}
            )
        return [found[code] for code in codes]


class RefParameterField(serializers.Field):
    """A query parameter naming an object by numeric id or UUID; the parsed reference."""

    default_error_messages = {
        "invalid": gettext_lazy("Enter a numeric id or a UUID."),
    }

    def to_internal_value(self, data: Any) -> int | uuid.UUID:
        ref = parse_ref(data)
        if ref is None:
            self.fail("invalid")
        return ref

    def to_representation(self, value: Any) -> str:
        return str(value)


# --- OpenAPI descriptions ------------------------------------------------------------------------


class TranslatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = TranslatedField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        field: TranslatedField = self.target
        if direction == "response":
            text = {"type": "string", "nullable": True}
            return {
                "type": "object",
                "description": "Text in each language; null where there is none.",
                "properties": {lang: dict(text) for lang in LANGS},
                "required": list(LANGS),
            }
        text = {"type": "string", "nullable": True, "maxLength": field.max_length}
        schema: dict[str, Any] = {
            "type": "object",
            "description": "Text in any of the languages; a language left out stays as it is, "
            "null or an empty string clears it.",
            "properties": {lang: dict(text) for lang in LANGS},
            "additionalProperties": False,
        }
        for lang in field.required_languages:
            schema["properties"][lang] = {"type": "string", "minLength": 1, "maxLength": field.max_length}
        return schema


class RefFieldExtension(OpenApiSerializerFieldExtension):
    target_class = RefField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        field: RefField = self.target
        if direction == "response":
            return auto_schema.resolve_serializer(field.representation, direction).ref
        numeric = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
        if not field.allow_uuid:
            return {**numeric, "description": "Numeric id."}
        return {
            "oneOf": [numeric, {"type": "string", "format": "uuid"}],
            "description": "Numeric id or UUID.",
        }


class RefParameterFieldExtension(OpenApiSerializerFieldExtension):
    target_class = RefParameterField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                {"type": "string", "format": "uuid"},
            ],
            "description": "Numeric id or UUID.",
        }


class OrBlankExtension(OpenApiSerializerFieldExtension):
    """ "" is no e-mail address or URL by their formats, yet it is how an absent one is written."""

    target_class = _OrBlank
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        for key in ("readOnly", "writeOnly", "nullable", "description"):
            schema.pop(key, None)
        return {"anyOf": [schema, {"type": "string", "enum": [""]}]}
