"""The normaliser: inflected forms share a term, in Finnish and Swedish, with either backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verkosto.textanalytics import normalise


@pytest.fixture(params=["system", "simplemma"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with the system's Finnish lemmatiser and again with the pip-only fallback."""
    if request.param == "simplemma":
        monkeypatch.setattr(normalise, "_voikko", lambda: None)
    normalise._finnish_analysis.cache_clear()
    normalise.terms_for_word.cache_clear()
    yield request.param
    normalise._finnish_analysis.cache_clear()
    normalise.terms_for_word.cache_clear()


def _shares_term(query_word: str, document_word: str, lang: normalise.Lang) -> bool:
    return bool(set(normalise.query_variants(query_word)) & set(normalise.tokens(document_word, lang)))


@pytest.mark.parametrize(
    ("query", "document", "lang"),
    [
        ("työpajoissa", "työpaja", "fi"),
        ("nuorille", "nuoret", "fi"),
        ("Kajaanissa", "Kajaani", "fi"),
        ("maahanmuuttajille", "Maahanmuuttajat", "fi"),
        ("ungdomarna", "ungdomar", "sv"),
        ("arbetslösa", "arbetslös", "sv"),
    ],
)
def test_inflected_forms_share_a_term(query: str, document: str, lang: normalise.Lang, backend: str) -> None:
    assert _shares_term(query, document, lang)


@pytest.mark.parametrize(("query", "document"), [("työpaja", "nuorikko"), ("Kajaani", "Kuopio")])
def test_unrelated_words_do_not_share_a_term(query: str, document: str, backend: str) -> None:
    assert not _shares_term(query, document, "fi")


def test_words_split_on_hyphens_and_punctuation() -> None:
    assert normalise.words("TE-palvelut, Ohjaamo/Kajaani!") == ["TE", "palvelut", "Ohjaamo", "Kajaani"]


@pytest.mark.skipif(normalise.finnish_backend() != "voikko", reason="compound parts need Voikko")
def test_compound_parts_are_indexed_with_voikko() -> None:
    assert _shares_term("työpaja", "nuorisotyöpajassa", "fi")


def test_wordbases_parsing_skips_derivational_suffixes() -> None:
    assert normalise._parse_wordbases("+työ(työ)+paja(paja)") == ["työ", "paja"]
    assert normalise._parse_wordbases("+palvel(palvella)+u(+u)") == ["palvel"]
    assert normalise._parse_wordbases("+maahanmuuttaja(maahan=muuttaja)") == ["maahanmuuttaja"]
