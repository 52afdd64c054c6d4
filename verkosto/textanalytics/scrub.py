"""Replace personal data in short Finnish or Swedish free texts ("silent signals") with placeholders.

`scrub(text, lang)` finds identity codes (henkilötunnus), phone numbers, e-mail addresses, street
addresses and person names, and returns the text with placeholders such as "[nimi]" and a count per
kind. It errs on the side of removing: a well-formed identity code with a wrong check character is
still removed. Ordinary figures (years, ages, percentages, dates, postcodes, money) and place names
stay. The scrubber never logs or keeps the texts it sees.

Names: a capitalised word is a name when Voikko (if the system has it) analyses it as a first name or
surname ("Virtaselle" -> Virtanen), or when, after stripping common Finnish case endings and undoing
basic consonant gradation, it is in the shipped name lists (data/first-names.txt, data/surnames.txt).
Place readings win (data/places.txt: municipalities, regions, big-city districts). Names that are
also ordinary words ("Tuuli", "Onni", "Kuusi", data/ambiguous-names.txt) count as names mid-sentence,
where only a name would be capitalised, but at the start of a sentence only beside another name.
Adjacent name words become one placeholder: "Liisa Virtaselle" -> "[nimi]".

Command line: `python -m verkosto.textanalytics scrub [--lang fi|sv] < texts`, one text per line.
"""

from __future__ import annotations

import argparse
import functools
import io
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Lang = Literal["fi", "sv"]
Kind = Literal["identity_code", "phone", "email", "address", "name"]
KINDS: tuple[Kind, ...] = ("identity_code", "phone", "email", "address", "name")

PLACEHOLDERS: dict[str, dict[Kind, str]] = {
    "fi": {
        "identity_code": "[henkilötunnus]",
        "phone": "[puhelin]",
        "email": "[sähköposti]",
        "address": "[osoite]",
        "name": "[nimi]",
    },
    "sv": {
        "identity_code": "[personbeteckning]",
        "phone": "[telefon]",
        "email": "[e-post]",
        "address": "[adress]",
        "name": "[namn]",
    },
}

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class ScrubResult:
    """The scrubbed text and how many placeholders of each kind went in."""

    text: str
    found: dict[str, int] = field(default_factory=dict)


# --- Identity codes --------------------------------------------------------------------------------

# DDMMYY, century sign (all signs in use since 2023, either case), individual number, check character.
_IDENTITY_CODE_RE = re.compile(
    r"(?<!\w)(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Z])(?!\w)",
    re.IGNORECASE,
)
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def identity_code_check_char(digits: str) -> str:
    """The check character of an identity code from its nine digits (DDMMYY + individual number)."""
    return _CHECK_CHARS[int(digits) % 31]


def _is_identity_code(match: re.Match[str]) -> bool:
    day, month, _year, _sign, number, check = match.groups()
    if identity_code_check_char(day + month + _year + number) == check.upper():
        return True
    # A code with a wrong check character is most likely a typo of a real one: remove it when it
    # at least has a plausible date.
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12 and check.upper() in _CHECK_CHARS


# --- E-mail and phone numbers ----------------------------------------------------------------------

_EMAIL_RE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.UNICODE)

# Finnish mobile numbers that phonenumbers rejects as invalid (wrong length) are still personal.
_MOBILE_RE = re.compile(r"(?<![\d+])(?:\+358|00358|0)[ -]?(?:4\d|50)(?:[ -]?\d){5,8}(?!\d)")


@functools.cache
def _phonenumbers() -> Any:
    import phonenumbers

    return phonenumbers


def _phone_spans(text: str) -> list[tuple[int, int]]:
    phonenumbers = _phonenumbers()
    spans: list[tuple[int, int]] = []
    for region in ("FI", "SE"):
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            spans.append((match.start, match.end))
    spans.extend(m.span() for m in _MOBILE_RE.finditer(text))
    return spans


# --- Street addresses ------------------------------------------------------------------------------


