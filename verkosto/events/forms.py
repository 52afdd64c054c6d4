"""Forms for the event pages. They parse; the rules are the services' (`services.event_errors`
is also run here, so that every error shows at once, beside its field)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from verkosto.accounts import permissions as account_permissions
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation
from verkosto.networks import permissions as network_permissions
from verkosto.networks.bulletins import networks_managed_by
from verkosto.networks.models import Network

from . import services
from .models import Event, ProgrammeItem, RegistrationQuestion

# Whole phrases, not "title" + "in Finnish": word order and case differ between the languages.
TRANSLATED_LABELS = {
    "title_fi": _("Title in Finnish"),
    "title_sv": _("Title in Swedish"),
    "title_en": _("Title in English"),
    "description_fi": _("Description in Finnish"),
    "description_sv": _("Description in Swedish"),
    "description_en": _("Description in English"),
    "text_fi": _("Question in Finnish"),
    "text_sv": _("Question in Swedish"),
    "text_en": _("Question in English"),
}


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date and time picker; its value is "2026-03-05T09:30" (local time)."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _label(model: type, name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


def _label_translations(form: forms.BaseForm) -> None:
    """Labels for the translated fields (modeltranslation's would be "title [sv]"), and `lang` on
    each input so that screen readers and spelling checkers read it in its language."""
    for name, label in TRANSLATED_LABELS.items():
        field = form.fields.get(name)
        if field is not None:
            field.label = label
            field.widget.attrs["lang"] = name.rsplit("_", 1)[1]


class ParsingModelForm(forms.ModelForm):
    """A model form that fills no instance and checks no model rules: the services do both, and
    put their messages beside the fields (the model's check constraints would otherwise appear as
    general errors above the form)."""

    def _post_clean(self) -> None:
        pass


class MunicipalityField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:
        return f"{obj.name} ({obj.region.name})"


class EventFilterForm(forms.Form):
    """The list's filters (GET). An unknown value is ignored rather than refused."""

    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("All regions"),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.none(),
        to_field_name="uuid",
        empty_label=_("All networks"),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *Event.Language.choices]
    )

    def __init__(self, *args: Any, networks: QuerySet[Network], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["network"]).queryset = networks

    def filters(self) -> dict[str, Any]:
        if not self.is_bound:
            return {}
        self.is_valid()  # an unknown value drops out of cleaned_data; the other filters still apply
        data = self.cleaned_data
        return {
            "when": data.get("when") or "upcoming",
            "kind": data.get("kind") or "",
            "region": data["region"].code if data.get("region") else "",
            "network": data["network"].uuid if data.get("network") else None,
            "language": data.get("language") or "",
            "q": (data.get("q") or "").strip(),
        }

    @property
    def is_filtered(self) -> bool:
        return any(value for key, value in self.filters().items() if key != "when")


def networks_for_organiser(user: Any, event: Event | None = None) -> QuerySet[Network]:
    """The networks the user may name as organisers (those they manage; every network for national
    coordinators), and those the event has already."""
    networks = Q(pk__in=networks_managed_by(user).values("pk"))
    if event is not None and event.pk:
        networks |= Q(pk__in=event.networks.values("pk"))
    return Network.objects.filter(networks).order_by("name_fi", "pk")


def organisations_for_organiser(user: Any, event: Event | None = None) -> QuerySet[Organisation]:
    """The organisations offered as co-organisers: every one for national coordinators; otherwise
    the user's own, the members of the networks the user manages, and those the event has."""
    if account_permissions.has_national_reach(user):
        return Organisation.objects.order_by("name_fi", "pk")
    mine = account_permissions.edited_organisation_ids(user) | network_permissions.person_organisation_ids(
        user
    )
    offered = Q(pk__in=mine) | Q(
        pk__in=Organisation.objects.filter(
            network_memberships__left_on__isnull=True,
            network_memberships__network__in=networks_managed_by(user).values("pk"),
        ).values("pk")
    )
    if event is not None and event.pk:
        offered |= Q(pk__in=event.organisations.values("pk"))
    return Organisation.objects.filter(offered).order_by("name_fi", "pk")


