"""/api/v1/signals/: filing (scrubbed), reading what one may, filters, the scrub preview, errors."""

from __future__ import annotations

import datetime
import json

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verkosto.directory.tests.factories import municipality
from verkosto.observations import capture
from verkosto.observations.models import Signal, Theme
from verkosto.observations.tests.test_capture_support import (
    PLANTED,
    contains_original,
    coordinator,
    national,
    roleless,
    today,
    worker,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/signals/"


def _client(user=None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _signal(user, text="Havainto", name="Kajaani", **kwargs):
    return capture.signal_create(
        actor=user,
        text=text,
        observed_on=kwargs.pop("observed_on", today()),
        municipality=municipality(name),
        **kwargs,
    )


def test_filing_returns_the_scrubbed_text() -> None:
    user = worker("Kajaani")
    body = {
        "text": PLANTED,
        "observed_on": today().isoformat(),
        "target_groups": ["neet"],
        "spread": "several",
        "tags": ["Asuminen", "asuminen"],
    }
    response = _client(user).post(URL, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["text"].startswith("Soitin [nimi] numeroon [puhelin]")
    assert contains_original(response.content.decode()) == []
    assert data["municipality"] == municipality("Kajaani").code and data["region"] == "MK18"
    assert data["target_groups"] == ["neet"] and data["tags"] == ["asuminen"]
    assert data["is_mine"] is True and data["theme"] is None
    assert Signal.objects.get().uuid.hex == data["uuid"].replace("-", "")


def test_filing_errors_are_json_by_field() -> None:
    response = _client(worker()).post(
        URL, {"text": "", "observed_on": (today() + datetime.timedelta(days=1)).isoformat()}, format="json"
    )
    assert response.status_code == 400
    assert "text" in response.json()["error"]["fields"]
    response = _client(worker()).post(
        URL,
        {"text": PLANTED, "observed_on": (today() + datetime.timedelta(days=1)).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert "observed_on" in error["fields"] and contains_original(json.dumps(error)) == []
    assert Signal.objects.count() == 0


def test_filing_needs_a_login_and_a_role() -> None:
    body = {"text": "Havainto", "observed_on": today().isoformat(), "municipality": "205"}
    assert _client().post(URL, body, format="json").status_code == 401
    assert _client(roleless()).post(URL, body, format="json").status_code == 403
    assert _client(roleless()).post(URL + "scrub/", {"text": "x"}, format="json").status_code == 403


def test_the_list_holds_only_what_the_caller_may_read() -> None:
    author = worker("Kajaani")
    mine = _signal(author)
    kainuu = _signal(worker("Kuhmo"), name="Kuhmo")
    vaasa = _signal(worker("Vaasa"), name="Vaasa")

    def uuids(user, query=""):
        response = _client(user).get(URL + query)
        assert response.status_code == 200, response.content
        return {item["uuid"] for item in response.json()["results"]}

    assert uuids(author) == {str(mine.uuid)}
    assert uuids(coordinator("MK18")) == {str(mine.uuid), str(kainuu.uuid)}
    assert uuids(coordinator("MK15")) == {str(vaasa.uuid)}
    assert uuids(national()) == {str(mine.uuid), str(kainuu.uuid), str(vaasa.uuid)}
    assert uuids(national(), "?region=MK15") == {str(vaasa.uuid)}
    assert uuids(national(), f"?municipality={municipality('Kuhmo').code}") == {str(kainuu.uuid)}
    assert _client().get(URL).status_code == 401


def test_date_and_theme_filters() -> None:
    user = national()
    old = _signal(user, observed_on=today() - datetime.timedelta(days=100))
    new = _signal(user)
    theme = Theme.objects.create(language="fi", keywords=["asuminen"])
    Signal.objects.filter(pk=old.pk).update(theme=theme)
    client = _client(user)
    since = (today() - datetime.timedelta(days=10)).isoformat()
    assert [i["uuid"] for i in client.get(URL, {"since": since}).json()["results"]] == [str(new.uuid)]
    assert [i["uuid"] for i in client.get(URL, {"until": since}).json()["results"]] == [str(old.uuid)]
    assert [i["uuid"] for i in client.get(URL, {"theme": str(theme.uuid)}).json()["results"]] == [
        str(old.uuid)
    ]
    bad = client.get(URL, {"since": "eilen", "region": "MK99"})
    assert bad.status_code == 400 and {"since", "region"} <= set(bad.json()["error"]["fields"])
    assert client.get(URL, {"since": today().isoformat(), "until": since}).status_code == 400


def test_one_signal() -> None:
    author = worker("Kajaani")
    signal = _signal(author, text=PLANTED)
    url = f"{URL}{signal.uuid}/"
    assert _client(author).get(url).json()["text"] == signal.text
    assert _client(coordinator("MK18")).get(url).json()["is_mine"] is False
    assert _client(coordinator("MK15")).get(url).status_code == 404
    assert _client(worker()).get(url).status_code == 404
    assert _client(author).get(f"{URL}not-a-uuid/").status_code == 404


def test_the_scrub_preview_stores_nothing() -> None:
    response = _client(worker()).post(URL + "scrub/", {"text": PLANTED, "language": "fi"}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["text"].startswith("Soitin [nimi]") and data["found"]["name"] == 1
    assert contains_original(response.content.decode()) == []
    assert Signal.objects.count() == 0


def test_the_operations_are_in_the_schema() -> None:
    response = _client().get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    paths = (
        json.loads(response.content)["paths"]
        if response["Content-Type"].startswith("application/json")
        else None
    )
    if paths is None:
        import yaml

        paths = yaml.safe_load(response.content)["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/signals/"])
    assert "get" in paths["/api/v1/signals/{uuid}/"]
    assert "post" in paths["/api/v1/signals/scrub/"]
