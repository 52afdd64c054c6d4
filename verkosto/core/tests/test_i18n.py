"""Language: the first visit follows the browser, the switch keeps the page, <html lang> is right."""

from __future__ import annotations

import datetime
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


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("en", "02/03/2026 14:05", "2 March 2026 14:05"),
        ("fi", "2.3.2026 14.05", "2. maaliskuuta 2026 kello 14.05"),
    ],
)
def test_dates_are_written_day_first_on_the_24_hour_clock(lang: str, short: str, long: str) -> None:
    from django.utils import translation
    from django.utils.formats import date_format, get_format

    moment = datetime.datetime(2026, 3, 2, 14, 5)
    with translation.override(lang):
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == short
        assert date_format(moment, "DATETIME_FORMAT") == long
        assert get_format("FIRST_DAY_OF_WEEK") == 1
        # Only output changes: a date widget writes the first input format and reads it back.
        assert get_format("DATE_INPUT_FORMATS")[0] == ("%Y-%m-%d" if lang == "en" else "%d.%m.%Y")
