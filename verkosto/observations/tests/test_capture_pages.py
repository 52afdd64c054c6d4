"""The capture pages: signals home, filing with its preview step, the live preview, bulk entry, one
signal; who may open them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from verkosto.core.models import AuditEntry
from verkosto.directory.tests.factories import municipality
from verkosto.observations import capture
from verkosto.observations.models import Signal, Theme
from verkosto.observations.tests.test_capture_support import (
    PLANTED,
    contains_original,
    coordinator,
    english,  # noqa: F401 - a fixture
    roleless,
    today,
    worker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

NEW = reverse("observations:signal_create")
HOME = reverse("observations:home")


def _form(**changes):
    data = {
        "text": PLANTED,
        "observed_on": today().isoformat(),
        "municipality": str(municipality("Kajaani").pk),
        "spread": "one",
        "source": "own",
        "language": "fi",
        "tags": "asuminen, Vuokrat",
    }
    data.update(changes)
    return data


def test_pages_need_a_role(client) -> None:
    for url in (HOME, NEW, reverse("observations:signal_bulk"), reverse("observations:signal_import")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(roleless())
    assert client.get(HOME).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(reverse("observations:scrub_preview"), {"text": "x"}).status_code == 403


def test_the_form_has_sensible_defaults(client) -> None:
    client.force_login(worker("Kajaani"))
    response = client.get(NEW)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["observed_on"].value() == today()
    assert form["municipality"].value() == municipality("Kajaani").pk
    assert form["spread"].value() == "one" and form["source"].value() == "own"
    html = response.content.decode()
    assert "<details" in html and 'hx-trigger="keyup changed delay:500ms, change"' in html


def test_filing_shows_the_scrubbed_text_and_then_saves_it(client) -> None:
    client.force_login(worker())
    response = client.post(NEW, _form(action="preview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>[nimi]</mark>" in html and "<mark>[henkilötunnus]</mark>" in html
    assert Signal.objects.count() == 0
    preview_hash = response.context["preview"]["preview_hash"]

    response = client.post(NEW, _form(action="send", preview_hash=preview_hash))
    assert response.status_code == 302 and response["Location"] == HOME
    signal = Signal.objects.get()
    assert "[nimi]" in signal.text and contains_original(signal.text) == []
    assert sorted(signal.tags.values_list("name", flat=True)) == ["asuminen", "vuokrat"]
    home = client.get(HOME)
    assert contains_original(home.content.decode()) == []
    assert "[nimi]" in home.content.decode()


def test_sending_without_seeing_the_preview_shows_it_first(client) -> None:
    client.force_login(worker())
    response = client.post(NEW, _form(action="send"))
    assert response.status_code == 200 and Signal.objects.count() == 0
    assert "<mark>[nimi]</mark>" in response.content.decode()
    # A preview of another text does not count for this one.
    stale = capture.preview_hash("Toinen teksti.")
    response = client.post(NEW, _form(action="send", preview_hash=stale))
    assert Signal.objects.count() == 0


def test_errors_are_shown_next_to_their_fields_in_finnish(client) -> None:
    client.force_login(worker())
    future = (today() + datetime.timedelta(days=5)).isoformat()
    response = client.post(NEW, _form(text="", observed_on=future, action="send"), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "Korjaa alla olevat virheet." in html
    assert set(response.context["form"].errors) == {"text"}
    response = client.post(NEW, _form(observed_on=future, action="preview"), HTTP_ACCEPT_LANGUAGE="fi")
    # The date rule is the service's: previewing passes, sending says why not.
    preview_hash = response.context["preview"]["preview_hash"]
    response = client.post(NEW, _form(observed_on=future, action="send", preview_hash=preview_hash))
    assert response.status_code == 400
    assert "observed_on" in response.context["form"].errors
    assert Signal.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_the_live_preview_fragment(client) -> None:
    client.force_login(worker())
    response = client.post(reverse("observations:scrub_preview"), {"text": PLANTED, "language": "fi"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>[nimi]</mark>" in html and contains_original(html) == []
    assert (
        'name="preview_hash" value="' + capture.preview_hash(capture.scrub_text(PLANTED, "fi").text) in html
    )
    assert "<html" not in html
    assert client.get(reverse("observations:scrub_preview")).status_code == 405


def test_home_lists_my_signals_with_visible_themes(client, django_assert_max_num_queries) -> None:
    user = worker()
    published = Theme.objects.create(language="fi", keywords=["asuminen", "vuokra"], is_published=True)
    hidden = Theme.objects.create(language="fi", keywords=["salainen"], region=municipality("Kajaani").region)
    for n in range(25):
        signal = capture.signal_create(actor=user, text=f"Havainto {n}", observed_on=today())
        Signal.objects.filter(pk=signal.pk).update(theme=published if n % 2 else hidden)
    capture.signal_create(actor=worker(), text="Jonkun muun havainto", observed_on=today())
    client.force_login(user)
    with django_assert_max_num_queries(12):
        response = client.get(HOME)
    signals = response.context["signals"]
    assert len(signals) == 20 and all(s.author == user for s in signals)
    html = response.content.decode()
    assert "asuminen, vuokra" in html and "salainen" not in html
    assert "Jonkun muun" not in html


def test_one_signal_is_seen_by_its_author_and_its_regions_coordinators(client) -> None:
    author = worker("Kajaani")
    signal = capture.signal_create(actor=author, text=PLANTED, observed_on=today())
    url = reverse("observations:signal_detail", args=[signal.uuid])
    for user, status in (
        (author, 200),
        (coordinator("MK18"), 200),
        (coordinator("MK15"), 404),
        (worker(), 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status
    client.force_login(author)
    html = client.get(url).content.decode()
    assert "<mark>[nimi]</mark>" in html and contains_original(html) == []


# --- bulk entry ----------------------------------------------------------------------------------

BULK = reverse("observations:signal_bulk")


def _bulk(**changes):
    data = {
        "lines": (
            "- Nuoret jonottavat ohjaamoon.\n\n* Liisa Virtaselle ei löydy asuntoa.\n"
            "TE-palvelujen odotus venyy."
        ),
        "observed_on": today().isoformat(),
        "municipality": str(municipality("Kajaani").pk),
        "spread": "several",
        "source": "partners",
        "language": "fi",
        "tags": "verkostotapaaminen",
    }
    data.update(changes)
    return data


def test_bulk_entry_previews_then_saves_all(client) -> None:
    client.force_login(coordinator("MK18"))
    response = client.post(BULK, _bulk(action="preview"))
    assert response.status_code == 200
    lines = response.context["preview"]["lines"]
    assert [line["row"] for line in lines] == [1, 3, 4]
    assert lines[1]["text"] == "[nimi] ei löydy asuntoa."
    response = client.post(
        BULK, _bulk(action="save", preview_hash=response.context["preview"]["preview_hash"])
    )
    assert response.status_code == 302
    assert Signal.objects.filter(entry="bulk", spread="several").count() == 3
    assert contains_original(" ".join(Signal.objects.values_list("text", flat=True))) == []


def test_bulk_entry_for_another_region_saves_nothing(client) -> None:
    client.force_login(coordinator("MK18"))
    data = _bulk(municipality=str(municipality("Vaasa").pk))
    response = client.post(BULK, {**data, "action": "preview"})
    assert response.status_code == 400
    assert {error.row for error in response.context["row_errors"]} == {1, 3, 4}
    assert "Save" not in response.content.decode().split('class="form-actions"')[1].split("Preview")[0]
    response = client.post(
        BULK, {**data, "action": "save", "preview_hash": response.context["preview"]["preview_hash"]}
    )
    assert response.status_code == 400 and Signal.objects.count() == 0


def test_workers_do_not_get_bulk_entry(client) -> None:
    client.force_login(worker())
    assert client.get(BULK).status_code == 403
    assert client.post(BULK, _bulk(action="save")).status_code == 403


def test_home_links_follow_the_role(client) -> None:
    client.force_login(worker())
    html = client.get(HOME).content.decode()
    assert reverse("observations:theme_list") in html
    for name in ("radar", "review", "signal_bulk", "signal_import"):
        assert f'href="{reverse("observations:" + name)}"' not in html
    client.force_login(coordinator("MK18"))
    html = client.get(HOME).content.decode()
    for name in ("theme_list", "radar", "review", "signal_bulk", "signal_import"):
        assert f'href="{reverse("observations:" + name)}"' in html


def test_the_site_menu_shows_signals_to_those_who_file(client) -> None:
    link = f'<a href="{HOME}"'
    client.force_login(roleless())
    assert link not in client.get("/").content.decode()
    client.force_login(worker())
    assert link in client.get("/").content.decode()
