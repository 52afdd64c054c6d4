"""Discussion threads in a network or one of its peer groups: writes (start, reply, follow) and
permission-scoped reads. Members only; see `permissions.can_read_thread`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from verkosto.core.audit import audit_record, diff, snapshot

from . import permissions
from .models import Network, PeerGroup, Post, Thread

# --- writes --------------------------------------------------------------------------------------


def _clean_text(value: str, *, field: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(value) > max_length:
        raise ValidationError({field: _("At most %(limit)d characters, please.") % {"limit": max_length}})
    return value


def _add_post(*, actor: Any, thread: Thread, body: str) -> Post:
    post = Post(thread=thread, author=actor, body=body)
    post.full_clean()
    post.save()
    # last_post_at orders the thread lists; kept on the thread so a list needs no subquery to sort.
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    thread.last_post_at = post.created_at
    # Writing in a thread means wanting to hear how it goes on.
    thread.followers.add(actor)
    audit_record(actor=actor, action="create", instance=post, changes=diff({}, snapshot(post)))
    return post


def can_start_thread(user: Any, network: Network, peer_group: PeerGroup | None = None) -> bool:
    """Network-wide threads: the network's members; peer-group threads: the group's people."""
    if peer_group is not None:
        return peer_group.network_id == network.pk and permissions.can_take_part_in_peer_group(
            user, peer_group
        )
    return permissions.is_network_member(user, network)


@transaction.atomic
def thread_create(
    *, actor: Any, network: Network, title: str, body: str, peer_group: PeerGroup | None = None
) -> Thread:
    """Start a thread with its first message. In a peer group, only the group's people may."""
    if not can_start_thread(actor, network, peer_group):
        raise PermissionDenied(_("Only the network's members may start discussions in it."))
    errors: dict[str, Any] = {}
    for field, value, limit in (("title", title, 200), ("body", body, 10000)):
        try:
            _clean_text(value, field=field, max_length=limit)
        except ValidationError as exc:
            errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    thread = Thread(network=network, peer_group=peer_group, title=title.strip(), author=actor)
    thread.full_clean()
    thread.save()
    audit_record(actor=actor, action="create", instance=thread, changes=diff({}, snapshot(thread)))
    _add_post(actor=actor, thread=thread, body=body.strip())
    return thread


@transaction.atomic
def post_create(*, actor: Any, thread: Thread, body: str) -> Post:
    """Reply in a thread. Refused (PermissionDenied) to anyone who may not read it."""
    if not permissions.can_post_in_thread(actor, thread):
        raise PermissionDenied(_("Only the network's members may write in this discussion."))
    body = _clean_text(body, field="body", max_length=10000)
    return _add_post(actor=actor, thread=thread, body=body)


def thread_follow(*, actor: Any, thread: Thread) -> None:
    """Following is a reader's own setting, not a change others see: it is not audited."""
    if not permissions.can_read_thread(actor, thread):
        raise PermissionDenied(_("Only the network's members may follow this discussion."))
    thread.followers.add(actor)


def thread_unfollow(*, actor: Any, thread: Thread) -> None:
    # Anyone may stop following, even after leaving the network.
    thread.followers.remove(actor)


# --- reads ---------------------------------------------------------------------------------------


def _annotated(threads: QuerySet[Thread], user: Any) -> QuerySet[Thread]:
    """Each thread with `post_count`, `reply_count`, `last_author_id` and `is_followed`, in the
    one query that lists them."""
    last_post = Post.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    followed = Thread.followers.through.objects.filter(thread_id=OuterRef("pk"), user_id=user.pk)
    return (
        threads.select_related("peer_group", "author")
        .annotate(
            post_count=Count("posts", distinct=True),
            reply_count=F("post_count") - 1,
            last_author_username=Subquery(last_post.values("author__username")[:1]),
            last_author_first_name=Subquery(last_post.values("author__first_name")[:1]),
            last_author_last_name=Subquery(last_post.values("author__last_name")[:1]),
            is_followed=Exists(followed),
        )
        .order_by(F("last_post_at").desc(nulls_last=True), "-pk")
    )


