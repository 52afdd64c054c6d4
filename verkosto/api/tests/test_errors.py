"""The API's error shape everywhere, anonymous throttling with Retry-After, and the JSON 404."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from verkosto.api.errors import api_field_errors
from verkosto.directory.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_anonymous_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    # Views bind REST framework's throttle settings when they are imported, so override_settings
    # would not reach them: lower the rate on the class itself.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def test_anonymous_clients_get_429_with_retry_after(low_anonymous_rate: None) -> None:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(3):
        assert client.get("/api/v1/regions/").status_code == 200
    response = client.get("/api/v1/regions/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    error = response.json()["error"]
    assert error["status"] == 429 and error["code"] == "throttled" and error["fields"] == {}
    assert error["message"].startswith("Too many requests; try again in ")
    # Every endpoint shares the anonymous budget.
    assert client.get("/api/v1/services/").status_code == 429


def test_the_429_message_follows_accept_language(low_anonymous_rate: None) -> None:
    client = APIClient()
    for _ in range(3):
        client.get("/api/v1/regions/")
    english = client.get("/api/v1/regions/", HTTP_ACCEPT_LANGUAGE="en").json()["error"]["message"]
    finnish = client.get("/api/v1/regions/", HTTP_ACCEPT_LANGUAGE="fi").json()["error"]["message"]
    assert english.startswith("Too many requests")
    assert finnish.startswith("Liian monta pyyntöä")


def test_authenticated_clients_are_not_held_to_the_anonymous_rate(low_anonymous_rate: None) -> None:
    client = APIClient()
    client.force_authenticate(user_with_role("administrator"))
    for _ in range(5):
        assert client.get("/api/v1/regions/").status_code == 200


def test_unknown_addresses_under_the_api_are_json_404() -> None:
    response = APIClient(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/nowhere/at/all/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "There is nothing at this address.",
            "fields": {},
        }
    }


def test_a_missing_slash_redirects_like_the_rest_of_the_site() -> None:
    response = APIClient().get("/api/v1/services")
    assert response.status_code == 301 and response["Location"].endswith("/api/v1/services/")


def test_not_acceptable_is_json() -> None:
    response = APIClient().get("/api/v1/regions/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not_acceptable"


def test_model_errors_are_named_as_in_the_api() -> None:
    exc = DjangoValidationError(
        {
            "name": ["This field cannot be blank."],
            "name_fi": ["This field cannot be blank."],
            "description_sv": ["Too long."],
            "business_id": ["Wrong."],
            "__all__": ["Constraint violated."],
        }
    )
    assert api_field_errors(exc) == {
        "name.fi": ["This field cannot be blank."],
        "description.sv": ["Too long."],
        "business_id": ["Wrong."],
        "non_field_errors": ["Constraint violated."],
    }
    assert api_field_errors(DjangoValidationError("Plain.")) == {"non_field_errors": ["Plain."]}
