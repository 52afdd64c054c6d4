"""Pages of the flow of knowledge: reviewing a region's signals (and their CSV), comments on a
theme, escalating a theme and the national inbox of escalations, a bulletin made from a theme.
Views parse the request, call flow.py and render."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from verkosto.core.views import add_validation_errors, form_view

from . import flow, permissions
from .forms_flow import (
    EscalationForm,
    EscalationResponseForm,
    ReviewFilterForm,
    ReviewMarkForm,
    ThemeBulletinForm,
    ThemeCommentForm,
)
from .models import Escalation, Theme

REVIEW_PAGE_SIZE = 25
INBOX_PAGE_SIZE = 20
# Database keys are signed 64-bit: a larger number in the address names nothing.
MAX_ID = 2**63 - 1


def _theme_page(theme: Theme) -> str:
    """The theme's page, or this flow's own page of the theme until the theme pages exist."""
    return flow.theme_url(theme) or reverse("observations:theme_flow", args=[theme.uuid])


# --- review --------------------------------------------------------------------------------------


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not flow.can_review(request.user):
        raise PermissionDenied
    filter_form = ReviewFilterForm(request.GET or None, user=request.user)
    filters = filter_form.filters()
    assert filters is not None  # can_review: the user reviews some region
    signals = flow.review_signals(user=request.user, filters=filters)
    page = Paginator(signals, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (signal, flow.theme_url(t) if (t := signal.regional_theme or signal.theme) else "", t)
        for signal in page
    ]
    return render(
        request,
        "observations/flow/review.html",
        {
            "filter_form": filter_form,
            "filters": filters,
            "page": page,
            "rows": rows,
            "query": filter_form.query_string(),
        },
    )


def _safe_back(value: str) -> str:
    """The review list with the filters it was marked from; only a query string is taken."""
    target = reverse("observations:review")
    if value and "/" not in value and "\\" not in value and ":" not in value:
        return f"{target}?{value.lstrip('?')}"
    return target


@login_required
@require_POST
def review_mark(request: HttpRequest) -> HttpResponse:
    form = ReviewMarkForm(
        {"signal_uuids": request.POST.getlist("signal_uuids"), "back": request.POST.get("back", "")}
    )
    back = _safe_back(request.POST.get("back", ""))
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(back)
    try:
        count = flow.signal_mark_reviewed(actor=request.user, signal_uuids=form.cleaned_data["signal_uuids"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(
        request,
        ngettext("%(count)d signal marked as reviewed.", "%(count)d signals marked as reviewed.", count)
        % {"count": count},
    )
    return redirect(back)


@login_required
def review_csv(request: HttpRequest) -> StreamingHttpResponse:
    if not flow.can_review(request.user):
        raise PermissionDenied
    filter_form = ReviewFilterForm(request.GET or None, user=request.user)
    filters = filter_form.filters()
    assert filters is not None
    lines = flow.review_signals_csv(user=request.user, filters=filters)

    def with_bom() -> Any:
        # The byte-order mark tells spreadsheet programs that the file is UTF-8 (ä, ö, å).
        yield "\ufeff"
        yield from lines

    response = StreamingHttpResponse(with_bom(), content_type="text/csv; charset=utf-8")
    name = f"signals-{filters.region.code}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- a theme's flow: comments --------------------------------------------------------------------


@login_required
def theme_flow(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The flow of one theme on a page of its own (comments, escalations, bulletins): where the
    comment form's errors are shown when the theme's page cannot show them."""
    theme = flow.theme_get_for_flow(user=request.user, theme_uuid=uuid)
    return render(request, "observations/flow/theme_flow.html", {"theme": theme})


