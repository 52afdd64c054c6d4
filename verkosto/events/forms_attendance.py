"""Forms of the attendance, walk-in, feedback and reach pages. They parse and validate; saving
goes through attendance.py, feedback.py and the registration service."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Region
from verkosto.directory.models import Organisation
from verkosto.networks.models import Network

from . import reach
from .attendance import walk_in_organisations
from .feedback import TEXT_MAX
from .models import Event


class AttendanceMarkForm(forms.Form):
    """One press of "present", "absent" or "clear" on a row of the list."""

    CHOICES = {"1": True, "0": False, "": None}

    registration = forms.UUIDField(widget=forms.HiddenInput)
    present = forms.ChoiceField(
        choices=[("1", _("present")), ("0", _("absent")), ("", _("not marked"))], required=False
    )

    def present_value(self) -> bool | None:
        return self.CHOICES[self.cleaned_data.get("present") or ""]


class OrganisationField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return str(obj.name)


class WalkInForm(forms.Form):
    """Someone at the door: a name, an organisation from a short list or typed, an e-mail if they
    want the feedback request."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = OrganisationField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("(not in the list)"),
        help_text=_("The organising organisations, the networks' members and those already registered."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if not in the list"), max_length=200, required=False
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Only for sending the feedback request."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        field.queryset = walk_in_organisations(event)
        # Distinct ids: the form sits on a page with other forms.
        self.auto_id = "walk_in_%s"


RATING_CHOICES = [
    (1, _("1 – poor")),
    (2, _("2 – fair")),
    (3, _("3 – good")),
    (4, _("4 – very good")),
    (5, _("5 – excellent")),
]


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Overall, how useful was the event to you?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    useful = forms.CharField(
        label=_("What was useful?"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write names or other personal data: they are removed."),
    )
    next_wishes = forms.CharField(
        label=_("What next? Topics or events you would like"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    anonymous = forms.BooleanField(
        label=_("Answer anonymously"),
        required=False,
        initial=True,
        help_text=_("The organisers see your answer without your name."),
    )


class ReachFilterForm(forms.Form):
    network: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.none(), required=False, empty_label=_("All")
    )
    region: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=[], coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["network"]).queryset = reach.reach_networks(user=user)
        cast(forms.ModelChoiceField, self.fields["region"]).queryset = reach.reach_regions(user=user)
        years = reach.reach_years(user=user)
        cast(forms.TypedChoiceField, self.fields["year"]).choices = [("", _("All"))] + [
            (str(year), str(year)) for year in years
        ]

    def filters(self) -> dict[str, Any]:
        """The chosen filters; an invalid choice (a hand-made address) counts as none."""
        if not self.is_bound:
            return {"network": None, "region": None, "year": None}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "network": data.get("network") if "network" not in self.errors else None,
            "region": data.get("region") if "region" not in self.errors else None,
            "year": data.get("year") if "year" not in self.errors else None,
        }
