"""Directory pages. Views parse the request, call a selector or service, and render."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from verkosto.accounts import permissions
from verkosto.core.models import AuditEntry
from verkosto.core.views import form_view

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


def _form_view(
    request: HttpRequest,
    form: ModelForm,
    *,
    save: Callable[..., Model],
    saved_message: str,
    success_url: Callable[[Model], str],
    title: str,
    cancel_url: str,
    organisation: Organisation | None = None,
) -> HttpResponse:
    return form_view(
        request,
        form,
        save=save,
        saved_message=saved_message,
        success_url=success_url,
        template="directory/form.html",
        context={"title": title, "cancel_url": cancel_url, "organisation": organisation},
    )


def _editable_organisation(request: HttpRequest, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    return organisation


def _organisation_url(obj: Model) -> str:
    organisation_id = obj.pk if isinstance(obj, Organisation) else obj.organisation_id  # type: ignore[attr-defined]
    return reverse("directory:organisation", args=[organisation_id])


def _service_url(obj: Model) -> str:
    return reverse("directory:service", args=[obj.pk])


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_organisation(request.user):
        raise PermissionDenied
    return _form_view(
        request,
        OrganisationForm(request.POST or None),
        save=services.organisation_create,
        saved_message=_("The organisation was saved."),
        success_url=_organisation_url,
        title=_("New organisation"),
        cancel_url=reverse("directory:home"),
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _editable_organisation(request, pk)
    return _form_view(
        request,
        OrganisationForm(request.POST or None, instance=organisation),
        save=partial(services.organisation_update, organisation=organisation),
        saved_message=_("The organisation was saved."),
        success_url=_organisation_url,
        title=_("Edit organisation"),
        cancel_url=_organisation_url(organisation),
        organisation=organisation,
    )


@login_required
def service_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = _editable_organisation(request, organisation_pk)
    return _form_view(
        request,
        ServiceForm(request.POST or None, organisation=organisation),
        save=partial(services.service_create, organisation=organisation),
        saved_message=_("The service was saved."),
        success_url=_service_url,
        title=_("New service"),
        cancel_url=_organisation_url(organisation),
        organisation=organisation,
    )


@login_required
def service_edit(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    organisation = _editable_organisation(request, service.organisation_id)
    return _form_view(
        request,
        ServiceForm(request.POST or None, instance=service, organisation=organisation),
        save=partial(services.service_update, service=service),
        saved_message=_("The service was saved."),
        success_url=_service_url,
        title=_("Edit service"),
        cancel_url=_service_url(service),
        organisation=organisation,
    )


@login_required
def contact_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = _editable_organisation(request, organisation_pk)
    return _form_view(
        request,
        ContactPersonForm(request.POST or None, organisation=organisation),
        save=partial(services.contact_create, organisation=organisation),
        saved_message=_("The contact person was saved."),
        success_url=_organisation_url,
        title=_("New contact person"),
        cancel_url=_organisation_url(organisation),
        organisation=organisation,
    )


@login_required
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(ContactPerson, pk=pk)
    organisation = _editable_organisation(request, contact.organisation_id)
    return _form_view(
        request,
        ContactPersonForm(request.POST or None, instance=contact, organisation=organisation),
        save=partial(services.contact_update, contact=contact),
        saved_message=_("The contact person was saved."),
        success_url=_organisation_url,
        title=_("Edit contact person"),
        cancel_url=_organisation_url(organisation),
        organisation=organisation,
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
