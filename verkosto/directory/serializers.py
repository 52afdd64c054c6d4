"""The directory as the REST API shows and takes it, and the query parameters of its lists.

Serializers parse and shape; they never save. `arguments()` turns validated data into the keyword
arguments of services.py (organisation_create, service_update, ...), which check permissions,
validate the model and write.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from verkosto.api.fields import (
    CodeListField,
    EmailOrBlankField,
    RefField,
    RefParameterField,
    TextField,
    TranslatedField,
    URLOrBlankField,
)
from verkosto.core.models import Municipality, Region

from . import selectors
from .models import ContactPerson, Language, Organisation, Service, TargetGroup, WayOfWorking

# --- reference data ------------------------------------------------------------------------------


class RegionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True, help_text="Statistics Finland's code, e.g. MK18.")
    name = TranslatedField(max_length=100, read_only=True)


class MunicipalitySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True, help_text="Statistics Finland's three-digit code.")
    name = TranslatedField(max_length=100, read_only=True)
    region = serializers.CharField(source="region.code", read_only=True, help_text="The region's code.")


class VocabularySerializer(serializers.Serializer):
    """A target group or a way of working."""

    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True, help_text="The value for the `target` / `way` filter.")
    name = TranslatedField(max_length=120, read_only=True)


class LanguageSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True, help_text="BCP 47 tag; the value for the `language` filter.")
    name = TranslatedField(max_length=60, read_only=True)


# --- directory -----------------------------------------------------------------------------------


class _Writable(serializers.Serializer):
    def arguments(self) -> dict[str, Any]:
        """Validated data as keyword arguments for services.py."""
        return dict(self.validated_data)


class OrganisationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    uuid = serializers.UUIDField(read_only=True)
    name = TranslatedField(max_length=200, read_only=True)


class OrganisationSerializer(_Writable):
    id = serializers.IntegerField(read_only=True)
    uuid = serializers.UUIDField(read_only=True, help_text="Stable identifier; never changes.")
    name = TranslatedField(max_length=200, required_languages=("fi",))
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices)
    business_id = TextField(
        max_length=9,
        required=False,
        allow_blank=True,
        help_text="Y-tunnus, e.g. 1234567-8 (check digit verified); empty if none. Unique.",
    )
    description = TranslatedField(max_length=5000, required=False)
    municipalities = CodeListField(
        queryset=Municipality.objects.all(), slug_field="code", help_text="Municipalities served (codes)."
    )
    regions = CodeListField(
        queryset=Region.objects.all(), slug_field="code", help_text="Regions served (codes, e.g. MK18)."
    )
    languages = CodeListField(queryset=Language.objects.all(), slug_field="code", help_text="Language codes.")
    website = URLOrBlankField(max_length=200, required=False)
    email = EmailOrBlankField(max_length=254, required=False)
    phone = TextField(max_length=40, required=False, allow_blank=True)
    state_aid = serializers.BooleanField(required=False, help_text="Receives a state grant.")
    is_published = serializers.BooleanField(
        required=False, help_text="Drafts (false) are visible only to their editors."
    )
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        # As on the organisation form: an organisation works somewhere.
        if not self.partial or "municipalities" in data or "regions" in data:
            instance = self.instance
            municipalities = data.get(
                "municipalities", list(instance.municipalities.all()) if instance else []
            )
            regions = data.get("regions", list(instance.regions.all()) if instance else [])
            if not municipalities and not regions:
                raise serializers.ValidationError(
                    {"municipalities": [_("Choose at least one municipality or region served.")]}
                )
        return data


class ContactSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    title = TranslatedField(max_length=150, read_only=True)
    email = EmailOrBlankField(read_only=True)
    phone = serializers.CharField(read_only=True)


class ContactSerializer(_Writable):
    id = serializers.IntegerField(read_only=True)
    organisation = RefField(queryset=Organisation.objects.all(), representation=OrganisationSummarySerializer)
    name = TextField(max_length=150)
    title = TranslatedField(max_length=150, required=False)
    email = EmailOrBlankField(max_length=254, required=False)
    phone = TextField(max_length=40, required=False, allow_blank=True)
    is_public = serializers.BooleanField(
        required=False, help_text="Shown publicly; only where the person has agreed to it."
    )

    def validate_organisation(self, organisation: Organisation) -> Organisation:
        if self.instance is not None and organisation != self.instance.organisation:
            raise serializers.ValidationError(_("A contact person cannot be moved to another organisation."))
        return organisation

    def arguments(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        data.pop("organisation", None)  # given to contact_create separately; a contact does not move
        return data


class ServiceSerializer(_Writable):
    id = serializers.IntegerField(read_only=True)
    uuid = serializers.UUIDField(read_only=True, help_text="Stable identifier; never changes.")
    organisation = RefField(queryset=Organisation.objects.all(), representation=OrganisationSummarySerializer)
    name = TranslatedField(max_length=200, required_languages=("fi",))
    description = TranslatedField(max_length=5000, required=False)
    target_groups = CodeListField(
        queryset=TargetGroup.objects.all(), slug_field="slug", help_text="Target group slugs."
    )
    age_min = serializers.IntegerField(min_value=0, max_value=120, required=False, allow_null=True)
    age_max = serializers.IntegerField(min_value=1, max_value=120, required=False, allow_null=True)
    ways_of_working = CodeListField(
        queryset=WayOfWorking.objects.all(), slug_field="slug", help_text="Way of working slugs."
    )
    languages = CodeListField(queryset=Language.objects.all(), slug_field="code", help_text="Language codes.")
    municipalities = CodeListField(
        queryset=Municipality.objects.all(),
        slug_field="code",
        help_text="Area served (municipality codes); empty: where the organisation works.",
    )
    referral = TranslatedField(max_length=2000, required=False, help_text="How to refer a client.")
    cost = TranslatedField(max_length=300, required=False)
    contact = RefField(
        queryset=ContactPerson.objects.all(),
        representation=ContactSummarySerializer,
        allow_uuid=False,
        required=False,
        allow_null=True,
        help_text="A contact person of the same organisation; null when none is shown.",
    )
    last_reviewed = serializers.DateField(required=False, allow_null=True)
    is_published = serializers.BooleanField(
        required=False, help_text="Drafts (false) are visible only to their editors."
    )
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        # As on the service form: the error goes next to the maximum age.
        age_min = data.get("age_min", self.instance.age_min if self.instance else None)
        age_max = data.get("age_max", self.instance.age_max if self.instance else None)
        if age_min is not None and age_max is not None and age_min > age_max:
            raise serializers.ValidationError(
                {"age_max": [_("The maximum age must not be below the minimum age.")]}
            )
        return data

    def to_representation(self, instance: Service) -> dict[str, Any]:
        data = super().to_representation(instance)
        contact = instance.contact
        if contact is not None and not contact.is_public and not self.context.get("show_private_contact"):
            data["contact"] = None
        return data

    def arguments(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if self.instance is None:
            data.pop("organisation", None)  # service_create takes it as its own argument
        return data


# --- list parameters -----------------------------------------------------------------------------


def _codes(help_text: str, max_length: int = 60) -> serializers.ListField:
    return serializers.ListField(
        child=TextField(max_length=max_length),
        required=False,
        max_length=100,
        help_text=help_text + " Repeat the parameter for several (any of them matches); "
        "an unknown value matches nothing.",
    )


class _Text(serializers.Serializer):
    q = TextField(required=False, allow_blank=True, max_length=200, help_text="Free text.")


class _Facets(_Text):
    region = _codes("Region code, e.g. MK18.", max_length=10)
    municipality = _codes("Municipality code, e.g. 205.", max_length=10)
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=Organisation.Kind.choices),
        required=False,
        max_length=len(Organisation.Kind.choices),
        help_text="Kind of organisation. Repeat the parameter for several (any of them matches).",
    )
    target = _codes("Target group slug, e.g. young-people.")
    way = _codes("Way of working slug, e.g. group.")
    language = _codes("Language code, e.g. sv.", max_length=20)

    def search_filters(self) -> selectors.SearchFilters:
        data = self.validated_data
        return selectors.SearchFilters(
            regions=data.get("region", []),
            municipalities=data.get("municipality", []),
            kinds=data.get("kind", []),
            target_groups=data.get("target", []),
            ways=data.get("way", []),
            languages=data.get("language", []),
        )


class ServiceParameters(_Facets):
    q = TextField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text='Free text, as on the search page: inflected words find base forms ("työpajoissa" '
        "finds työpaja); every word must match.",
    )
    organisation = RefParameterField(required=False, help_text="Only this organisation's services.")
    ordering = serializers.ChoiceField(
        choices=selectors.SERVICE_ORDERINGS,
        required=False,
        help_text="Default: relevance with `q`, name without.",
    )


class OrganisationParameters(_Facets):
    q = TextField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Free text: every word (or its base form) in a name or description.",
    )
    target = _codes("Has a public service for this target group (slug).")
    way = _codes("Has a public service working this way (slug).")
    ordering = serializers.ChoiceField(
        choices=list(selectors.ORGANISATION_ORDERINGS), required=False, help_text="Default: name."
    )


class ContactParameters(_Text):
    q = TextField(required=False, allow_blank=True, max_length=200, help_text="Words of the name or title.")
    organisation = RefParameterField(required=False, help_text="Only this organisation's contact people.")
    region = _codes("Region code of the organisation, e.g. MK18.", max_length=10)
    municipality = _codes("Municipality code of the organisation, e.g. 205.", max_length=10)
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=Organisation.Kind.choices),
        required=False,
        max_length=len(Organisation.Kind.choices),
        help_text="Kind of the organisation. Repeat the parameter for several.",
    )
    ordering = serializers.ChoiceField(
        choices=list(selectors.CONTACT_ORDERINGS), required=False, help_text="Default: name."
    )

    def search_filters(self) -> selectors.SearchFilters:
        data = self.validated_data
        return selectors.SearchFilters(
            regions=data.get("region", []),
            municipalities=data.get("municipality", []),
            kinds=data.get("kind", []),
        )


class RegionParameters(serializers.Serializer):
    ordering = serializers.ChoiceField(
        choices=list(selectors.REGION_ORDERINGS), required=False, help_text="Default: code."
    )


class MunicipalityParameters(serializers.Serializer):
    q = TextField(required=False, allow_blank=True, max_length=100, help_text="Part of the name.")
    region = _codes("Region code, e.g. MK18.", max_length=10)
    ordering = serializers.ChoiceField(
        choices=list(selectors.MUNICIPALITY_ORDERINGS), required=False, help_text="Default: name."
    )
