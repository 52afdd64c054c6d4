"""Data exchange pages: CSV/XLSX export of a search, and the import of organisations and services
(upload, preview, apply). Views parse the request, call tabular / tabular_import, and render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import tabular, tabular_import
from .forms import TabularImportForm
from .models import TabularImport


@require_GET
def export_services(request: HttpRequest, extension: str) -> HttpResponse | StreamingHttpResponse:
    """Every service the search page shows for these parameters (q, region, kind, ...)."""
    query, _problems = tabular.export_query_from(request.GET)
    return tabular.export_response(query, extension)


@require_GET
def import_template(request: HttpRequest, extension: str) -> HttpResponse:
    return tabular.template_response(extension)


def _require_importer(request: HttpRequest) -> None:
    if not tabular_import.can_import(request.user):
        raise PermissionDenied


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = TabularImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = tabular_import.tabular_import_create(
                actor=request.user, file_name=upload.name, data=upload.read()
            )
        except tabular_import.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("interchange:import_preview", token=batch.token)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "interchange/import_upload.html",
        {"form": form, "max_rows": tabular_import.MAX_ROWS},
        status=status,
    )


def _pending_batch(request: HttpRequest, token: uuid.UUID) -> TabularImport | HttpResponse:
    """The user's upload waiting for its apply, or where to go instead."""
    _require_importer(request)
    batch = tabular_import.tabular_import_get(user=request.user, token=token)
    if batch.applied_at is not None:
        messages.info(request, _("This file has been imported already."))
        return redirect("interchange:import_upload")
    if tabular_import.tabular_import_expired(batch):
        messages.error(request, _("This preview has expired. Upload the file again."))
        return redirect("interchange:import_upload")
    return batch


def _render_preview(
    request: HttpRequest,
    batch: TabularImport,
    plan: tabular_import.ImportPlan,
    *,
    failure: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "interchange/import_preview.html",
        {"batch": batch, "plan": plan, "failure": failure},
        status=status,
    )


@login_required
@require_GET
def import_preview(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    batch = _pending_batch(request, token)
    if isinstance(batch, HttpResponse):
        return batch
    plan = tabular_import.import_plan(actor=request.user, header=batch.header, rows=batch.rows)
    return _render_preview(request, batch, plan)


@login_required
@require_POST
def import_apply(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    batch = _pending_batch(request, token)
    if isinstance(batch, HttpResponse):
        return batch
    try:
        plan = tabular_import.tabular_import_apply(actor=request.user, batch=batch)
    except tabular_import.ImportRefused as exc:
        batch.refresh_from_db()
        if batch.applied_at is not None:  # applied meanwhile, by a second click
            messages.info(request, exc.message)
            return redirect("interchange:import_upload")
        refused = exc.plan or tabular_import.import_plan(
            actor=request.user, header=batch.header, rows=batch.rows
        )
        return _render_preview(request, batch, refused, failure=exc.message, status=400)
    messages.success(
        request,
        _(
            "The file was imported. Services: %(created)d new, %(updated)d changed, %(unchanged)d "
            "unchanged. Organisations: %(orgs_created)d new, %(orgs_updated)d changed."
        )
        % {
            "created": plan.services_created,
            "updated": plan.services_updated,
            "unchanged": plan.services_unchanged,
            "orgs_created": plan.organisations_created,
            "orgs_updated": plan.organisations_updated,
        },
    )
    return redirect("interchange:import_upload")
