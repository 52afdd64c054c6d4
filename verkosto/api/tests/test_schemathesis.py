"""Property-based tests of the whole /api/v1/ against its own OpenAPI description (schemathesis).

Every operation in the schema is called with generated data: GET anonymously, writes with an
administrator's token. Checks: no 5xx, and every response matches the schema for its status code.
Endpoints that other parts of the product add to the schema are covered too.

SCHEMATHESIS_EXAMPLES (default 25) sets the examples per operation, SCHEMATHESIS_SECONDS (default 60)
the time the run may take, SCHEMATHESIS_SEED picks other examples (runs are reproducible by default).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import translation
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance

from verkosto.directory.models import Language, Organisation, TargetGroup, WayOfWorking
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ServiceFactory,
    municipality,
    user_with_role,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25"))
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20251123"))
# Seconds for the whole run: the examples per operation shrink to stay inside it.
TIME_LIMIT = float(os.environ.get("SCHEMATHESIS_SECONDS", "60"))
# Positive data follow the schema; negative data break it on purpose (wrong types, overlong
# strings, missing fields, ...): both must be answered without a server error.
MODES = [
    GenerationMode(mode) for mode in os.environ.get("SCHEMATHESIS_MODES", "positive,negative").split(",")
]
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def directory() -> None:
    with translation.override("fi"):
        kajaani, vaasa = municipality("Kajaani"), municipality("Vaasa")
        workshop = OrganisationFactory(
            name_fi="Kajaanin Nuorten Paja ry",
            kind=Organisation.Kind.YOUTH_WORKSHOP,
            municipalities=[kajaani],
            business_id="0737546-2",
        )
        swedish = OrganisationFactory(
            name_fi="Vaasan palvelut", name_sv="Vasa tjänster", municipalities=[vaasa]
        )
        OrganisationFactory(name_fi="Luonnos", is_published=False)
        contact = ContactPersonFactory(organisation=workshop, name="Pirkko Paja")
        ContactPersonFactory(organisation=workshop, name="Salla Salainen", is_public=False)
        service = ServiceFactory(
            organisation=workshop,
            name_fi="Nuorten työpaja",
            description_fi="Valmennusta puutyössä.",
            municipalities=[kajaani],
            target_groups=TargetGroup.objects.filter(slug="young-people"),
            ways_of_working=WayOfWorking.objects.filter(slug="group"),
            contact=contact,
        )
        service.languages.set(Language.objects.filter(code__in=["fi", "sv"]))
        ServiceFactory(
            organisation=swedish, name_fi="Kielikahvila", name_sv="Språkcafé", municipalities=[vaasa]
        )
        ServiceFactory(organisation=workshop, name_fi="Luonnospalvelu", is_published=False)
    search_index_rebuild()


@pytest.fixture
def wsgi_requests_keep_the_test_transaction() -> Iterator[None]:
    # Django closes "old" connections at the start and end of every request; inside a test's
    # transaction that would close the connection the test runs in. Django's own test client
    # unhooks these signals the same way while it runs a request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def no_throttling(settings: object, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # type: ignore[attr-defined]
    # Views took their throttle classes when they were imported, and some name their own (exports):
    # let every rate-based throttle allow every request.
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda self, request, view: True)


def _exercise(
    operation: schemathesis.APIOperation, headers: dict[str, str], examples: int, mode: GenerationMode
) -> None:
    @seed(SEED)
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error, response_schema_conformance])

    try:
        call()
    except Unsatisfiable:
        # Nothing in the operation can be made invalid (say, one free-text path parameter).
        if mode is not GenerationMode.NEGATIVE:
            raise


def test_the_api_keeps_its_schema(
    directory: None, wsgi_requests_keep_the_test_transaction: None, no_throttling: None
) -> None:
    token = Token.objects.create(user=user_with_role("administrator")).key
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    started = time.monotonic()
    failures: list[str] = []
    for index, operation in enumerate(operations):
        method = operation.method.upper()
        headers = {"Accept-Language": "en"}
        if method in WRITE_METHODS:
            headers["Authorization"] = f"Token {token}"
        left = TIME_LIMIT - (time.monotonic() - started)
        per_operation = left / (len(operations) - index) / len(MODES)
        examples = max(3, min(EXAMPLES, int(per_operation * 8)))  # ~8 requests a second at worst

        try:
            for mode in MODES:
                _exercise(operation, headers, examples, mode)
        except (Exception, BaseExceptionGroup) as exc:
            failures.append(f"{method} {operation.path}:\n{exc}")
    assert not failures, "\n\n".join(failures)
