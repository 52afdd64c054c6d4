"""Events as the REST API shows them, and the query parameters of the list. Read-only: events
are written through the pages (services.py). Serializers shape; calendars.py reads."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from verkosto.api.fields import CodeListField, TextField, TranslatedField
from verkosto.core.models import Region

from . import calendars
from .models import Event, ProgrammeItem


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose choices are their own named component in the schema.

    drf-spectacular names an enum after its field; another app's field of the same name with other
    choices (a bulletin's `audience`) would make it guess a name and warn. A named component
    needs no guess and no entry in the project's settings."""

    def __init__(self, *, enum_name: str, **kwargs: Any) -> None:
        self.enum_name = enum_name
        super().__init__(**kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        field: NamedChoiceField = self.target
        component = ResolvedComponent(
            name=field.enum_name,
            type=ResolvedComponent.SCHEMA,
            object=field.enum_name,
            schema={
                "type": "string",
                "enum": list(field.choices),
                "description": "\n".join(f"* `{key}` - {label}" for key, label in field.choices.items()),
            },
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


class EventNetworkSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    name = TranslatedField(max_length=200, read_only=True)


class EventOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    uuid = serializers.UUIDField(read_only=True)
    name = TranslatedField(max_length=200, read_only=True)


class ProgrammeItemSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True, allow_null=True)
    title = TranslatedField(max_length=200, read_only=True)
    presenter = serializers.CharField(read_only=True, help_text="Empty if not given.")
    form = serializers.ChoiceField(choices=ProgrammeItem.Form.choices, read_only=True)


class RegistrationSummarySerializer(serializers.Serializer):
    """Public counts only: nobody's name, organisation or answers."""

    capacity = serializers.IntegerField(read_only=True, allow_null=True, help_text="Null: no limit.")
    attending_count = serializers.IntegerField(read_only=True)
    waiting_count = serializers.IntegerField(read_only=True, help_text="People on the waiting list.")
    places_left = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Null when there is no limit."
    )
    is_open = serializers.SerializerMethodField(
        help_text="Whether registrations are taken now (a full event takes them onto the waiting list)."
    )
    opens_at = serializers.DateTimeField(
        source="registration_opens_at", read_only=True, allow_null=True, help_text="Null: on publication."
    )
    closes_at = serializers.DateTimeField(
        source="registration_closes_at", read_only=True, allow_null=True, help_text="Null: at the start."
    )

    def get_is_open(self, event: Event) -> bool:
        return calendars.registration_is_open(event)


class FeedLinkSerializer(serializers.Serializer):
    code = serializers.CharField(
        read_only=True, help_text="The network's UUID or the region's code (e.g. MK18)."
    )
    url = serializers.URLField(read_only=True, help_text="The iCalendar feed (text/calendar).")


class EventLinksSerializer(serializers.Serializer):
    page = serializers.URLField(read_only=True, help_text="The event's page.")
    ics = serializers.URLField(
        read_only=True,
        help_text="The event as an iCalendar file (text/calendar). A members-only event's file needs "
        "the same login (session) as its page.",
    )
    network_feeds = FeedLinkSerializer(
        many=True,
        read_only=True,
        help_text="Feeds of the organising networks that show this event: a public network's feed "
        "holds its public events (published, cancelled, postponed) from 90 days back.",
    )
    region_feeds = FeedLinkSerializer(
        many=True,
        read_only=True,
        help_text="Feeds of the event's regions (those it names and its municipality's) that show "
        "this event; as the network feeds.",
    )


