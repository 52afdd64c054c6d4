"""Turn Finnish, Swedish and English words into search terms that inflected forms share.

A term is the Snowball stem of the word's base form. Finnish base forms come from Voikko when the
system has it (Debian's libvoikko1 and voikko-fi) and from simplemma otherwise; Swedish and English
are regular enough for Snowball alone. Stemming the base form makes the two Finnish lemmatisers
agree on most words and catches what neither knows. Heavy resources load on first use, once per
process, never at import.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any, Literal

Lang = Literal["fi", "sv", "en"]
LANGS: tuple[Lang, ...] = ("fi", "sv", "en")
_SNOWBALL_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_lock = threading.Lock()
# Compound parts shorter than this carry no meaning of their own ("+u" suffixes, "maa" is kept).
_MIN_PART = 3


def words(text: str) -> list[str]:
    """Split text into words; hyphens and punctuation separate ("TE-palvelut" is two words)."""
    return _WORD_RE.findall(unicodedata.normalize("NFC", text))


@functools.cache
def _stemmer(lang: Lang) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(_SNOWBALL_NAMES[lang])


@functools.cache
def _voikko() -> Any | None:
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:
        return None


def finnish_backend() -> str:
    """Which Finnish lemmatiser this process uses: "voikko" or "simplemma"."""
    return "voikko" if _voikko() is not None else "simplemma"


_WORDBASE_RE = re.compile(r"\+([^(+]*)\(([^)]*)\)")


def _parse_wordbases(wordbases: str) -> list[str]:
    """Compound parts from Voikko's WORDBASES, e.g. "+työ(työ)+paja(paja)" -> ["työ", "paja"]."""
    parts = []
    for surface, base in _WORDBASE_RE.findall(wordbases):
        if base.startswith("+") or not surface:
            continue  # a derivational suffix such as "+u(+u)", not a word of its own
        parts.append(surface.replace("=", ""))
    return parts


@functools.lru_cache(maxsize=200_000)
def _finnish_analysis(word: str) -> tuple[str, tuple[str, ...]]:
    """(base form, compound parts) of one Finnish word, lower case."""
    voikko = _voikko()
    if voikko is not None:
        with _lock:  # one Voikko handle per process; it is not thread-safe
            analyses = voikko.analyze(word)
        if analyses:
            first = analyses[0]
            base = first.get("BASEFORM", word).lower()
            parts = tuple(p.lower() for p in _parse_wordbases(first.get("WORDBASES", "")))
            return base, parts if len(parts) > 1 else ()
        return word.lower(), ()
    import simplemma

    return simplemma.lemmatize(word, lang="fi").lower(), ()


@functools.lru_cache(maxsize=200_000)
def terms_for_word(word: str, lang: Lang) -> tuple[str, ...]:
    """Index terms of one word in one language: the stemmed base form, then compound pieces."""
    lowered = word.lower()
    if lang == "fi":
        base, parts = _finnish_analysis(word)
        stem = _stemmer("fi").stemWord(base)
        out = [stem]
        # Contiguous runs of compound parts let "työpaja" find "nuorisotyöpaja".
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                if (i, j) == (0, len(parts)):
                    continue
                piece = "".join(parts[i:j])
                if len(piece) >= _MIN_PART:
                    out.append(_stemmer("fi").stemWord(piece))
        return tuple(dict.fromkeys(out))
    return (_stemmer(lang).stemWord(lowered),)


def tokens(text: str, lang: Lang) -> list[str]:
    """All index terms of a text written in `lang`, in order, with repeats (repeats weigh)."""
    out: list[str] = []
    for word in words(text):
        out.extend(terms_for_word(word, lang))
    return out


def query_variants(word: str) -> tuple[str, ...]:
    """The terms a query word may stand for in any of our languages (the base form only)."""
    variants = [terms_for_word(word, lang)[0] for lang in LANGS]
    return tuple(dict.fromkeys(v for v in variants if v))


def query_terms(text: str) -> list[tuple[str, ...]]:
    """For each query word, its variants: match a document having any variant of every word."""
    return [query_variants(w) for w in words(text)]


def iter_terms(texts: dict[Lang, str]) -> Iterator[str]:
    for lang, text in texts.items():
        yield from tokens(text, lang)
