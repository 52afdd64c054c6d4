"""Capture pages under /signals/: the signals home, filing one signal (with its scrubbed preview),
entering many, importing a spreadsheet, one signal. Views parse the request, call capture.py,
selectors.py or signal_import.py, and render."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from verkosto.core.views import add_validation_errors

from . import capture, flow, permissions, selectors, signal_import
from .forms_capture import BulkSignalForm, ScrubPreviewForm, SignalForm, SignalImportForm

HOME_SIGNALS = 20
IMPORT_SESSION_KEY = "observations.signal_import"
IMPORT_TTL = datetime.timedelta(hours=1)


def _require_filer(request: HttpRequest) -> None:
    if not permissions.can_file_signal(request.user):
        raise PermissionDenied


def _require_bulk(request: HttpRequest) -> None:
    if not permissions.can_enter_in_bulk(request.user):
        raise PermissionDenied


def _role_links(user: Any) -> list[tuple[str, str]]:
    """The signal pages this user may open, besides filing one."""
    coordinator = flow.can_review(user)
    links: list[tuple[str, bool, str]] = [
        ("observations:theme_list", True, _("Themes")),
        ("observations:review", coordinator, _("Review the region's signals")),
        ("observations:escalation_list", coordinator, _("Escalations to the national level")),
        ("observations:radar", permissions.can_view_radar(user), _("Radar of emerging themes")),
        ("observations:signal_bulk", permissions.can_enter_in_bulk(user), _("Enter many signals")),
        (
            "observations:signal_import",
            permissions.can_enter_in_bulk(user),
            _("Import signals from a spreadsheet"),
        ),
    ]
    return [(reverse(name), label) for name, allowed, label in links if allowed]


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    _require_filer(request)
    signals = list(selectors.signals_of_user(user=request.user)[:HOME_SIGNALS])
    for signal in signals:
        theme = selectors.visible_theme(request.user, signal)
        signal.visible_theme = theme  # type: ignore[attr-defined]
        signal.theme_url = flow.theme_url(theme) if theme is not None else ""  # type: ignore[attr-defined]
    return render(
        request,
        "observations/capture/home.html",
        {"signals": signals, "links": _role_links(request.user)},
    )


# --- one signal ----------------------------------------------------------------------------------


def _preview_context(text: str, language: str) -> dict[str, Any]:
    scrubbed = capture.scrub_text(text, language)
    return {
        "scrubbed": scrubbed.text,
        "parts": capture.preview_parts(scrubbed.text, language),
        "found": sum(scrubbed.found.values()),
        "preview_hash": capture.preview_hash(scrubbed.text) if scrubbed.text.strip() else "",
    }


# Unscrubbed texts stay out of error reports too.
@sensitive_post_parameters("text")
@login_required
def signal_create(request: HttpRequest) -> HttpResponse:
    """Write, preview, send. Sending needs the hash of the scrubbed text the writer was shown (by
    the live preview or the preview step): if the text changed since, the preview is shown again."""
    _require_filer(request)
    form = SignalForm(request.POST or None, user=request.user)
    preview: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        preview = _preview_context(data["text"], data["language"])
        confirmed = (
            request.POST.get("action") == "send" and data.get("preview_hash") == preview["preview_hash"]
        )
        if confirmed:
            try:
                capture.signal_create(actor=request.user, **form.service_arguments())
            except PermissionDenied as exc:
                form.add_error(None, str(exc) or _("You may not make this change."))
            except ValidationError as exc:
                add_validation_errors(form, exc)
            else:
                messages.success(request, _("Thank you: the signal was saved."))
                return redirect("observations:home")
        elif request.POST.get("action") == "send":
            messages.info(request, _("Check the text below: this is what will be saved. Then send it."))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "observations/capture/signal_form.html",
        {"form": form, "preview": preview, "placeholders": capture.placeholders(_form_language(form))},
        status=status,
    )


def _form_language(form: Any) -> str:
    value = form.data.get("language") if form.is_bound else form.initial.get("language")
    return value if value in ("fi", "sv") else "fi"


@sensitive_post_parameters("text")
@login_required
@require_POST
def scrub_preview(request: HttpRequest) -> HttpResponse:
    """The live preview under the text box (htmx): the text as it would be saved."""
    _require_filer(request)
    form = ScrubPreviewForm(request.POST)
    text, language = "", "fi"
    if form.is_valid():
        text = form.cleaned_data["text"]
        language = form.cleaned_data["language"] or "fi"
    return render(
        request, "observations/partials/scrub_preview.html", {"preview": _preview_context(text, language)}
    )


@login_required
@require_GET
def signal_detail(request: HttpRequest, uuid: uuid.UUID) -> HttpResponse:
    signal = selectors.signal_get_for_view(user=request.user, uuid=uuid)
    theme = selectors.visible_theme(request.user, signal)
    return render(
        request,
        "observations/capture/signal_detail.html",
        {
            "signal": signal,
            "theme": theme,
            "theme_url": flow.theme_url(theme) if theme is not None else "",
            "parts": capture.preview_parts(signal.text, signal.language),
        },
    )


# --- many at once --------------------------------------------------------------------------------


def _bulk_preview(form: BulkSignalForm) -> dict[str, Any]:
    language = form.cleaned_data["language"]
    lines = []
    for number, line in form.cleaned_data["lines"]:
        scrubbed = capture.scrub_text(line, language).text
        lines.append({"row": number, "text": scrubbed, "parts": capture.preview_parts(scrubbed, language)})
    return {"lines": lines, "preview_hash": capture.preview_hash(*(line["text"] for line in lines))}


@sensitive_post_parameters("lines")
@login_required
def signal_bulk(request: HttpRequest) -> HttpResponse:
    _require_bulk(request)
    form = BulkSignalForm(request.POST or None, user=request.user)
    preview: dict[str, Any] | None = None
    row_errors: list[capture.RowError] = []
    if request.method == "POST" and form.is_valid():
        preview = _bulk_preview(form)
        if (
            request.POST.get("action") == "save"
            and form.cleaned_data.get("preview_hash") == preview["preview_hash"]
        ):
            try:
                saved = capture.signals_create_many(actor=request.user, rows=form.rows(), entry="bulk")
            except capture.RowErrors as exc:
                row_errors = exc.row_errors
                form.add_error(None, _("Nothing was saved. Correct the rows listed below."))
            except PermissionDenied as exc:
                form.add_error(None, str(exc) or _("You may not make this change."))
            except ValidationError as exc:
                add_validation_errors(form, exc)
            else:
                messages.success(
                    request,
                    ngettext("%(count)d signal was saved.", "%(count)d signals were saved.", len(saved))
                    % {"count": len(saved)},
                )
                return redirect("observations:home")
        else:
            row_errors = capture.signals_check_many(actor=request.user, rows=form.rows())
    status = 400 if (form.is_bound and form.errors) or row_errors else 200
    return render(
        request,
        "observations/capture/bulk_form.html",
        {"form": form, "preview": preview, "row_errors": row_errors},
        status=status,
    )


# --- spreadsheet import --------------------------------------------------------------------------


def _pending_upload(request: HttpRequest, token: uuid.UUID) -> signal_import.Upload | None:
    pending = request.session.get(IMPORT_SESSION_KEY) or {}
    if pending.get("token") != str(token):
        return None
    try:
        created = datetime.datetime.fromisoformat(pending["created"])
    except (KeyError, TypeError, ValueError):
        return None
    if created < timezone.now() - IMPORT_TTL:
        return None
    return signal_import.upload_from_session(pending.get("upload"))


@login_required
def signal_import_upload(request: HttpRequest) -> HttpResponse:
    _require_bulk(request)
    form = SignalImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = signal_import.read_upload(upload.name or "", upload.read())
        except signal_import.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            token = str(uuid.uuid4())
            # Only scrubbed texts reach the session (read_upload scrubs as it reads).
            request.session[IMPORT_SESSION_KEY] = {
                "token": token,
                "created": timezone.now().isoformat(),
                "upload": parsed.as_session(),
            }
            return redirect("observations:signal_import_preview", token=token)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "observations/capture/import_upload.html",
        {"form": form, "columns": signal_import.COLUMNS, "max_rows": signal_import.MAX_ROWS},
        status=status,
    )


def _expired(request: HttpRequest) -> HttpResponse:
    messages.error(request, _("This preview has expired or was saved already. Upload the file again."))
    return redirect("observations:signal_import")


@login_required
@require_GET
def signal_import_preview(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    _require_bulk(request)
    upload = _pending_upload(request, token)
    if upload is None:
        return _expired(request)
    plan = signal_import.import_plan(actor=request.user, upload=upload)
    return render(
        request,
        "observations/capture/import_preview.html",
        {"plan": plan, "token": token},
        status=400 if plan.problems else 200,
    )


@login_required
@require_POST
def signal_import_apply(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    _require_bulk(request)
    upload = _pending_upload(request, token)
    if upload is None:
        return _expired(request)
    try:
        _plan, saved = signal_import.import_apply(actor=request.user, upload=upload)
    except ValidationError:
        plan = signal_import.import_plan(actor=request.user, upload=upload)
        return render(
            request,
            "observations/capture/import_preview.html",
            {"plan": plan, "token": token, "failure": _("Nothing was saved.")},
            status=400,
        )
    request.session.pop(IMPORT_SESSION_KEY, None)
    messages.success(
        request,
        ngettext("%(count)d signal was imported.", "%(count)d signals were imported.", len(saved))
        % {"count": len(saved)},
    )
    return redirect("observations:home")


@login_required
@require_GET
def signal_import_template(request: HttpRequest) -> HttpResponse:
    _require_bulk(request)
    response = HttpResponse(signal_import.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signals-template.csv"'
    return response
