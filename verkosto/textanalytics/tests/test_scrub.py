"""The personal-data scrubber: planted data disappears, clean signal texts stay, with either backend."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from verkosto.textanalytics import scrub
from verkosto.textanalytics.tests.scrub_cases import CLEAN, PLANTED

ROOT = Path(__file__).resolve().parents[3]


def _clear_caches() -> None:
    scrub._classify.cache_clear()
    scrub._base_candidates.cache_clear()


@pytest.fixture(params=["system", "fallback"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with the system's Voikko (if any) and again with the shipped lists alone."""
    if request.param == "fallback":
        monkeypatch.setattr(scrub, "_voikko", lambda: None)
    _clear_caches()
    yield request.param
    _clear_caches()


@pytest.mark.parametrize(("text", "lang", "kind", "secrets"), PLANTED, ids=[c[0][:40] for c in PLANTED])
def test_planted_personal_data_is_replaced(
    text: str, lang: str, kind: str, secrets: tuple[str, ...], backend: str
) -> None:
    result = scrub.scrub(text, lang)
    for secret in secrets:
        assert secret not in result.text
    assert scrub.PLACEHOLDERS[lang][kind] in result.text  # type: ignore[index]
    assert result.found.get(kind, 0) >= 1


@pytest.mark.parametrize(("text", "lang"), CLEAN, ids=[c[0][:40] for c in CLEAN])
def test_clean_texts_stay_unchanged(text: str, lang: str, backend: str) -> None:
    result = scrub.scrub(text, lang)
    assert result.text == text
    assert result.found == {}


def test_full_name_becomes_one_placeholder(backend: str) -> None:
    result = scrub.scrub("Liisa Virtaselle ja Mikolle soitettiin.")
    assert result.text == "[nimi] ja [nimi] soitettiin."
    assert result.found == {"name": 2}


def test_swedish_placeholders() -> None:
    result = scrub.scrub("Anna Andersson, Storgatan 5, tel. 050 123 4567, anna@example.fi, 131052-308T", "sv")
    assert result.text == "[namn], [adress], tel. [telefon], [e-post], [personbeteckning]"
    assert result.found == {"identity_code": 1, "email": 1, "phone": 1, "address": 1, "name": 1}


def test_everything_in_one_finnish_text(backend: str) -> None:
    text = (
        "Mikko Virtanen (131052-308T) asuu Kauppakatu 5 B 12, 87100 Kajaani, "
        "puh. 040 123 4567, mikko@example.fi. Hän on 17-vuotias ja käy Ohjaamossa vuodesta 2023."
    )
    assert scrub.scrub(text).text == (
        "[nimi] ([henkilötunnus]) asuu [osoite], 87100 Kajaani, "
        "puh. [puhelin], [sähköposti]. Hän on 17-vuotias ja käy Ohjaamossa vuodesta 2023."
    )


def test_identity_code_check_character() -> None:
    assert scrub.identity_code_check_char("131052308") == "T"
    assert scrub.identity_code_check_char("010594903") == "2"


def test_a_wrong_check_character_is_still_removed() -> None:
    assert scrub.scrub("hetu 131052-308A").text == "hetu [henkilötunnus]"


def test_implausible_digit_runs_are_not_identity_codes() -> None:
    assert scrub.scrub("koodi 999999-999Q").text == "koodi 999999-999Q"


def test_sentence_initial_ambiguous_name_counts_beside_another_name(backend: str) -> None:
    assert scrub.scrub("Tuuli oli kova.").text == "Tuuli oli kova."
    assert scrub.scrub("Tuuli Korhonen oli poissa.").text == "[nimi] oli poissa."


def test_municipalities_that_are_also_names_stay(backend: str) -> None:
    assert scrub.scrub("Nuoria oli Kaarinassa ja Sallassa.").text == "Nuoria oli Kaarinassa ja Sallassa."


def test_inputs_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("DEBUG"):
        scrub.scrub("Mikko Virtanen 040 123 4567")
    assert caplog.records == []


def test_empty_and_blank_texts() -> None:
    assert scrub.scrub("") == scrub.ScrubResult(text="", found={})
    assert scrub.scrub("   ").text == "   "


def _run_cli(stdin: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "verkosto.textanalytics", "scrub", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def test_cli_scrubs_one_text_per_line() -> None:
    stdin = "Soita Mikolle 040 123 4567.\n\nKajaanissa 35 % nuorista, 2024.\nhetu 131052-308T\n"
    result = _run_cli(stdin)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").split("\n") == [
        "Soita [nimi] [puhelin].",
        "",
        "Kajaanissa 35 % nuorista, 2024.",
        "hetu [henkilötunnus]",
        "",
    ]


def test_cli_swedish() -> None:
    result = _run_cli("Ring Anna Andersson på 050 123 4567.\n", "--lang", "sv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "Ring [namn] på [telefon].\n"


def test_cli_rejects_an_unknown_language() -> None:
    assert _run_cli("x\n", "--lang", "en").returncode != 0
