"""The words grouping sees: Swedish base forms, compound parts, colloquial Finnish, function words."""

from __future__ import annotations

import pytest

from verkosto.textanalytics import cluster, normalise


@pytest.mark.parametrize(
    ("inflected", "base"),
    [("bilarna", "bil"), ("lägenheterna", "lägenhet"), ("barnens", "barn"), ("spelade", "spela")],
)
def test_swedish_inflections_share_the_subject_term(inflected: str, base: str) -> None:
    assert normalise.subject_terms(inflected, "sv")[0] == normalise.subject_terms(base, "sv")[0]


@pytest.mark.parametrize(
    ("compound", "part", "lang"),
    [
        ("vinterdäcken", "däck", "sv"),
        ("kattlådan", "katt", "sv"),
        ("hyreskontraktet", "kontrakt", "sv"),
        ("tandläkaren", "läkare", "sv"),
        ("barnfamiljer", "barn", "sv"),
    ],
)
def test_compounds_also_give_their_parts(compound: str, part: str, lang: normalise.Lang) -> None:
    assert normalise.subject_terms(part, lang)[0] in normalise.subject_terms(compound, lang)


def test_short_dictionary_tails_do_not_split_words() -> None:
    # "nhet" and "tus" are no words: a split needs a last part of at least four known letters.
    assert normalise._split_compound("lägenhet", "sv") == ()


def test_search_terms_are_unchanged_for_swedish() -> None:
    # Search keeps Snowball alone: only grouping uses the Swedish lemmatiser.
    assert normalise.terms_for_word("bilarna", "sv") == ("bil",)
    assert normalise.terms_for_word("vinterdäcken", "sv") == ("vinterdäck",)


def test_colloquial_finnish_reaches_the_standard_form_without_voikko(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalise, "_voikko", lambda: None)
    normalise.subject_terms.cache_clear()
    try:
        assert normalise.subject_terms("onks", "fi")[0] == normalise.subject_terms("on", "fi")[0]
        assert normalise.subject_terms("mä", "fi")[0] == normalise.subject_terms("minä", "fi")[0]
        assert normalise.subject_terms("kissanruokaa", "fi")[1:] == ("kis", "ruoka")
    finally:
        normalise.subject_terms.cache_clear()


@pytest.mark.skipif(normalise.finnish_backend() != "voikko", reason="word classes come from Voikko")
def test_function_words_are_recognised_by_word_class() -> None:
    assert all(normalise.is_function_word(w, "fi") for w in ["ihan", "vaan", "jotain", "kolme", "koska"])
    assert not any(normalise.is_function_word(w, "fi") for w in ["koira", "vuokra", "Sibelius", "pelata"])
    assert not normalise.is_function_word("och", "sv")


def test_analyser_drops_stop_words_and_keeps_subjects() -> None:
    terms = cluster._Analyzer("fi")("Mä en oo ikinä nähny näin kallista vuokraa, ihan sairasta")
    assert normalise.subject_terms("vuokraa", "fi")[0] in terms
    for word in ["mä", "oo", "ihan"]:
        assert normalise.subject_terms(word, "fi")[0] not in terms
    swedish = cluster._Analyzer("sv")("Asså jag vet inte, hyran e typ helt sjuk nu")
    assert normalise.subject_terms("hyran", "sv")[0] in swedish
    assert not {normalise.subject_terms(w, "sv")[0] for w in ["asså", "jag", "typ", "e"]} & set(swedish)
