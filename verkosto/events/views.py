"""The event pages: the list, an event, the forms to create and edit one, its status actions, its
programme (to edit and to print) and the organiser's registration questions. Views parse the
request, call selectors and services, and render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.forms import BaseForm, BaseModelFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import permissions, reach, selectors, services
from .forms import EventFilterForm, EventForm, ProgrammeFormSet, QuestionFormSet
from .models import Event

EVENTS_PER_PAGE = 20
Status = Event.Status
# The status actions: what each button does, in the order the page offers them.
ACTIONS: dict[str, str] = {
    "publish": Status.PUBLISHED,
    "postpone": Status.POSTPONED,
    "cancel": Status.CANCELLED,
}
CONFIRMED_ACTIONS = frozenset({"postpone", "cancel"})  # these tell people: asked once more


def add_service_errors(form: BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (the rest above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _event_url(event: Event) -> str:
    return reverse("events:detail", args=[event.uuid])


def _viewable(request: HttpRequest, uuid: UUID) -> Event | HttpResponse:
    """The event, or a way to the login page for someone not logged in who may be a member."""
    try:
        return selectors.event_for(request.user, uuid)
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise


def _done_message(action: str) -> str:
    return {
        "publish": _("The event was published."),
        "postpone": _("The event was postponed. The people registered were told by e-mail."),
        "cancel": _("The event was cancelled. The people registered were told by e-mail."),
    }[action]


def allowed_actions(event: Event) -> list[str]:
    return [action for action, status in ACTIONS.items() if status in services.TRANSITIONS[event.status]]


# --- the list and one event ----------------------------------------------------------------------


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None, networks=selectors.networks_for_filter(request.user))
    filters = selectors.EventFilters(**form.filters())
    events = selectors.event_list(user=request.user, filters=filters)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {
            "filter_form": form,
            "filters": filters,
            "filtered": form.is_filtered,
            "page": page,
            "page_query": query.urlencode(),
            "can_create": permissions.can_create_event(request.user),
            "can_view_reach": reach.can_view_reach(request.user),
        },
    )


def event_detail(request: HttpRequest, event: UUID) -> HttpResponse:
    found = _viewable(request, event)
    if isinstance(found, HttpResponse):
        return found
    can_manage = permissions.can_manage_event(request.user, found)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": found,
            "can_manage": can_manage,
            "programme": list(found.programme.all()),
            "actions": allowed_actions(found) if can_manage else [],
        },
    )


def programme(request: HttpRequest, event: UUID) -> HttpResponse:
    """The printable programme."""
    found = _viewable(request, event)
    if isinstance(found, HttpResponse):
        return found
    return render(
        request, "events/programme.html", {"event": found, "programme": list(found.programme.all())}
    )


# --- creating and editing ------------------------------------------------------------------------


def _event_form_page(
    request: HttpRequest, form: EventForm, *, save: Callable[..., Event], title: str, event: Event | None
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The event was saved."))
            return redirect(_event_url(saved))
    status = 400 if form.is_bound and form.errors else 200
    context = {
        "form": form,
        "title": title,
        "event": event,
        "cancel_url": _event_url(event) if event else reverse("events:list"),
    }
    return render(request, "events/event_form.html", context, status=status)


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_event(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None, user=request.user)
    return _event_form_page(request, form, save=services.event_create, title=_("New event"), event=None)


@login_required
def event_edit(request: HttpRequest, event: UUID) -> HttpResponse:
    found = selectors.event_for_change(request.user, event)
    form = EventForm(request.POST or None, instance=found, user=request.user)

    def save(**fields: Any) -> Event:
        return services.event_update(event=found, **fields)

    return _event_form_page(request, form, save=save, title=_("Edit event"), event=found)


@login_required
@require_http_methods(["GET", "POST"])
def event_status(request: HttpRequest, event: UUID) -> HttpResponse:
    """Publish at once; postpone and cancel after a confirmation, since they e-mail people."""
    found = selectors.event_for_change(request.user, event)
    allowed = allowed_actions(found)
    action = request.POST.get("action") or request.GET.get("action") or ""
    if action not in allowed:
        action = ""
    confirmed = action not in CONFIRMED_ACTIONS or request.POST.get("confirm") == "yes"
    if request.method == "POST" and action and confirmed:
        try:
            services.event_set_status(actor=request.user, event=found, status=ACTIONS[action])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _done_message(action))
        return redirect(_event_url(found))
    return render(request, "events/status.html", {"event": found, "action": action, "actions": allowed})


# --- the programme and the questions -------------------------------------------------------------


def _save_rows(
    request: HttpRequest,
    formset: BaseModelFormSet,
    *,
    create: Callable[..., Any],
    update: Callable[..., Any],
    delete: Callable[..., Any],
) -> bool:
    """Apply the formset's rows through the services, all or nothing. A service's refusal goes
    beside the row's field; then nothing is saved."""
    fields = formset.form._meta.fields
    try:
        with transaction.atomic():
            for form in formset.forms:
                instance = form.instance if form.instance.pk else None
                try:
                    if formset.can_delete and formset._should_delete_form(form):
                        if instance is not None:
                            delete(actor=request.user, instance=instance)
                    elif form.has_changed():
                        data = {name: form.cleaned_data[name] for name in fields}
                        if instance is None:
                            create(actor=request.user, **data)
                        else:
                            update(actor=request.user, instance=instance, **data)
                except ValidationError as exc:
                    add_service_errors(form, exc)
                    raise
    except ValidationError:
        return False
    return True


@login_required
def programme_edit(request: HttpRequest, event: UUID) -> HttpResponse:
    found = selectors.event_for_change(request.user, event)
    formset = ProgrammeFormSet(
        request.POST or None,
        queryset=found.programme.all(),
        initial=[{"starts_at": found.starts_at}] * ProgrammeFormSet.extra,
        prefix="programme",
    )
    if request.method == "POST" and formset.is_valid():
        saved = _save_rows(
            request,
            formset,
            create=lambda **data: services.programme_item_create(event=found, **data),
            update=lambda instance, **data: services.programme_item_update(item=instance, **data),
            delete=lambda instance, **data: services.programme_item_delete(item=instance, **data),
        )
        if saved:
            messages.success(request, _("The programme was saved."))
            return redirect(reverse("events:programme_edit", args=[found.uuid]))
    status = 400 if _has_errors(formset) else 200
    return render(request, "events/programme_form.html", {"event": found, "formset": formset}, status=status)


@login_required
def questions(request: HttpRequest, event: UUID) -> HttpResponse:
    found = selectors.event_for_change(request.user, event)
    existing = found.questions.all()
    next_order = max((q.order for q in existing), default=0) + 1
    formset = QuestionFormSet(
        request.POST or None,
        queryset=existing,
        initial=[{"order": next_order + i} for i in range(QuestionFormSet.extra)],
        prefix="questions",
    )
    if request.method == "POST" and formset.is_valid():
        saved = _save_rows(
            request,
            formset,
            create=lambda **data: services.question_create(event=found, **data),
            update=lambda instance, **data: services.question_update(question=instance, **data),
            delete=lambda instance, **data: services.question_delete(question=instance, **data),
        )
        if saved:
            messages.success(request, _("The registration questions were saved."))
            return redirect(reverse("events:questions", args=[found.uuid]))
    status = 400 if _has_errors(formset) else 200
    return render(request, "events/questions.html", {"event": found, "formset": formset}, status=status)


def _has_errors(formset: BaseModelFormSet) -> bool:
    if not formset.is_bound:
        return False
    return bool(formset.non_form_errors()) or any(form.errors for form in formset.forms)
