"""capture.py: filing signals one by one and many at once. Scrubbing before storage, defaults,
validation, permissions, all or nothing."""

from __future__ import annotations

import datetime
import json
import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from verkosto.core.models import AuditEntry
from verkosto.directory.models import TargetGroup
from verkosto.directory.tests.factories import municipality
from verkosto.observations import capture, keywords, placement
from verkosto.observations.models import Signal, Tag
from verkosto.observations.tests.test_capture_support import (
    PLANTED,
    contains_original,
    coordinator,
    english,  # noqa: F401 - a fixture
    national,
    roleless,
    today,
    worker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _file(user, **kwargs):
    arguments = {"text": "Nuoret jonottavat ohjaamoon viikkoja.", "language": "fi", "observed_on": today()}
    arguments.update(kwargs)
    return capture.signal_create(actor=user, **arguments)


def _every_stored_text() -> str:
    """Every text column of the signal, audit and tag tables, as one string."""
    parts = []
    with connection.cursor() as cursor:
        for table in ("observations_signal", "core_auditentry", "observations_tag"):
            cursor.execute(f"SELECT * FROM {table}")
            parts.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(parts)


def test_the_text_is_scrubbed_before_anything_is_stored(caplog: pytest.LogCaptureFixture) -> None:
    user = worker()
    caplog.set_level(logging.DEBUG)
    signal = _file(user, text=PLANTED, tags=["Asuminen"])
    signal.refresh_from_db()
    assert signal.text.startswith("Soitin [nimi] numeroon [puhelin]")
    assert "[sähköposti]" in signal.text and "[henkilötunnus]" in signal.text
    # Ordinary figures and the place name stay.
    assert "70 %" in signal.text and "17-vuotiasta Kajaanissa" in signal.text
    assert contains_original(_every_stored_text()) == []
    assert contains_original(caplog.text) == []
    entry = AuditEntry.objects.get(object_type="observations.signal", object_id=str(signal.pk))
    assert entry.actor == user and entry.action == "create"
    assert contains_original(json.dumps(entry.changes) + entry.object_repr) == []
    assert "text" not in entry.changes


def test_swedish_texts_get_swedish_placeholders() -> None:
    signal = _file(worker("Vaasa"), text="Jag träffade Anna Lindqvist på Storgatan 5 i Vasa.", language="sv")
    assert signal.text == "Jag träffade [namn] på [adress] i Vasa."


def test_defaults_come_from_the_workers_organisation() -> None:
    user = worker("Kajaani")
    signal = _file(user, tags="Asuminen, asuminen ,  Vuokrat")
    assert signal.municipality == municipality("Kajaani")  # the first by name: Kajaani < Sotkamo
    assert signal.region.code == "MK18"
    assert signal.organisation is not None and signal.author == user
    assert signal.spread == Signal.Spread.ONE and signal.source == Signal.Source.OWN
    assert signal.entry == Signal.Entry.SINGLE
    assert sorted(signal.tags.values_list("name", flat=True)) == ["asuminen", "vuokrat"]


def test_given_fields_are_kept() -> None:
    groups = list(TargetGroup.objects.filter(slug__in=["neet", "students"]))
    signal = _file(
        worker(),
        municipality=municipality("Oulu"),
        target_groups=groups,
        spread=Signal.Spread.MANY,
        source=Signal.Source.PARTNERS,
        observed_on=today() - datetime.timedelta(days=30),
    )
    assert signal.region.code == "MK17"
    assert set(signal.target_groups.values_list("slug", flat=True)) == {"neet", "students"}
    assert (signal.spread, signal.source) == ("many", "partners")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": "   "}, "text", "Write what you noticed."),
        ({"text": "x" * 1001}, "text", "at most 1000 characters long; it has 1001"),
        ({"observed_on": today() + datetime.timedelta(days=1)}, "observed_on", "in the future"),
        ({"observed_on": today() - datetime.timedelta(days=800)}, "observed_on", "more than two years"),
        ({"observed_on": None}, "observed_on", "Enter the date"),
        ({"tags": [f"t{n}" for n in range(11)]}, "tags", "At most 10 tags"),
        ({"tags": ["x" * 51]}, "tags", "at most 50 characters"),
        ({"tags": ["asuminen", "Liisa Virtanen"]}, "tags", "may not contain personal data"),
        ({"tags": ["soita 040 123 4567"]}, "tags", "may not contain personal data"),
        ({"spread": "everyone"}, "spread", "how widespread"),
        ({"source": "rumour"}, "source", "where you know this from"),
        ({"language": "en"}, "language", "Finnish or Swedish"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_is_written(changes, field, message) -> None:
    user = worker()
    with pytest.raises(ValidationError) as caught:
        _file(user, **changes)
    assert field in caught.value.message_dict
    assert any(message in text for text in caught.value.message_dict[field])
    assert Signal.objects.count() == 0 and AuditEntry.objects.count() == 0 and Tag.objects.count() == 0


def test_error_messages_never_quote_the_text() -> None:
    with pytest.raises(ValidationError) as caught:
        _file(worker(), text=PLANTED + " " + "y" * 1000)
    assert contains_original(" ".join(caught.value.messages)) == []


def test_a_long_text_whose_placeholders_make_it_too_long_is_refused() -> None:
    # 70 identity codes of 11 characters become 70 placeholders of 15: past the limit.
    text = " ".join(["131052-308T"] * 80)[:1000]
    with pytest.raises(ValidationError) as caught:
        _file(worker(), text=text)
    assert "placeholders" in caught.value.message_dict["text"][0]


def test_without_an_organisation_the_municipality_must_be_given() -> None:
    with pytest.raises(ValidationError) as caught:
        _file(coordinator())
    assert "municipality" in caught.value.message_dict
    signal = _file(coordinator(), municipality=municipality("Kuhmo"))
    assert signal.organisation is None


def test_who_may_file() -> None:
    from django.contrib.auth.models import AnonymousUser

    for user in (AnonymousUser(), roleless()):
        with pytest.raises(PermissionDenied):
            _file(user, municipality=municipality("Kajaani"))
    assert _file(national(), municipality=municipality("Kajaani")).pk


def test_a_signal_may_not_be_filed_for_someone_elses_organisation() -> None:
    other = worker("Oulu")
    stranger_org = other.roles.get().organisation
    with pytest.raises(ValidationError) as caught:
        _file(worker(), organisation=stranger_org)
    assert "organisation" in caught.value.message_dict


def test_saved_signals_are_placed_and_counted_once_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int]] = []
    real_place, real_record = placement.place_signals, keywords.record_signals

    def place(signals):
        signals = list(signals)
        calls.append(("place", len(signals)))
        return real_place(signals)

    def record(signals):
        signals = list(signals)
        calls.append(("record", len(signals)))
        return real_record(signals)

    monkeypatch.setattr(placement, "place_signals", place)
    monkeypatch.setattr(keywords, "record_signals", record)
    rows = [
        {"text": f"Havainto {n}", "observed_on": today(), "municipality": municipality("Kajaani")}
        for n in range(3)
    ]
    capture.signals_create_many(actor=coordinator(), rows=rows)
    assert calls == [("place", 3), ("record", 3)]


