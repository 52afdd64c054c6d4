"""Language: the first visit follows the browser, the switch keeps the page, <html lang> is right."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _html_lang(response) -> str:
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    assert match
    return match.group(1)


@pytest.mark.parametrize(
    ("header", "lang"), [("sv-FI,sv;q=0.9", "sv"), ("en-GB,en;q=0.8", "en"), ("de-DE", "fi"), ("", "fi")]
)
def test_first_visit_follows_accept_language(client, header: str, lang: str) -> None:
    response = client.get("/", headers={"Accept-Language": header} if header else {})
    assert _html_lang(response) == lang


def test_language_switch_keeps_the_user_on_the_same_page(client) -> None:
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/regions/MK18/?x=1"})
    assert response.status_code == 302
    assert response["Location"] == "/regions/MK18/?x=1"
    page = client.get("/regions/MK18/")
    assert _html_lang(page) == "sv"
    assert "Kajanaland" in page.content.decode()


def test_switch_form_posts_the_current_page_as_next(client) -> None:
    html = client.get("/regions/MK18/?a=b").content.decode()
    assert 'name="next" type="hidden" value="/regions/MK18/?a=b"' in html
