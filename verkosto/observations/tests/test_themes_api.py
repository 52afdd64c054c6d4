"""Themes in the REST API: only those the caller may see, and in the OpenAPI schema."""

from __future__ import annotations

import uuid

import pytest
from rest_framework.test import APIClient

from verkosto.core.models import Region
from verkosto.observations import themes
from verkosto.observations.models import Theme

from .test_themes_support import fresh, people

pytestmark = pytest.mark.django_db


@pytest.fixture
def data() -> dict:
    who = people()
    kainuu, oulu = Region.objects.get(code="MK18"), Region.objects.get(code="MK17")
    national = Theme.objects.create(language="fi", keywords=["vuokra", "asunto"], signal_count=7)
    regional = Theme.objects.create(region=kainuu, language="fi", custom_label="Kainuun asuminen")
    other = Theme.objects.create(region=oulu, language="sv", keywords=["hyra"])
    published = Theme.objects.create(region=oulu, language="fi", keywords=["kesätyö"], is_published=True)
    merged = Theme.objects.create(
        region=kainuu, language="fi", status=Theme.Status.MERGED, merged_into=regional, keywords=["vanha"]
    )
    return {
        **who,
        "national_theme": national,
        "regional": regional,
        "other": other,
        "published": published,
        "merged": merged,
    }


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(fresh(user))
    return client


def _uuids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["uuid"] for row in response.json()["results"]}


def test_each_caller_lists_what_they_may_see(data: dict) -> None:
    u = {
        name: str(data[name].uuid) for name in ("national_theme", "regional", "other", "published", "merged")
    }
    assert _uuids(_api(data["national"]).get("/api/v1/themes/")) == {
        u["national_theme"],
        u["regional"],
        u["other"],
        u["published"],
    }
    assert _uuids(_api(data["kainuu"]).get("/api/v1/themes/")) == {
        u["national_theme"],
        u["regional"],
        u["published"],
    }
    assert _uuids(_api(data["outsider"]).get("/api/v1/themes/")) == {u["published"]}
    assert _uuids(_api(data["national"]).get("/api/v1/themes/", {"status": "merged"})) == {u["merged"]}
    assert _uuids(_api(data["national"]).get("/api/v1/themes/", {"scope": "national"})) == {
        u["national_theme"]
    }
    assert _uuids(_api(data["national"]).get("/api/v1/themes/", {"scope": "mk17", "language": "sv"})) == {
        u["other"]
    }


def test_a_theme_in_full(data: dict) -> None:
    response = _api(data["kainuu"]).get(f"/api/v1/themes/{data['merged'].uuid}/")
    assert response.status_code == 200
    body = response.json()
    assert body["region"] == "MK18" and body["language"] == "fi" and body["status"] == "merged"
    assert body["merged_into"] == str(data["regional"].uuid)
    assert body["label"] == "vanha" and body["keywords"] == ["vanha"]
    national = _api(data["kainuu"]).get(f"/api/v1/themes/{data['national_theme'].uuid}/").json()
    assert (
        national["region"] is None and national["signal_count"] == 7 and national["label"] == "vuokra, asunto"
    )


def test_unseen_unknown_or_malformed_is_404(data: dict) -> None:
    client = _api(data["outsider"])
    assert client.get(f"/api/v1/themes/{data['regional'].uuid}/").status_code == 404
    assert client.get(f"/api/v1/themes/{uuid.uuid4()}/").status_code == 404
    assert client.get("/api/v1/themes/12/").status_code == 404
    assert client.get("/api/v1/themes/not-a-uuid/").status_code == 404


def test_bad_filters_are_400_and_anonymous_401(data: dict) -> None:
    assert _api(data["national"]).get("/api/v1/themes/", {"scope": "Kainuu"}).status_code == 400
    assert _api(data["national"]).get("/api/v1/themes/", {"language": "de"}).status_code == 400
    assert APIClient().get("/api/v1/themes/").status_code == 401


def test_edits_show_in_the_api(data: dict) -> None:
    themes.theme_rename(actor=fresh(data["national"]), theme=data["national_theme"], label="Asumisen hinta")
    body = _api(data["kainuu"]).get(f"/api/v1/themes/{data['national_theme'].uuid}/").json()
    assert body["label"] == "Asumisen hinta" and body["custom_label"] == "Asumisen hinta"


def test_in_the_schema() -> None:
    response = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"] if response["Content-Type"].startswith("application/json") else None
    if paths is None:
        import yaml

        paths = yaml.safe_load(response.content)["paths"]
    assert "/api/v1/themes/" in paths and "/api/v1/themes/{uuid}/" in paths
