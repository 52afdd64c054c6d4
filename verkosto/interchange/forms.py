"""Forms of the data exchange pages. They check what the browser sent; reading the file's rows is
tabular_import.py's work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .tabular import XLSX_CONTENT_TYPE
from .tabular_import import MAX_BYTES, MAX_ROWS, too_large_message

ACCEPTED_EXTENSIONS = (".csv", ".xlsx")


class TabularImportForm(forms.Form):
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
            "At most %(size)s and %(rows)s rows. The first row names the columns, as in the template."
        ) % {"size": filesizeformat(MAX_BYTES), "rows": number_format(MAX_ROWS, force_grouping=True)}

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(_("Choose a CSV or XLSX file (.csv or .xlsx)."))
        if upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large_message(upload.size))
        return upload
