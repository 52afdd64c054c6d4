"""Compile the gettext catalogs (.po -> .mo) with polib, so no system gettext is needed."""

from __future__ import annotations

from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def compile_all() -> list[Path]:
    import polib

    written = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        catalog = polib.pofile(str(po_path))
        mo_path = po_path.with_suffix(".mo")
        catalog.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(path)
