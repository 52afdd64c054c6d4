"""Logging in and out, and the role rules the database itself enforces."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from verkosto.accounts.models import RoleAssignment
from verkosto.core.models import Region
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_log_in_and_out(client) -> None:
    user = UserFactory(username="liisa")
    response = client.post("/accounts/login/", {"username": "liisa", "password": "secret-pass-123"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert "liisa" in client.get("/").content.decode()
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert user.pk


def test_wrong_password_is_refused_with_a_message(client) -> None:
    UserFactory(username="liisa")
    response = client.post(
        "/accounts/login/", {"username": "liisa", "password": "wrong"}, headers={"Accept-Language": "fi"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'role="alert"' in response.content.decode()


def test_role_scope_is_enforced_by_the_database() -> None:
    user = UserFactory()
    kainuu = Region.objects.get(code="MK18")
    organisation = OrganisationFactory()
    bad = [
        {"role": RoleAssignment.Role.REGIONAL_COORDINATOR},  # no region
        {"role": RoleAssignment.Role.ORGANISATION_EDITOR, "region": kainuu},  # region, no organisation
        {"role": RoleAssignment.Role.ADMINISTRATOR, "organisation": organisation},  # needs no scope
        {"role": RoleAssignment.Role.ORGANISATION_MEMBER},  # no organisation
    ]
    for fields in bad:
        with pytest.raises(IntegrityError), transaction.atomic():
            RoleAssignment.objects.create(user=user, **fields)
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.REGIONAL_COORDINATOR, region=kainuu)
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.ORGANISATION_EDITOR, organisation=organisation
    )
    assert user.roles.count() == 2  # one person, several roles
