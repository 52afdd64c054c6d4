"""The gettext catalogs (fi, sv, en) are complete, compiled and in step with the source.

* every entry is translated, none is fuzzy, the header is right;
* the shipped .mo files are what the .po files compile to;
* python-format placeholders survive translation unchanged;
* Django really serves the translations (LOCALE_PATHS wins over Django's own catalogs);
* every string marked for translation in templates and Python is in the catalogs: checked
  always with Django's own template lexer (`templatize`) plus `ast`, and, where GNU gettext
  is installed, by running `makemessages` on a temporary copy of the source tree.
"""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]  # .../verkosto
LOCALE = PACKAGE / "locale"
LANGUAGES = ["fi", "sv", "en"]
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"

# A printf conversion as Python's %-formatting reads it; "%%" is a literal percent sign.
PLACEHOLDER_RE = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


def load_po(lang: str) -> polib.POFile:
    return polib.pofile(str(po_path(lang)))


def live_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalog if not entry.obsolete]


def placeholders(text: str) -> Counter[str]:
    return Counter(m for m in PLACEHOLDER_RE.findall(text) if m != "%%")


def catalog_keys(lang: str) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in live_entries(load_po(lang))}


# --- the catalogs themselves -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_header(lang: str) -> None:
    catalog = load_po(lang)
    assert not catalog.metadata_is_fuzzy, "the header is still marked fuzzy"
    assert catalog.metadata.get("Plural-Forms") == PLURAL_FORMS
    assert catalog.metadata.get("Language") == lang
    assert "charset=UTF-8" in catalog.metadata.get("Content-Type", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(lang: str) -> None:
    catalog = load_po(lang)
    entries = live_entries(catalog)
    assert entries, f"{po_path(lang)} has no entries"
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert not fuzzy, f"fuzzy entries in {lang}: {fuzzy}"
    untranslated = [entry.msgid for entry in entries if not entry.translated()]
    assert not untranslated, f"untranslated entries in {lang}: {untranslated}"
    for entry in entries:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("lang", LANGUAGES)
def test_all_languages_have_the_same_msgids(lang: str) -> None:
    assert catalog_keys(lang) == catalog_keys("fi")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang: str) -> None:
    problems = []
    for entry in live_entries(load_po(lang)):
        if entry.msgid_plural:
            # Both forms take the same arguments; each translated form must use all of them.
            wanted = placeholders(entry.msgid_plural)
            assert placeholders(entry.msgid) == wanted, entry.msgid
            translations = list(entry.msgstr_plural.values())
        else:
            wanted = placeholders(entry.msgid)
            translations = [entry.msgstr]
        for text in translations:
            if placeholders(text) != wanted:
                problems.append((entry.msgid, text))
            if "python-format" not in entry.flags and "%(" in text:
                problems.append((entry.msgid, text))
    assert not problems, f"placeholders differ in {lang}: {problems}"


def _mo_mapping(mo: polib.MOFile) -> dict[tuple[str | None, str, str], object]:
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
        )
        for entry in mo
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_mo_is_up_to_date(lang: str, tmp_path: Path) -> None:
    shipped = po_path(lang).with_suffix(".mo")
    assert shipped.exists(), f"{shipped} is missing: run python -m verkosto.core.compile_messages"
    fresh = tmp_path / "django.mo"
    load_po(lang).save_as_mofile(str(fresh))
    shipped_mo, fresh_mo = polib.mofile(str(shipped)), polib.mofile(str(fresh))
    assert _mo_mapping(shipped_mo) == _mo_mapping(fresh_mo), (
        f"{shipped} is stale: run python -m verkosto.core.compile_messages"
    )
    assert shipped_mo.metadata.get("Plural-Forms") == PLURAL_FORMS


# --- Django serves them ------------------------------------------------------------------


# Aliases that xgettext does not know, so that these literals never end up in the catalogs
# (and keep a string alive there after the code stops using it).
tr = translation.gettext
ntr = translation.ngettext
CHECK_DIGIT = "The check digit of this business ID is wrong; please check the number."


def test_django_serves_the_swedish_catalog() -> None:
    with translation.override("sv"):
        assert tr("Search") == "Sök"
        assert tr("Home") == "Startsida"
        assert tr("Ohjaamo") == "Navigatorn"
        assert tr("Business ID") == "FO-nummer"
        assert "kontrolltecknet" in tr(CHECK_DIGIT).lower()
        assert ntr("%(counter)s service", "%(counter)s services", 3) % {"counter": 3} == "3 tjänster"


def test_django_serves_the_finnish_catalog() -> None:
    with translation.override("fi"):
        assert tr("Search") == "Hae"
        assert tr("outreach youth work") == "etsivä nuorisotyö"
        assert "Y-tunnuksen tarkistusmerkki on väärä" in tr(CHECK_DIGIT)
        assert "muodossa 1234567-8" in tr("Enter a business ID in the form 1234567-8.")
        assert ntr("%(counter)s service", "%(counter)s services", 1) % {"counter": 1} == "1 palvelu"
        assert ntr("%(counter)s service", "%(counter)s services", 5) % {"counter": 5} == "5 palvelua"


def test_django_serves_english_as_written() -> None:
    with translation.override("en"):
        assert tr("Search") == "Search"
        assert tr(CHECK_DIGIT) == CHECK_DIGIT