class EventForm(ParsingModelForm):
    municipality = MunicipalityField(
        label=_label(Event, "municipality"),
        queryset=Municipality.objects.select_related("region").order_by("name_fi"),
        required=False,
    )
    regions = forms.ModelMultipleChoiceField(
        label=_label(Event, "regions"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    networks = forms.ModelMultipleChoiceField(
        label=_label(Event, "networks"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The networks you coordinate. A members-only event is shown to their members."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_label(Event, "organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    online_url = forms.URLField(
        label=_label(Event, "online_url"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For a webinar, or for those who follow online. Give this, or a place or municipality."),
    )
    status = forms.ChoiceField(
        label=_label(Event, "status"),
        choices=[
            (Event.Status.DRAFT, _("Draft: only the organisers see it")),
            (Event.Status.PUBLISHED, _("Published")),
        ],
        initial=Event.Status.DRAFT,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Event
        fields = [
            "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
            "kind", "networks", "organisations", "regions", "place", "address", "municipality",
            "online_url", "starts_at", "ends_at", "audience", "language", "capacity",
            "registration_opens_at", "registration_closes_at", "status",
        ]  # fmt: skip
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 6}),
            "description_sv": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "registration_opens_at": DateTimeLocalInput(),
            "registration_closes_at": DateTimeLocalInput(),
            "audience": forms.RadioSelect,
        }
        help_texts = {
            "online_url": _(
                "For a webinar, or for those who follow online. Give this, or a place or municipality."
            ),
            "registration_opens_at": _("Leave empty to open registration when the event is published."),
            "registration_closes_at": _("Leave empty to keep registration open until the event starts."),
        }

    FIELDSETS = [
        (_("Title and description"), (
            "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
        )),
        (_("What and for whom"), ("kind", "networks", "organisations", "regions", "audience", "language")),
        (_("Where and when"), ("place", "address", "municipality", "online_url", "starts_at", "ends_at")),
        (_("Registration"), ("capacity", "registration_opens_at", "registration_closes_at")),
        (_("Publication"), ("status",)),
    ]  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = self.instance if self.instance.pk else None
        self.fields["title_fi"].required = True
        _label_translations(self)
        cast(forms.ModelMultipleChoiceField, self.fields["networks"]).queryset = networks_for_organiser(
            user, event
        )
        cast(
            forms.ModelMultipleChoiceField, self.fields["organisations"]
        ).queryset = organisations_for_organiser(user, event)
        self.fields["capacity"].widget.attrs["min"] = 1
        if event is not None and event.status != Event.Status.DRAFT:
            # Once people may have seen it, the status changes on its own page, with a confirmation.
            del self.fields["status"]

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        groups = [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.FIELDSETS
        ]
        return [(legend, fields) for legend, fields in groups if fields]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        values = {name: cleaned[name] for name in self.fields if name in cleaned}
        for field, message in services.event_errors(values).items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned


class ProgrammeItemForm(ParsingModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["starts_at", "ends_at", "title_fi", "title_sv", "title_en", "presenter", "form"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_translations(self)
        # Required only in a row that is filled in: an empty extra row is skipped by the formset.
        self.fields["title_fi"].required = True


class QuestionForm(ParsingModelForm):
    class Meta:
        model = RegistrationQuestion
        fields = ["text_fi", "text_sv", "text_en", "kind", "choices", "is_required", "order"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_translations(self)
        self.fields["text_fi"].required = True


class ScopedFormSet(BaseModelFormSet):
    """Rows of one event's items; the queryset given by the view keeps other events' rows out."""

    deletion_widget = forms.CheckboxInput


ProgrammeFormSet = modelformset_factory(
    ProgrammeItem, form=ProgrammeItemForm, formset=ScopedFormSet, extra=3, can_delete=True
)
QuestionFormSet = modelformset_factory(
    RegistrationQuestion, form=QuestionForm, formset=ScopedFormSet, extra=2, can_delete=True
)
