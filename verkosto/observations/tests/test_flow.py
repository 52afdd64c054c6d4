"""The flow of knowledge: review, comments, escalation and its response, theme -> bulletin."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from verkosto.core.models import AuditEntry, Municipality
from verkosto.networks.models import Bulletin
from verkosto.observations import flow
from verkosto.observations.models import Escalation, Signal, Theme, ThemeComment

from .test_flow_support import World, fresh, make_world, outsider

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return make_world()


def _filters(world: World, **kwargs: Any) -> flow.ReviewFilters:
    return flow.ReviewFilters(region=kwargs.pop("region", world.kainuu), **kwargs)


def _client(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client


# --- review --------------------------------------------------------------------------------------


def test_review_lists_the_regions_new_signals_newest_first(world: World) -> None:
    signals = list(flow.review_signals(user=fresh(world.coordinator_k), filters=_filters(world)))
    assert signals == world.signals
    assert world.oulu_signal not in signals


def test_review_filters_by_municipality_theme_and_dates(world: World) -> None:
    user = fresh(world.coordinator_k)
    kajaani = Municipality.objects.get(name_fi="Kajaani")
    by_place = flow.review_signals(user=user, filters=_filters(world, municipality=kajaani))
    assert {s.municipality_id for s in by_place} == {kajaani.pk}
    assert by_place.count() == 3
    by_theme = flow.review_signals(user=user, filters=_filters(world, theme=world.national))
    assert by_theme.count() == 2
    first = min(s.observed_on for s in world.signals)
    only_first = flow.review_signals(user=user, filters=_filters(world, date_to=first))
    assert [s.observed_on for s in only_first] == [first]
    assert flow.review_signals(user=user, filters=_filters(world, date_from=first)).count() == 6


def test_only_the_regions_coordinators_and_national_ones_review(world: World) -> None:
    for user in (world.coordinator_o, world.worker, outsider()):
        with pytest.raises(PermissionDenied):
            flow.review_signals(user=fresh(user), filters=_filters(world))
    assert flow.review_signals(user=fresh(world.national_c), filters=_filters(world)).count() == 6


def test_marking_reviewed_records_who_and_hides_them_from_new(world: World) -> None:
    user = fresh(world.coordinator_k)
    chosen = [s.uuid for s in world.signals[:2]]
    assert flow.signal_mark_reviewed(actor=user, signal_uuids=chosen) == 2
    assert flow.signal_mark_reviewed(actor=user, signal_uuids=chosen) == 0  # already reviewed
    marked = Signal.objects.filter(uuid__in=chosen)
    assert all(s.reviewed_by_id == user.pk and s.reviewed_at for s in marked)
    assert flow.review_signals(user=user, filters=_filters(world)).count() == 4
    assert flow.review_signals(user=user, filters=_filters(world, include_reviewed=True)).count() == 6
    entries = AuditEntry.objects.filter(object_type="observations.signal", actor=user)
    assert entries.count() == 2
    assert "reviewed_at" in entries.first().changes


def test_marking_another_regions_signal_refuses_all(world: World) -> None:
    user = fresh(world.coordinator_k)
    with pytest.raises(PermissionDenied):
        flow.signal_mark_reviewed(actor=user, signal_uuids=[world.signals[0].uuid, world.oulu_signal.uuid])
    assert not Signal.objects.filter(reviewed_at__isnull=False).exists()
    with pytest.raises(PermissionDenied):
        flow.signal_mark_reviewed(actor=fresh(world.worker), signal_uuids=[world.signals[0].uuid])
    with pytest.raises(ValidationError):
        flow.signal_mark_reviewed(actor=user, signal_uuids=[])


def test_review_page_and_marking_through_it(
    client: Any, world: World, django_assert_max_num_queries: Any
) -> None:
    c = _client(client, world.coordinator_k)
    with django_assert_max_num_queries(15):
        response = c.get(reverse("observations:review"))
    assert response.status_code == 200
    body = response.content.decode()
    assert world.signals[0].text in body
    assert world.oulu_signal.text not in body
    # The page's queries do not grow with the number of signals.
    first = world.signals[0]
    Signal.objects.bulk_create(
        [
            Signal(
                text=f"Havainto {n}",
                observed_on=first.observed_on,
                municipality=first.municipality,
                region=first.region,
            )
            for n in range(40)
        ]
    )
    with django_assert_max_num_queries(15):
        assert c.get(reverse("observations:review") + "?page=2").status_code == 200
    response = c.post(
        reverse("observations:review_mark"),
        {"signal_uuids": [str(world.signals[0].uuid)], "back": "region=MK18&status=all"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("observations:review") + "?region=MK18&status=all"
    assert Signal.objects.get(pk=world.signals[0].pk).reviewed_by_id == world.coordinator_k.pk
    # An address smuggled into "back" is not followed.
    response = c.post(
        reverse("observations:review_mark"),
        {"signal_uuids": [str(world.signals[1].uuid)], "back": "//evil.example/"},
    )
    assert response["Location"] == reverse("observations:review")
    # Nothing chosen: a clear error, nothing marked.
    response = c.post(reverse("observations:review_mark"), {"back": ""}, follow=True)
    assert "Valitse vähintään yksi" in response.content.decode() or "Choose at least one" in (
        response.content.decode()
    )


def test_review_page_is_refused_to_workers_and_the_region_filter_stays_in_own_regions(
    client: Any, world: World
) -> None:
    assert _client(client, world.worker).get(reverse("observations:review")).status_code == 403
    c = _client(client, world.coordinator_o)
    # Asking for another region shows one's own (an unknown choice is ignored).
    response = c.get(reverse("observations:review") + "?region=MK18")
    assert response.status_code == 200
    assert world.oulu_signal.text in response.content.decode()
    assert world.signals[0].text not in response.content.decode()
    national = _client(client, world.national_c).get(reverse("observations:review") + "?region=MK18")
    assert world.signals[0].text in national.content.decode()


def test_csv_has_the_columns_and_guards_formulas(client: Any, world: World) -> None:
    signal = world.signals[0]
    signal.text = '=HYPERLINK("http://evil") nuoret'
    signal.save()
    Signal.objects.filter(pk=world.signals[1].pk).update(text="-5 % nuorista, +3 @paja")
    response = _client(client, world.coordinator_k).get(reverse("observations:review_csv") + "?region=MK18")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows[0]) == 9
    assert len(rows) == 7
    texts = [row[3] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil") nuoret' in texts
    assert "'-5 % nuorista, +3 @paja" in texts
    first = rows[1]
    assert first[0] == signal.observed_on.isoformat()
    assert first[2] == "fi"
    assert first[7] == "asuminen"
    assert first[8] == world.regional.label
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert _client(client, world.worker).get(reverse("observations:review_csv")).status_code == 403


def test_guard_formula() -> None:
    assert flow.guard_formula("=1+1") == "'=1+1"
    assert flow.guard_formula("@SUM(A1)") == "'@SUM(A1)"
    assert flow.guard_formula("\t=1") == "'\t=1"
    assert flow.guard_formula("nuoret 5 %") == "nuoret 5 %"


# --- comments ------------------------------------------------------------------------------------


def test_comments_by_theme_editors_and_national_coordinators(world: World) -> None:
    comment = flow.theme_comment_add(
        actor=fresh(world.coordinator_k), theme=world.regional, body="Soitan Liisa Virtaselle 040 1234567."
    )
    assert "Virtase" not in comment.body and "040" not in comment.body
    assert "[nimi]" in comment.body and "[puhelin]" in comment.body
    flow.theme_comment_add(actor=fresh(world.national_c), theme=world.regional, body="Hyvä havainto.")
    for user in (world.coordinator_o, world.worker):
        with pytest.raises(PermissionDenied):
            flow.theme_comment_add(actor=fresh(user), theme=world.regional, body="Kommentti")
    with pytest.raises(ValidationError):
        flow.theme_comment_add(actor=fresh(world.coordinator_k), theme=world.regional, body="   ")
    assert ThemeComment.objects.count() == 2
    assert AuditEntry.objects.filter(object_type="observations.themecomment", action="create").count() == 2
    seen = flow.theme_flow_for(user=fresh(world.national_c), theme=world.regional)
    assert len(seen.comments) == 2
    assert flow.theme_flow_for(user=fresh(world.coordinator_o), theme=world.regional).comments == []


def test_comment_through_the_page_and_htmx(client: Any, world: World) -> None:
    c = _client(client, world.coordinator_k)
    url = reverse("observations:theme_comment_add", args=[world.regional.uuid])
    response = c.post(url, {"body": "Selvitetään asia."})
    assert response.status_code == 302
    response = c.post(url, {"body": ""})
    assert response.status_code == 400
    response = c.post(url, {"body": "Toinen kommentti."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Toinen kommentti." in body and "Selvitetään asia." in body
    assert "<html" not in body
    assert _client(client, world.worker).post(url, {"body": "x"}).status_code in (403, 404)


# --- escalation ----------------------------------------------------------------------------------


def test_escalation_summary_is_scrubbed_and_nationals_are_told(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    summary = (
        "Kajaanissa nuoret keskeyttävät opintoja. Esimerkiksi Liisa Virtaselle soitettiin "
        "numeroon 040 123 4567 ja hänen hetunsa on 131052-308T."
    )
    with django_capture_on_commit_callbacks(execute=True):
        escalation = flow.escalate(
            actor=fresh(world.coordinator_k), theme=world.regional, region=world.kainuu, summary=summary
        )
    assert "Virtase" not in escalation.summary
    assert "040" not in escalation.summary and "131052" not in escalation.summary
    assert "[nimi]" in escalation.summary and "[puhelin]" in escalation.summary
    assert "Kajaanissa" in escalation.summary  # a place name stays
    assert escalation.status == Escalation.Status.OPEN
    assert escalation.created_by_id == world.coordinator_k.pk
    assert AuditEntry.objects.filter(object_type="observations.escalation", action="create").count() == 1
    assert [m.to for m in mail.outbox] == [["national@example.fi"]]
    message = mail.outbox[0]
    assert world.regional.label in message.body
    assert "Kainuu" in message.subject
    assert f"/signals/escalations/{escalation.pk}/" in message.body
    # No signal text and no summary in the mail.
    assert "keskeyttävät opintoja" not in message.body
    assert all(s.text not in message.body for s in world.signals)


def test_one_open_escalation_per_theme_and_region(world: World) -> None:
    user = fresh(world.coordinator_k)
    first = flow.escalate(actor=user, theme=world.regional, region=world.kainuu, summary="Ensimmäinen.")
    with pytest.raises(ValidationError) as info:
        flow.escalate(actor=user, theme=world.regional, region=world.kainuu, summary="Toinen.")
    assert "already been escalated" in " ".join(info.value.messages) or "jo" in " ".join(info.value.messages)
    flow.escalation_respond(
        actor=fresh(world.national_c), escalation=first, status="acknowledged", response="Otettu käsittelyyn."
    )
    with pytest.raises(ValidationError):
        flow.escalate(actor=user, theme=world.regional, region=world.kainuu, summary="Toinen.")
    flow.escalation_respond(
        actor=fresh(world.national_c), escalation=first, status="closed", response="Valmis."
    )
    again = flow.escalate(actor=user, theme=world.regional, region=world.kainuu, summary="Uudestaan.")
    assert again.pk != first.pk
    # The database holds the rule too, whatever the code path.
    with pytest.raises(IntegrityError), transaction.atomic():
        Escalation.objects.create(theme=world.regional, region=world.kainuu, summary="Ohi palvelun.")


def test_escalation_permissions(world: World) -> None:
    for user in (world.coordinator_o, world.worker, outsider()):
        with pytest.raises(PermissionDenied):
            flow.escalate(actor=fresh(user), theme=world.regional, region=world.kainuu, summary="x")
    # A national theme is escalated for one's own region only.
    with pytest.raises(ValidationError):
        flow.escalate(actor=fresh(world.coordinator_k), theme=world.national, region=world.oulu, summary="x")
    escalation = flow.escalate(
        actor=fresh(world.coordinator_k), theme=world.national, region=world.kainuu, summary="Yksinäisyys."
    )
    assert escalation.region == world.kainuu
    # Both regions may raise the same national theme at once.
    flow.escalate(actor=fresh(world.coordinator_o), theme=world.national, region=world.oulu, summary="Myös.")
    with pytest.raises(ValidationError):
        flow.escalate(
            actor=fresh(world.coordinator_k), theme=world.regional, region=world.kainuu, summary="  "
        )
    with pytest.raises(ValidationError):
        flow.escalate(
            actor=fresh(world.coordinator_k), theme=world.regional, region=world.kainuu, summary="x" * 5001
        )
    assert Escalation.objects.count() == 2


def test_respond_changes_status_and_tells_the_escalator(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    escalation = flow.escalate(
        actor=fresh(world.coordinator_k), theme=world.regional, region=world.kainuu, summary="Tiivistelmä."
    )
    with pytest.raises(PermissionDenied):
        flow.escalation_respond(
            actor=fresh(world.coordinator_k), escalation=escalation, status="closed", response="x"
        )
    with pytest.raises(ValidationError):
        # Closing needs a reason.
        flow.escalation_respond(
            actor=fresh(world.national_c), escalation=escalation, status="closed", response=""
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answered = flow.escalation_respond(
            actor=fresh(world.national_c),
            escalation=escalation,
            status="acknowledged",
            response="Viemme asian ministeriöön. Soita Matti Meikäläiselle.",
        )
    assert answered.status == Escalation.Status.ACKNOWLEDGED
    assert answered.handled_by_id == world.national_c.pk and answered.handled_at
    assert "Meikäläise" not in answered.response
    assert [m.to for m in mail.outbox] == [["k@example.fi"]]
    assert world.regional.label in mail.outbox[0].body
    assert "ministeriöön" not in mail.outbox[0].body
    entry = AuditEntry.objects.filter(object_type="observations.escalation", action="update").get()
    assert entry.changes["status"] == ["open", "acknowledged"]
    # The escalating coordinator sees the status and response on the theme's flow.
    seen = flow.theme_flow_for(user=fresh(world.coordinator_k), theme=world.regional)
    assert [e.status for e in seen.escalations] == ["acknowledged"]
    assert seen.escalations[0].response == answered.response


def test_mail_follows_the_recipients_language(world: World) -> None:
    from verkosto.networks.models import DigestPreference

    DigestPreference.objects.create(user=world.national_c, frequency="never", language="sv")
    escalation = flow.escalate(
        actor=fresh(world.coordinator_k), theme=world.regional, region=world.kainuu, summary="x."
    )
    mail.outbox.clear()
    assert flow.send_escalation_mail.call(escalation_id=escalation.pk, event="new") == 1
    html, _mime = mail.outbox[0].alternatives[0]
    assert '<html lang="sv">' in html


def test_escalation_pages(client: Any, world: World) -> None:
    c = _client(client, world.coordinator_k)
    url = reverse("observations:theme_escalate", args=[world.regional.uuid])
    assert c.get(url).status_code == 200
    # Empty summary: 400 with the error next to the field.
    response = c.post(url, {"region": "MK18", "summary": "", "preview": "1"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    # A summary with a phone number is shown scrubbed first, not saved.
    response = c.post(url, {"region": "MK18", "summary": "Soita 040 1234567.", "confirm": "1"})
    assert response.status_code == 200
    assert "[puhelin]" in response.content.decode()
    assert not Escalation.objects.exists()
    response = c.post(url, {"region": "MK18", "summary": "Soita [puhelin].", "confirm": "1"})
    assert response.status_code == 302
    escalation = Escalation.objects.get()
    assert escalation.summary == "Soita [puhelin]."
    # A second one from the same region: a clear error on the form.
    response = c.post(url, {"region": "MK18", "summary": "Uusi.", "confirm": "1"})
    assert response.status_code == 400
    assert _client(client, world.coordinator_o).get(url).status_code == 404  # not their theme

    inbox = _client(client, world.national_c).get(reverse("observations:escalation_list"))
    assert inbox.status_code == 200
    assert world.regional.label in inbox.content.decode()
    assert "Soita [puhelin]." in inbox.content.decode()
    detail_url = reverse("observations:escalation_detail", args=[escalation.pk])
    response = client.post(detail_url, {"status": "closed", "response": ""})
    assert response.status_code == 400
    response = client.post(detail_url, {"status": "closed", "response": "Hoidettu."})
    assert response.status_code == 302
    assert Escalation.objects.get().status == "closed"
    # The Oulu coordinator sees no Kainuu escalations; a worker has no inbox.
    assert (
        world.regional.label
        not in _client(client, world.coordinator_o)
        .get(reverse("observations:escalation_list"))
        .content.decode()
    )
    assert client.get(detail_url).status_code == 404
    assert _client(client, world.worker).get(reverse("observations:escalation_list")).status_code == 403
    # The escalator sees the response.
    response = _client(client, world.coordinator_k).get(detail_url)
    assert "Hoidettu." in response.content.decode()


# --- theme -> bulletin ---------------------------------------------------------------------------


def test_bulletin_draft_has_no_signal_texts(world: World) -> None:
    draft = flow.theme_bulletin_draft(theme=world.regional)
    assert draft["title"] == world.regional.label
    assert "Asumiskulut ajavat" in draft["body"]
    assert "vuokra" in draft["body"]
    assert all(s.text not in draft["body"] for s in world.signals)
    small = flow.theme_bulletin_draft(theme=world.national)
    assert "3" not in small["body"].split("\n")[1]  # fewer than five: not told exactly


def test_theme_becomes_a_bulletin_linked_to_it(world: World) -> None:
    user = fresh(world.coordinator_k)
    quoted = [world.signals[-1]]
    bulletin = flow.theme_bulletin_create(
        actor=user,
        theme=world.regional,
        title="Asuminen ja keskeytykset",
        body="Luonnos.",
        audience=Bulletin.Audience.NETWORKS,
        networks=[world.network],
        quoted_signals=quoted,
    )
    assert bulletin.audience == "networks"
    assert list(bulletin.networks.all()) == [world.network]
    assert list(world.regional.bulletins.all()) == [bulletin]
    assert quoted[0].text in bulletin.body
    assert AuditEntry.objects.filter(
        object_type="observations.theme", object_id=str(world.regional.pk)
    ).exists()
    # The theme's flow shows it to a reader of the network.
    assert flow.theme_flow_for(user=fresh(world.coordinator_k), theme=world.regional).bulletins == [bulletin]


def test_theme_bulletin_refusals(world: World) -> None:
    args = {"title": "T", "body": "B", "audience": "networks", "networks": [world.network]}
    with pytest.raises(PermissionDenied):
        flow.theme_bulletin_create(actor=fresh(world.coordinator_o), theme=world.regional, **args)
    with pytest.raises(ValidationError):
        # A signal of another theme cannot be quoted.
        flow.theme_bulletin_create(
            actor=fresh(world.coordinator_k), theme=world.regional, quoted_signals=[world.oulu_signal], **args
        )
    with pytest.raises(ValidationError):
        flow.theme_bulletin_create(
            actor=fresh(world.coordinator_k), theme=world.regional, title="T", body="B", audience="networks"
        )
    assert not Bulletin.objects.exists()
    assert not world.regional.bulletins.exists()


def test_theme_bulletin_page(client: Any, world: World) -> None:
    c = _client(client, world.coordinator_k)
    url = reverse("observations:theme_bulletin", args=[world.regional.uuid])
    response = c.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Asumiskulut ajavat" in body
    response = c.post(url, {"title": "Tiedote", "body": "Teksti.", "audience": "networks"})
    assert response.status_code == 400
    response = c.post(
        url,
        {
            "title": "Tiedote",
            "body": "Teksti.",
            "audience": "networks",
            "networks": [world.network.pk],
            "quoted_signals": [world.signals[0].pk],
        },
    )
    assert response.status_code == 302
    bulletin = Bulletin.objects.get()
    assert response["Location"] == reverse("networks:bulletin", args=[bulletin.pk])
    assert world.signals[0].text in bulletin.body
    assert list(world.regional.bulletins.all()) == [bulletin]
    assert _client(client, world.worker).get(url).status_code in (403, 404)
    assert _client(client, world.coordinator_o).get(url).status_code in (403, 404)


def test_theme_flow_fragment_shows_actions_by_role(client: Any, world: World) -> None:
    c = _client(client, world.coordinator_k)
    body = c.get(reverse("observations:theme_flow", args=[world.regional.uuid])).content.decode()
    assert reverse("observations:theme_escalate", args=[world.regional.uuid]) in body
    assert reverse("observations:theme_bulletin", args=[world.regional.uuid]) in body
    assert 'name="body"' in body
    # A worker sees the published national theme but none of the coordinators' actions.
    body = (
        _client(client, world.worker)
        .get(reverse("observations:theme_flow", args=[world.national.uuid]))
        .content.decode()
    )
    assert 'name="body"' not in body
    assert "escalate" not in body
    assert (
        _client(client, world.worker)
        .get(reverse("observations:theme_flow", args=[world.regional.uuid]))
        .status_code
        == 404
    )


def test_merged_theme_is_not_escalated(world: World) -> None:
    world.regional.status = Theme.Status.MERGED
    world.regional.merged_into = world.national
    world.regional.save()
    assert not flow.can_escalate(fresh(world.coordinator_k), world.regional)