def _readable_threads(user: Any, network: Network) -> QuerySet[Thread]:
    """The network's threads the user may read: network-wide ones for members, peer-group ones
    for the group's people; managers read all."""
    threads = Thread.objects.filter(network=network)
    if permissions.can_manage_network(user, network):
        return threads
    if not getattr(user, "is_authenticated", False):
        return threads.none()
    visible = Q(peer_group__members=user)
    if permissions.is_network_member(user, network):
        visible |= Q(peer_group__isnull=True)
    return threads.filter(pk__in=Thread.objects.filter(network=network).filter(visible).values("pk"))


def with_last_author_names(threads: list[Thread]) -> list[Thread]:
    """Set `last_author_name` on annotated threads (a former user's name is empty)."""
    for thread in threads:
        full = f"{thread.last_author_first_name or ''} {thread.last_author_last_name or ''}".strip()  # type: ignore[attr-defined]
        thread.last_author_name = full or thread.last_author_username or ""  # type: ignore[attr-defined]
    return threads


def threads_for_network(*, user: Any, network: Network, limit: int = 5) -> list[Thread]:
    """The latest threads of the network that the user may read (network-wide and peer-group
    ones), newest post first, annotated as in `thread_list` and with `last_author_name`. Empty
    for outsiders. One query after the permission checks."""
    return with_last_author_names(list(_annotated(_readable_threads(user, network), user)[:limit]))


def thread_list(*, user: Any, network: Network, peer_group: PeerGroup | None = None) -> QuerySet[Thread]:
    """The network-wide threads (or one peer group's), newest post first, each with `reply_count`,
    `post_count`, `last_author_*` and `is_followed`. A fixed number of queries whatever the
    length. Refused to people who may not read them."""
    if peer_group is not None:
        if peer_group.network_id != network.pk:
            raise Http404
        if not permissions.can_take_part_in_peer_group(user, peer_group):
            raise PermissionDenied
        threads = Thread.objects.filter(network=network, peer_group=peer_group)
    else:
        if not permissions.is_network_member(user, network):
            raise PermissionDenied
        threads = Thread.objects.filter(network=network, peer_group__isnull=True)
    return _annotated(threads, user)


def peer_groups_for_discussion(*, user: Any, network: Network) -> list[PeerGroup]:
    """The network's peer groups whose discussions the user may join."""
    groups = network.peer_groups.all()
    if not permissions.can_manage_network(user, network):
        groups = groups.filter(members=user) if getattr(user, "is_authenticated", False) else groups.none()
    return list(groups.annotate(thread_count=Count("threads", distinct=True)).order_by("name_fi", "pk"))


def network_get_for_discussion(*, pk: int) -> Network:
    """The network itself; whether the user may read its threads is `thread_list`'s check."""
    network = Network.objects.filter(pk=pk).first()
    if network is None:
        raise Http404
    return network


def peer_group_get_for_discussion(*, pk: int) -> PeerGroup:
    """The group with its network; whether the user may take part is `thread_list`'s check."""
    group = PeerGroup.objects.filter(pk=pk).select_related("network").first()
    if group is None:
        raise Http404
    return group


def thread_get_for_view(*, user: Any, pk: int) -> Thread:
    """The thread with its network and peer group; PermissionDenied for non-members."""
    thread = Thread.objects.select_related("network", "peer_group", "author").filter(pk=pk).first()
    if thread is None:
        raise Http404
    if not permissions.can_read_thread(user, thread):
        raise PermissionDenied
    return thread


def thread_posts(*, thread: Thread) -> list[Post]:
    return list(thread.posts.select_related("author").order_by("created_at", "pk"))


def thread_is_followed(*, user: Any, thread: Thread) -> bool:
    return getattr(user, "is_authenticated", False) and thread.followers.filter(pk=user.pk).exists()
