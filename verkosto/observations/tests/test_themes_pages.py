"""The theme pages (in Finnish): list, detail with its counts and suppression, and the edits."""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from verkosto.core.models import AuditEntry
from verkosto.observations import themes
from verkosto.observations.models import Signal, Theme, ThemeRun

from .test_themes_support import add_signals, fresh, people, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def site() -> dict:
    who = people()
    kajaani = []
    for topic in ("housing", "te_waiting", "gaming_debt", "summer_jobs", "language_courses"):
        kajaani += add_signals(texts(topic)[:16])
    # Three housing signals from Oulu: a small count outside Kainuu.
    oulu = add_signals(texts("housing")[16:19], place="Oulu")
    themes.recompute(language="fi")
    ids = Counter(
        Signal.objects.filter(pk__in=[s.pk for s in kajaani[:16]]).values_list("theme_id", flat=True)
    )
    housing = Theme.objects.get(pk=ids.most_common(1)[0][0])
    Signal.objects.filter(pk__in=[s.pk for s in oulu]).update(theme=housing)
    themes.refresh_counts([housing.pk])
    housing.refresh_from_db()
    return {**who, "housing": housing, "oulu_signals": oulu}


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(user)
    return client


def test_list_shows_visible_themes_with_counts(site: dict, django_assert_max_num_queries) -> None:
    client = _client(site["national"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("observations:theme_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fi">' in page
    assert site["housing"].label in page
    assert str(site["housing"].signal_count) in page


def test_a_worker_sees_only_published_themes(site: dict) -> None:
    worker = site["outsider"]
    client = _client(worker)
    assert site["housing"].label not in client.get(reverse("observations:theme_list")).content.decode()
    url = reverse("observations:theme_detail", args=[site["housing"].uuid])
    assert client.get(url).status_code == 404
    themes.theme_publish(actor=fresh(site["national"]), theme=site["housing"], published=True)
    assert client.get(url).status_code == 200
    page = client.get(url).content.decode()
    # No raw signals of others for a worker, and no edit forms.
    assert texts("housing")[0] not in page
    assert reverse("observations:theme_edit", args=[site["housing"].uuid]) not in page


def test_filters(site: dict) -> None:
    client = _client(site["national"])
    page = client.get(reverse("observations:theme_list"), {"scope": "MK18"}).content.decode()
    assert site["housing"].label not in page
    page = client.get(
        reverse("observations:theme_list"), {"scope": "national", "language": "fi"}
    ).content.decode()
    assert site["housing"].label in page
    # htmx asks for the results only.
    partial = client.get(reverse("observations:theme_list"), {"scope": "national"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content


def test_detail_for_a_regional_coordinator_hides_other_regions_signals_and_small_counts(site: dict) -> None:
    client = _client(site["kainuu"])
    response = client.get(reverse("observations:theme_detail", args=[site["housing"].uuid]))
    assert response.status_code == 200
    page = response.content.decode()
    assert texts("housing")[16] not in page and texts("housing")[17] not in page  # Oulu's signals
    assert "Kainuu" in page and "Pohjois-Pohjanmaa" in page
    detail = response.context["detail"]
    by_region = {row.key: row.count for row in detail.by_region}
    assert by_region["MK17"] is None  # 3 in Oulu: suppressed for Kainuu's coordinator
    assert by_region["MK18"] >= 5
    assert {row.label for row in detail.by_municipality} == {"Kajaani"}
    assert detail.by_month and "<svg" in page and "<table" in page
    # A regional coordinator does not edit a national theme.
    assert not response.context["can_edit"]


def test_detail_for_the_national_coordinator_shows_signals_but_suppresses_small_counts(site: dict) -> None:
    response = _client(site["national"]).get(
        reverse("observations:theme_detail", args=[site["housing"].uuid])
    )
    detail = response.context["detail"]
    assert {row.key: row.count for row in detail.by_region}["MK17"] is None
    assert detail.by_municipality == []
    assert detail.visible_signal_count == site["housing"].signal_count
    assert response.context["can_edit"]
    assert "Laske uudelleen" in response.content.decode() or "Recompute now" in response.content.decode()


def test_edit_name_and_summary(site: dict) -> None:
    client = _client(site["national"])
    url = reverse("observations:theme_edit", args=[site["housing"].uuid])
    response = client.post(url, {"label": "Asumisen kustannukset", "summary": "Vuokrat nousevat."})
    assert response.status_code == 302
    site["housing"].refresh_from_db()
    assert site["housing"].label == "Asumisen kustannukset"
    response = client.post(url, {"label": "x" * 200, "summary": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


def test_edits_are_refused_to_others(site: dict) -> None:
    client = _client(site["kainuu"])
    uuid = site["housing"].uuid
    assert client.post(reverse("observations:theme_edit", args=[uuid]), {"label": "X"}).status_code == 403
    assert (
        client.post(reverse("observations:theme_publish", args=[uuid]), {"published": "1"}).status_code == 403
    )
    assert client.get(reverse("observations:theme_split", args=[uuid])).status_code == 403
    assert _client(site["outsider"]).get(reverse("observations:theme_merge", args=[uuid])).status_code == 404


def test_merge_split_move_publish_through_the_pages(site: dict) -> None:
    client = _client(site["national"])
    housing = site["housing"]
    other = Theme.objects.filter(region__isnull=True, status="active").exclude(pk=housing.pk).first()
    signal = Signal.objects.filter(theme=housing).first()
    response = client.post(
        reverse("observations:signal_move", args=[housing.uuid, signal.uuid]), {"theme": str(other.uuid)}
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.theme == other and signal.theme_pinned

    # "Move" with nothing chosen changes nothing; "(no theme)" takes the signal out of its theme.
    second = Signal.objects.filter(theme=housing).first()
    move_url = reverse("observations:signal_move", args=[housing.uuid, second.uuid])
    response = client.post(move_url, {"theme": ""})
    assert response.status_code == 400 and "theme" in response.context["form"].errors
    second.refresh_from_db()
    assert second.theme == housing
    assert client.post(move_url, {"theme": "none"}).status_code == 302
    second.refresh_from_db()
    assert second.theme is None and second.theme_pinned

    split_url = reverse("observations:theme_split", args=[housing.uuid])
    response = client.post(split_url, {"label": ""})
    assert response.status_code == 400
    chosen = list(Signal.objects.filter(theme=housing).values_list("pk", flat=True)[:2])
    response = client.post(split_url, {"label": "Häädöt", "signal_ids": chosen})
    assert response.status_code == 302
    split = Theme.objects.get(custom_label="Häädöt")
    assert response["Location"] == reverse("observations:theme_detail", args=[split.uuid])

    response = client.post(reverse("observations:theme_publish", args=[housing.uuid]), {"published": "1"})
    housing.refresh_from_db()
    assert housing.is_published

    response = client.post(
        reverse("observations:theme_merge", args=[split.uuid]), {"target": str(housing.uuid)}
    )
    assert response.status_code == 302
    split.refresh_from_db()
    assert split.status == Theme.Status.MERGED
    # Merging into a theme of another scope is not offered, and a forged one is refused.
    regional = Theme.objects.create(region=signal.region, language="fi")
    response = client.post(
        reverse("observations:theme_merge", args=[other.uuid]), {"target": str(regional.uuid)}
    )
    assert response.status_code == 400
    assert AuditEntry.objects.filter(action__in=["move", "split", "merge", "publish"]).count() >= 4


def test_recompute_button(site: dict, django_capture_on_commit_callbacks) -> None:
    client = _client(site["national"])
    before = ThemeRun.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("observations:theme_recompute"), {"scope": "national"})
    assert response.status_code == 302
    assert ThemeRun.objects.count() == before + 2
    assert ThemeRun.objects.filter(status="done", requested_by=site["national"]).count() == 2
    # A regional coordinator may not recompute the national themes.
    assert (
        _client(site["kainuu"])
        .post(reverse("observations:theme_recompute"), {"scope": "national"})
        .status_code
        == 403
    )
    assert (
        _client(site["kainuu"]).post(reverse("observations:theme_recompute"), {"scope": "XX"}).status_code
        == 404
    )


def test_anonymous_is_sent_to_log_in(site: dict) -> None:
    response = Client().get(reverse("observations:theme_list"))
    assert response.status_code == 302 and "login" in response["Location"]