@functools.cache
def _address_re() -> re.Pattern[str]:
    stems: list[str] = []
    for line in _data_lines("street-words.txt"):
        stems.extend(line.split())
    ending = "|".join(sorted(set(stems), key=len, reverse=True))
    number = r"\d{1,4}(?:\s?[-–]\s?\d{1,4})?"
    # A count right after the number is not a house number ("Kauppatorilla 10 nuorta").
    not_a_count = (
        r"(?!\s*(?:%|€|e\b|[-–]?vuotia|nuor|henk|hlö|kpl|kert|euro|tunti|päiv|vko|viik|kuukau|"
        r"ungdom|person|st\b|gång|år\b|procent))"
    )
    # Staircase and flat: "5 B 12", "3a", "7 as. 4", "5 lgh 1203".
    staircase = r"(?:\s?[A-Ha-h](?![^\W\d_])(?:\s?\d{1,4})?|\s?(?:as\.?|lgh\.?|bst\.?)\s?\d{1,4})?"
    case_suffix = r"(?::\s?[^\W\d_]{1,5})?"
    return re.compile(
        r"(?<![\w-])(?P<street>[A-ZÅÄÖ][^\W\d_]*(?:-[^\W\d_]+)*?[^\W\d_](?:" + ending + r")[^\W\d_]{0,5})"
        r"\s+(?P<number>" + number + r")" + not_a_count + staircase + case_suffix + r"(?!\w)",
    )


# Numbered roads, not addresses: "Valtatie 4", "kantatie 87".
_ROAD_PREFIXES = ("valtatie", "kantatie", "seututie", "moottoritie", "yhdystie", "kehätie", "maantie")


def _address_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _address_re().finditer(text):
        street = match.group("street").lower()
        if street.startswith(_ROAD_PREFIXES) or street in _places():
            continue
        spans.append(match.span())
    return spans


# --- Names -----------------------------------------------------------------------------------------


