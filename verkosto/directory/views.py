"""Directory pages. Views parse the request, call a selector or service, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from verkosto.accounts import permissions
from verkosto.core.models import AuditEntry

from . import selectors, services
from .forms import ContactPersonForm, OrganisationForm, ServiceForm, search_filters_from
from .models import ContactPerson, Organisation, Service

FACET_LABELS = {
    "regions": ("region", "Region"),
    "municipalities": ("municipality", "Municipality"),
    "kinds": ("kind", "Kind of organisation"),
    "target_groups": ("target", "Target group"),
    "ways": ("way", "Way of working"),
    "languages": ("language", "Language"),
}


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/home.html",
        {"regions": selectors.regions_at_a_glance(), "totals": selectors.directory_totals()},
    )


def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:200]
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    filters = selectors.SearchFilters(**search_filters_from(request.GET))
    result = selectors.directory_search(text=text, filters=filters, page=page)
    facet_groups = [
        {"name": name, "param": FACET_LABELS[name][0], "values": result.facets[name]}
        for name in selectors.FACET_NAMES
    ]
    context = {
        "result": result,
        "facet_groups": facet_groups,
        "active_filters": _active_filters(request, facet_groups),
        "query_string": _query_without_page(request),
    }
    template = "directory/partials/search_results.html" if request.htmx else "directory/search.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _active_filters(request: HttpRequest, facet_groups: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The chosen filters, each with the address of the same search without it."""
    active = []
    for group in facet_groups:
        for value in group["values"]:
            if value.selected:
                params = request.GET.copy()
                params.pop("page", None)
                params.setlist(group["param"], [v for v in params.getlist(group["param"]) if v != value.key])
                active.append({"label": value.label, "url": "?" + params.urlencode()})
    return active


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code)
    organisations = selectors.region_organisations(region)
    return render(
        request,
        "directory/region_detail.html",
        {
            "region": region,
            "organisations": organisations,
            "municipalities": region.municipalities.all(),
            "can_create": permissions.can_create_organisation(request.user, {region.pk}),
        },
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get_for_view(user=request.user, pk=pk)
    can_edit = permissions.can_edit_organisation(request.user, organisation)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "services": selectors.organisation_services_for_view(
                user=request.user, organisation=organisation
            ),
            "contacts": selectors.organisation_contacts_for_view(
                user=request.user, organisation=organisation
            ),
            "can_edit": can_edit,
        },
    )


def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = selectors.service_get_for_view(user=request.user, pk=pk)
    contact = service.contact
    can_edit = permissions.can_edit_organisation(request.user, service.organisation)
    if contact is not None and not contact.is_public and not can_edit:
        contact = None
    return render(
        request,
        "directory/service_detail.html",
        {"service": service, "contact": contact, "can_edit": can_edit},
    )


def _save(form: ModelForm, call: Any) -> Model | None:
    """Run a service with the form's data; put its validation errors back on the form."""
    try:
        return call(**form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None


def _form_page(
    request: HttpRequest, form: ModelForm, title: str, cancel_url: str, **extra: Any
) -> HttpResponse:
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "directory/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url, **extra},
        status=status,
    )


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_organisation(request.user):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = _save(form, lambda **d: services.organisation_create(actor=request.user, **d))
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
            organisation = None
        if organisation is not None:
            messages.success(request, _("The organisation was saved."))
            return redirect("directory:organisation", pk=organisation.pk)
    return _form_page(request, form, _("New organisation"), reverse("directory:home"))


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(
                form,
                lambda **d: services.organisation_update(actor=request.user, organisation=organisation, **d),
            )
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
            saved = None
        if saved is not None:
            messages.success(request, _("The organisation was saved."))
            return redirect("directory:organisation", pk=organisation.pk)
    return _form_page(
        request,
        form,
        _("Edit organisation"),
        reverse("directory:organisation", args=[organisation.pk]),
        organisation=organisation,
    )


@login_required
def service_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = ServiceForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        service = _save(
            form,
            lambda **d: services.service_create(actor=request.user, organisation=organisation, **d),
        )
        if service is not None:
            messages.success(request, _("The service was saved."))
            return redirect("directory:service", pk=service.pk)
    return _form_page(
        request,
        form,
        _("New service"),
        reverse("directory:organisation", args=[organisation.pk]),
        organisation=organisation,
    )


@login_required
def service_edit(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    if not permissions.can_edit_organisation(request.user, service.organisation):
        raise PermissionDenied
    form = ServiceForm(request.POST or None, instance=service, organisation=service.organisation)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **d: services.service_update(actor=request.user, service=service, **d))
        if saved is not None:
            messages.success(request, _("The service was saved."))
            return redirect("directory:service", pk=service.pk)
    return _form_page(
        request,
        form,
        _("Edit service"),
        reverse("directory:service", args=[service.pk]),
        organisation=service.organisation,
    )


@login_required
def contact_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = ContactPersonForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        contact = _save(
            form, lambda **d: services.contact_create(actor=request.user, organisation=organisation, **d)
        )
        if contact is not None:
            messages.success(request, _("The contact person was saved."))
            return redirect("directory:organisation", pk=organisation.pk)
    return _form_page(
        request,
        form,
        _("New contact person"),
        reverse("directory:organisation", args=[organisation.pk]),
        organisation=organisation,
    )


@login_required
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(ContactPerson.objects.select_related("organisation"), pk=pk)
    if not permissions.can_edit_organisation(request.user, contact.organisation):
        raise PermissionDenied
    form = ContactPersonForm(request.POST or None, instance=contact, organisation=contact.organisation)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **d: services.contact_update(actor=request.user, contact=contact, **d))
        if saved is not None:
            messages.success(request, _("The contact person was saved."))
            return redirect("directory:organisation", pk=contact.organisation.pk)
    return _form_page(
        request,
        form,
        _("Edit contact person"),
        reverse("directory:organisation", args=[contact.organisation.pk]),
        organisation=contact.organisation,
    )


@login_required
def organisation_history(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    service_ids = [str(i) for i in organisation.services.values_list("pk", flat=True)]
    contact_ids = [str(i) for i in organisation.contacts.values_list("pk", flat=True)]
    entries = (
        AuditEntry.objects.select_related("actor").filter(
            object_type="directory.organisation", object_id=str(organisation.pk)
        )
        | AuditEntry.objects.select_related("actor").filter(
            object_type="directory.service", object_id__in=service_ids
        )
        | AuditEntry.objects.select_related("actor").filter(
            object_type="directory.contactperson", object_id__in=contact_ids
        )
    )
    return render(
        request,
        "directory/organisation_history.html",
        {"organisation": organisation, "entries": entries.order_by("-at", "-id")[:200]},
    )
