"""People and texts the capture tests share (no tests here)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, municipality, user_with_role

Role = RoleAssignment.Role
PASSWORD = "secret-pass-123"

# Personal data of every kind a worker might write by mistake; none may reach storage.
IDENTITY_CODE = "131052-308T"
PHONE = "040 123 4567"
EMAIL = "liisa.virtanen@example.fi"
NAME = "Liisa Virtaselle"
PLANTED = (
    f"Soitin {NAME} numeroon {PHONE} ja kirjoitin osoitteeseen {EMAIL}. Hänen tunnuksensa on "
    f"{IDENTITY_CODE}. Vuokra vie 70 % tuloista, ja kolme 17-vuotiasta Kajaanissa keskeytti opinnot."
)
ORIGINAL_PIECES = (IDENTITY_CODE, "040 123", "123 4567", EMAIL, "Liisa", "Virtase")


def today() -> datetime.date:
    return timezone.localdate()


def worker(name: str = "Kajaani") -> Any:
    """A member of an organisation that serves `name` (and, later in the alphabet, Sotkamo)."""
    organisation = OrganisationFactory(municipalities=[municipality(name), municipality("Sotkamo")])
    return user_with_role(Role.ORGANISATION_MEMBER, organisation=organisation)


def coordinator(region_code: str = "MK18") -> Any:
    return user_with_role(Role.REGIONAL_COORDINATOR, region_code=region_code)


def national() -> Any:
    return user_with_role(Role.NATIONAL_COORDINATOR)


def roleless() -> Any:
    return UserFactory()


def contains_original(text: str) -> list[str]:
    return [piece for piece in ORIGINAL_PIECES if piece in text]


@pytest.fixture
def english(client: Any) -> Iterator[None]:
    """Messages in English (the source language), so that tests keep passing once translated."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield
