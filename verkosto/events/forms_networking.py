"""Forms of the networking pages. They parse and validate; saving goes through networking.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Registration
from .networking import MAX_MINUTES, MAX_ROUNDS, MAX_TABLE_SIZE


class NetworkingPlanForm(forms.Form):
    """Rounds, people per table, minutes per round and, optionally, when the first round starts
    (by default at the event's start)."""

    rounds = forms.IntegerField(
        label=_("Rounds"),
        min_value=1,
        max_value=MAX_ROUNDS,
        initial=6,
        help_text=_("How many times people change tables."),
    )
    table_size = forms.IntegerField(
        label=_("People per table"),
        min_value=2,
        max_value=MAX_TABLE_SIZE,
        initial=4,
        help_text=_("2 for pairs. When the people do not divide evenly, some tables have one person fewer."),
    )
    minutes_per_round = forms.IntegerField(
        label=_("Minutes per round"), min_value=1, max_value=MAX_MINUTES, initial=10
    )
    first_round_at = forms.TimeField(
        label=_("First round starts at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Leave empty to start when the event starts."),
    )


def person_label(registration: Registration) -> str:
    """Name and organisation: the least that tells people apart."""
    organisation = registration.organisation_label
    return f"{registration.name} ({organisation})" if organisation else registration.name


class KnownPeopleForm(forms.Form):
    known_people = forms.TypedMultipleChoiceField(
        label=_("People I already know"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You will not be seated with them in the networking rounds, as far as possible."),
    )

    def __init__(self, *args: Any, choices: list[Registration], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["known_people"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(r.pk, person_label(r)) for r in choices]
