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


# --- terms for grouping texts by subject (not used by search) ---------------------------------------
#
# Grouping needs a word's meaning more than its exact spelling: colloquial Finnish ("mä", "kipee",
# "onks") that Voikko does not know, Swedish inflection that Snowball alone leaves apart
# ("bilarna" / "bil" agree, "vinterdäcken" / "däck" do not), and compound words whose last part
# names the subject. `subject_terms` adds those; `terms_for_word` (search) is unchanged.

# A compound's parts: the head at least this long, the last part (which names the thing) longer,
# since short dictionary "words" ("tus", "nhet") make false splits.
_MIN_HEAD = 3
_MIN_TAIL = 4


@functools.lru_cache(maxsize=200_000)
def _simplemma(word: str, lang: Lang) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang)).lower()


@functools.lru_cache(maxsize=200_000)
def _simplemma_known(word: str, lang: Lang) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang))


@functools.lru_cache(maxsize=200_000)
def _split_compound(lemma: str, lang: Lang) -> tuple[str, ...]:
    """Parts of a compound by dictionary look-up: the longest known last part with a known head.

    "vinterdäck" -> ("vinter", "däck"), "kissanruoka" -> ("kissa", "ruoka"); () when no split
    is found. Swedish heads may end in the linking "s" ("hyresvärd" -> "hyra", "värd").
    """
    for cut in range(_MIN_HEAD, len(lemma) - _MIN_TAIL + 1):
        head, tail = lemma[:cut], lemma[cut:]
        if not _simplemma_known(tail, lang):
            continue
        heads = [head] + (
            [head[:-1]] if lang == "sv" and head.endswith("s") and len(head) > _MIN_HEAD else []
        )
        for candidate in heads:
            if _simplemma_known(candidate, lang):
                return (_simplemma(candidate, lang), _simplemma(tail, lang))
    return ()


@functools.lru_cache(maxsize=200_000)
def subject_terms(word: str, lang: Lang) -> tuple[str, ...]:
    """Terms of one word for grouping texts by subject: its base-form stem, then compound parts.

    Finnish with Voikko: as `terms_for_word` (Voikko's compound parts). Finnish without Voikko and
    Swedish: simplemma's lemma (which also knows many colloquial Finnish forms, "mä" -> "minä"),
    stemmed, and the parts of a compound split by dictionary look-up.
    """
    if lang == "en" or (lang == "fi" and _voikko() is not None):
        # Measured: falling back to simplemma for the words Voikko does not know (colloquial
        # forms) changed AMI by less than the spread between seeds, and would load simplemma's
        # 400 MB Finnish dictionary into every process that places a signal.
        return terms_for_word(word, lang)
    stem = _stemmer(lang).stemWord
    lemma = _simplemma(word, lang)
    out = [stem(lemma)]
    if len(lemma) >= _MIN_HEAD + _MIN_TAIL:
        out.extend(stem(part) for part in _split_compound(lemma, lang))
    return tuple(dict.fromkeys(out))


def subject_tokens(text: str, lang: Lang) -> list[str]:
    """All `subject_terms` of a text, in order, with repeats."""
    out: list[str] = []
    for word in words(text):
        out.extend(subject_terms(word, lang))
    return out


# Voikko's word classes that say nothing of a text's subject: adverbs, conjunctions, pronouns,
# negation, adpositions, numerals and interjections ("ihan", "vaan", "jotain", "kolme").
# Measured: +0.03 AMI on colloquial forum posts, +0.01 on encyclopaedic sentences.
_FUNCTION_CLASSES = frozenset(
    {"seikkasana", "sidesana", "asemosana", "kieltosana", "suhdesana", "lukusana", "huudahdussana"}
)


@functools.lru_cache(maxsize=200_000)
def is_function_word(word: str, lang: Lang) -> bool:
    """True for a Finnish word that Voikko classes as a function word (its likeliest reading).

    Without Voikko, for words Voikko does not know ("mä", "kyl") and for Swedish this says False:
    the clustering's stop-word lists do that work.
    """
    voikko = _voikko()
    if lang != "fi" or voikko is None:
        return False
    with _lock:
        analyses = voikko.analyze(word)
    return bool(analyses) and analyses[0].get("CLASS") in _FUNCTION_CLASSES
