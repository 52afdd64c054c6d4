"""Forms for bulletins and the e-mail digest. They parse and validate the fields; who may send what
to whom is bulletins.bulletin_create's to decide (its errors are shown next to these fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkosto.core.models import Region

from . import bulletins
from .models import Bulletin, DigestPreference, Network


def _label(model: Any, field: str) -> str:
    # The model's own names, so that a form and the admin say the same thing in every language.
    return capfirst(model._meta.get_field(field).verbose_name)


class BulletinForm(forms.Form):
    # Not the model's "title": that msgid is already a person's job title (tehtävänimike) in Finnish.
    title = forms.CharField(label=pgettext_lazy("bulletin", "Title"), max_length=200)
    body = forms.CharField(
        label=_label(Bulletin, "body"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Plain text. Addresses (https://…) become links; an empty line starts a paragraph."),
    )
    audience = forms.ChoiceField(label=_label(Bulletin, "audience"), widget=forms.RadioSelect)
    networks: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_label(Bulletin, "networks"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": "8"}),
        help_text=_("For “chosen networks”: any networks, also those of other regions."),
    )
    regions: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_label(Bulletin, "regions"),
        queryset=Region.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For “networks of chosen regions”: the networks that cover them."),
    )
    peer_group: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_label(Bulletin, "peer_group"),
        queryset=Network.objects.none(),
        required=False,
        help_text=_("For “one peer group”: a group of a network you coordinate."),
    )
    source_network: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_label(Bulletin, "source_network"),
        queryset=Network.objects.none(),
        required=False,
        help_text=_("Needed for “the national level”: the network that sends the bulletin up."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Bulletin.Audience.choices)
        self.fields["audience"].choices = [  # type: ignore[attr-defined]
            (value, capfirst(labels[value])) for value in bulletins.audiences_for(user)
        ]
        self.fields["networks"].queryset = Network.objects.order_by("name_fi", "pk")  # type: ignore[attr-defined]
        managed = bulletins.networks_managed_by(user).order_by("name_fi", "pk")
        self.fields["source_network"].queryset = managed  # type: ignore[attr-defined]
        self.fields["peer_group"].queryset = (  # type: ignore[attr-defined]
            bulletins.peer_groups_managed_by(user)
            .select_related("network")
            .order_by("network__name_fi", "name_fi")
        )
        self.fields["peer_group"].label_from_instance = lambda group: f"{group.name} ({group.network})"  # type: ignore[attr-defined]
        if not self.is_bound:
            only = list(managed[:2])
            if len(only) == 1:
                # Most coordinators run one network: that is where their bulletins come from.
                self.initial.setdefault("source_network", only[0].pk)


class DigestPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_label(DigestPreference, "frequency"),
        choices=[(value, capfirst(label)) for value, label in DigestPreference.Frequency.choices],
        widget=forms.RadioSelect,
        help_text=_("Bulletins you have not read yet, in one e-mail."),
    )
