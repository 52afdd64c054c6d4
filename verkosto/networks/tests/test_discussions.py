"""Discussion threads: who may start, read and reply, following, the thread lists and their
query counts, the pages with and without htmx."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory
from verkosto.networks import discussions
from verkosto.networks.models import Network, Post, Thread

from .factories import NetworkFactory, PeerGroupFactory, add_member, coordinator_of, person_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting() -> dict[str, Any]:
    network = NetworkFactory(name_fi="Kainuun ALU")
    member_org, other_member_org = OrganisationFactory(), OrganisationFactory()
    add_member(network, member_org)
    add_member(network, other_member_org)
    member = person_of(member_org, first_name="Maija", last_name="Meikäläinen")
    colleague = person_of(other_member_org)
    outsider = person_of(OrganisationFactory())
    group = PeerGroupFactory(network=network, name_fi="Työvalmentajat")
    group.members.add(colleague)
    return {
        "network": network,
        "member": member,
        "colleague": colleague,
        "outsider": outsider,
        "coordinator": coordinator_of(network),
        "group": group,
    }


def _thread(setting: dict, **kwargs: Any) -> Thread:
    fields = {"actor": setting["member"], "network": setting["network"], "title": "Aihe", "body": "Viesti"}
    return discussions.thread_create(**(fields | kwargs))


# --- services ------------------------------------------------------------------------------------


def test_member_starts_a_thread_with_its_first_message_follows_it_and_it_is_logged(setting: dict) -> None:
    thread = _thread(setting, title="  Kevään tapaaminen ", body="Missä tavataan?")
    assert thread.title == "Kevään tapaaminen"
    assert [p.body for p in thread.posts.all()] == ["Missä tavataan?"]
    assert thread.last_post_at == thread.posts.get().created_at
    assert list(thread.followers.all()) == [setting["member"]]
    logged = set(AuditEntry.objects.values_list("object_type", "action"))
    assert logged == {("networks.thread", "create"), ("networks.post", "create")}
    assert AuditEntry.objects.get(object_type="networks.post").changes["body"] == ["", "Missä tavataan?"]


def test_reply_follows_the_thread_and_moves_it_to_the_top(setting: dict) -> None:
    older = _thread(setting, title="Vanha")
    newer = _thread(setting, title="Uusi")
    post = discussions.post_create(actor=setting["colleague"], thread=older, body="Vastaus")
    older.refresh_from_db()
    assert older.last_post_at == post.created_at
    assert setting["colleague"] in older.followers.all()
    titles = [t.title for t in discussions.thread_list(user=setting["member"], network=setting["network"])]
    assert titles == ["Vanha", "Uusi"]
    assert newer.pk
    assert AuditEntry.objects.filter(object_type="networks.post", object_id=str(post.pk)).exists()


def test_outsider_may_not_start_or_reply_and_nothing_is_saved(setting: dict) -> None:
    thread = _thread(setting)
    before = (Thread.objects.count(), Post.objects.count(), AuditEntry.objects.count())
    with pytest.raises(PermissionDenied):
        _thread(setting, actor=setting["outsider"])
    with pytest.raises(PermissionDenied):
        discussions.post_create(actor=setting["outsider"], thread=thread, body="Hei")
    assert (Thread.objects.count(), Post.objects.count(), AuditEntry.objects.count()) == before


def test_former_member_organisation_loses_access(setting: dict) -> None:
    thread = _thread(setting)
    membership = setting["network"].memberships.get(organisation_id=_org_of(setting["member"]))
    membership.left_on = datetime.date(2025, 6, 1)
    membership.save()
    with pytest.raises(PermissionDenied):
        discussions.post_create(actor=setting["member"], thread=thread, body="Vielä täällä?")


def _org_of(user: Any) -> int:
    return user.roles.get().organisation_id


def test_empty_or_blank_messages_are_refused(setting: dict) -> None:
    with pytest.raises(ValidationError) as error:
        _thread(setting, title=" ", body="\n  ")
    assert set(error.value.error_dict) == {"title", "body"}
    thread = _thread(setting)
    with pytest.raises(ValidationError) as error:
        discussions.post_create(actor=setting["member"], thread=thread, body="   ")
    assert set(error.value.error_dict) == {"body"}
    assert thread.posts.count() == 1


def test_peer_group_threads_are_for_the_group_and_the_managers(setting: dict) -> None:
    group = setting["group"]
    thread = _thread(setting, actor=setting["colleague"], peer_group=group)
    # A member of the network who is not in the group neither starts, reads nor replies.
    with pytest.raises(PermissionDenied):
        _thread(setting, peer_group=group)
    with pytest.raises(PermissionDenied):
        discussions.post_create(actor=setting["member"], thread=thread, body="Saanko?")
    with pytest.raises(PermissionDenied):
        discussions.thread_list(user=setting["member"], network=setting["network"], peer_group=group)
    discussions.post_create(actor=setting["coordinator"], thread=thread, body="Koordinaattori täällä")
    assert thread.posts.count() == 2


def test_a_peer_group_of_another_network_cannot_be_used(setting: dict) -> None:
    foreign = PeerGroupFactory(network=NetworkFactory())
    foreign.members.add(setting["member"])
    with pytest.raises(PermissionDenied):
        _thread(setting, peer_group=foreign)


def test_follow_and_unfollow(setting: dict) -> None:
    thread = _thread(setting)
    discussions.thread_follow(actor=setting["colleague"], thread=thread)
    assert discussions.thread_is_followed(user=setting["colleague"], thread=thread)
    discussions.thread_unfollow(actor=setting["colleague"], thread=thread)
    assert not discussions.thread_is_followed(user=setting["colleague"], thread=thread)
    with pytest.raises(PermissionDenied):
        discussions.thread_follow(actor=setting["outsider"], thread=thread)


# --- reads ---------------------------------------------------------------------------------------


def test_thread_list_counts_replies_and_names_the_last_writer(setting: dict) -> None:
    thread = _thread(setting)
    discussions.post_create(actor=setting["colleague"], thread=thread, body="1")
    discussions.post_create(actor=setting["member"], thread=thread, body="2")
    _thread(setting, title="Hiljainen")
    listed = discussions.with_last_author_names(
        list(discussions.thread_list(user=setting["colleague"], network=setting["network"]))
    )
    assert [(t.title, t.reply_count, t.is_followed) for t in listed] == [
        ("Hiljainen", 0, False),
        ("Aihe", 2, True),
    ]
    assert listed[1].last_author_name == "Maija Meikäläinen"


def test_threads_for_network_shows_only_what_the_user_may_read(setting: dict) -> None:
    _thread(setting, title="Kaikille")
    _thread(setting, title="Ryhmälle", actor=setting["colleague"], peer_group=setting["group"])
    other_group = PeerGroupFactory(network=setting["network"])
    _thread(setting, title="Toiselle ryhmälle", actor=setting["coordinator"], peer_group=other_group)

    def titles(user: Any) -> set[str]:
        return {t.title for t in discussions.threads_for_network(user=user, network=setting["network"])}

    assert titles(setting["member"]) == {"Kaikille"}
    assert titles(setting["colleague"]) == {"Kaikille", "Ryhmälle"}
    assert titles(setting["coordinator"]) == {"Kaikille", "Ryhmälle", "Toiselle ryhmälle"}
    assert titles(setting["outsider"]) == set()
    assert (
        len(discussions.threads_for_network(user=setting["coordinator"], network=setting["network"], limit=2))
        == 2
    )


def test_thread_list_page_uses_a_fixed_number_of_queries(
    client: Any, setting: dict, django_assert_num_queries: Any
) -> None:
    client.force_login(setting["member"])
    url = reverse("networks:thread_list", args=[setting["network"].pk])

    def make_threads(count: int) -> None:
        for n in range(count):
            thread = _thread(setting, title=f"Aihe {n}", actor=setting["colleague"])
            discussions.post_create(actor=setting["member"], thread=thread, body="Vastaus")

    make_threads(2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        response = client.get(url)
    assert response.content.decode().count('scope="row"') == 2
    make_threads(8)
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('scope="row"') == 10
    assert len(two.captured_queries) <= 10


def test_threads_for_network_is_one_query_after_the_permission_checks(
    setting: dict, django_assert_num_queries: Any
) -> None:
    for n in range(6):
        _thread(setting, title=f"Aihe {n}")
    user = setting["member"]
    discussions.threads_for_network(user=user, network=setting["network"])  # caches the user's roles
    with django_assert_num_queries(3):  # manager? (coordinators), member? (memberships), threads
        threads = discussions.threads_for_network(user=user, network=setting["network"])
        assert all(t.last_author_name for t in threads)


# --- pages ---------------------------------------------------------------------------------------


def test_pages_need_login_and_membership(client: Any, setting: dict) -> None:
    thread = _thread(setting)
    network = setting["network"]
    urls = [
        reverse("networks:thread_list", args=[network.pk]),
        reverse("networks:thread_new", args=[network.pk]),
        reverse("networks:thread", args=[thread.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(setting["outsider"])
    for url in urls:
        assert client.get(url).status_code == 403
    client.force_login(setting["member"])
    for url in urls:
        assert client.get(url).status_code == 200


def test_starting_a_thread_on_the_page(client: Any, setting: dict) -> None:
    client.force_login(setting["member"])
    url = reverse("networks:thread_new", args=[setting["network"].pk])
    response = client.post(url, {"title": "Uusi aihe", "body": "Ensimmäinen viesti"})
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:thread", args=[thread.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Ensimmäinen viesti" in page and "Uusi aihe" in page


def test_empty_message_shows_the_error_next_to_the_field(client: Any, setting: dict) -> None:
    client.force_login(setting["member"])
    url = reverse("networks:thread_new", args=[setting["network"].pk])
    response = client.post(url, {"title": "Otsikko", "body": "   "})
    assert response.status_code == 400
    assert not Thread.objects.exists()
    html = response.content.decode()
    assert 'id="error-summary"' in html
    # The error sits in the body field's group, and the field says it is invalid.
    body_group = html[html.index('for="id_body"') :]
    assert body_group.index("errorlist") < body_group.index("<textarea")
    assert 'aria-invalid="true"' in body_group[: body_group.index("</textarea>")]

    thread = _thread(setting)
    response = client.post(reverse("networks:thread_reply", args=[thread.pk]), {"body": ""})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert thread.posts.count() == 1


def test_outsider_posting_a_reply_is_refused_and_nothing_is_saved(client: Any, setting: dict) -> None:
    thread = _thread(setting)
    client.force_login(setting["outsider"])
    before = AuditEntry.objects.count()
    response = client.post(reverse("networks:thread_reply", args=[thread.pk]), {"body": "Tunkeilija"})
    assert response.status_code == 403
    response = client.post(
        reverse("networks:thread_new", args=[setting["network"].pk]), {"title": "X", "body": "Y"}
    )
    assert response.status_code == 403
    assert thread.posts.count() == 1 and Thread.objects.count() == 1
    assert AuditEntry.objects.count() == before


def test_reply_without_javascript_redirects_to_the_new_message(client: Any, setting: dict) -> None:
    thread = _thread(setting)
    client.force_login(setting["colleague"])
    response = client.post(reverse("networks:thread_reply", args=[thread.pk]), {"body": "Sopii!"})
    post = thread.posts.last()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/networks/threads/{thread.pk}/#post-{post.pk}")


def test_reply_with_htmx_appends_the_message(client: Any, setting: dict) -> None:
    thread = _thread(setting)
    client.force_login(setting["colleague"])
    url = reverse("networks:thread_reply", args=[thread.pk])
    response = client.post(url, {"body": "Sopii!"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-swap-oob="beforeend:#posts"' in html and "Sopii!" in html
    assert 'id="reply-form"' in html and "<html" not in html
    response = client.post(url, {"body": ""}, headers={"HX-Request": "true"})
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert "errorlist" in response.content.decode()
    assert thread.posts.count() == 2


def test_follow_buttons(client: Any, setting: dict) -> None:
    thread = _thread(setting)
    client.force_login(setting["colleague"])
    url = reverse("networks:thread_follow", args=[thread.pk])
    assert client.post(url, {"follow": "1"}).status_code == 302
    assert setting["colleague"] in thread.followers.all()
    client.post(url, {"follow": "0"})
    assert setting["colleague"] not in thread.followers.all()
    client.force_login(setting["outsider"])
    assert client.post(url, {"follow": "1"}).status_code == 403


def test_peer_group_pages(client: Any, setting: dict) -> None:
    network, group = setting["network"], setting["group"]
    client.force_login(setting["colleague"])
    response = client.post(
        reverse("networks:peer_group_thread_new", args=[group.pk]),
        {"title": "Ryhmän aihe", "body": "Vain meille"},
    )
    assert response.status_code == 302
    assert Thread.objects.get().peer_group == group
    listing = client.get(reverse("networks:peer_group_thread_list", args=[group.pk]))
    assert "Ryhmän aihe" in listing.content.decode()
    # The network's own list does not mix peer-group threads in; it links to the group instead.
    network_list = client.get(reverse("networks:thread_list", args=[network.pk])).content.decode()
    assert "Ryhmän aihe" not in network_list
    assert reverse("networks:peer_group_thread_list", args=[group.pk]) in network_list
    client.force_login(setting["member"])
    assert client.get(reverse("networks:peer_group_thread_list", args=[group.pk])).status_code == 403
    assert client.get(reverse("networks:peer_group_thread_list", args=[99999])).status_code == 404


def test_members_only_network_is_refused_to_outsiders_too(client: Any) -> None:
    network: Network = NetworkFactory(is_public=False)
    client.force_login(UserFactory())
    assert client.get(reverse("networks:thread_list", args=[network.pk])).status_code == 403
    assert client.get(reverse("networks:thread_list", args=[99999])).status_code == 404


def test_last_post_time_is_set_even_for_a_thread_created_just_now(setting: dict) -> None:
    thread = _thread(setting)
    assert thread.last_post_at is not None
    assert abs(thread.last_post_at - timezone.now()) < datetime.timedelta(minutes=1)
