"""Forms of the flow of knowledge: the review list's filters, marking signals reviewed, comments,
escalation and its response, a bulletin made from a theme. They parse and validate fields; who may
do what is flow.py's to decide (its errors are shown next to these fields)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from verkosto.core.models import Municipality, Region
from verkosto.networks.forms_bulletins import BulletinForm

from . import flow
from .models import Escalation, Signal, Theme

STATUS_NEW = "new"
STATUS_ALL = "all"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        if obj.region_id is None:
            return str(_("%(label)s (national)") % {"label": obj.label})
        return obj.label


class ReviewFilterForm(forms.Form):
    """The review list's filters (GET). An unknown value is ignored rather than refused: a stale
    link still shows the region's signals."""

    region: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), to_field_name="code", required=False
    )
    municipality: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All municipalities"),
    )
    theme = ThemeChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("All themes"),
    )
    date_from = forms.DateField(label=_("Observed from"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Observed until"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[(STATUS_NEW, _("New signals only")), (STATUS_ALL, _("All signals"))],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = flow.review_regions(user)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        self.fields["region"].empty_label = None  # type: ignore[attr-defined]
        self.chosen_regions = list(regions)
        # The region the other choices depend on: the chosen one (when it is allowed), else the first.
        code = self.data.get("region") if self.is_bound else None
        self.chosen_region: Region | None = next(
            (r for r in self.chosen_regions if r.code == code),
            self.chosen_regions[0] if self.chosen_regions else None,
        )
        if self.chosen_region is not None:
            self.fields["municipality"].queryset = Municipality.objects.filter(  # type: ignore[attr-defined]
                region=self.chosen_region
            ).order_by("name")
            self.fields["theme"].queryset = (  # type: ignore[attr-defined]
                Theme.objects.filter(Q(region=self.chosen_region) | Q(region__isnull=True))
                .exclude(status=Theme.Status.MERGED)
                .order_by("region_id", "-signal_count", "pk")
            )
        self.initial.setdefault("region", self.chosen_region.code if self.chosen_region else None)
        self.initial.setdefault("status", STATUS_NEW)

    def filters(self) -> flow.ReviewFilters | None:
        """None when the user reviews no region."""
        if self.chosen_region is None:
            return None
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # an unknown value drops out of cleaned_data; the other filters apply
            data = self.cleaned_data
        return flow.ReviewFilters(
            region=self.chosen_region,
            municipality=data.get("municipality"),
            theme=data.get("theme"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            include_reviewed=data.get("status") == STATUS_ALL,
        )

    def query_string(self) -> str:
        """The filters as a query string, for the CSV link, the pager and going back after marking."""
        filters = self.filters()
        if filters is None:
            return ""
        params = {"region": filters.region.code}
        if filters.municipality:
            params["municipality"] = filters.municipality.code
        if filters.theme:
            params["theme"] = str(filters.theme.uuid)
        if filters.date_from:
            params["date_from"] = filters.date_from.isoformat()
        if filters.date_to:
            params["date_to"] = filters.date_to.isoformat()
        if filters.include_reviewed:
            params["status"] = STATUS_ALL
        return urlencode(params)


class UUIDListField(forms.Field):
    """Several identifiers posted under one name (checkboxes of a list)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[uuid.UUID]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        try:
            return [uuid.UUID(str(v)) for v in values]
        except ValueError as exc:
            raise forms.ValidationError(_("Choose signals from the list."), code="invalid") from exc


class ReviewMarkForm(forms.Form):
    signal_uuids = UUIDListField(
        label=_("Signals"), required=True, error_messages={"required": _("Choose at least one signal.")}
    )
    # Where to go back to: the list with its filters (checked to be a query string, not an address).
    back = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)


class ThemeCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=flow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Seen by the theme's coordinators and the national coordinators. Personal data is removed."
        ),
    )


class EscalationForm(forms.Form):
    region: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Escalate from region"), queryset=Region.objects.none(), to_field_name="code"
    )
    summary = forms.CharField(
        label=_("Summary for the national coordinators"),
        max_length=flow.SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What is happening, where and since when, and what the region needs. At most 5,000 "
            "characters. Personal data (names, identity codes, phone numbers, e-mail and street "
            "addresses) is replaced with placeholders; you see the result before it is sent."
        ),
        error_messages={"required": _("Write a summary for the national coordinators.")},
    )

    def __init__(self, *args: Any, user: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = flow.escalation_regions(user, theme)
        field = self.fields["region"]
        field.queryset = Region.objects.filter(pk__in=[r.pk for r in regions]).order_by("code")  # type: ignore[attr-defined]
        field.empty_label = None  # type: ignore[attr-defined]
        if len(regions) == 1:
            # Nothing to choose: the region is told in the page's text.
            field.widget = forms.HiddenInput()
            self.initial.setdefault("region", regions[0].code)


class EscalationResponseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        widget=forms.RadioSelect,
        choices=[
            (Escalation.Status.ACKNOWLEDGED, capfirst(Escalation.Status.ACKNOWLEDGED.label)),
            (Escalation.Status.CLOSED, capfirst(Escalation.Status.CLOSED.label)),
        ],
    )
    response = forms.CharField(
        label=_("Response to the region"),
        required=False,
        max_length=flow.SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Needed when you close the escalation. Personal data is removed."),
    )


class QuotedSignalsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"“{obj.text}” ({obj.municipality.name}, {obj.observed_on:%-d.%-m.%Y})"


class ThemeBulletinForm(BulletinForm):
    """The networks' bulletin form, and the theme's representative signals to quote."""

    quoted_signals = QuotedSignalsField(
        label=_("Quote signals in the bulletin"),
        queryset=Signal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Optional. The chosen signals (their texts have no personal data) are added at the end of "
            "the bulletin's text."
        ),
    )

    def __init__(self, *args: Any, user: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["quoted_signals"].queryset = flow.representative_signals(user=user, theme=theme)  # type: ignore[attr-defined]
