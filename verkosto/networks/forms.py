"""Forms for the network pages. They parse and validate; saving goes through services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import Region
from verkosto.directory.models import Organisation

from . import selectors
from .models import Network, PeerGroup

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def person_label(user: Any) -> str:
    return user.get_full_name() or user.get_username()


class PersonChoiceField(forms.ModelMultipleChoiceField):
    """People as "Name (Organisation, …)" when `person_roles` is prefetched, else by name."""

    def label_from_instance(self, obj: Any) -> str:
        organisations = sorted({str(r.organisation) for r in getattr(obj, "person_roles", [])})
        name = person_label(obj)
        return f"{name} ({', '.join(organisations)})" if organisations else name


class NetworkFilterForm(forms.Form):
    """The network list's filters (GET). An unknown value is ignored rather than refused."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Network.Kind.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("All regions"),
    )

    def filters(self) -> dict[str, str]:
        if not self.is_bound:
            return {"kind": "", "region": ""}
        self.is_valid()  # an unknown value drops out of cleaned_data; the other filter still applies
        region = self.cleaned_data.get("region")
        return {"kind": self.cleaned_data.get("kind") or "", "region": region.code if region else ""}


class NetworkForm(forms.ModelForm):
    regions = forms.ModelMultipleChoiceField(
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        label=_("Regions covered"),
        widget=forms.CheckboxSelectMultiple,
    )
    coordinators = PersonChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Coordinators"),
        help_text=_("People with a regional coordinator's role. They may edit the network."),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Network
        fields = [
            "name_fi", "name_sv", "name_en", "kind", "language", "regions",
            "description_fi", "description_sv", "description_en",
            "coordinating_organisation", "coordinators", "is_public",
        ]  # fmt: skip
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(
        self,
        *args: Any,
        may_assign_coordination: bool = True,
        coordinating_organisations: set[int] | None = None,
        **kwargs: Any,
    ) -> None:
        """`coordinating_organisations`: the organisations the user may name (a national
        coordinator of one organisation); None or empty: any, or none."""
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True
        if not may_assign_coordination:
            # A network's own coordinators edit its content; who coordinates it is decided nationally.
            del self.fields["coordinating_organisation"]
            del self.fields["coordinators"]
            return
        organisations = Organisation.objects.order_by("name_fi", "pk")
        if coordinating_organisations:
            organisations = organisations.filter(pk__in=coordinating_organisations)
            self.fields["coordinating_organisation"].required = True
        self.fields["coordinating_organisation"].queryset = organisations
        # Regional coordinators, and whoever coordinates the network now (even without the role).
        User = get_user_model()
        people = Q(roles__role=RoleAssignment.Role.REGIONAL_COORDINATOR)
        if self.instance.pk:
            people |= Q(coordinated_networks=self.instance)
        self.fields["coordinators"].queryset = User.objects.filter(
            pk__in=User.objects.filter(people).values("pk")
        ).order_by("last_name", "first_name", "username")


class MembershipAddForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name_fi", "pk"),
        help_text=_("From the directory. Organisations that are members now are not listed."),
    )
    joined_on = forms.DateField(label=_("Joined"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"joined_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        # Validation accepts any organisation, so that a current member posted again meets the
        # service's clear refusal ("already a member") instead of "not one of the choices".
        field = self.fields["organisation"]
        field.widget.choices = [("", "---------")] + [
            (organisation.pk, str(organisation))
            for organisation in selectors.organisations_addable_to(network)
        ]


class MembershipEndForm(forms.Form):
    left_on = forms.DateField(label=_("Left"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"left_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class PeerGroupForm(forms.ModelForm):
    class Meta:
        model = PeerGroup
        fields = ["name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en"]
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True


class PeerGroupMembersForm(forms.Form):
    members = PersonChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Members"),
        help_text=_("People of the network's member organisations, and its coordinators."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, group: PeerGroup, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"members": [user.pk for user in group.members.all()]})
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = selectors.peer_group_candidates(group.network)
