"""The work-log entry form. It parses and validates; saving goes through worklog.py."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality
from verkosto.directory.models import Organisation

from .models import Network, WorkLogEntry
from .worklog import networks_for_work_log, work_log_member_organisations


def _label(name: str) -> Any:
    return capfirst(getattr(WorkLogEntry._meta.get_field(name), "verbose_name", name))


class MunicipalityField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:
        return f"{obj.name} ({obj.region.name})"


class WorkLogEntryForm(forms.ModelForm):
    """The organisations offered are the network's current members; the service refuses others
    too, so a hand-made request cannot slip one in."""

    # The model's constraints hold days >= 1 and kilometres >= 0 as well; these fields say so next
    # to the field, in words.
    days = forms.IntegerField(
        label=_label("days"),
        min_value=1,
        max_value=366,
        initial=1,
        help_text=_("Days away, for trips."),
        error_messages={"min_value": _("At least one day.")},
    )
    kilometres = forms.DecimalField(
        label=_label("kilometres"),
        min_value=0,
        max_digits=7,
        decimal_places=1,
        initial=0,
        help_text=_("Kilometres driven or travelled for this, 0 if none."),
        error_messages={"min_value": _("Kilometres cannot be negative.")},
        widget=forms.NumberInput(attrs={"step": "0.1"}),
    )
    mode = forms.ChoiceField(
        label=_label("mode"),
        choices=WorkLogEntry.Mode.choices,
        initial=WorkLogEntry.Mode.FACE_TO_FACE,
        widget=forms.RadioSelect,
        help_text=_("Only face-to-face meetings count towards coverage."),
    )
    municipality = MunicipalityField(
        label=_label("municipality"),
        queryset=Municipality.objects.select_related("region").order_by("name_fi"),
        required=False,
    )
    organisations: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_label("organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WorkLogEntry
        fields = [
            "date", "kind", "mode", "days", "place", "municipality", "organisations", "kilometres", "notes",
        ]  # fmt: skip
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = cast(forms.ModelMultipleChoiceField, self.fields["organisations"])
        organisations.queryset = work_log_member_organisations(network=network)
        organisations.help_text = _("The network's current member organisations.")
        self.fields["date"].initial = timezone.localdate


class NetworkChoiceForm(forms.Form):
    """Step one for someone who logs work for several networks: which one."""

    network: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.none()
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = networks_for_work_log(user=user)
        field = cast(forms.ModelChoiceField, self.fields["network"])
        field.queryset = Network.objects.filter(pk__in=[n.pk for n in choices])