# --- many at once --------------------------------------------------------------------------------


def _rows(**changes_by_index):
    rows = [
        {
            "text": f"Nuoret kertovat asumisen kalleudesta, havainto {n}.",
            "observed_on": today(),
            "municipality": municipality("Kajaani"),
            "tags": ["asuminen"],
        }
        for n in range(3)
    ]
    for index, changes in changes_by_index.items():
        rows[int(index[1:])].update(changes)
    return rows


def test_many_signals_are_saved_together() -> None:
    user = coordinator("MK18")
    signals = capture.signals_create_many(actor=user, rows=_rows(), entry=Signal.Entry.BULK)
    assert len(signals) == 3 and Signal.objects.filter(entry="bulk").count() == 3
    assert Tag.objects.filter(name="asuminen").count() == 1
    assert AuditEntry.objects.filter(object_type="observations.signal", actor=user).count() == 3


def test_one_bad_row_saves_nothing_and_every_problem_is_listed() -> None:
    rows = _rows(
        r1={"observed_on": today() + datetime.timedelta(days=2), "text": PLANTED},
        r2={"text": "", "tags": ["x" * 60]},
    )
    with pytest.raises(capture.RowErrors) as caught:
        capture.signals_create_many(actor=coordinator("MK18"), rows=rows)
    problems = {(error.row, error.field) for error in caught.value.row_errors}
    assert problems == {(2, "observed_on"), (3, "text"), (3, "tags")}
    assert any(message.startswith("Row 2, ") for message in caught.value.messages)
    assert contains_original(" ".join(caught.value.messages)) == []
    assert Signal.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_coordinators_enter_signals_only_for_their_regions() -> None:
    rows = _rows(r0={"municipality": municipality("Vaasa"), "row": 7})
    with pytest.raises(capture.RowErrors) as caught:
        capture.signals_create_many(actor=coordinator("MK18"), rows=rows)
    assert [(e.row, e.field) for e in caught.value.row_errors] == [(7, "municipality")]
    # National reach: anywhere.
    assert len(capture.signals_create_many(actor=national(), rows=rows)) == 3


def test_workers_may_not_enter_in_bulk() -> None:
    with pytest.raises(PermissionDenied):
        capture.signals_create_many(actor=worker(), rows=_rows())
    with pytest.raises(PermissionDenied):
        capture.signals_check_many(actor=worker(), rows=_rows())


def test_check_many_writes_nothing() -> None:
    assert capture.signals_check_many(actor=coordinator("MK18"), rows=_rows()) == []
    assert Signal.objects.count() == 0


def test_preview_parts_highlight_placeholders() -> None:
    parts = capture.preview_parts("Tapasin [nimi] ja [nimi]n.", "fi")
    assert [(p.text, p.is_placeholder) for p in parts] == [
        ("Tapasin ", False),
        ("[nimi]", True),
        (" ja ", False),
        ("[nimi]", True),
        ("n.", False),
    ]
