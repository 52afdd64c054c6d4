"""Networks, memberships and peer groups as the REST API shows and takes them, and the query
parameters of their lists. Serializers parse and shape; services.py writes."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from verkosto.api.fields import CodeListField, RefField, TextField, TranslatedField
from verkosto.core.models import Region
from verkosto.directory.models import Organisation
from verkosto.directory.serializers import OrganisationSummarySerializer

from .models import Network


class CoordinatorSerializer(serializers.Serializer):
    """A person who coordinates the network: the name only."""

    name = serializers.SerializerMethodField()

    def get_name(self, user: Any) -> str:
        return user.get_full_name() or user.get_username()


class NetworkSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    uuid = serializers.UUIDField(read_only=True, help_text="Stable identifier; never changes.")
    name = TranslatedField(max_length=200, read_only=True)
    kind = serializers.ChoiceField(choices=Network.Kind.choices, read_only=True)
    language = serializers.ChoiceField(
        choices=Network.WorkingLanguage.choices,
        read_only=True,
        help_text="The working language: fi, sv or fi-sv (both).",
    )
    regions = CodeListField(
        queryset=Region.objects.all(),
        slug_field="code",
        read_only=True,
        help_text="Regions covered (codes, e.g. MK18).",
    )
    description = TranslatedField(max_length=5000, read_only=True)
    coordinating_organisation = OrganisationSummarySerializer(
        read_only=True, allow_null=True, help_text="The national coordinating organisation, if any."
    )
    coordinators = CoordinatorSerializer(many=True, read_only=True)
    is_public = serializers.BooleanField(
        read_only=True, help_text="False: a members-only network, visible to its members only."
    )
    member_count = serializers.IntegerField(read_only=True, help_text="Current member organisations.")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class MembershipSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    organisation = RefField(queryset=Organisation.objects.all(), representation=OrganisationSummarySerializer)
    joined_on = serializers.DateField()
    left_on = serializers.DateField(read_only=True, allow_null=True, help_text="Null while a member.")
    is_current = serializers.BooleanField(read_only=True)


class PeerGroupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = TranslatedField(max_length=150, required_languages=("fi",))
    description = TranslatedField(max_length=2000, required=False)
    member_count = serializers.IntegerField(read_only=True, help_text="People in the group.")


class NetworkParameters(serializers.Serializer):
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=Network.Kind.choices),
        required=False,
        max_length=len(Network.Kind.choices),
        help_text="Kind of network. Repeat the parameter for several (any of them matches).",
    )
    region = serializers.ListField(
        child=TextField(max_length=10),
        required=False,
        max_length=100,
        help_text="Region code, e.g. MK18: networks covering it. Repeat the parameter for several "
        "(any of them matches); an unknown code matches nothing.",
    )


class MembershipParameters(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[("current", "current members"), ("past", "past members")],
        required=False,
        help_text="current: members now; past: organisations that have left. Left out: both.",
    )
