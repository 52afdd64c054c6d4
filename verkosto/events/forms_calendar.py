"""The month view's filters (region, network). They parse the query string; calendars.py reads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Region
from verkosto.networks.models import Network

from . import calendars


class NetworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Network) -> str:
        return str(obj.name)


class CalendarFilterForm(forms.Form):
    """Filters by the region's code and the network's UUID, which stay valid in bookmarked
    addresses; the networks offered are those the user may see."""

    region: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
    )
    network = NetworkChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("All networks"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        network = self.fields["network"]
        assert isinstance(network, forms.ModelChoiceField)
        network.queryset = calendars.networks_visible_to(user).order_by("name_fi", "pk")

    def filters(self) -> dict[str, Any]:
        """The valid filters; an unknown value filters nothing (and is shown as the field's error)."""
        if not self.is_bound:
            return {"region": None, "network": None}
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in ("region", "network")}