@login_required
@require_POST
def theme_comment_add(request: HttpRequest, uuid: UUID) -> HttpResponse:
    theme = flow.theme_get_for_flow(user=request.user, theme_uuid=uuid)
    if not flow.can_see_comments(request.user, theme):
        raise PermissionDenied
    form = ThemeCommentForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            flow.theme_comment_add(actor=request.user, theme=theme, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_validation_errors(form, exc)
        else:
            saved = True
    if getattr(request, "htmx", False):
        # The fragment replaces itself: the new comment in the list, or the form with its errors.
        context = {
            "theme": theme,
            "comment_form": ThemeCommentForm() if saved else form,
            "comment_saved": saved,
        }
        # 200 also with errors: htmx swaps in only successful answers, and the errors are the answer.
        return render(request, "observations/flow/theme_actions.html", context)
    if saved:
        messages.success(request, _("Your comment was added."))
        return redirect(_theme_page(theme) + "#theme-comments")
    return render(
        request, "observations/flow/theme_flow.html", {"theme": theme, "comment_form": form}, status=400
    )


# --- escalation ----------------------------------------------------------------------------------


@login_required
def theme_escalate(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Write a summary, see it with personal data removed, then escalate. A summary that the
    scrubber would change is shown again instead of being saved: what is stored has been seen."""
    theme = flow.theme_get_for_flow(user=request.user, theme_uuid=uuid)
    if not flow.can_escalate(request.user, theme):
        raise PermissionDenied
    form = EscalationForm(request.POST or None, user=request.user, theme=theme)
    preview = None
    status = 200
    if request.method == "POST" and form.is_valid():
        result = flow.scrub_text(form.cleaned_data["summary"], theme.language)
        if "preview" in request.POST or result.text != form.cleaned_data["summary"].strip():
            preview = result
            data = request.POST.copy()
            data["summary"] = result.text
            form = EscalationForm(data, user=request.user, theme=theme)
            form.is_valid()
        else:
            try:
                escalation = flow.escalate(
                    actor=request.user,
                    theme=theme,
                    region=form.cleaned_data["region"],
                    summary=form.cleaned_data["summary"],
                )
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                add_validation_errors(form, exc)
            else:
                messages.success(request, _("The theme was escalated to the national coordinators."))
                return redirect("observations:escalation_detail", pk=escalation.pk)
    if form.is_bound and form.errors:
        status = 400
    regions = flow.escalation_regions(request.user, theme)
    open_regions = [r for r in regions if flow.escalation_open_exists(theme=theme, region=r)]
    return render(
        request,
        "observations/flow/escalate.html",
        {
            "theme": theme,
            "theme_page": _theme_page(theme),
            "form": form,
            "preview": preview,
            "regions": regions,
            "open_regions": open_regions,
        },
        status=status,
    )


@login_required
def escalation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (permissions.can_handle_escalations(user) or permissions.coordinated_region_ids(user)):
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status not in Escalation.Status.values:
        status = ""
    escalations = flow.escalation_inbox(user=user, status=status)
    page = Paginator(escalations, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            escalation,
            permissions.visible_count(user, escalation.region_id, escalation.region_signal_count),  # type: ignore[attr-defined]
            _theme_page(escalation.theme),
        )
        for escalation in page
    ]
    return render(
        request,
        "observations/flow/escalation_list.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "statuses": [
                (value, label, count)
                for (value, label), count in zip(
                    Escalation.Status.choices, flow.escalation_status_counts(user=user).values(), strict=True
                )
            ],
            "handles": permissions.can_handle_escalations(user),
            "small_count": permissions.SMALL_COUNT,
        },
    )


@login_required
def escalation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    escalation = flow.escalation_get_for_view(user=request.user, pk=pk)
    handles = permissions.can_handle_escalations(request.user)
    count = flow.escalation_region_signal_count(escalation=escalation)
    context: dict[str, Any] = {
        "escalation": escalation,
        "theme_page": _theme_page(escalation.theme),
        "region_count": permissions.visible_count(request.user, escalation.region_id, count),
        "small_count": permissions.SMALL_COUNT,
        "handles": handles,
    }
    if not handles or escalation.status == Escalation.Status.CLOSED:
        return render(request, "observations/flow/escalation_detail.html", {"form": None, **context})
    form = EscalationResponseForm(
        request.POST or None,
        initial={"status": Escalation.Status.ACKNOWLEDGED, "response": escalation.response},
    )
    return form_view(
        request,
        form,
        save=lambda actor, **data: flow.escalation_respond(actor=actor, escalation=escalation, **data),
        saved_message=_("Your response was saved and the region was told."),
        success_url=lambda saved: reverse("observations:escalation_detail", args=[saved.pk]),
        template="observations/flow/escalation_detail.html",
        context=context,
    )


# --- theme -> bulletin ---------------------------------------------------------------------------


@login_required
def theme_bulletin(request: HttpRequest, uuid: UUID) -> HttpResponse:
    theme = flow.theme_get_for_flow(user=request.user, theme_uuid=uuid)
    if not flow.can_make_bulletin(request.user, theme):
        raise PermissionDenied
    form = ThemeBulletinForm(
        request.POST or None,
        user=request.user,
        theme=theme,
        initial=flow.theme_bulletin_draft(theme=theme),
    )
    return form_view(
        request,
        form,
        save=lambda actor, **data: flow.theme_bulletin_create(actor=actor, theme=theme, **data),
        saved_message=_("The bulletin was sent and linked to the theme."),
        success_url=lambda saved: reverse("networks:bulletin", args=[saved.pk]),
        template="observations/flow/theme_bulletin.html",
        context={"theme": theme, "theme_page": _theme_page(theme)},
    )
