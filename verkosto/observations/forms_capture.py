"""Forms of the capture pages: filing a signal, entering many, uploading a spreadsheet. They check
what the browser sent; scrubbing and every rule about signals are capture.py's work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from verkosto.core.models import Municipality
from verkosto.directory.models import TargetGroup

from . import capture, signal_import
from .models import TEXT_MAX, Signal, TextLanguage

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _default_language() -> str:
    return TextLanguage.SWEDISH if (get_language() or "").startswith("sv") else TextLanguage.FINNISH


class _SharedFields(forms.Form):
    """What a signal has besides its text; shared by every signal of a bulk entry."""

    observed_on = forms.DateField(
        label=gettext_lazy("Date observed"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={
            "required": gettext_lazy("Enter the date you noticed this."),
            "invalid": gettext_lazy("Enter a date such as 14.3.2025."),
        },
    )
    municipality: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        queryset=Municipality.objects.order_by("name_fi"),
        empty_label=gettext_lazy("Choose a municipality"),
        error_messages={
            "required": gettext_lazy("Choose the municipality."),
            "invalid_choice": gettext_lazy("Choose a municipality from the list."),
        },
    )
    spread = forms.ChoiceField(
        label=gettext_lazy("How widespread"),
        choices=Signal.Spread.choices,
        widget=forms.RadioSelect,
        initial=Signal.Spread.ONE,
        error_messages={"required": gettext_lazy("Choose how widespread it is.")},
    )
    source = forms.ChoiceField(
        label=gettext_lazy("Source"),
        choices=Signal.Source.choices,
        widget=forms.RadioSelect,
        initial=Signal.Source.OWN,
        error_messages={"required": gettext_lazy("Choose where you know this from.")},
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the text"),
        choices=TextLanguage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose Finnish or Swedish.")},
    )
    target_groups: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Target groups"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        max_length=(capture.TAG_MAX + 2) * capture.MAX_TAGS,
        help_text=gettext_lazy("Optional keywords, separated by commas, e.g. housing, waiting times."),
    )

    # Fields inside the collapsed "More details" part of the form.
    detail_fields = ("language", "target_groups", "tags")
    # Fields the page places itself (the text, the preview's hidden hash).
    own_fields = ("text", "lines", "preview_hash")

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("observed_on", timezone.localdate())
        initial.setdefault("language", _default_language())
        if user is not None and "municipality" not in initial:
            municipality = capture.default_municipality(user)
            if municipality is not None:
                initial["municipality"] = municipality.pk
        super().__init__(*args, **kwargs)
        self.fields["observed_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["tags"].widget.attrs["autocomplete"] = "off"

    def clean_tags(self) -> list[str]:
        try:
            language = self.data.get(self.add_prefix("language")) or "fi"
            return capture.normalise_tags(self.cleaned_data.get("tags") or "", str(language))
        except forms.ValidationError:
            raise
        except Exception as exc:  # pragma: no cover - normalise_tags raises ValidationError only
            raise forms.ValidationError(str(exc)) from exc

    @property
    def details_have_errors(self) -> bool:
        return any(name in self.errors for name in self.detail_fields)

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in (*self.detail_fields, *self.own_fields)]

    def details(self) -> list[forms.BoundField]:
        return [self[name] for name in self.detail_fields]


class SignalForm(_SharedFields):
    text = forms.CharField(
        label=gettext_lazy("What did you notice?"),
        help_text=gettext_lazy(
            "Describe what you saw, without names or other details of a person: personal data is "
            "replaced by placeholders such as [nimi] before saving."
        ),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": gettext_lazy("Write what you noticed."),
            "max_length": gettext_lazy(
                "The text may be at most %(limit_value)d characters long; it has %(show_value)d."
            ),
        },
    )
    preview_hash = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "text",
        "observed_on",
        "municipality",
        "spread",
        "source",
        "language",
        "target_groups",
        "tags",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The live preview (htmx): the scrubbed text appears under the box while writing.
        live = {
            "hx-post": reverse("observations:scrub_preview"),
            "hx-target": "#scrub-preview",
            "hx-include": "closest form",
            "hx-sync": "closest form:abort",
        }
        self.fields["text"].widget.attrs.update(live, **{"hx-trigger": "keyup changed delay:500ms, change"})
        self.fields["language"].widget.attrs.update(live, **{"hx-trigger": "change"})

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("preview_hash", None)
        return data


def split_lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a bulk entry with their line numbers; list bullets are dropped."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip().lstrip("-*•–").strip()
        if line:
            lines.append((number, line))
    return lines


class BulkSignalForm(_SharedFields):
    lines = forms.CharField(
        label=gettext_lazy("Signals, one per line"),
        help_text=gettext_lazy(
            "Write each signal on its own line, e.g. from a meeting's flip chart. Personal data is "
            "replaced by placeholders before saving."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=(TEXT_MAX + 1) * capture.MAX_ROWS,
        error_messages={"required": gettext_lazy("Write at least one signal.")},
    )
    preview_hash = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "lines",
        "observed_on",
        "municipality",
        "spread",
        "source",
        "language",
        "target_groups",
        "tags",
    ]

    def clean_lines(self) -> list[tuple[int, str]]:
        lines = split_lines(self.cleaned_data["lines"])
        if not lines:
            raise forms.ValidationError(_("Write at least one signal."))
        if len(lines) > capture.MAX_ROWS:
            raise forms.ValidationError(_("At most %(max)d signals at a time.") % {"max": capture.MAX_ROWS})
        return lines

    def rows(self) -> list[dict[str, Any]]:
        shared = {name: self.cleaned_data[name] for name in capture.ROW_FIELDS if name != "text"}
        return [{"row": number, "text": line, **shared} for number, line in self.cleaned_data["lines"]]


class SignalImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        widget=forms.FileInput(attrs={"accept": f".csv,.xlsx,text/csv,{XLSX_CONTENT_TYPE}"}),
        error_messages={
            "required": gettext_lazy("Choose a file to upload."),
            "empty": gettext_lazy("The file is empty."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(rows)d rows. The first row names the columns, as in the template."
        ) % {"rows": signal_import.MAX_ROWS}

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file (.csv or .xlsx)."))
        if upload.size is not None and upload.size > signal_import.MAX_BYTES:
            raise forms.ValidationError(signal_import.too_large_message(upload.size))
        return upload


class ScrubPreviewForm(forms.Form):
    """The live preview's input: the text being written and its language."""

    text = forms.CharField(required=False, max_length=TEXT_MAX * 2, strip=True)
    language = forms.ChoiceField(choices=TextLanguage.choices, required=False)
