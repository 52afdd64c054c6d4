"""Service-level messages in English (the source language) unless a test chooses another, so that
assertions on messages keep holding whatever the catalogs say. Pages choose their language per
request (LocaleMiddleware), so this does not change what the test client sees."""

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    with translation.override("en"):
        yield
