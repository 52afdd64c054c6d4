"""Coordinators' edits of themes: who may make them, what is refused (with a clear message and
nothing written), and the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from verkosto.core.models import AuditEntry, Region
from verkosto.observations import themes
from verkosto.observations.models import Signal, Theme

from .test_themes_support import add_signals, fresh, people, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def who() -> dict:
    return {name: fresh(user) for name, user in people().items()}


def _theme(region: str | None = None, language: str = "fi", **fields) -> Theme:
    return Theme.objects.create(
        region=Region.objects.get(code=region) if region else None, language=language, **fields
    )


def _with_signals(theme: Theme, items: list[str], place: str = "Kajaani") -> list[Signal]:
    signals = add_signals(items, place=place, lang=theme.language)
    field = "theme" if theme.region_id is None else "regional_theme"
    Signal.objects.filter(pk__in=[s.pk for s in signals]).update(**{field: theme})
    themes.refresh_counts([theme.pk])
    return signals


def _audits(theme_or_signal) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            object_type=theme_or_signal._meta.label_lower, object_id=str(theme_or_signal.pk)
        ).order_by("pk")
    )


def test_rename_summary_publish_are_audited(who: dict) -> None:
    theme = _theme("MK18", keywords=["vuokra", "asunto"])
    themes.theme_edit(
        actor=who["kainuu"], theme=theme, label="  Asumisen hinta ", summary="Vuokrat nousevat."
    )
    themes.theme_publish(actor=who["kainuu"], theme=theme, published=True)
    theme.refresh_from_db()
    assert theme.label == "Asumisen hinta" and theme.summary == "Vuokrat nousevat." and theme.is_published
    entries = _audits(theme)
    assert [e.action for e in entries] == ["update", "update", "publish"]
    assert entries[0].changes["custom_label"] == ["", "Asumisen hinta"]
    assert all(e.actor == who["kainuu"] for e in entries)
    # An empty name goes back to the keywords.
    themes.theme_rename(actor=who["kainuu"], theme=theme, label="")
    theme.refresh_from_db()
    assert theme.label == "vuokra, asunto"


@pytest.mark.parametrize(
    ("user", "region", "allowed"),
    [
        ("kainuu", "MK18", True),
        ("oulu", "MK18", False),
        ("kainuu", None, False),
        ("national", None, True),
        ("national", "MK18", True),
        ("outsider", "MK18", False),
    ],
)
def test_who_may_edit(who: dict, user: str, region: str | None, allowed: bool) -> None:
    theme = _theme(region)
    if allowed:
        themes.theme_rename(actor=who[user], theme=theme, label="Uusi nimi")
    else:
        with pytest.raises(PermissionDenied):
            themes.theme_rename(actor=who[user], theme=theme, label="Uusi nimi")
        with pytest.raises(PermissionDenied):
            themes.theme_publish(actor=who[user], theme=theme, published=True)
        theme.refresh_from_db()
        assert theme.custom_label == "" and not theme.is_published
        assert not AuditEntry.objects.exists()


def test_a_too_long_name_is_refused(who: dict) -> None:
    theme = _theme("MK18")
    with pytest.raises(ValidationError) as exc:
        themes.theme_rename(actor=who["kainuu"], theme=theme, label="x" * 151)
    assert "custom_label" in exc.value.message_dict
    theme.refresh_from_db()
    assert theme.custom_label == ""


def test_merge_moves_signals_and_keeps_the_source_for_history(who: dict) -> None:
    source, target = _theme("MK18"), _theme("MK18")
    moved = _with_signals(source, texts("housing")[:3])
    _with_signals(target, texts("housing")[3:5])
    earlier = _theme("MK18", status=Theme.Status.MERGED, merged_into=source)
    result = themes.theme_merge(actor=who["kainuu"], source=source, target=target)
    source.refresh_from_db()
    earlier.refresh_from_db()
    assert result == target and target.signals.count() == 0  # regional level
    assert set(Signal.objects.filter(regional_theme=target).values_list("pk", flat=True)) >= {
        s.pk for s in moved
    }
    assert source.status == Theme.Status.MERGED and source.merged_into == target and source.signal_count == 0
    assert earlier.merged_into == target
    target.refresh_from_db()
    assert target.signal_count == 5
    assert [e.action for e in _audits(source)] == ["merge"]
    assert _audits(target)[-1].changes["signals_moved"] == ["", "3"]


@pytest.mark.parametrize(
    ("other", "message"),
    [
        (("MK17", "fi"), "same scope"),
        ((None, "fi"), "same scope"),
        (("MK18", "sv"), "same scope"),
    ],
)
def test_merge_across_scopes_or_languages_is_refused(who: dict, other: tuple, message: str) -> None:
    national = who["national"]
    source, target = _theme("MK18"), _theme(other[0], other[1])
    with pytest.raises(ValidationError) as exc:
        themes.theme_merge(actor=national, source=source, target=target)
    assert message in " ".join(exc.value.message_dict["target"])
    source.refresh_from_db()
    assert source.status == Theme.Status.ACTIVE and source.merged_into is None


def test_merge_into_itself_or_a_merged_theme_is_refused(who: dict) -> None:
    a, b = _theme("MK18"), _theme("MK18")
    with pytest.raises(ValidationError):
        themes.theme_merge(actor=who["kainuu"], source=a, target=a)
    themes.theme_merge(actor=who["kainuu"], source=b, target=a)
    c = _theme("MK18")
    with pytest.raises(ValidationError):
        themes.theme_merge(actor=who["kainuu"], source=c, target=b)
    with pytest.raises(ValidationError):
        themes.theme_merge(actor=who["kainuu"], source=b, target=c)


def test_a_regional_coordinator_cannot_merge_into_another_region(who: dict) -> None:
    with pytest.raises(PermissionDenied):
        themes.theme_merge(actor=who["kainuu"], source=_theme("MK18"), target=_theme("MK17"))


def test_split_makes_a_manual_theme_with_pinned_signals(who: dict) -> None:
    theme = _theme(None)
    signals = _with_signals(theme, texts("housing")[:6])
    new = themes.theme_split(
        actor=who["national"], theme=theme, signal_ids=[s.pk for s in signals[:3]], label="Häädöt"
    )
    assert new.is_manual and new.label == "Häädöt" and new.region is None and new.language == "fi"
    assert set(Signal.objects.filter(theme=new, theme_pinned=True).values_list("pk", flat=True)) == {
        s.pk for s in signals[:3]
    }
    theme.refresh_from_db()
    new.refresh_from_db()
    assert (theme.signal_count, new.signal_count) == (3, 3)
    assert new.keywords  # named by its words too
    assert [e.action for e in _audits(new)] == ["split"]


def test_split_refusals_say_what_is_wrong(who: dict) -> None:
    theme, other = _theme(None), _theme(None)
    _with_signals(theme, texts("housing")[:2])
    foreign = _with_signals(other, texts("housing")[2:3])
    with pytest.raises(ValidationError) as exc:
        themes.theme_split(actor=who["national"], theme=theme, signal_ids=[], label=" ")
    assert set(exc.value.message_dict) == {"label", "signal_ids"}
    with pytest.raises(ValidationError) as exc:
        themes.theme_split(actor=who["national"], theme=theme, signal_ids=[foreign[0].pk], label="Uusi")
    assert "not in this theme" in exc.value.message_dict["signal_ids"][0]
    assert Theme.objects.count() == 2


def test_move_pins_and_recounts(who: dict) -> None:
    a, b = _theme("MK18"), _theme("MK18")
    signal = _with_signals(a, texts("housing")[:2])[0]
    themes.signal_move(actor=who["kainuu"], signal=signal, theme=b)
    signal.refresh_from_db()
    a.refresh_from_db()
    b.refresh_from_db()
    assert signal.regional_theme == b and signal.regional_theme_pinned
    assert (a.signal_count, b.signal_count) == (1, 1)
    entry = _audits(signal)[-1]
    assert entry.action == "move" and entry.changes["regional_theme_id"] == [str(a.pk), str(b.pk)]
    assert "text" not in entry.changes
    # To no theme: the level comes from `regional`.
    themes.signal_move(actor=who["kainuu"], signal=signal, theme=None, regional=True)
    signal.refresh_from_db()
    b.refresh_from_db()
    assert signal.regional_theme is None and signal.regional_theme_pinned
    assert b.signal_count == 0 and b.status == Theme.Status.DORMANT


def test_move_refusals(who: dict) -> None:
    a = _theme("MK18")
    signal = _with_signals(a, texts("housing")[:1])[0]
    with pytest.raises(ValidationError):  # another region's theme
        themes.signal_move(actor=who["national"], signal=signal, theme=_theme("MK17"))
    with pytest.raises(ValidationError):  # another language
        themes.signal_move(actor=who["national"], signal=signal, theme=_theme("MK18", "sv"))
    with pytest.raises(PermissionDenied):  # not their region
        themes.signal_move(actor=who["oulu"], signal=signal, theme=None, regional=True)
    with pytest.raises(PermissionDenied):  # national level is for national coordinators
        themes.signal_move(actor=who["kainuu"], signal=signal, theme=None)
    signal.refresh_from_db()
    assert signal.regional_theme == a and not signal.regional_theme_pinned
