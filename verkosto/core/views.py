"""View helpers every app's forms share: run a service with a form's data, put its errors back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def add_validation_errors(form: BaseForm, exc: ValidationError) -> None:
    """A service's ValidationError onto the form: field errors next to their fields, the rest on
    top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def form_view(
    request: HttpRequest,
    form: BaseForm,
    *,
    save: Callable[..., Model],
    saved_message: str,
    success_url: Callable[[Model], str],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Validate a posted form, run the service (`save(actor=..., **cleaned_data)`) and either
    redirect or show the form again with every error, the form's own and the service's, next to
    its field. A form with errors answers 400."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(actor=request.user, **form.cleaned_data)
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("You may not make this change."))
        except ValidationError as exc:
            add_validation_errors(form, exc)
        else:
            messages.success(request, saved_message)
            return redirect(success_url(saved))
    status = 400 if form.is_bound and form.errors else 200
    return render(request, template, {"form": form, **context}, status=status)
