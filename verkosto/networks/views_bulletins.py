"""Bulletin pages: the reader's feed, one bulletin, the form to send one, the e-mail digest setting.
Views parse the request, call bulletins.py and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from verkosto.core.views import add_validation_errors

from . import bulletins
from .forms_bulletins import BulletinForm, DigestPreferenceForm
from .templatetags.bulletin_tags import unread_count_for

FEED_PAGE_SIZE = 20
# Database keys are signed 64-bit: a larger number in the address names nothing (and would overflow).
MAX_ID = 2**63 - 1


@login_required
def bulletin_feed(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    feed = bulletins.bulletin_feed(user=request.user, unread_only=unread_only)
    page = Paginator(feed, FEED_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/bulletins/feed.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread_count": unread_count_for(request),
            "can_send": bulletins.can_send_bulletins(request.user),
        },
    )


@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    bulletin = bulletins.bulletin_get_for_view(user=request.user, pk=pk)
    if not bulletin.is_read:  # type: ignore[attr-defined]
        # Opening a bulletin is reading it.
        bulletins.bulletin_mark_read(user=request.user, bulletin=bulletin)
    return render(request, "networks/bulletins/detail.html", {"bulletin": bulletin})


@login_required
@require_POST
def bulletin_mark_all_read(request: HttpRequest) -> HttpResponse:
    count = bulletins.bulletin_mark_all_read(user=request.user)
    if count:
        messages.success(
            request,
            ngettext("%(count)d bulletin marked as read.", "%(count)d bulletins marked as read.", count)
            % {"count": count},
        )
    return redirect("networks:bulletin_feed")


@login_required
def bulletin_new(request: HttpRequest) -> HttpResponse:
    if not bulletins.can_send_bulletins(request.user):
        raise PermissionDenied
    form = BulletinForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            bulletin = bulletins.bulletin_create(actor=request.user, **form.cleaned_data)
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("You may not make this change."))
        except ValidationError as exc:
            add_validation_errors(form, exc)
        else:
            messages.success(request, _("The bulletin was sent."))
            return redirect("networks:bulletin", pk=bulletin.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "networks/bulletins/form.html",
        {"form": form, "title": _("New bulletin"), "cancel_url": reverse("networks:bulletin_feed")},
        status=status,
    )


@login_required
def digest_settings(request: HttpRequest) -> HttpResponse:
    preference = bulletins.digest_preference_get(user=request.user)
    form = DigestPreferenceForm(request.POST or None, initial={"frequency": preference.frequency})
    if request.method == "POST" and form.is_valid():
        try:
            bulletins.digest_preference_update(
                actor=request.user,
                frequency=form.cleaned_data["frequency"],
                language=getattr(request, "LANGUAGE_CODE", ""),
            )
        except ValidationError as exc:
            add_validation_errors(form, exc)
        else:
            messages.success(request, _("Your e-mail digest setting was saved."))
            return redirect("networks:digest_settings")
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "networks/bulletins/digest_settings.html",
        {"form": form, "has_email": bool(request.user.email)},  # type: ignore[union-attr]
        status=status,
    )