def _absolute(context: dict[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class EventSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True, help_text="Stable identifier; never changes.")
    title = TranslatedField(max_length=200, read_only=True)
    description = TranslatedField(max_length=10000, read_only=True)
    kind = serializers.ChoiceField(choices=Event.Kind.choices, read_only=True)
    status = serializers.ChoiceField(
        choices=Event.Status.choices,
        read_only=True,
        help_text="A draft is seen only by its organisers.",
    )
    audience = NamedChoiceField(
        enum_name="EventAudienceEnum",
        choices=Event.Audience.choices,
        read_only=True,
        help_text="members: for the members of the organising networks and organisations only.",
    )
    language = serializers.ChoiceField(
        choices=Event.Language.choices, read_only=True, help_text="fi-sv: Finnish and Swedish."
    )
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    place = serializers.CharField(read_only=True, help_text="The venue; empty if not given.")
    address = serializers.CharField(read_only=True)
    municipality = serializers.CharField(
        source="municipality.code",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The municipality's code (e.g. 205); null if none.",
    )
    online_url = serializers.CharField(read_only=True, help_text="Empty for an event on site only.")
    networks = serializers.SerializerMethodField(help_text="The organising networks you may see.")
    organisations = serializers.SerializerMethodField(
        help_text="The organising organisations published in the directory."
    )
    regions = CodeListField(
        queryset=Region.objects.all(),
        slug_field="code",
        read_only=True,
        help_text="Codes of the regions the event is for (e.g. MK18).",
    )
    registration = RegistrationSummarySerializer(source="*", read_only=True)
    programme = ProgrammeItemSerializer(many=True, read_only=True)
    links = serializers.SerializerMethodField()
    sequence = serializers.IntegerField(
        read_only=True, help_text="iCalendar SEQUENCE: rises when the time, place or status changes."
    )
    updated_at = serializers.DateTimeField(read_only=True)

    @extend_schema_field(EventNetworkSerializer(many=True))
    def get_networks(self, event: Event) -> list[dict[str, Any]]:
        visible = self.context.get("visible_network_ids")
        networks = [n for n in event.networks.all() if visible is None or n.pk in visible]
        return EventNetworkSerializer(networks, many=True).data

    @extend_schema_field(EventOrganisationSerializer(many=True))
    def get_organisations(self, event: Event) -> list[dict[str, Any]]:
        published = [o for o in event.organisations.all() if o.is_published]
        return EventOrganisationSerializer(published, many=True).data

    @extend_schema_field(EventLinksSerializer)
    def get_links(self, event: Event) -> dict[str, Any]:
        network_feeds: list[dict[str, str]] = []
        region_feeds: list[dict[str, str]] = []
        # The same rule as the feeds themselves (calendars.public_events).
        if event.status in calendars.SHOWN and event.audience == Event.Audience.PUBLIC:
            network_feeds = [
                {
                    "code": str(n.uuid),
                    "url": _absolute(self.context, reverse("events:network_feed", args=[n.uuid])),
                }
                for n in event.networks.all()
                if n.is_public
            ]
            codes = {r.code for r in event.regions.all()}
            if event.municipality is not None:
                codes.add(event.municipality.region.code)
            region_feeds = [
                {"code": code, "url": _absolute(self.context, reverse("events:region_feed", args=[code]))}
                for code in sorted(codes)
            ]
        return {
            "page": _absolute(self.context, reverse("events:detail", args=[event.uuid])),
            "ics": _absolute(self.context, reverse("events:event_ics", args=[event.uuid])),
            "network_feeds": network_feeds,
            "region_feeds": region_feeds,
        }


class _DateRange(serializers.Serializer):
    def get_fields(self) -> dict[str, serializers.Field]:
        # "from" is a Python keyword, so these two cannot be class attributes.
        fields = super().get_fields()
        fields["from"] = serializers.DateField(
            required=False, help_text="Events that end on or after this day (YYYY-MM-DD)."
        )
        fields["to"] = serializers.DateField(
            required=False, help_text="Events that start on or before this day (YYYY-MM-DD)."
        )
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("from"), attrs.get("to")
        if start and end and end < start:
            raise serializers.ValidationError({"to": [_("The end date cannot be before the start date.")]})
        return attrs


class EventParameters(_DateRange):
    region = serializers.ListField(
        child=TextField(max_length=10),
        required=False,
        max_length=100,
        help_text="Region code, e.g. MK18: events for the region or held in one of its "
        "municipalities. Repeat the parameter for several (any of them matches).",
    )
    network = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        max_length=100,
        help_text="An organising network's UUID. Repeat the parameter for several (any matches).",
    )
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=Event.Kind.choices),
        required=False,
        max_length=len(Event.Kind.choices),
        help_text="Kind of event. Repeat the parameter for several (any of them matches).",
    )
    language = serializers.ListField(
        child=serializers.ChoiceField(choices=Event.Language.choices),
        required=False,
        max_length=len(Event.Language.choices),
        help_text="The event's language; fi and sv also match bilingual (fi-sv) events. Repeat the "
        "parameter for several.",
    )
