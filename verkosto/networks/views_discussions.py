"""Discussion pages: thread lists, a thread with its replies, starting a thread, following.
Views parse the request, call discussions.py and render; replies append in place with htmx and
work as a plain form post without JavaScript."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import discussions
from .forms_discussions import PostForm, ThreadForm
from .models import Network, PeerGroup, Thread

THREADS_PER_PAGE = 25


def network_page_url(network: Network) -> str | None:
    """The network's own page, if the network pages are mounted (they are another module's)."""
    try:
        return reverse("networks:network", args=[network.pk])
    except NoReverseMatch:
        return None


def _thread_list_url(network: Network, group: PeerGroup | None) -> str:
    if group is not None:
        return reverse("networks:peer_group_thread_list", args=[group.pk])
    return reverse("networks:thread_list", args=[network.pk])


def add_service_errors(form: BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (the rest above the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _thread_list(request: HttpRequest, network: Network, group: PeerGroup | None) -> HttpResponse:
    threads = discussions.thread_list(user=request.user, network=network, peer_group=group)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(_page_number(request))
    page.object_list = discussions.with_last_author_names(list(page.object_list))
    context = {
        "network": network,
        "group": group,
        "page": page,
        "groups": [] if group else discussions.peer_groups_for_discussion(user=request.user, network=network),
        "network_url": network_page_url(network),
        "new_url": (
            reverse("networks:peer_group_thread_new", args=[group.pk])
            if group
            else reverse("networks:thread_new", args=[network.pk])
        ),
    }
    return render(request, "networks/discussions/thread_list.html", context)


@login_required
def thread_list(request: HttpRequest, network_pk: int) -> HttpResponse:
    """The network-wide threads, with links to the user's peer groups' threads."""
    return _thread_list(request, discussions.network_get_for_discussion(pk=network_pk), None)


@login_required
def peer_group_thread_list(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = discussions.peer_group_get_for_discussion(pk=group_pk)
    return _thread_list(request, group.network, group)


def _thread_new(request: HttpRequest, network: Network, group: PeerGroup | None) -> HttpResponse:
    # Refuse outsiders before showing the form (and before reading what they post).
    if not discussions.can_start_thread(request.user, network, group):
        raise PermissionDenied
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = discussions.thread_create(
                actor=request.user, network=network, peer_group=group, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The discussion was started."))
            return redirect("networks:thread", pk=thread.pk)
    context = {
        "form": form,
        "network": network,
        "group": group,
        "network_url": network_page_url(network),
        "list_url": _thread_list_url(network, group),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "networks/discussions/thread_form.html", context, status=status)


@login_required
def thread_new(request: HttpRequest, network_pk: int) -> HttpResponse:
    return _thread_new(request, discussions.network_get_for_discussion(pk=network_pk), None)


@login_required
def peer_group_thread_new(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = discussions.peer_group_get_for_discussion(pk=group_pk)
    return _thread_new(request, group.network, group)


def _thread_context(request: HttpRequest, thread: Thread, form: PostForm) -> dict[str, Any]:
    return {
        "thread": thread,
        "network": thread.network,
        "group": thread.peer_group,
        "posts": discussions.thread_posts(thread=thread),
        "form": form,
        "is_followed": discussions.thread_is_followed(user=request.user, thread=thread),
        "network_url": network_page_url(thread.network),
        "list_url": _thread_list_url(thread.network, thread.peer_group),
    }


@login_required
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = discussions.thread_get_for_view(user=request.user, pk=pk)
    return render(
        request, "networks/discussions/thread_detail.html", _thread_context(request, thread, PostForm())
    )


@login_required
@require_POST
def thread_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """A reply. Without JavaScript: redirect to the new message, or the page again with the error
    next to the field. With htmx: the fresh form, the new message appended out of band."""
    thread = discussions.thread_get_for_view(user=request.user, pk=pk)  # 403 for outsiders
    form = PostForm(request.POST)
    post = None
    if form.is_valid():
        try:
            post = discussions.post_create(actor=request.user, thread=thread, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_service_errors(form, exc)
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps only 2xx answers; the errors travel in the form itself.
        return render(
            request,
            "networks/discussions/partials/reply_result.html",
            {"thread": thread, "form": PostForm() if post else form, "post": post},
        )
    if post is not None:
        messages.success(request, _("Your reply was posted."))
        return redirect(reverse("networks:thread", args=[thread.pk]) + f"#post-{post.pk}")
    return render(
        request, "networks/discussions/thread_detail.html", _thread_context(request, thread, form), status=400
    )


@login_required
@require_POST
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = discussions.thread_get_for_view(user=request.user, pk=pk)
    if request.POST.get("follow") == "1":
        discussions.thread_follow(actor=request.user, thread=thread)
        messages.success(request, _("You follow this discussion."))
    else:
        discussions.thread_unfollow(actor=request.user, thread=thread)
        messages.success(request, _("You no longer follow this discussion."))
    return redirect("networks:thread", pk=thread.pk)
