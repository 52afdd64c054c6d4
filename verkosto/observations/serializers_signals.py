"""Shapes of signals in the REST API: what is read, what a new signal needs, the list's filters and
the scrub preview. Parsing only: the rules are capture.py's, the scoping selectors.py's."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from verkosto.api.fields import CodeListField, TextField
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import TargetGroup

from . import capture, selectors
from .models import TEXT_MAX, Signal, TextLanguage


class SignalThemeSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    label = serializers.CharField(read_only=True)
    national = serializers.BooleanField(source="is_national", read_only=True)


class SignalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    text = serializers.CharField(
        read_only=True, help_text="The text as stored: personal data replaced by placeholders such as [nimi]."
    )
    language = serializers.ChoiceField(choices=TextLanguage.choices, read_only=True)
    observed_on = serializers.DateField(read_only=True)
    municipality = serializers.CharField(
        source="municipality.code", read_only=True, help_text="The municipality's code, e.g. 205."
    )
    region = serializers.CharField(
        source="region.code", read_only=True, help_text="The region's code, e.g. MK18."
    )
    target_groups = serializers.SerializerMethodField(help_text="Slugs of the target groups.")
    spread = serializers.ChoiceField(choices=Signal.Spread.choices, read_only=True)
    source = serializers.ChoiceField(choices=Signal.Source.choices, read_only=True)
    tags = serializers.SerializerMethodField(help_text="Tags, lower case.")
    entry = serializers.ChoiceField(choices=Signal.Entry.choices, read_only=True)
    theme = serializers.SerializerMethodField(
        help_text="The signal's theme (regional if it has one, else national), if the caller may see it."
    )
    is_mine = serializers.SerializerMethodField(help_text="Whether the caller filed it.")
    created_at = serializers.DateTimeField(read_only=True)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_target_groups(self, signal: Signal) -> list[str]:
        groups = getattr(signal, "target_group_list", None)
        if groups is None:
            groups = list(signal.target_groups.all())
        return [group.slug for group in groups]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, signal: Signal) -> list[str]:
        return [tag.name for tag in signal.tags.all()]

    @extend_schema_field(SignalThemeSerializer(allow_null=True))
    def get_theme(self, signal: Signal) -> dict[str, Any] | None:
        user = self.context.get("user")
        theme = selectors.visible_theme(user, signal) if user is not None else None
        return SignalThemeSerializer(theme).data if theme is not None else None

    @extend_schema_field(serializers.BooleanField())
    def get_is_mine(self, signal: Signal) -> bool:
        user = self.context.get("user")
        return bool(user is not None and signal.author_id == getattr(user, "pk", None))


class SignalCreateSerializer(serializers.Serializer):
    """What capture.signal_create takes. The text is scrubbed before it is stored."""

    text = TextField(max_length=TEXT_MAX, help_text="What you noticed, at most 1,000 characters.")
    language = serializers.ChoiceField(choices=TextLanguage.choices, default=TextLanguage.FINNISH)
    observed_on = serializers.DateField(help_text="Not in the future, at most two years ago.")
    municipality = serializers.SlugRelatedField(
        queryset=Municipality.objects.select_related("region"),
        slug_field="code",
        required=False,
        allow_null=True,
        default=None,
        help_text="The municipality's code; default: the first municipality your organisation serves.",
    )
    target_groups = CodeListField(
        queryset=TargetGroup.objects.all(),
        slug_field="slug",
        default=list,
        max_length=20,
        help_text='Slugs of the target groups, e.g. ["young-people"].',
    )
    spread = serializers.ChoiceField(choices=Signal.Spread.choices, default=Signal.Spread.ONE)
    source = serializers.ChoiceField(choices=Signal.Source.choices, default=Signal.Source.OWN)
    tags = serializers.ListField(
        child=TextField(max_length=capture.TAG_MAX, allow_blank=True),
        max_length=capture.MAX_TAGS,
        default=list,
        help_text="At most 10 tags of at most 50 characters; stored lower case.",
    )


class SignalListParameters(serializers.Serializer):
    region = serializers.SlugRelatedField(
        queryset=Region.objects.all(), slug_field="code", required=False, help_text="Region code, e.g. MK18."
    )
    municipality = serializers.SlugRelatedField(
        queryset=Municipality.objects.all(),
        slug_field="code",
        required=False,
        help_text="Municipality code, e.g. 205.",
    )
    since = serializers.DateField(required=False, help_text="Observed on or after this date.")
    until = serializers.DateField(required=False, help_text="Observed on or before this date.")
    theme = serializers.UUIDField(required=False, help_text="The UUID of a national or regional theme.")

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise serializers.ValidationError({"until": [_("The end date is before the start date.")]})
        return data


class ScrubRequestSerializer(serializers.Serializer):
    text = TextField(max_length=TEXT_MAX * 2, allow_blank=True)
    language = serializers.ChoiceField(choices=TextLanguage.choices, default=TextLanguage.FINNISH)


class ScrubResultSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The text as it would be stored.")
    found = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="How many placeholders of each kind went in: identity_code, phone, email, address, name.",
    )
