"""The e-mail digest: who gets what, when, in which language; the command, the task, the setting."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import TaskResultStatus

from verkosto.networks import bulletins
from verkosto.networks.models import Bulletin, DigestPreference
from verkosto.networks.tasks import send_digest

from .bulletin_support import Audience, World, make_world, send

pytestmark = pytest.mark.django_db
Frequency = DigestPreference.Frequency


@pytest.fixture(autouse=True)
def _mail(settings: Any) -> Iterator[None]:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://verkosto.example.fi"
    with translation.override("fi"):
        yield


@pytest.fixture
def world() -> World:
    return make_world()


def choose(user: Any, frequency: str, last_sent_at: datetime.datetime | None = None) -> None:
    DigestPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency, "last_sent_at": last_sent_at}
    )


def published(bulletin: Bulletin, ago: datetime.timedelta) -> Bulletin:
    Bulletin.objects.filter(pk=bulletin.pk).update(published_at=timezone.now() - ago)
    return bulletin


def mailed_to() -> dict[str, str]:
    return {message.to[0]: message.subject for message in mail.outbox}


def test_the_daily_run_mails_each_daily_reader_their_unread_bulletins(world: World) -> None:
    to_kainuu = send(world.coordinator_k, networks=[world.kainuu], title="Lakimuutos Kainuuseen")
    send(world.national, Audience.ALL_NETWORKS, title="Valtakunnallinen tiedote")
    choose(world.reader_k, Frequency.DAILY)
    choose(world.reader_o, Frequency.DAILY)
    choose(world.reader_k2, Frequency.WEEKLY)  # not in the daily run
    choose(world.outsider, Frequency.DAILY)  # nothing addressed to them
    choose(world.coordinator_k, Frequency.DAILY)  # wrote one, read the other
    bulletins.bulletin_mark_read(user=world.coordinator_k, bulletin=Bulletin.objects.get(audience="all"))
    call_command("send_digests", frequency="daily", stdout=None)
    assert mailed_to() == {
        "reader.k@example.fi": "Verkosto: 2 lukematonta tiedotetta",
        "reader.o@example.fi": "Verkosto: 1 lukematon tiedote",
    }
    message = next(m for m in mail.outbox if m.to == ["reader.k@example.fi"])
    assert "Lakimuutos Kainuuseen" in message.body and "Valtakunnallinen tiedote" in message.body
    assert f"https://verkosto.example.fi/networks/bulletins/{to_kainuu.pk}/" in message.body
    assert "https://verkosto.example.fi/networks/bulletins/digest/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fi">' in html
    assert f'href="https://verkosto.example.fi/networks/bulletins/{to_kainuu.pk}/"' in html
    reader_o = next(m for m in mail.outbox if m.to == ["reader.o@example.fi"])
    assert "Lakimuutos Kainuuseen" not in reader_o.body


def test_last_sent_at_moves_on_and_only_newer_bulletins_come_next_time(world: World) -> None:
    choose(world.reader_k, Frequency.DAILY)
    send(world.coordinator_k, networks=[world.kainuu], title="Ensimmäinen")
    before = timezone.now()
    assert send_digest.enqueue(user_id=world.reader_k.pk, frequency="daily").return_value == 1
    sent_at = DigestPreference.objects.get(user=world.reader_k).last_sent_at
    assert sent_at is not None and sent_at >= before
    assert send_digest.enqueue(user_id=world.reader_k.pk, frequency="daily").return_value == 0
    assert len(mail.outbox) == 1  # nothing new, nothing sent
    send(world.coordinator_k, networks=[world.kainuu], title="Toinen")
    call_command("send_digests", frequency="daily", stdout=None)
    assert len(mail.outbox) == 2
    assert "Toinen" in mail.outbox[1].body and "Ensimmäinen" not in mail.outbox[1].body


def test_nothing_is_sent_to_readers_who_have_read_everything(world: World) -> None:
    bulletin = send(world.coordinator_k, networks=[world.kainuu])
    choose(world.reader_k, Frequency.DAILY)
    bulletins.bulletin_mark_read(user=world.reader_k, bulletin=bulletin)
    call_command("send_digests", frequency="daily", stdout=None)
    assert mail.outbox == []
    assert DigestPreference.objects.get(user=world.reader_k).last_sent_at is None


def test_the_weekly_run_mails_weekly_readers_only(world: World) -> None:
    published(
        send(world.coordinator_k, networks=[world.kainuu], title="Viime viikolla"), datetime.timedelta(days=3)
    )
    choose(world.reader_k, Frequency.WEEKLY)
    choose(world.reader_k2, Frequency.DAILY)
    call_command("send_digests", frequency="weekly", stdout=None)
    assert list(mailed_to()) == ["reader.k@example.fi"]
    # The first daily digest covers one day: three days ago is not news for it.
    call_command("send_digests", frequency="daily", stdout=None)
    assert list(mailed_to()) == ["reader.k@example.fi"]


def test_bulletins_read_before_the_digest_are_left_out(world: World) -> None:
    choose(world.reader_k, Frequency.DAILY, last_sent_at=timezone.now() - datetime.timedelta(days=1))
    old = published(
        send(world.coordinator_k, networks=[world.kainuu], title="Vanha"), datetime.timedelta(days=2)
    )
    read = send(world.coordinator_k, networks=[world.kainuu], title="Jo luettu")
    send(world.coordinator_k, networks=[world.kainuu], title="Uusi")
    bulletins.bulletin_mark_read(user=world.reader_k, bulletin=read)
    call_command("send_digests", frequency="daily", stdout=None)
    body = mail.outbox[0].body
    assert "Uusi" in body and "Jo luettu" not in body and old.title not in body


def test_no_mail_without_an_address_or_when_the_choice_changed(world: World) -> None:
    send(world.coordinator_k, networks=[world.kainuu])
    world.reader_k.email = ""
    world.reader_k.save()
    choose(world.reader_k, Frequency.DAILY)
    choose(world.reader_k2, Frequency.NEVER)
    assert bulletins.digest_recipients(frequency="daily") == []
    # A task enqueued before the reader changed their mind sends nothing.
    assert send_digest.enqueue(user_id=world.reader_k2.pk, frequency="daily").return_value == 0
    call_command("send_digests", frequency="daily", stdout=None)
    assert mail.outbox == []


def test_a_failed_sending_is_reported_and_retried_next_time(world: World, monkeypatch: Any) -> None:
    send(world.coordinator_k, networks=[world.kainuu])
    choose(world.reader_k, Frequency.DAILY)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    result = send_digest.enqueue(user_id=world.reader_k.pk, frequency="daily")
    assert result.status == TaskResultStatus.FAILED
    assert DigestPreference.objects.get(user=world.reader_k).last_sent_at is None
    with pytest.raises(CommandError):
        call_command("send_digests", frequency="daily", stdout=None, stderr=None)
    monkeypatch.undo()
    call_command("send_digests", frequency="daily", stdout=None)
    assert len(mail.outbox) == 1


def test_the_command_needs_a_frequency() -> None:
    with pytest.raises(CommandError):
        call_command("send_digests", frequency="hourly")


def test_the_digest_setting_page(world: World) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(world.reader_k)
    page = client.get(reverse("networks:digest_settings"))
    assert page.status_code == 200
    assert 'value="never" required id="id_frequency_0" checked' in page.content.decode()
    response = client.post(reverse("networks:digest_settings"), {"frequency": "weekly"})
    assert response.status_code == 302
    assert DigestPreference.objects.get(user=world.reader_k).frequency == "weekly"
    wrong = client.post(reverse("networks:digest_settings"), {"frequency": "hourly"})
    assert wrong.status_code == 400
    html = wrong.content.decode()
    assert 'href="#id_frequency_0"' in html and 'aria-invalid="true"' in html
    assert DigestPreference.objects.get(user=world.reader_k).frequency == "weekly"


def test_switching_a_digest_on_again_starts_afresh(world: World) -> None:
    choose(world.reader_k, Frequency.NEVER, last_sent_at=timezone.now() - datetime.timedelta(days=60))
    published(
        send(world.coordinator_k, networks=[world.kainuu], title="Kuukausi sitten"),
        datetime.timedelta(days=30),
    )
    bulletins.digest_preference_update(actor=world.reader_k, frequency=Frequency.WEEKLY)
    assert DigestPreference.objects.get(user=world.reader_k).last_sent_at is None
    call_command("send_digests", frequency="weekly", stdout=None)
    assert mail.outbox == []


def test_the_digest_setting_page_says_when_there_is_no_address(world: World) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(world.outsider)
    assert (
        "Digests go to outsider@example.fi."
        in client.get(reverse("networks:digest_settings")).content.decode()
    )
    world.outsider.email = ""
    world.outsider.save()
    assert "has no e-mail address" in client.get(reverse("networks:digest_settings")).content.decode()


def test_the_digest_is_written_in_the_language_the_reader_chose_it_in(world: World) -> None:
    client = Client()
    client.force_login(world.reader_k)
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    response = client.post(reverse("networks:digest_settings"), {"frequency": "daily"})
    assert response.status_code == 302
    assert DigestPreference.objects.get(user=world.reader_k).language == "sv"
    send(world.coordinator_k, Audience.NETWORKS, networks=[world.kainuu], title="Lakimuutos")
    call_command("send_digests", frequency="daily")
    digest = next(m for m in mail.outbox if world.reader_k.email in m.to)
    assert "Lakimuutos" in digest.body
    count = digest.subject.split(":")[1].split()[0]
    with translation.override("sv"):
        expected = translation.ngettext(
            "Verkosto: %(count)d unread bulletin", "Verkosto: %(count)d unread bulletins", int(count)
        ) % {"count": int(count)}
    assert digest.subject == expected
