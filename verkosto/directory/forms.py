"""Forms for the directory. They parse and validate; saving goes through services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region

from .models import ContactPerson, Language, Organisation, Service, TargetGroup, WayOfWorking


class MunicipalityChoiceField(forms.ModelMultipleChoiceField):
    """Municipalities by their official code, labelled "Name (Region)"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Municipality.objects.select_related("region"))
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": "8"}))
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = _(
            "Unknown municipality: %(value)s. Choose municipalities from the list."
        )

    def label_from_instance(self, obj: Municipality) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.region.name})"


def _checkboxes(queryset: Any, label: Any, to_field: str = "slug") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        to_field_name=to_field,
        required=False,
        label=label,
        widget=forms.CheckboxSelectMultiple,
    )


class OrganisationForm(forms.ModelForm):
    municipalities = MunicipalityChoiceField(label=_("Municipalities served"))
    regions = _checkboxes(Region.objects.all(), _("Regions served"), to_field="code")
    languages = _checkboxes(Language.objects.all(), _("Languages"), to_field="code")
    website = forms.URLField(
        label=_("website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name_fi", "name_sv", "name_en", "kind", "business_id",
            "description_fi", "description_sv", "description_en",
            "municipalities", "regions", "languages",
            "website", "email", "phone", "state_aid", "is_published",
        ]  # fmt: skip
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("municipalities") and not data.get("regions") and "municipalities" not in self.errors:
            self.add_error("municipalities", _("Choose at least one municipality or region served."))
        return data


class ServiceForm(forms.ModelForm):
    target_groups = _checkboxes(TargetGroup.objects.all(), _("Target groups"))
    ways_of_working = _checkboxes(WayOfWorking.objects.all(), _("Ways of working"))
    languages = _checkboxes(Language.objects.all(), _("Languages"), to_field="code")
    municipalities = MunicipalityChoiceField(label=_("Area served"))

    class Meta:
        model = Service
        fields = [
            "name_fi", "name_sv", "name_en",
            "description_fi", "description_sv", "description_en",
            "target_groups", "age_min", "age_max", "ways_of_working", "languages", "municipalities",
            "referral_fi", "referral_sv", "referral_en", "cost_fi", "cost_sv", "cost_en",
            "contact", "last_reviewed", "is_published",
        ]  # fmt: skip
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "referral_fi": forms.Textarea(attrs={"rows": 3}),
            "referral_sv": forms.Textarea(attrs={"rows": 3}),
            "referral_en": forms.Textarea(attrs={"rows": 3}),
            "last_reviewed": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["name_fi"].required = True
        self.fields["contact"].queryset = ContactPerson.objects.filter(organisation=organisation)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        age_min, age_max = data.get("age_min"), data.get("age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add_error("age_max", _("The maximum age must not be below the minimum age."))
        return data

    def _post_clean(self) -> None:
        # The model's own clean needs the organisation before the age-range constraint is checked.
        self.instance.organisation = self.organisation
        super()._post_clean()


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "title_fi", "title_sv", "title_en", "email", "phone", "is_public"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def _post_clean(self) -> None:
        self.instance.organisation = self.organisation
        super()._post_clean()


def search_filters_from(params: Any) -> dict[str, list[str]]:
    """URL parameters to filter lists; repeated parameters (?region=MK18&region=MK17) are OR-ed."""
    return {
        "regions": params.getlist("region"),
        "municipalities": params.getlist("municipality"),
        "kinds": params.getlist("kind"),
        "target_groups": params.getlist("target"),
        "ways": params.getlist("way"),
        "languages": params.getlist("language"),
    }