def _data_lines(filename: str) -> Iterable[str]:
    with (_DATA / filename).open(encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if line:
                yield line


@functools.cache
def _words_in(filename: str) -> frozenset[str]:
    return frozenset(w.lower() for line in _data_lines(filename) for w in line.split())


@functools.cache
def _all_names() -> frozenset[str]:
    return _words_in("first-names.txt") | _words_in("surnames.txt")


def _ambiguous() -> frozenset[str]:
    return _words_in("ambiguous-names.txt")


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(line.lower() for line in _data_lines("places.txt"))


def _voikko() -> Any | None:
    """The process's Voikko handle (shared with the normaliser), or None without Voikko."""
    from verkosto.textanalytics import normalise

    return normalise._voikko()


# Finnish case endings and clitics, longest first; what is left is a stem to rebuild a base form from.
_FI_CLITICS = ("kaan", "kään", "kin")
_FI_ENDINGS = tuple(
    sorted(
        (
            "lle", "lta", "ltä", "lla", "llä", "ssa", "ssä", "sta", "stä", "tta", "ttä", "ksi", "na", "nä",
            "ta", "tä", "n", "a", "ä", "ineen", "ine", "tse",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_VOWELS = "aeiouyäö"


def _fi_stem_bases(stem: str) -> set[str]:
    """Base forms a Finnish name stem may come from: "virtase" -> virtanen, "mika" -> mikka."""
    out = {stem}
    if len(stem) >= 2 and stem[-1] in _VOWELS and stem[-1] == stem[-2]:
        out.add(stem[:-1])  # illative "Liisaan" -> "liisaa" -> "liisa"
    for s in list(out):
        if s.endswith("se"):
            out.add(s[:-2] + "nen")  # Virtase-lle
        if s.endswith("s"):
            out.add(s[:-1] + "nen")  # Virtas-ta
        if s.endswith("kse"):
            out.add(s[:-3] + "s")  # Tuomakse-lle
        if s.endswith("i") and len(s) > 3 and s[-2] not in _VOWELS:
            out.add(s[:-1])  # Mikaeli-lle, Ahmedi-n
        # Nieme-lle -> Niemi, Lahde-ssa -> Lahti: only surnames, since for first names this mostly
        # turns ordinary words into names ("toinen" -> "toini", "maine" -> "maini").
        for i_stem in (s[:-1] + "i" if s.endswith("e") else "", s[:-2] + "ti" if s.endswith("de") else ""):
            if i_stem in _words_in("surnames.txt") or i_stem in _places():
                out.add(i_stem)
        # Weak grade back to strong: Mika -> Mikka (Mikon), Peka -> Pekka, Sepo -> Seppo, Anti -> Antti.
        if len(s) >= 3 and s[-1] in _VOWELS and s[-2] in "kpt" and s[-3] != s[-2]:
            out.add(s[:-2] + s[-2] + s[-2:])
    return out


@functools.lru_cache(maxsize=100_000)
def _base_candidates(word: str, lang: Lang) -> frozenset[str]:
    """Lower-case base forms an inflected name word may have."""
    w = word.lower()
    out = {w}
    if lang == "sv":
        if w.endswith("s") and len(w) > 3:
            out.add(w[:-1])  # genitive: Annas
        return frozenset(out)
    forms = {w}
    for clitic in _FI_CLITICS:
        if w.endswith(clitic) and len(w) - len(clitic) >= 3:
            forms.add(w[: -len(clitic)])
    for form in list(forms):
        out |= _fi_stem_bases(form)
        for ending in _FI_ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 2:
                out |= _fi_stem_bases(form[: -len(ending)])
    return frozenset(out)


_NAME_CLASSES = {"etunimi", "sukunimi"}


@dataclass(frozen=True)
class _WordInfo:
    name: bool  # may be a person's name
    ambiguous: bool  # is also an ordinary word, so a sentence may begin with it
    place: bool = False  # a municipality, region or district we keep


_NOT_A_NAME = _WordInfo(name=False, ambiguous=False)
# Surnames we do not list are still recognisable right after a first name by their shape.
_SURNAME_ENDINGS = ("nen", "sson", "ström", "qvist", "kvist", "berg", "lund", "holm", "gren", "blom", "roos")


@functools.lru_cache(maxsize=100_000)
def _classify(word: str, lang: Lang) -> _WordInfo:
    """Whether one capitalised word (no hyphens) is a person's name."""
    bases = _base_candidates(word, lang)
    names = _all_names()
    places = _places()
    list_name = bool(bases & names)
    # A place reading wins: "Kaarinassa", "Salossa", "Lahdessa" stay.
    list_place = bool(bases & places)
    ambiguous = bool(bases & _ambiguous())
    voikko_name = voikko_place = False
    voikko = _voikko() if lang == "fi" else None
    if voikko is not None:
        from verkosto.textanalytics import normalise

        with normalise._lock:  # one Voikko handle per process; it is not thread-safe
            analyses = voikko.analyze(word)
        for analysis in analyses:
            cls = analysis.get("CLASS", "")
            base = analysis.get("BASEFORM", "").lower()
            if cls in _NAME_CLASSES:
                voikko_name = True
            elif cls == "paikannimi":
                # Voikko knows many villages that are also surnames ("Nieminen"); only the places
                # we list (municipalities, regions, districts) stay.
                voikko_place = voikko_place or base in places
            elif not (cls == "laatusana" and base.endswith("nen")):
                # An ordinary-word reading makes the word ambiguous, except the adjective reading
                # of -nen surnames ("Mäkinen" = hilly), which hardly begins a sentence.
                ambiguous = True
        if analyses and not voikko_name and not list_name:
            return _WordInfo(name=False, ambiguous=False, place=voikko_place or list_place)
    if voikko_place or list_place:
        return _WordInfo(name=False, ambiguous=False, place=True)
    return _WordInfo(name=voikko_name or list_name, ambiguous=ambiguous)


def _surname_shaped(word: str, lang: Lang) -> bool:
    return any(base.endswith(_SURNAME_ENDINGS) for base in _base_candidates(word, lang))


_TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_ENDS = ".!?:;\n•*"
_OPENERS = " \t\"'”»([–-"


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins the text, a sentence, a line or a list item."""
    before = text[max(0, start - 40) : start].rstrip(_OPENERS)
    if not before:
        return start <= 40 or not text[:start].rstrip(_OPENERS)
    return before[-1] in _SENTENCE_ENDS


def _is_capitalised(part: str) -> bool:
    return len(part) >= 2 and part[0].isupper() and part[1:].islower()


def _token_info(token: str, lang: Lang) -> _WordInfo:
    if "-" in token:
        whole = token.lower()
        if whole in _all_names():  # "Halla-aho", "Anna-Liisa"
            return _WordInfo(name=True, ambiguous=False)
        parts = token.split("-")
        # "Onni-hanke", "Kela-korvaus", "TE-toimisto": a compound word, not a name.
        if not all(_is_capitalised(p) for p in parts):
            return _NOT_A_NAME
        infos = [_classify(p, lang) for p in parts]
        return _WordInfo(
            name=all(i.name for i in infos),
            ambiguous=all(i.ambiguous for i in infos),
            place=any(i.place for i in infos),
        )
    if not _is_capitalised(token):
        return _NOT_A_NAME
    return _classify(token, lang)


def _name_spans(text: str, lang: Lang) -> list[tuple[int, int]]:
    tokens = list(_TOKEN_RE.finditer(text))
    is_name: list[bool] = []
    pending: list[bool] = []  # ambiguous at the start of a sentence: a name only beside a name
    for token in tokens:
        info = _token_info(token.group(), lang)
        if info.name and info.ambiguous and _starts_sentence(text, token.start()):
            is_name.append(False)
            pending.append(True)
        else:
            is_name.append(info.name)
            pending.append(False)

    def adjacent(i: int, j: int) -> bool:
        first, second = sorted((i, j))
        return text[tokens[first].end() : tokens[second].start()] == " "

    # An unlisted surname right after a first name: "Matti Meikäläinen", "Elin Sjögren".
    for i in range(len(tokens) - 1):
        nxt = tokens[i + 1].group()
        if (
            (is_name[i] or pending[i])
            and not is_name[i + 1]
            and adjacent(i, i + 1)
            and _is_capitalised(nxt)
            and not _token_info(nxt, lang).place
            and _surname_shaped(nxt, lang)
        ):
            is_name[i] = is_name[i + 1] = True
            pending[i + 1] = False

    for i in range(len(tokens)):
        if pending[i] and (
            (i + 1 < len(tokens) and is_name[i + 1] and adjacent(i, i + 1))
            or (i > 0 and is_name[i - 1] and adjacent(i - 1, i))
        ):
            is_name[i] = True

    # One placeholder for a full name: merge name words separated by a single space.
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if not is_name[i]:
            continue
        if spans and i > 0 and is_name[i - 1] and adjacent(i - 1, i):
            spans[-1] = (spans[-1][0], token.end())
        else:
            spans.append(token.span())
    return spans


# --- Putting it together ---------------------------------------------------------------------------


def _replace(text: str, spans: list[tuple[int, int]], placeholder: str) -> tuple[str, int]:
    """Replace non-overlapping spans (the earliest wins where they overlap) with the placeholder."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1]:
            if end > chosen[-1][1]:
                chosen[-1] = (chosen[-1][0], end)
            continue
        chosen.append((start, end))
    for start, end in reversed(chosen):
        text = text[:start] + placeholder + text[end:]
    return text, len(chosen)


def scrub(text: str, lang: str = "fi") -> ScrubResult:
    """Replace personal data in `text` (Finnish or Swedish) with placeholders in that language."""
    language: Lang = "sv" if lang == "sv" else "fi"
    placeholders = PLACEHOLDERS[language]
    text = unicodedata.normalize("NFC", text)
    found: dict[str, int] = {}

    def apply(kind: Kind, spans: list[tuple[int, int]]) -> None:
        nonlocal text
        text, count = _replace(text, spans, placeholders[kind])
        if count:
            found[kind] = found.get(kind, 0) + count

    # Order matters: identity codes and e-mail addresses before phone numbers (their digits), and
    # addresses before names (a street name is capitalised). Placeholders are lower case and have
    # no digits, so later steps never match inside them.
    apply("identity_code", [m.span() for m in _IDENTITY_CODE_RE.finditer(text) if _is_identity_code(m)])
    apply("email", [m.span() for m in _EMAIL_RE.finditer(text)])
    apply("phone", _phone_spans(text))
    apply("address", _address_spans(text))
    apply("name", _name_spans(text, language))
    return ScrubResult(text=text, found=found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m verkosto.textanalytics scrub",
        description="Replace personal data with placeholders, one text per line (UTF-8).",
    )
    parser.add_argument("--lang", choices=("fi", "sv"), default="fi")
    args = parser.parse_args(argv)
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
    out = sys.stdout.buffer
    for line in stdin:
        content = line.rstrip("\r\n")
        scrubbed = scrub(content, args.lang).text if content.strip() else content
        out.write(scrubbed.encode("utf-8") + b"\n")
    out.flush()
    return 0