@pytest.mark.parametrize("lang", LANGUAGES)
def test_django_returns_every_catalog_entry(lang: str) -> None:
    """Nothing in Django's or a third-party catalog shadows ours, and the .mo is the one loaded."""
    wrong = []
    with translation.override(lang):
        for entry in live_entries(load_po(lang)):
            if entry.msgid_plural:
                for n, form in ((1, 0), (2, 1)):
                    if entry.msgctxt is not None:
                        got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                    else:
                        got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                    if got != entry.msgstr_plural[form]:
                        wrong.append((entry.msgid, n, got))
            else:
                if entry.msgctxt is not None:
                    got = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    got = translation.gettext(entry.msgid)
                if got != entry.msgstr:
                    wrong.append((entry.msgid, got))
    assert not wrong, f"Django returns something else for {lang}: {wrong}"


# --- the catalogs cover the source -------------------------------------------------------

_STRING = r"""[rRuUbB]?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
_TEMPLATE_CALL_RE = re.compile(
    rf"(?<![\w.])(?P<func>_|gettext|ngettext|pgettext|npgettext)\(\s*(?P<args>{_STRING}(?:\s*,\s*{_STRING})*)"
)
_STRING_RE = re.compile(_STRING)

# xgettext's Python keywords plus the ones Django's makemessages adds.
_PY_KEYWORDS = {
    "_": ("msgid",),
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "ngettext": ("msgid", "plural"),
    "ngettext_lazy": ("msgid", "plural"),
    "pgettext": ("ctx", "msgid"),
    "pgettext_lazy": ("ctx", "msgid"),
    "npgettext": ("ctx", "msgid", "plural"),
    "npgettext_lazy": ("ctx", "msgid", "plural"),
}


def _message(func: str, args: list[str]) -> tuple[str | None, str] | None:
    roles = _PY_KEYWORDS[func]
    if len(args) < len([r for r in roles if r != "plural"]):
        return None
    values = dict(zip(roles, args, strict=False))
    return values.get("ctx"), values["msgid"]


def extract_from_template(path: Path) -> set[tuple[str | None, str]]:
    from django.utils.translation.template import templatize

    found = set()
    for match in _TEMPLATE_CALL_RE.finditer(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
        args = [ast.literal_eval(s) for s in _STRING_RE.findall(match["args"])]
        message = _message(match["func"], args)
        if message:
            found.add(message)
    return found


def extract_from_python(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = getattr(func, "id", None) or getattr(func, "attr", None)  # f(...) or module.f(...)
        if name not in _PY_KEYWORDS:
            continue
        args = []
        for arg in node.args[: len(_PY_KEYWORDS[name])]:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                break
            args.append(arg.value)
        message = _message(name, args) if len(args) == len(_PY_KEYWORDS[name]) else None
        if message:
            found.add(message)
    return found


def _source_files(suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*")
        if path.suffix in suffixes
        and path.is_file()
        and not any(
            part.startswith(".") or part in {"__pycache__", "locale", "static"}
            for part in path.relative_to(PACKAGE).parts
        )
    )


def test_extractor_finds_what_it_should() -> None:
    """The extractor below must actually see strings, or the coverage test proves nothing."""
    templates = _source_files((".html", ".txt"))
    pythons = _source_files((".py",))
    assert templates and pythons
    base = extract_from_template(PACKAGE / "templates" / "base.html")
    assert (None, "Skip to content") in base
    assert (None, "Log out (%(name)s)") in base  # blocktranslate with a variable
    results = extract_from_template(PACKAGE / "templates" / "directory" / "partials" / "search_results.html")
    assert (None, "%(counter)s service found") in results  # blocktranslate count
    validators = extract_from_python(PACKAGE / "directory" / "validators.py")
    assert (None, "Enter a business ID in the form 1234567-8.") in validators


def test_every_marked_string_is_in_the_catalogs() -> None:
    """Django's template lexer + ast: runs without GNU gettext."""
    found: dict[tuple[str | None, str], str] = {}
    for path in _source_files((".html", ".txt")):
        for message in extract_from_template(path):
            found.setdefault(message, str(path.relative_to(PACKAGE)))
    for path in _source_files((".py",)):
        for message in extract_from_python(path):
            found.setdefault(message, str(path.relative_to(PACKAGE)))
    assert len(found) > 50
    for lang in LANGUAGES:
        known = catalog_keys(lang)
        missing = {message: where for message, where in found.items() if message not in known}
        assert not missing, (
            f"strings missing from the {lang} catalog (run `make messages` and translate): {missing}"
        )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_makemessages_would_add_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GNU xgettext's view: `makemessages` on a copy of the source finds no new msgids."""
    tools = ["xgettext", "msguniq", "msgmerge", "msgattrib"]
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        pytest.skip(f"GNU gettext tools not installed: {', '.join(absent)}")

    copy = tmp_path / "verkosto"
    shutil.copytree(
        PACKAGE,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "static", "locale", ".*", "*.pyc", "*.mo"),
    )
    copied_po = copy / "locale" / "fi" / "LC_MESSAGES" / "django.po"
    copied_po.parent.mkdir(parents=True)
    shutil.copyfile(po_path("fi"), copied_po)

    before = {path: _digest(path) for path in LOCALE.rglob("*.po")}
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["fi"], no_obsolete=True, verbosity=0)
    assert {path: _digest(path) for path in LOCALE.rglob("*.po")} == before, "makemessages touched the repo"

    extracted = {(entry.msgctxt, entry.msgid) for entry in live_entries(polib.pofile(str(copied_po)))}
    new = extracted - catalog_keys("fi")
    assert not new, (
        f"makemessages would add these msgids (run `make messages` and translate): {sorted(new, key=str)}"
    )
