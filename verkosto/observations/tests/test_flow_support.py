"""A small world for the flow tests (no tests here): two regions' coordinators, a national
coordinator, a worker, a regional and a national theme with signals, and a network to send
bulletins to. Shared by the browser tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from verkosto.core.models import Municipality, Region
from verkosto.directory.models import TargetGroup
from verkosto.directory.tests.factories import OrganisationFactory, UserFactory, user_with_role
from verkosto.networks.models import Network
from verkosto.networks.tests.factories import NetworkFactory, add_member, person_of
from verkosto.observations.models import Signal, Tag, Theme

PASSWORD = "flow-test-pass-42"

KAINUU_TEXTS = [
    "Nuoret keskeyttävät ammattikoulun, koska vuokra-asunnon kulut ovat liian suuret.",
    "Opiskelija joutui muuttamaan kotiin ja lopetti opinnot asumiskulujen takia.",
    "Asumistuen leikkaus näkyy keskeytyksinä toisella asteella.",
    "Usea nuori kertoi, ettei opintotuki riitä vuokraan.",
    "Ammattiopiston opiskelijat hakevat ruoka-apua vuokran maksamisen jälkeen.",
    "Vuokrat nousseet ja nuoret jättävät koulun kesken töiden vuoksi.",
]


@dataclass
class World:
    kainuu: Region
    oulu: Region
    regional: Theme  # a theme of Kainuu
    national: Theme  # a national theme with signals of Kainuu and North Ostrobothnia
    signals: list[Signal]  # Kainuu's signals, newest first by filing
    oulu_signal: Signal
    coordinator_k: Any  # regional coordinator of Kainuu, coordinates the Kainuu network
    coordinator_o: Any  # regional coordinator of North Ostrobothnia
    national_c: Any  # national coordinator (of every network)
    worker: Any  # a person of a Kainuu organisation
    network: Network  # the Kainuu network


def fresh(user: Any) -> Any:
    """Roles are cached on the user object: a fresh copy sees roles given after it was made."""
    return type(user).objects.get(pk=user.pk)


def _with(user: Any, email: str, first: str, last: str) -> Any:
    user.email = email
    user.first_name = first
    user.last_name = last
    user.set_password(PASSWORD)
    user.save()
    return user


def make_world() -> World:
    kainuu = Region.objects.get(code="MK18")
    oulu = Region.objects.get(code="MK17")
    kajaani = Municipality.objects.get(name_fi="Kajaani")
    suomussalmi = Municipality.objects.get(name_fi="Suomussalmi")
    oulu_town = Municipality.objects.get(name_fi="Oulu")
    regional = Theme.objects.create(
        region=kainuu,
        language="fi",
        keywords=["vuokra", "keskeyttää", "opiskelija", "asuminen"],
        summary="Asumiskulut ajavat ammattikoulun keskeytyksiin.",
        signal_count=len(KAINUU_TEXTS),
        first_observed_on=datetime.date(2025, 1, 6),
        last_observed_on=datetime.date(2025, 3, 2),
    )
    national = Theme.objects.create(
        region=None,
        language="fi",
        keywords=["yksinäisyys", "etäkoulu", "nuori"],
        signal_count=3,
        is_published=True,
    )
    group = TargetGroup.objects.order_by("position").first()
    tag, _created = Tag.objects.get_or_create(name="asuminen")
    signals = []
    for n, text in enumerate(KAINUU_TEXTS):
        signal = Signal.objects.create(
            text=text,
            language="fi",
            observed_on=datetime.date(2025, 1, 6) + datetime.timedelta(days=10 * n),
            municipality=kajaani if n % 2 == 0 else suomussalmi,
            region=kainuu,
            regional_theme=regional,
            regional_theme_similarity=1 - n / 10,
            theme=national if n < 2 else None,
            theme_similarity=0.5,
        )
        if group is not None:
            signal.target_groups.add(group)
        signal.tags.add(tag)
        signals.append(signal)
    oulu_signal = Signal.objects.create(
        text="Nuoret kokevat yksinäisyyttä etäkoulun jälkeen.",
        language="fi",
        observed_on=datetime.date(2025, 2, 1),
        municipality=oulu_town,
        region=oulu,
        theme=national,
        theme_similarity=0.9,
    )
    coordinator_k = _with(
        user_with_role("regional_coordinator", region_code="MK18"), "k@example.fi", "Kaisa", "Koordinaattori"
    )
    coordinator_o = _with(
        user_with_role("regional_coordinator", region_code="MK17"), "o@example.fi", "Olli", "Koordinaattori"
    )
    national_c = _with(user_with_role("national_coordinator"), "national@example.fi", "Nina", "Kansallinen")
    organisation = OrganisationFactory(name_fi="Kajaanin nuorisopaja")
    worker = _with(person_of(organisation), "worker@example.fi", "Ville", "Valmentaja")
    network = NetworkFactory(name_fi="Kainuun työpajat", regions=[kainuu], coordinators=[coordinator_k])
    add_member(network, organisation)
    return World(
        kainuu=kainuu,
        oulu=oulu,
        regional=regional,
        national=national,
        signals=list(reversed(signals)),
        oulu_signal=oulu_signal,
        coordinator_k=coordinator_k,
        coordinator_o=coordinator_o,
        national_c=national_c,
        worker=worker,
        network=network,
    )


def outsider() -> Any:
    return UserFactory()
