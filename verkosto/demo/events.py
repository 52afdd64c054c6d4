"""Demo events: a year of the networks' meetings, theme days, visits and networking days.

`load_events()` runs after the demo networks (it needs their members and people) and writes about
80 events from ten months before `today` to two months after it, the real kinds of the background
articles:
- Kainuu's TYPO coordination: partner visits (tutustumiskäynnit) where experts of the employment
  area, TYP, the ELY centre and social services visit the partner associations of Kajaani, the
  networking day (Verkostotreffit) with speed-dating rounds and forum theatre, and the network's
  own meetings;
- Vates' regional activity: a theme day in each of its regions (information in the morning, free
  work in small groups in the afternoon), the supported-employment development group's theme days,
  trainings, a webinar and its stand at Kuntamarkkinat; the Tampere collaboration workshop on
  client paths (and its follow-up, full, with a waiting list);
- ALU and outreach networks' meetings four times a year (the Swedish-language ULA in Swedish, the
  bilingual Ostrobothnian outreach network in both), the Varsinais-Suomi network's advocacy
  themes and workshop day, and the national coordinators' and networks' days.

Past events have registrations, attendance (most present, some absent, a few walk-ins) and
feedback (mostly 4-5, most anonymous); future ones have the registrations made so far. The
networking day gets its rounds from `verkosto.events.rounds.plan_rounds`. Everything is written in
bulk, straight to the tables: this is data set-up, not users' actions, so no e-mail, no audit log.

People are the demo networks' persons (with their logins) and invented guests of directory
organisations; no real person's name is used. E-mail addresses are on example.org, which can never
receive mail. Events carry `is_demo=True`. Deterministic for the seed and `today` (UUIDs, tokens
and the database's own ids aside).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation
from verkosto.events.models import (
    Event,
    Feedback,
    NetworkingPlan,
    ProgrammeItem,
    Registration,
    RegistrationQuestion,
    Seat,
)
from verkosto.networks.models import Membership, Network, PeerGroup

from .generator import FI_FIRST, FI_LAST, SV_FIRST, SV_LAST, genitive
from .networks import COORDINATOR_LOGIN, MEMBER_LOGIN, REAL_SURNAMES, network_specs

_BATCH = 1000
# example.org is reserved (RFC 2606): nothing sent to it is ever delivered.
EMAIL_DOMAIN = "example.org"
ONLINE_BASE = "https://meet.example.org/verkosto/"
NETWORKING_DAY = "kainuu-verkostotreffit"
# Windows of the demo year, in days before and after `today`.
PAST_DAYS = 320
FUTURE_DAYS = 62

Kind = Event.Kind
Form = ProgrammeItem.Form
Text = dict[str, str]


def T(fi: str, sv: str = "", en: str = "") -> Text:
    return {"fi": fi, "sv": sv, "en": en}


# --- places --------------------------------------------------------------------------------------

# code: (genitive in Finnish, the regional centre). Genitives feed titles: "Satakunnan ...".
REGIONS: dict[str, tuple[str, str]] = {
    "MK01": ("Uudenmaan", "Helsinki"),
    "MK02": ("Varsinais-Suomen", "Turku"),
    "MK04": ("Satakunnan", "Pori"),
    "MK05": ("Kanta-Hämeen", "Hämeenlinna"),
    "MK06": ("Pirkanmaan", "Tampere"),
    "MK07": ("Päijät-Hämeen", "Lahti"),
    "MK08": ("Kymenlaakson", "Kouvola"),
    "MK09": ("Etelä-Karjalan", "Lappeenranta"),
    "MK10": ("Etelä-Savon", "Mikkeli"),
    "MK11": ("Pohjois-Savon", "Kuopio"),
    "MK12": ("Pohjois-Karjalan", "Joensuu"),
    "MK13": ("Keski-Suomen", "Jyväskylä"),
    "MK14": ("Etelä-Pohjanmaan", "Seinäjoki"),
    "MK15": ("Pohjanmaan", "Vaasa"),
    "MK16": ("Keski-Pohjanmaan", "Kokkola"),
    "MK17": ("Pohjois-Pohjanmaan", "Oulu"),
    "MK18": ("Kainuun", "Kajaani"),
    "MK19": ("Lapin", "Rovaniemi"),
    "MK21": ("Ahvenanmaan", "Maarianhamina"),
}
# Invented guests per region (people of directory organisations who are not demo users).
GUESTS_PER_REGION = {"MK01": 70, "MK06": 55, "MK02": 50, "MK18": 45, "MK17": 40, "MK21": 12}
GUESTS_DEFAULT = 30
# Organisations guests come from that are not in the demo directory (besides the region's wellbeing
# services county, Kela and the centre's employment services); Uusimaa has several counties, and
# Åland its own services.
UNLISTED = {
    "MK01": ["Länsi-Uudenmaan hyvinvointialue", "Vantaan ja Keravan hyvinvointialue", "Kela",
             "Helsingin kaupungin työllisyyspalvelut"],
    "MK21": ["Ålands hälso- och sjukvård", "Ålands arbetsmarknads- och studieservicemyndighet"],
}  # fmt: skip
SWEDISH_SHARE = {"MK21": 0.9, "MK15": 0.45, "MK01": 0.12, "MK02": 0.08, "MK16": 0.08}


# --- questions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    text: Text
    kind: str = RegistrationQuestion.Kind.TEXT
    choices: str = ""
    required: bool = False


QUESTIONS: dict[str, Question] = {
    "diet": Question(
        T("Erityisruokavalio tai allergiat", "Specialdiet eller allergier", "Special diet or allergies")
    ),
    "access": Question(
        T(
            "Tarvitsetko saavutettavuuteen liittyviä järjestelyjä (esim. esteetön kulku, induktiosilmukka, "
            "tulkkaus)?",
            "Behöver du arrangemang för tillgänglighet (t.ex. tillgänglig entré, hörslinga, tolkning)?",
            "Do you need accessibility arrangements (e.g. step-free access, induction loop, interpreting)?",
        )
    ),
    "captions": Question(
        T(
            "Tarvitsetko tekstityksen tai muun saavutettavuusjärjestelyn verkossa?",
            "Behöver du textning eller annat arrangemang för tillgänglighet på nätet?",
            "Do you need captions or other accessibility arrangements online?",
        ),
        kind=RegistrationQuestion.Kind.YES_NO,
    ),
    "days": Question(
        T("Osallistun", "Jag deltar", "I will attend"),
        kind=RegistrationQuestion.Kind.CHOICE,
        choices="Molempina päivinä\nVain ensimmäisenä päivänä\nVain toisena päivänä",
        required=True,
    ),
    "days_sv": Question(
        T("Osallistun", "Jag deltar", "I will attend"),
        kind=RegistrationQuestion.Kind.CHOICE,
        choices="Båda dagarna\nBara första dagen\nBara andra dagen",
        required=True,
    ),
    "mode": Question(
        T("Osallistumistapa", "Deltagande", "How you take part"),
        kind=RegistrationQuestion.Kind.CHOICE,
        choices="Paikan päällä\nEtänä",
        required=True,
    ),
}
IN_PERSON_QUESTIONS = ("diet", "access")
DIETS = {
    "fi": ("Kasvisruoka", "Gluteeniton", "Laktoositon", "Vegaaninen", "Ei sianlihaa", "Pähkinäallergia"),
    "sv": ("Vegetarisk", "Glutenfri", "Laktosfri", "Vegansk", "Nötallergi"),
}
ACCESS = {
    "fi": (
        "Esteetön kulku, liikun pyörätuolilla.",
        "Induktiosilmukka.",
        "Pysäköintipaikka lähellä sisäänkäyntiä.",
        "Istumapaikka edestä, näen huonosti.",
    ),
    "sv": ("Tillgänglig entré, jag använder rullstol.", "Hörslinga."),
}


# --- programmes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    start: str  # "09:30"
    end: str
    title: Text
    presenter: str = ""
    form: str = Form.INFORMATION
    day: int = 0  # the event's first day is 0


def item(
    start: str,
    end: str,
    fi: str,
    presenter: str = "",
    form: str = Form.INFORMATION,
    *,
    sv: str = "",
    en: str = "",
    day: int = 0,
) -> Item:
    return Item(start, end, T(fi, sv, en), presenter, form, day)


BREAK = Form.BREAK
TPY = "Valtakunnallinen työpajayhdistys"
OUTREACH_CENTRE = "Etsivän nuorisotyön osaamiskeskus"
VATES = "Vates-säätiö, aluekoordinaattori"
ALU_COORDINATOR = "ALU-koordinaattori"
OUTREACH_COORDINATOR = "etsivän nuorisotyön aluekoordinaattori"
TYPO = "Kainuun TYPO-koordinaatio"


@dataclass(frozen=True)
class Topic:
    """One network meeting's subject: title, description, and its main programme item."""

    title: Text
    description: Text
    item: Text
    presenter: str
    form: str = Form.DISCUSSION


ALU_TOPICS = (
    Topic(
        T("Verkostotapaaminen: vuosisuunnitelma ja koulutustoiveet"),
        T(
            "Vuoden ensimmäisessä tapaamisessa sovitaan verkoston vuosisuunnitelmasta ja kootaan jäsenten "
            "koulutustoiveet. Valtakunnallinen työpajayhdistys kertoo ajankohtaiset asiat, ja "
            "vertaisryhmät sopivat kevään tapaamisistaan."
        ),
        T("Vuosisuunnitelma ja koulutustoiveet"),
        ALU_COORDINATOR,
    ),
    Topic(
        T("Verkostotapaaminen: opinnollistaminen ja osaamisen tunnistaminen"),
        T(
            "Miten työpajalla opittu kirjataan niin, että oppilaitos voi tunnustaa sen osaksi tutkintoa? "
            "Jäsenet esittelevät omia tapojaan, ja ammattiopiston opinto-ohjaaja kertoo, mitä "
            "oppilaitos tarvitsee pajalta."
        ),
        T("Osaamisen tunnistaminen: pajojen käytännöt ja oppilaitoksen näkökulma"),
        "ammattiopiston opinto-ohjaaja",
        Form.WORKSHOP,
    ),
    Topic(
        T("Verkostotapaaminen: yhteistyö työllisyysalueen kanssa"),
        T(
            "Työllisyyspalvelut siirtyivät kuntien työllisyysalueille vuoden 2025 alussa. Työllisyysalueen "
            "asiantuntija kertoo, miten nuoria ohjataan työpajoille, ja jäsenet vertaavat kokemuksiaan "
            "ohjausreiteistä, aloituspalavereista ja sopimuksista."
        ),
        T("Ohjaukset työpajoille: työllisyysalueen puheenvuoro ja keskustelu"),
        "työllisyysalueen asiantuntija",
    ),
    Topic(
        T("Verkostotapaaminen: vuoden kuulumiset ja vaikuttamisen teemat"),
        T(
            "Vuoden viimeisessä tapaamisessa katsotaan, mitä verkostossa saatiin aikaan, ja valitaan ensi "
            "vuoden vaikuttamisen teemat. Jäsenet kertovat, mitkä tilaisuudet ja vertaisryhmät olivat "
            "hyödyllisimpiä."
        ),
        T("Vuoden katsaus ja ensi vuoden vaikuttamisen teemat"),
        ALU_COORDINATOR,
    ),
)

VS_TOPICS = (
    Topic(
        T("Verkostokokous: maakunnan työpajatilanne ja edunvalvonta"),
        T(
            "Kokouksen vaikuttamisteemana on maakunnan työpajojen tilannekuva: valmentautujat, jatkopolut, "
            "jonot ja rahoitus. Edunvalvontaryhmä kertoo alkuvuoden tapaamisistaan, ja jäsenet tuovat "
            "omat lukunsa yhteiseen koosteeseen."
        ),
        T("Työpajojen tilannekuva: luvut ja esimerkit vaikuttamistyöhön"),
        "edunvalvontaryhmä",
    ),
    Topic(
        T("Verkostokokous: osaamisen tunnistaminen yhdessä oppilaitosten kanssa"),
        T(
            "Verkosto ja Turun ammatti-instituutti ovat kehittäneet tapaa, jolla työpajoilla opittu "
            "osaaminen kirjataan ja tunnustetaan. Kokouksessa kuullaan kokeilun tulokset ja sovitaan, "
            "miten malli levitetään maakunnan muille pajoille. Vaikuttamisteemana oppimisympäristöt."
        ),
        T("Osaamisen tunnistamisen kokeilu: tulokset ja jatko"),
        "Turun ammatti-instituutti",
        Form.WORKSHOP,
    ),
    Topic(
        T("Verkostokokous: sidosryhmät vieraina"),
        T(
            "Vaikuttamisteemana on yhteistyö maakunnan keskeisten toimijoiden kanssa. Kokoukseen on kutsuttu "
            "työllisyysalueiden, ELY-keskuksen ja Varsinais-Suomen Yrittäjien edustajat keskustelemaan "
            "siitä, miten työpajat näkyvät alueen työllisyydenhoidossa ja mitä yhteistyöltä toivotaan."
        ),
        T("Paneeli: työpajat maakunnan työllisyydenhoidossa"),
        "työllisyysalueet, ELY-keskus ja Varsinais-Suomen Yrittäjät",
    ),
    Topic(
        T("Verkostokokous: kansanedustajatapaaminen ja kevään työpajapäivä"),
        T(
            "Edunvalvontaryhmä esittelee kansanedustajatapaamisen koosteen: maakunnan työpajojen tuoreet "
            "luvut ja jäsenten esimerkit. Lisäksi sovitaan kevään työpajapäivän teemasta ja siitä, "
            "keitä sidosryhmistä siihen kutsutaan."
        ),
        T("Kansanedustajatapaamisen kooste ja työpajapäivän suunnittelu"),
        "edunvalvontaryhmä",
    ),
)

OUTREACH_TOPICS = (
    Topic(
        T(
            "Etsivien verkostotapaaminen: hiljaiset signaalit alueelta",
            "Nätverksträff för uppsökande ungdomsarbete: tysta signaler i regionen",
        ),
        T(
            "Jäsenet kokoavat yhteen, mitä nuorten tilanteissa on viime kuukausina näkynyt: mikä on uutta "
            "ja mikä yleistyy. Havainnot kirjataan Verkostoon ja viedään alueen päättäjille ja "
            "valtakunnalliselle tasolle.",
            "Medlemmarna samlar ihop vad som har synts i de ungas situation under de senaste månaderna: vad "
            "som är nytt och vad som blir vanligare. Iakttagelserna förs in i Verkosto och vidare till "
            "beslutsfattarna i regionen och till den nationella nivån.",
        ),
        T("Hiljaiset signaalit: havaintojen kokoaminen", "Tysta signaler: vi samlar iakttagelserna"),
        OUTREACH_COORDINATOR,
        Form.WORKSHOP,
    ),
    Topic(
        T(
            "Etsivien verkostotapaaminen: digitaalinen etsivä työ",
            "Nätverksträff för uppsökande ungdomsarbete: digitalt uppsökande arbete",
        ),
        T(
            "Miten nuoret tavoitetaan peleissä, somessa ja chateissa, ja miten verkossa alkanut kontakti "
            "siirtyy kasvokkaiseksi? Digitaalisen etsivän työn tekijät kertovat kokemuksistaan.",
            "Hur når man unga i spel, sociala medier och chattar, och hur blir en kontakt som börjat på "
            "nätet ett möte ansikte mot ansikte? De som arbetar digitalt berättar om sina erfarenheter.",
        ),
        T("Kokemuksia digitaalisesta etsivästä työstä", "Erfarenheter av digitalt uppsökande arbete"),
        "digitaalisen etsivän työn vertaisryhmä",
    ),
    Topic(
        T(
            "Etsivien verkostotapaaminen: yhteistyö oppilaitosten ja työpajojen kanssa",
            "Nätverksträff för uppsökande ungdomsarbete: samarbete med läroanstalter och verkstäder",
        ),
        T(
            "Syksyn alussa opintojen keskeyttämiset ja oppilaitosten tiedonsiirrot ovat ajankohtaisia. "
            "Keskustellaan, miten tieto kulkee oppilaitoksilta etsiville ja miten nuori ohjataan "
            "työpajalle ilman katkoksia.",
            "I början av hösten är avbrutna studier och läroanstalternas anmälningar aktuella. Vi diskuterar "
            "hur informationen går från läroanstalterna till de uppsökande arbetarna och hur den unga kommer "
            "till en verkstad utan avbrott.",
        ),
        T(
            "Tiedonsiirto oppilaitoksilta ja ohjaus työpajoille",
            "Anmälningar från läroanstalter och vägen till verkstaden",
        ),
        "ammattiopiston opinto-ohjaaja",
    ),
    Topic(
        T(
            "Etsivien verkostotapaaminen: vuoden tilastot ja ensi vuoden suunnitelma",
            "Nätverksträff för uppsökande ungdomsarbete: årets statistik och nästa års plan",
        ),
        T(
            "Käydään läpi vuoden tavoitetut nuoret ja ohjaukset alueen kunnissa ja sovitaan ensi vuoden "
            "yhteisistä painopisteistä ja koulutuksista.",
            "Vi går igenom årets unga som nåtts och hänvisningarna i regionens kommuner och kommer överens "
            "om nästa års gemensamma fokus och utbildningar.",
        ),
        T("Vuoden luvut ja ensi vuoden painopisteet", "Årets siffror och nästa års fokus"),
        OUTREACH_COORDINATOR,
    ),
)

TYPO_TOPICS = (
    Topic(
        T("TYPO-verkoston tapaaminen: verkostotreffien palautteet ja kevään suunnitelmat"),
        T(
            "Kumppanuusyhdistysten, työllisyysalueen, TYP:n ja hyvinvointialueen yhteinen tapaaminen. "
            "Käydään läpi verkostotreffien palautteet ja sovitaan kevään yhteisistä tilaisuuksista."
        ),
        T("Verkostotreffien palautteet ja kevään tilaisuudet"),
        TYPO,
    ),
    Topic(
        T("TYPO-verkoston tapaaminen: asiakasohjaus yhdistyksiin"),
        T(
            "Miten asiantuntijat ohjaavat asiakkaita yhdistysten työtehtäviin ja toimintaan, ja missä ohjaus "
            "katkeaa? Yhdistykset kertovat, millaisille asiakkaille heillä on nyt paikkoja."
        ),
        T("Ohjausreitit yhdistyksiin: mikä toimii, missä katkeaa"),
        "kumppanuusyhdistykset",
    ),
    Topic(
        T("TYPO-verkoston tapaaminen: syksyn tutustumiskäynnit"),
        T(
            "Sovitaan syksyn tutustumiskäynneistä kumppanuusyhdistyksiin: aikataulu, mukaan tulevat "
            "asiantuntijat ja mitä kultakin yhdistykseltä toivotaan esittelyyn."
        ),
        T("Tutustumiskäyntien aikataulu ja toiveet yhdistyksille"),
        TYPO,
    ),
    Topic(
        T("TYPO-verkoston tapaaminen: käyntien palautteet ja seuraava kierros"),
        T(
            "Tutustumiskäyntien palautteet käydään läpi yhdessä yhdistysten kanssa. Sovitaan seuraavan "
            "kierroksen kohteista; toiveissa on ollut ainakin Nuorten ystävien Klubitalo Tönäri."
        ),
        T("Käyntien palautteet ja seuraavan kierroksen kohteet"),
        TYPO,
    ),
)

ULA_TOPICS = (
    Topic(
        T(
            "Verkostotapaaminen etänä: vuosisuunnitelma ja koulutustoiveet",
            "Nätverksträff på distans: årsplan och utbildningsönskemål",
        ),
        T(
            "Sovitaan vuoden tapaamisista ja kootaan koulutustoiveet. Verkoston työkieli on ruotsi.",
            "Vi kommer överens om årets träffar och samlar in önskemål om utbildning. Nätverkets arbetsspråk "
            "är svenska, och alla svensk- och tvåspråkiga verkstäder är välkomna.",
        ),
        T("Vuosisuunnitelma", "Årsplanen"),
        ALU_COORDINATOR,
    ),
    Topic(
        T(
            "Verkostotapaaminen etänä: ruotsinkielinen valmennusmateriaali",
            "Nätverksträff på distans: coachningsmaterial på svenska",
        ),
        T(
            "Jäsenet esittelevät ruotsinkielistä valmennusmateriaalia, jota on tehty pajoilla, ja sovitaan "
            "yhteisestä materiaalipankista.",
            "Medlemmarna visar svenskspråkigt coachningsmaterial som gjorts i verkstäderna, och vi kommer "
            "överens om en gemensam materialbank så att ingen behöver översätta samma sak två gånger.",
        ),
        T("Materiaalipankki: mitä meillä jo on?", "Materialbanken: vad har vi redan?"),
        "jäsenverkstäder",
        Form.WORKSHOP,
    ),
    Topic(
        T(
            "Syksyn verkostotapaaminen: ruotsinkieliset palvelut työllisyysalueilla",
            "Höstens nätverksträff: service på svenska i sysselsättningsområdena",
        ),
        T(
            "Miten nuoret saavat palvelua ruotsiksi uusilla työllisyysalueilla? Jäsenet kertovat "
            "kokemuksistaan ensimmäiseltä vuodelta.",
            "Hur får unga service på svenska i de nya sysselsättningsområdena? Medlemmarna berättar om sina "
            "erfarenheter från det första året och vi samlar dem till koordinatorn för det nationella "
            "påverkansarbetet.",
        ),
        T("Kokemuksia työllisyysalueilta", "Erfarenheter från sysselsättningsområdena"),
        ALU_COORDINATOR,
    ),
)


def meeting_programme(
    topic: Topic,
    *,
    national: str,
    coordinator: str,
    online: bool,
    host: str = "",
    swedish: bool = False,
    news: str = "Ajankohtaista valtakunnalliselta tasolta",
) -> tuple[Item, ...]:
    """A network meeting: news from the national level, the topic, peer groups or the host."""
    sv = swedish
    if online:
        return (
            item("13:00", "13:15", "Kuulumiskierros", "", Form.DISCUSSION, sv="Hur är läget?" if sv else ""),
            item("13:15", "13:45", news, national, sv="Aktuellt från den nationella nivån" if sv else ""),
            Item("13:45", "14:45", topic.item, topic.presenter, topic.form),
            item(
                "14:45",
                "15:00",
                "Yhteenveto ja seuraava tapaaminen",
                coordinator,
                Form.DISCUSSION,
                sv="Sammanfattning och nästa träff" if sv else "",
            ),
        )
    afternoon = (
        item("12:30", "13:30", f"Tutustuminen: {host}", host, Form.VISIT, sv=f"Besök: {host}" if sv else "")
        if host
        else item("12:30", "13:30", "Vertaisryhmät", "", Form.DISCUSSION, sv="Kamratgrupper" if sv else "")
    )
    return (
        item(
            "09:30",
            "10:00",
            "Aamukahvi ja kuulumiskierros",
            "",
            Form.DISCUSSION,
            sv="Morgonkaffe och hur är läget?" if sv else "",
        ),
        item("10:00", "10:30", news, national, sv="Aktuellt från den nationella nivån" if sv else ""),
        Item("10:30", "11:45", topic.item, topic.presenter, topic.form),
        item("11:45", "12:30", "Lounas", "", BREAK, sv="Lunch" if sv else ""),
        afternoon,
        item(
            "13:30",
            "14:00",
            "Yhteenveto ja seuraavan tapaamisen sopiminen",
            coordinator,
            Form.DISCUSSION,
            sv="Sammanfattning och nästa träff" if sv else "",
        ),
    )


def theme_day_programme(opening: str, morning: Sequence[tuple[str, str]], work: str) -> tuple[Item, ...]:
    """A theme day: information in the morning, free work in small groups in the afternoon."""
    items = [item("09:00", "09:15", "Tervetuloa ja päivän tavoitteet", opening)]
    slots = (("09:15", "10:00"), ("10:00", "10:45"), ("10:45", "11:15"))
    for (start, end), (title, presenter) in zip(slots, morning, strict=False):
        items.append(item(start, end, title, presenter))
    items += [
        item("11:15", "12:00", "Lounas", "", BREAK),
        item("12:00", "13:30", f"Vapaamuotoinen työskentely pienryhmissä: {work}", "", Form.WORKSHOP),
        item("13:30", "14:00", "Ryhmien havainnot ja yhteenveto", opening, Form.DISCUSSION),
    ]
    return tuple(items)


# --- what each event is --------------------------------------------------------------------------


@dataclass
class Spec:
    """One demo event, decided before anything is written."""

    key: str
    kind: str
    title: Text
    description: Text
    day: dt.date
    start: str
    end: str
    days: int = 1
    networks: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # directory names (fi); missing ones are skipped
    regions: tuple[str, ...] = ()
    place: str = ""
    address: str = ""
    municipality: str = ""  # a 2025 municipality's Finnish name
    online: bool = False
    audience: str = Event.Audience.PUBLIC
    language: str = Event.Language.FINNISH
    status: str = Event.Status.PUBLISHED
    capacity: int | None = None
    window: tuple[int, int] | None = (35, 4)  # registration opens/closes days before; None: open
    programme: tuple[Item, ...] = ()
    questions: tuple[str, ...] = ()
    expected: int = 20  # sign-ups by the time registration closes
    rush: float = 2.0  # the larger, the sooner after the invitation people sign up
    crowd: tuple[tuple[str, float], ...] = ()  # (pool, share of `expected`)
    fill: bool = True  # top up from the event's regions (public events)
    must: tuple[str, ...] = ()  # usernames who register whatever the draw
    created_by: str = ""
    walk_ins: int = 0  # at most this many walk-ins at a past event
    present: float = 0.9  # share of those attending who come
    answer: float = 0.5  # share of those present who give feedback
    mood: float = 0.0  # shifts ratings: below zero a weaker event, above a better one
    feedback: str = "theme"  # which feedback texts fit

    def last_day(self) -> dt.date:
        return self.day + dt.timedelta(days=self.days - 1) if self.days > 1 else self.day


# Public holidays with a fixed date; nobody holds network events in July or over Christmas either.
HOLIDAYS = {(1, 1), (1, 6), (5, 1), (12, 6)}


class Calendar:
    """Dates of the demo year: anchored to a day of the year (the articles' seasons) or to `today`."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.first = today - dt.timedelta(days=PAST_DAYS)
        self.last = today + dt.timedelta(days=FUTURE_DAYS)

    @staticmethod
    def working(day: dt.date) -> bool:
        season = day.month == 7 or (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6)
        return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS and not season

    def workday(self, day: dt.date, *, past: bool = False, days: int = 1) -> dt.date:
        """The nearest working day on or after `day`, or before it if that would leave the demo
        year (or not be past, if `past`). Events of several days start early in the week."""

        def fits(d: dt.date) -> bool:
            return self.working(d) and not (days > 1 and d.weekday() > 5 - days)

        latest = self.today - dt.timedelta(days=1) if past else self.last
        ahead = day
        while not fits(ahead):
            ahead += dt.timedelta(days=1)
        if ahead <= latest:
            return ahead
        back = min(day, latest)
        while not fits(back):
            back -= dt.timedelta(days=1)
        return back

    def on(self, month: int, day: int, *, past: bool = False, days: int = 1) -> dt.date:
        """The day of the year inside the demo year (the latest such, and before today if `past`)."""
        candidates = [
            dt.date(y, month, day) for y in (self.today.year - 1, self.today.year, self.today.year + 1)
        ]
        last = self.today - dt.timedelta(days=2) if past else self.last
        inside = [c for c in candidates if self.first <= c <= last]
        if inside:
            chosen = max(inside)
        elif past:
            chosen = max(c for c in candidates if c <= last)
        else:
            chosen = min(c for c in candidates if c >= self.first)
        return self.workday(chosen, past=past, days=days)

    def ago(self, days: int, *, length: int = 1) -> dt.date:
        return self.workday(self.today - dt.timedelta(days=days), past=True, days=length)

    def ahead(self, days: int, *, length: int = 1) -> dt.date:
        return self.workday(self.today + dt.timedelta(days=days), days=length)


# --- the year's events ---------------------------------------------------------------------------

KAINUU_VISITS: tuple[tuple[str, tuple[int, int], str], ...] = (
    (
        "Kainuun Nuotta ry",
        (9, 15),
        "Kainuun Nuotta kertoo kylä- ja asukastoiminnasta sekä työstä ja työkokeiluista kylillä eri puolilla "
        "maakuntaa.",
    ),
    (
        "Nakertaja Hetteenmäen kyläyhdistys ry",
        (9, 22),
        "Kyläyhdistys esittelee asukastupaa ja työ- ja työtoimintapaikkoja, joita se tarjoaa alueen "
        "työttömille lähellä kotia.",
    ),
    (
        "Etnika Kainuu ry",
        (9, 29),
        "Etnika Kainuu kertoo kotoutumista tukevasta vertaistuesta, kieliryhmistä ja ohjauksesta sekä siitä, "
        "miten maahan muuttaneita asiakkaita voi ohjata yhdistyksen toimintaan.",
    ),
    (
        "Kajaanin työvoimayhdistys ry",
        (10, 6),
        "Työvoimayhdistys esittelee palkkatuettua työtä, työkokeiluja ja kuntouttavaa työtoimintaa sekä "
        "työtehtävät, joihin asiakkaita voi ohjata.",
    ),
    (
        "Kapova ry",
        (10, 20),
        "Kapova eli Kainuun kansanterveys-, potilas- ja vammaisjärjestöjen yhdistys esittelee "
        "jäsenjärjestöjen yhteistä toimintaa ja kaikille avointa päivätoimintaa.",
    ),
    (
        "Spartak Kajaani ry",
        (10, 27),
        "Spartak Kajaani kertoo ennaltaehkäisevästä ja erityisnuorisotyöstä: miten harrastus-, urheilu- ja "
        "pajatoiminta tukevat nuoria aikuisia kohti arjen hallintaa, opiskelua ja työtä.",
    ),
    (
        "Kumppaniksi ry",
        (11, 10),
        "Kierroksen lisäkäynti. Kumppaniksi tarjoaa työelämän ulkopuolella oleville aikuisille mielekästä "
        "tekemistä, työtoimintaa ja yhteisön tukea.",
    ),
)
VISIT_DESCRIPTION = (
    "Tutustumiskäynti kumppanuusyhdistykseen. {note} Mukana ovat työllisyysalueen, TYP:n, Kainuun "
    "ELY-keskuksen ja hyvinvointialueen sosiaalipalvelujen asiantuntijoita. Kainuun TYPO-koordinaatio "
    "järjestää käynnit, jotta yhdistysten palvelut tulevat näkyviksi ja asiakkaat ohjautuvat "
    "oikea-aikaisesti sopivaan palveluun."
)


def visit_programme(host: str) -> tuple[Item, ...]:
    return (
        item("09:00", "09:45", f"Yhdistyksen toiminta ja palvelut asiakkaille: {host}", host),
        item("09:45", "10:30", "Tutustuminen työtiloihin ja työtehtäviin", host, Form.VISIT),
        item("10:30", "11:00", "Keskustelua: asiakasohjaus ja yhteistyö jatkossa", TYPO, Form.DISCUSSION),
    )


@dataclass(frozen=True)
class RegionalTheme:
    title: str  # after "{genitive} työllisyystoimijoiden tilaisuus: "
    description: str
    talk: tuple[str, str]  # the second morning talk: title, presenter
    work: str  # the afternoon's question


VATES_THEMES = (
    RegionalTheme(
        "järjestöt työllisyysalueen kumppaneina",
        "Aamupäivällä kuullaan työllisyysalueen ajankohtaiset asiat ja se, miten järjestöjen palvelut voivat "
        "tukea kunnan työllisyydenhoitoa. Iltapäivällä pienryhmissä haetaan kohtia, joissa järjestöjen "
        "palvelut sopivat asiakkaiden polkuihin.",
        ("Järjestöt kuntien työllisyydenhoidon tukena", "Vates-säätiö"),
        "miten järjestöjen palvelut saadaan osaksi asiakkaiden polkuja?",
    ),
    RegionalTheme(
        "työkyky ja työllistyminen",
        "Aamupäivällä kuullaan, miten työkykyä arvioidaan järjestöissä ja mitä osatyökykyisten "
        "työllistymistä koskevat muutokset tarkoittavat asiakkaille. Iltapäivällä työskennellään "
        "pienryhmissä tapausesimerkkien parissa.",
        ("Työkyvyn arviointi järjestöissä: kokemuksia ja menetelmiä", "työhönvalmennusta tarjoava järjestö"),
        "mitä osatyökykyisen asiakkaan polulla tarvitaan?",
    ),
    RegionalTheme(
        "työnantajat ja rekrytointi",
        "Aamupäivällä alueen työnantajat kertovat, miten he rekrytoivat ja perehdyttävät osatyökykyisiä ja "
        "vammaisia työntekijöitä ja mikä tuki on auttanut. Iltapäivällä pienryhmissä suunnitellaan "
        "työnantajayhteistyötä yli organisaatiorajojen.",
        ("Työnantajan puheenvuoro: rekrytointi ja perehdyttäminen", "alueen työnantaja"),
        "miten työnantajia tuetaan yhdessä, ei kukin erikseen?",
    ),
    RegionalTheme(
        "yhteistyö oppilaitosten kanssa",
        "Aamupäivällä järjestöt ja oppilaitokset kertovat yhteistyöstään: miten vaativaa erityistä tukea "
        "tarvitsevien opiskelijoiden siirtymä koulutuksesta työelämään onnistuu. Iltapäivällä pienryhmissä "
        "sovitaan, mitä kokeillaan alueella seuraavaksi.",
        ("Järjestöjen ja oppilaitosten yhteistyö: järjestöt kertovat", "ammatillinen erityisoppilaitos"),
        "missä nivelvaiheessa tieto katkeaa ja miten sen voi korjata?",
    ),
)
# Vates' regional activity: a theme day in each region (Pirkanmaa's is the Tampere workshop).
VATES_REGIONS: tuple[tuple[str, tuple[int, int]], ...] = (
    ("MK01", (2, 5)),
    ("MK02", (2, 26)),
    ("MK04", (3, 19)),
    ("MK05", (4, 9)),
    ("MK07", (4, 23)),
    ("MK08", (5, 14)),
    ("MK10", (5, 28)),
    ("MK11", (8, 27)),
    ("MK12", (9, 3)),
    ("MK13", (10, 1)),
    ("MK14", (10, 15)),
    ("MK15", (10, 29)),
    ("MK19", (11, 26)),
    ("MK17", (1, 21)),
)
VATES_CANCELLED = "MK10"


def _online(key: str) -> str:
    return ONLINE_BASE + key


class Planner:
    """Builds the year's specs. Hosts are drawn from the networks' members in the directory."""

    def __init__(self, rng: random.Random, cal: Calendar, ref: Reference) -> None:
        self.rng = rng
        self.cal = cal
        self.ref = ref
        self.specs: list[Spec] = []

    def add(self, spec: Spec) -> Spec:
        self.specs.append(spec)
        return spec

    def host(self, network: str, region: str | None = None, *, besides: str = "") -> tuple[str, str]:
        """A current member of the network (in the region, if given; not `besides`) and its home
        municipality."""
        orgs = [
            self.ref.orgs[pk] for pk in self.ref.members.get(network, []) if self.ref.orgs[pk].name != besides
        ]
        if region:
            orgs = [o for o in orgs if region in o.regions] or orgs
        if not orgs:
            return "", ""
        org = self.rng.choice(orgs)
        return org.name, org.home

    def plan(self) -> list[Spec]:
        self.kainuu()
        self.vates()
        self.tampere()
        self.meetings()
        self.varsinais_suomi()
        self.swedish()
        self.national()
        return self.specs

    # Kainuu: the TYPO coordination's visits, networking day and meetings ---------------------------

    def kainuu(self) -> None:
        cal = self.cal
        common: dict[str, Any] = {
            "networks": ("typo",),
            "regions": ("MK18",),
            "municipality": "Kajaani",
            "created_by": COORDINATOR_LOGIN,
        }
        for host, (month, day), note in KAINUU_VISITS:
            self.add(
                Spec(
                    key=f"kainuu-kaynti-{slugify(host)}",
                    kind=Kind.PARTNER_VISIT,
                    title=T(f"Tutustumiskäynti: {host}", "", f"Partner visit: {host}"),
                    description=T(VISIT_DESCRIPTION.format(note=note)),
                    day=cal.on(month, day),
                    start="09:00",
                    end="11:00",
                    organisations=(host,),
                    place=host,
                    audience=Event.Audience.MEMBERS,
                    capacity=15,
                    window=(30, 3),
                    programme=visit_programme(host),
                    questions=("access",),
                    expected=13,
                    crowd=(("experts", 0.7), ("net:typo", 0.3)),
                    fill=False,
                    must=(COORDINATOR_LOGIN,),
                    present=0.92,
                    answer=0.7,
                    mood=0.4,
                    feedback="visit",
                    **common,
                )
            )
        tonari = "Nuorten ystävien Klubitalo Tönäri"
        self.add(
            Spec(
                key="kainuu-kaynti-klubitalo-tonari",
                kind=Kind.PARTNER_VISIT,
                title=T(f"Tutustumiskäynti: {tonari}", "", f"Partner visit: {tonari}"),
                description=T(
                    VISIT_DESCRIPTION.format(
                        note="Seuraavan kierroksen ensimmäinen käynti, jota moni toivoi syksyn palautteissa. "
                        "Klubitalo esittelee klubitalomallia: jäsenet ja henkilökunta tekevät talon työt "
                        "yhdessä, ja jäseniä tuetaan kohti opiskelua ja työtä."
                    )
                ),
                day=cal.ahead(9),
                start="09:00",
                end="11:00",
                organisations=(tonari,),
                place=tonari,
                audience=Event.Audience.MEMBERS,
                capacity=15,
                window=(21, 2),
                programme=visit_programme(tonari),
                questions=("access",),
                expected=14,
                crowd=(("experts", 0.7), ("net:typo", 0.3)),
                fill=False,
                must=(COORDINATOR_LOGIN, MEMBER_LOGIN),
                **common,
            )
        )
        self.add(
            Spec(
                key="kainuu-kaynti-nuotta-kylat",
                kind=Kind.PARTNER_VISIT,
                title=T("Tutustumiskäynti kylille: Kainuun Nuotan työtehtävät paikan päällä"),
                description=T(
                    "Kainuun Nuotta näyttää paikan päällä kylätalojen ja ympäristönhoidon työtehtävät, "
                    "joihin asiakkaita voi ohjata työkokeiluun tai palkkatuella. Käynti on siirretty: uusi "
                    "ajankohta sovitaan, kun kelit sallivat kylille ajamisen."
                ),
                day=cal.ahead(23),
                start="09:00",
                end="13:00",
                organisations=("Kainuun Nuotta ry",),
                place="Kainuun kylät, lähtö Kajaanista",
                audience=Event.Audience.MEMBERS,
                status=Event.Status.POSTPONED,
                capacity=12,
                window=(28, 5),
                programme=(
                    item("09:00", "10:00", "Ajo kylille ja Nuotan esittely matkalla", "Kainuun Nuotta ry"),
                    item(
                        "10:00",
                        "12:00",
                        "Kylätalon ja ympäristönhoidon työtehtävät",
                        "Kainuun Nuotta ry",
                        Form.VISIT,
                    ),
                    item("12:00", "13:00", "Lounas ja keskustelu kylätalolla", "", BREAK),
                ),
                questions=("access",),
                expected=9,
                crowd=(("experts", 0.8), ("net:typo", 0.2)),
                fill=False,
                must=(COORDINATOR_LOGIN,),
                **common,
            )
        )
        treffit = (
            item("08:30", "09:00", "Aamukahvi", "", BREAK),
            item("09:00", "09:15", "Avaus", "Kainuun TYPO-koordinaatio ja Osaava ohjaaja -hanke"),
            item(
                "09:15",
                "10:15",
                "Pikatreffit: keskustelukumppanina joku, jota et ole ennen tavannut",
                "Intotalo, valmentaja",
                Form.WORKSHOP,
            ),
            item(
                "10:15",
                "11:30",
                "Pöytäkeskustelut: toimivat käytänteet asiakasohjauksen arjessa",
                "",
                Form.DISCUSSION,
            ),
            item("11:30", "12:30", "Lounas", "", BREAK),
            item(
                "12:30",
                "14:30",
                "Forum-teatteri: työttömän Timon kohtaaminen Katto Oy:ssä",
                "Vaara-kollektiivi",
                Form.WORKSHOP,
            ),
            item("14:30", "15:00", "Yhteenveto ja palautteet", "Kainuun TYPO-koordinaatio", Form.DISCUSSION),
        )
        self.add(
            Spec(
                key=NETWORKING_DAY,
                kind=Kind.NETWORKING_DAY,
                title=T(
                    "Verkostotreffit: Kainuun työllisyystoimijoiden verkostoitumis- ja valmennuspäivä",
                    "",
                    "Network dating: a networking and coaching day for Kainuu's employment actors",
                ),
                description=T(
                    "Kainuun työllisyysalueen asiantuntijoiden ja työllisyyttä edistävien hanketoimijoiden "
                    'yhteinen päivä. "Kainuu on pieni ja ihmiset tuttuja" – silti lähes jokaisessa pöydässä '
                    "istuu joku, jota kaikki eivät tunne. Aamupäivän pikatreffeillä jokainen keskustelee "
                    "ihmisten kanssa, joita ei ole ennen tavannut, ja pöytäryhmissä jaetaan toimivia "
                    "käytänteitä asiakasohjauksesta. Iltapäivällä Vaara-kollektiivin forum-teatteri tuo "
                    "näyttämölle asiakasohjauksen arjen tilanteita, joita ratkotaan yhdessä. Järjestäjinä "
                    "Kainuun TYPO-koordinaatio ja Osaava ohjaaja -hanke.",
                    "",
                    "A joint day for the advisers of Kainuu's employment area and the projects that promote "
                    "employment. In the morning, speed-dating rounds pair people who have not met before; in "
                    "the afternoon, forum theatre puts everyday client guidance on stage.",
                ),
                day=cal.on(2, 1, past=True),
                start="08:30",
                end="15:00",
                place="Kajaanin kaupungintalo, valtuustosali",
                capacity=48,
                window=(40, 7),
                programme=treffit,
                questions=IN_PERSON_QUESTIONS,
                expected=54,
                crowd=(("experts", 0.3), ("net:typo", 0.2), ("region:MK18", 0.5)),
                must=(COORDINATOR_LOGIN, MEMBER_LOGIN),
                walk_ins=2,
                present=0.94,
                answer=0.6,
                mood=0.5,
                feedback="networking",
                **common,
            )
        )
        self.add(
            Spec(
                key="kainuu-verkostotreffit-2",
                kind=Kind.NETWORKING_DAY,
                title=T("Verkostotreffit 2: asiakkaan polku yhdistyksiin"),
                description=T(
                    "Luonnos. Toiset verkostotreffit jatkavat siitä, mihin ensimmäisillä jäätiin: "
                    "pikatreffit uusien kasvojen kanssa ja pöytäryhmissä asiakkaan polku työllisyysalueelta "
                    "kumppanuusyhdistyksiin. Ohjelma ja paikka varmistuvat."
                ),
                day=cal.ahead(58),
                start="08:30",
                end="15:00",
                status=Event.Status.DRAFT,
                capacity=60,
                window=(40, 7),
                programme=treffit[:4],
                questions=IN_PERSON_QUESTIONS,
                expected=0,
                **common,
            )
        )
        for quarter, (month, day) in enumerate(((3, 10), (5, 26), (9, 1), (11, 24))):
            topic = TYPO_TOPICS[quarter]
            online = quarter == 1
            # Not at the association the network plans to visit next.
            host, _home = (
                ("", "") if online else self.host("typo", besides="Nuorten ystävien Klubitalo Tönäri")
            )
            self.add(
                Spec(
                    key=f"typo-tapaaminen-{quarter + 1}",
                    kind=Kind.NETWORK_MEETING,
                    title=topic.title,
                    description=topic.description,
                    day=cal.on(month, day),
                    start="13:00" if online else "09:30",
                    end="15:00" if online else "14:00",
                    networks=("typo",),
                    regions=("MK18",),
                    organisations=(host,) if host else (),
                    place=host,
                    municipality="" if online else "Kajaani",
                    online=online,
                    audience=Event.Audience.MEMBERS,
                    window=None,
                    programme=meeting_programme(
                        topic,
                        national="työllisyysalue ja Kainuun ELY-keskus",
                        coordinator=TYPO,
                        online=online,
                        host=host,
                        news="Ajankohtaista työllisyysalueelta ja ELY-keskuksesta",
                    ),
                    questions=() if online else ("diet",),
                    expected=14,
                    crowd=(("net:typo", 0.6), ("experts", 0.4)),
                    fill=False,
                    must=(COORDINATOR_LOGIN,),
                    created_by=COORDINATOR_LOGIN,
                    walk_ins=0 if online else 1,
                    feedback="meeting",
                    answer=0.35,
                )
            )

    # Vates: regional theme days, the development group, trainings, a webinar -------------------------

    def vates(self) -> None:
        cal = self.cal
        for i, (code, (month, day)) in enumerate(VATES_REGIONS):
            region_of, centre = REGIONS[code]
            theme = VATES_THEMES[i % len(VATES_THEMES)]
            host, home = self.host("vates", code)
            cancelled = code == VATES_CANCELLED
            description = (
                f"Vates-säätiön aluetoiminta kutsuu {region_of} järjestöt, "
                "työllisyysalueiden asiantuntijat, oppilaitokset ja tuetun työllistymisen palveluntuottajat "
                f"yhteen. {theme.description}"
            )
            if cancelled:
                description += (
                    " Tilaisuus on peruttu vähäisen ilmoittautumismäärän vuoksi; aihe siirtyy syksyyn."
                )
            self.add(
                Spec(
                    key=f"vates-{code.lower()}",
                    kind=Kind.THEME_DAY,
                    title=T(f"{region_of} työllisyystoimijoiden tilaisuus: {theme.title}"),
                    description=T(description),
                    day=cal.on(month, day),
                    start="09:00",
                    end="14:00",
                    networks=("vates",),
                    organisations=("Vates-säätiö", *((host,) if host else ())),
                    regions=(code,),
                    place=host or f"{centre}, kaupungintalo",
                    municipality=home or centre,
                    status=Event.Status.CANCELLED if cancelled else Event.Status.PUBLISHED,
                    capacity=60,
                    window=(42, 5),
                    programme=theme_day_programme(
                        VATES,
                        (
                            (
                                "Työllisyysalueen ajankohtaiset: palvelut, ohjaus ja yhteistyö",
                                "työllisyysalueen asiantuntija",
                            ),
                            theme.talk,
                            (
                                f"Järjestöpuheenvuoro: {host}" if host else "Järjestöpuheenvuoro",
                                host or "alueen järjestö",
                            ),
                        ),
                        theme.work,
                    ),
                    questions=IN_PERSON_QUESTIONS,
                    expected=12 if cancelled else self.rng.randint(24, 44),
                    crowd=((f"region:{code}", 1.0),),
                    must=("koordinaattori-vates",),
                    created_by="koordinaattori-vates",
                    walk_ins=3,
                    mood=self.rng.uniform(-0.3, 0.4),
                )
            )
        self.add(
            Spec(
                key="vates-kehittamisryhma-ohjausosaaminen",
                kind=Kind.THEME_DAY,
                title=T(
                    "Työhönvalmennuksen kehittämisryhmän teemapäivä: ohjausosaaminen ja vaikuttamistyö",
                    "",
                    "Supported employment development group theme day: guidance skills and advocacy",
                ),
                description=T(
                    "Kehittämisryhmän teemapäivä noudattaa tuttua rakennetta: aamupäivällä jaetaan tietoa, "
                    "iltapäivällä työskennellään vapaamuotoisesti. Aamupäivällä kuullaan lakimuutoksista, "
                    "jotka vaikuttavat työhönvalmentajien työhön ja asiakkaisiin, ja kaksi ryhmän jäsentä "
                    "esittelee oman organisaationsa toimintaa. Iltapäivällä pohditaan, miten "
                    "työhönvalmennuksen tarpeellisuus ja tulokset saadaan näkyviksi päättäjille."
                ),
                day=cal.on(4, 22),
                start="09:00",
                end="14:00",
                networks=("vates",),
                organisations=("Vates-säätiö",),
                regions=("MK01",),
                place="Vates-säätiö, koulutustila",
                municipality="Helsinki",
                capacity=40,
                window=(35, 5),
                programme=theme_day_programme(
                    VATES,
                    (
                        ("Lakimuutokset ja työhönvalmentajan arki", "Vates-säätiö, asiantuntija"),
                        (
                            "Jäsenet esittelevät: kaksi tapaa järjestää työhönvalmennus",
                            "kehittämisryhmän jäsenet",
                        ),
                        ("Näyttöä työn merkityksestä: mitä päättäjät kysyvät?", "Vates-säätiö"),
                    ),
                    "miten työhönvalmennuksen tulokset näytetään päättäjille?",
                ),
                questions=IN_PERSON_QUESTIONS,
                expected=38,
                crowd=(("net:vates", 0.6),),
                must=("koordinaattori-vates",),
                created_by="koordinaattori-vates",
                walk_ins=1,
                mood=0.3,
            )
        )
        self.add(
            Spec(
                key="vates-kehittamisryhma-tyonantajat",
                kind=Kind.THEME_DAY,
                title=T(
                    "Teemapäivä verkossa: työnantajayhteistyö tuetussa työllistymisessä",
                    "",
                    "Online theme day: working with employers in supported employment",
                ),
                description=T(
                    "Aamupäivällä kaksi työnantajaa kertoo kokemuksistaan osatyökykyisen työntekijän "
                    "perehdyttämisestä ja palkkatuen hakemisesta uudella työllisyysalueella. Iltapäivällä "
                    "työskennellään pienryhmissä maakunnittain. Ilmoittautuminen päättyy kaksi viikkoa "
                    "ennen."
                ),
                day=cal.ago(42),
                start="09:00",
                end="14:00",
                networks=("vates",),
                organisations=("Vates-säätiö",),
                regions=(),
                online=True,
                window=(40, 14),
                programme=theme_day_programme(
                    VATES,
                    (
                        (
                            "Työnantajan puheenvuoro: perehdyttäminen käytännössä",
                            "pkyrityksen toimitusjohtaja",
                        ),
                        (
                            "Työnantajan puheenvuoro: palkkatuki uudella työllisyysalueella",
                            "kunnan henkilöstöpalvelut",
                        ),
                        ("Kysymyksiä ja keskustelua", VATES),
                    ),
                    "maakunnittaiset ryhmät: työnantajan ensikontakti",
                ),
                questions=("captions",),
                expected=62,
                crowd=(("net:vates", 0.4), ("anywhere", 0.6)),
                must=("koordinaattori-vates",),
                created_by="koordinaattori-vates",
                present=0.8,
                answer=0.4,
                feedback="online",
            )
        )
        self.add(
            Spec(
                key="vates-parannusviikko",
                kind=Kind.WEBINAR,
                title=T(
                    "Työmaailman parannusviikko: webinaari saavutettavasta ja yhdenvertaisesta työelämästä",
                    "",
                    "Better Working Life Week: a webinar on accessible and equal working life",
                ),
                description=T(
                    "Webinaarissa puhutaan digitaalisesta saavutettavuudesta ja yhdenvertaisesta "
                    "työelämästä, työllistymistä edistävien järjestöjen toiminnan vaikuttavuudesta ja "
                    "palvelujen merkityksestä ihmiselle ja yhteiskunnalle. Kuulemme myös omakohtaisia "
                    "kokemuksia työllistymisen tukipalvelujen saatavuudesta ja työelämästä. Webinaari "
                    "tekstitetään.",
                    "",
                    "On digital accessibility and an equal working life, the impact of NGOs that promote "
                    "employment, and people's own experiences of getting support into work. With captions.",
                ),
                day=cal.on(10, 8),
                start="13:00",
                end="15:00",
                networks=("vates",),
                organisations=("Vates-säätiö",),
                online=True,
                window=(30, 1),
                programme=(
                    item("13:00", "13:10", "Avaus", "Vates-säätiö"),
                    item(
                        "13:10",
                        "13:40",
                        "Digitaalinen saavutettavuus työpaikalla",
                        "saavutettavuusasiantuntija",
                    ),
                    item(
                        "13:40",
                        "14:10",
                        "Järjestöjen työllisyyspalvelujen vaikuttavuus",
                        "Vates-säätiö, tutkija",
                    ),
                    item(
                        "14:10",
                        "14:45",
                        "Omat kokemukset: tuen saatavuus ja työelämä",
                        "kokemusasiantuntijat",
                        Form.DISCUSSION,
                    ),
                    item("14:45", "15:00", "Kysymykset ja lopetus", VATES, Form.DISCUSSION),
                ),
                questions=("captions",),
                expected=130,
                crowd=(("net:vates", 0.2), ("anywhere", 0.8)),
                created_by="koordinaattori-vates",
                present=0.72,
                answer=0.3,
                feedback="online",
            )
        )
        for part, (month, day), subject, people in (
            (
                1,
                (3, 18),
                "kampanjan rakentaminen ja seuranta",
                ("kansainvälisen markkinoinnin asiantuntija", "viestintätoimisto"),
            ),
            (
                2,
                (4, 15),
                "visuaalisuus ja vaikuttavat kuvat",
                ("visuaalisen viestinnän yrittäjä", "Vates-säätiön viestintä"),
            ),
        ):
            self.add(
                Spec(
                    key=f"vates-somekampanja-{part}",
                    kind=Kind.TRAINING,
                    title=T(f"Somekampanja järjestön vaikuttamistyössä, osa {part}: {subject}"),
                    description=T(
                        "Järjestöt ovat toivoneet tietoa viestinnästä ja vaikuttamistyöstä. Somekampanjan "
                        "voi toteuttaa monin tavoin ja resurssein, ja yhdellä päivityksellä voi tavoittaa "
                        f"satoja ihmisiä. Tässä osassa aiheena on {subject}. Koulutus järjestetään yhdessä "
                        "Vates-säätiön viestinnän kanssa; mukana myös kokemuksia palkkatyötä vammaisille "
                        "ajavasta kampanjasta."
                    ),
                    day=cal.on(month, day),
                    start="09:00",
                    end="11:30",
                    networks=("vates",),
                    organisations=("Vates-säätiö",),
                    online=True,
                    capacity=40,
                    window=(30, 2),
                    programme=(
                        item("09:00", "09:10", "Avaus", "Vates-säätiön viestintä"),
                        item("09:10", "10:00", subject[:1].upper() + subject[1:], people[0]),
                        item("10:00", "10:10", "Tauko", "", BREAK),
                        item("10:10", "11:00", "Harjoitus: oman kampanjan luonnos", people[1], Form.WORKSHOP),
                        item(
                            "11:00",
                            "11:30",
                            "Kampanjakokemuksia ja kysymyksiä",
                            "järjestökampanjan tekijät",
                            Form.DISCUSSION,
                        ),
                    ),
                    questions=("captions",),
                    expected=46 if part == 1 else 34,
                    crowd=(("net:vates", 0.3), ("anywhere", 0.7)),
                    created_by="koordinaattori-vates",
                    present=0.85,
                    answer=0.45,
                    mood=0.3,
                    feedback="some",
                )
            )
        self.add(
            Spec(
                key="vates-vaikuttamistyo",
                kind=Kind.TRAINING,
                title=T("Täsmäkoulutus työhönvalmentajille: rohkeasti työnantajan luo"),
                description=T(
                    "Työhönvalmentajat toivoivat kehittämisryhmältä täsmäkoulutusta työnantajayhteistyöhön "
                    "ja tukea siihen, että ammattilainen uskaltaa kohdata työnantajan. Koulutuksessa "
                    "harjoitellaan ensikontaktia, puhutaan työnantajan tarpeesta eikä asiakkaan rajoitteista "
                    "ja kootaan osallistujien toimivat keinot yhteiseen materiaaliin."
                ),
                day=cal.on(5, 13),
                start="09:00",
                end="15:00",
                networks=("vates",),
                organisations=("Vates-säätiö",),
                regions=("MK13",),
                place="Jyväskylä, koulutuskeskus",
                municipality="Jyväskylä",
                capacity=25,
                window=(35, 7),
                programme=(
                    item(
                        "09:00",
                        "09:30",
                        "Tervetuloa: mitä työnantaja kysyy ensimmäiseksi?",
                        VATES,
                        Form.DISCUSSION,
                    ),
                    item(
                        "09:30",
                        "11:00",
                        "Ensikontakti työnantajaan: harjoituksia pareittain",
                        "työhönvalmentajakouluttaja",
                        Form.WORKSHOP,
                    ),
                    item("11:00", "11:45", "Lounas", "", BREAK),
                    item(
                        "11:45",
                        "13:30",
                        "Työnantajan tarpeesta työtehtävään",
                        "työhönvalmentajakouluttaja",
                        Form.WORKSHOP,
                    ),
                    item("13:30", "15:00", "Omat keinot yhteiseen materiaaliin", VATES, Form.DISCUSSION),
                ),
                questions=IN_PERSON_QUESTIONS,
                expected=25,
                crowd=(("net:vates", 0.5), ("anywhere", 0.5)),
                created_by="koordinaattori-vates",
                mood=0.3,
                feedback="training",
            )
        )
        self.add(
            Spec(
                key="vates-kuntamarkkinat",
                kind=Kind.NATIONAL_EVENT,
                title=T(
                    "Kuntamarkkinat: järjestöt kuntien työllisyydenhoidon tukena",
                    "",
                    "Kuntamarkkinat: NGOs supporting municipal employment services",
                ),
                description=T(
                    "Vates-säätiön seminaari ja osasto Kuntamarkkinoilla. Aiheena järjestöjen ja kuntien "
                    "yhteistyö: kolmas sektori voi liittää ketterästi työllistymistä tukevia palveluja "
                    "yhteen vertaistuen ja muun matalan kynnyksen toiminnan kanssa. Puheenvuoroja kunnista, "
                    "työllisyysalueilta ja järjestöistä.",
                    "",
                    "The Vates Foundation's seminar and stand at the municipal fair: how NGOs support "
                    "municipal employment services.",
                ),
                day=cal.on(9, 10),
                start="10:00",
                end="12:00",
                networks=("vates",),
                organisations=("Vates-säätiö",),
                regions=("MK01",),
                place="Kuntatalo, Kuntamarkkinat",
                address="Toinen linja 14",
                municipality="Helsinki",
                window=(45, 2),
                programme=(
                    item("10:00", "10:15", "Avaus", "Vates-säätiö"),
                    item(
                        "10:15",
                        "10:45",
                        "Järjestöt kuntien työllisyydenhoidon tukena",
                        "Vates-säätiö, aluetoiminta",
                    ),
                    item(
                        "10:45",
                        "11:30",
                        "Paneeli: kunta, työllisyysalue ja järjestö saman pöydän ääressä",
                        "kuntien, työllisyysalueiden ja järjestöjen edustajat",
                        Form.DISCUSSION,
                    ),
                    item("11:30", "12:00", "Tapaa meidät osastolla", "Vates-säätiö", Form.DISCUSSION),
                ),
                questions=("access",),
                expected=85,
                crowd=(("net:vates", 0.2), ("region:MK01", 0.4), ("anywhere", 0.4)),
                created_by="koordinaattori-vates",
                walk_ins=3,
                present=0.85,
                answer=0.3,
            )
        )

    # Tampere: the collaboration workshop and its follow-up ---------------------------------------------

    def tampere(self) -> None:
        cal = self.cal
        # Registration for the follow-up opened two weeks ago and it is full already.
        follow_up = cal.ahead(24)
        common: dict[str, Any] = {
            "kind": Kind.THEME_DAY,
            "networks": ("vates",),
            "organisations": ("Kiipula", "Tampereen kaupungin työllisyys- ja kasvupalvelut"),
            "regions": ("MK06",),
            "place": "Piazza, Tampereen kaupungin työllisyys- ja kasvupalvelut",
            "address": "Pakkahuoneenaukio",
            "municipality": "Tampere",
            "questions": IN_PERSON_QUESTIONS,
            "created_by": "koordinaattori-vates",
        }
        self.add(
            Spec(
                key="tampere-yhteistyopaja",
                title=T(
                    "Yhteistyöpaja Tampereen seudun työllisyystoimijoille",
                    "",
                    "Collaboration workshop for employment actors in the Tampere region",
                ),
                description=T(
                    "Kiipula kutsuu Tampereen seudun työllisyystoimijat jakamaan hyviä käytäntöjä, osaamista "
                    "ja tietoa, jotta opiskelijat ja työnhakija-asiakkaat työllistyisivät paremmin. Aiheena "
                    "ovat erityisesti osatyökykyiset, jotka pystyvät täsmätyöhön ja haluavat töihin. "
                    "Pienryhmissä etsitään tapausesimerkkien asiakkaille polkuja kohti opintoja ja "
                    "työelämää: palvelujen ei tarvitse olla peräkkäisiä, vaan ne voivat olla myös "
                    "limittäisiä. Mukana oppilaitosten ja eri alueiden työllisyyspalvelujen edustajia.",
                    "",
                    "Kiipula invites employment actors of the Tampere region to share practices and find, "
                    "with case examples, paths to studies and work for people partially able to work.",
                ),
                day=cal.on(9, 27, past=True),
                start="12:30",
                end="16:00",
                capacity=35,
                window=(40, 5),
                programme=(
                    item("12:30", "12:45", "Avaus ja työpajan tavoitteet", "Kiipula, hanketyöntekijä"),
                    item(
                        "12:45",
                        "13:15",
                        "Toimijat esittäytyvät: kuka tekee mitä seudulla?",
                        "osallistujat",
                        Form.DISCUSSION,
                    ),
                    item(
                        "13:15",
                        "14:30",
                        "Tapausesimerkit pienryhmissä: asiakkaan polku opintoihin ja työhön",
                        "",
                        Form.WORKSHOP,
                    ),
                    item("14:30", "14:45", "Kahvi", "", BREAK),
                    item(
                        "14:45",
                        "15:45",
                        "Ryhmien polut ja yhteinen keskustelu: mikä tukee siirtymiä?",
                        "",
                        Form.DISCUSSION,
                    ),
                    item("15:45", "16:00", "Yhteenveto ja jatko", "Kiipula"),
                ),
                expected=32,
                crowd=(("region:MK06", 0.8), ("net:vates", 0.2)),
                walk_ins=1,
                present=0.92,
                answer=0.6,
                mood=0.5,
                feedback="tampere",
                **common,
            )
        )
        self.add(
            Spec(
                key="tampere-yhteistyopaja-2",
                title=T(
                    "Yhteistyöpaja 2: nivelvaiheet ja kolmikantatapaamiset",
                    "",
                    "Collaboration workshop 2: transitions and three-way meetings",
                ),
                description=T(
                    "Ensimmäisen yhteistyöpajan toiveesta jatketaan nivelvaiheista. Mitä enemmän "
                    "työllisyystoimija tietää asiakkaasta jo ilmoittautumisvaiheessa, sitä paremmin tuki "
                    "osataan koota. Pajassa suunnitellaan, miten oppilaitos, opiskelija ja "
                    "työllisyyspalvelut tekevät jatkosuunnitelman yhdessä kolmikantatapaamisessa, ja miten "
                    "työ- ja toimintakyvyn arviointi aloitetaan ajoissa. Paikkoja on 30; täynnä olevaan "
                    "pajaan voi ilmoittautua jonoon."
                ),
                day=follow_up,
                start="12:30",
                end="16:00",
                capacity=30,
                window=((follow_up - cal.today).days + 16, 3),
                programme=(
                    item("12:30", "12:45", "Avaus: mitä ensimmäisestä pajasta jäi käteen", "Kiipula"),
                    item(
                        "12:45",
                        "13:30",
                        "Nivelvaiheet ilmoittautumisesta opintojen alkuun",
                        "ammatillisen oppilaitoksen opinto-ohjaaja",
                    ),
                    item(
                        "13:30",
                        "14:45",
                        "Kolmikantatapaaminen: harjoitus tapausesimerkein",
                        "",
                        Form.WORKSHOP,
                    ),
                    item("14:45", "15:00", "Kahvi", "", BREAK),
                    item(
                        "15:00",
                        "16:00",
                        "Sovitaan kokeiluista seudulla",
                        "Tampereen kaupungin työllisyys- ja kasvupalvelut",
                        Form.DISCUSSION,
                    ),
                ),
                expected=62,
                rush=4.0,
                crowd=(("region:MK06", 0.85), ("net:vates", 0.15)),
                **common,
            )
        )

    # Network meetings four times a year ----------------------------------------------------------------

    def meetings(self) -> None:
        cal = self.cal
        plans: tuple[tuple[str, str, tuple[tuple[int, int], ...], tuple[int, ...]], ...] = (
            ("alu-pohjoinen", "alu", ((2, 24), (5, 12), (9, 8), (12, 10)), (1, 3)),
            ("alu-lappi", "alu", ((3, 3), (5, 19), (9, 24)), (0, 1, 2)),
            ("alu-pirkanmaa", "alu", ((2, 10), (5, 5), (9, 9), (11, 17)), (1,)),
            ("etsiva-pirkanmaa", "outreach", ((2, 17), (4, 28), (9, 15), (11, 25)), (1,)),
            ("etsiva-pohjanmaa", "outreach", ((2, 19), (5, 7), (9, 17), (11, 19)), (1, 3)),
        )
        for key, family, dates, online_quarters in plans:
            spec = self.ref.spec_of[key]
            topics = ALU_TOPICS if family == "alu" else OUTREACH_TOPICS
            bilingual = spec.language == Event.Language.BILINGUAL
            national = TPY if family == "alu" else OUTREACH_CENTRE
            coordinator = ALU_COORDINATOR if family == "alu" else OUTREACH_COORDINATOR
            for quarter, (month, day) in enumerate(dates):
                topic = topics[quarter]
                online = quarter in online_quarters
                region = spec.regions[quarter % len(spec.regions)]
                host, home = ("", "") if online else self.host(key, region)
                title = dict(topic.title)
                description = dict(topic.description)
                if not bilingual:
                    title["sv"] = description["sv"] = ""
                place = ", ".join(p for p in (host, home) if p)
                where = " Tapaaminen pidetään verkossa." if online else f" Tapaaminen pidetään: {place}."
                description["fi"] += where
                if bilingual:
                    description["sv"] += (
                        " Träffen hålls på nätet." if online else f" Träffen hålls hos {host}."
                    )
                cancelled = key == "alu-pirkanmaa" and quarter == 1
                if cancelled:
                    description["fi"] += (
                        " Tapaaminen on peruttu, koska se osui samalle päivälle valtakunnallisen tilaisuuden "
                        "kanssa; aihe käsitellään syksyn tapaamisessa."
                    )
                self.add(
                    Spec(
                        key=f"{key}-tapaaminen-{quarter + 1}",
                        kind=Kind.NETWORK_MEETING,
                        title=title,
                        description=description,
                        day=cal.on(month, day),
                        start="13:00" if online else "09:30",
                        end="15:00" if online else "14:00",
                        networks=(key,),
                        organisations=(host,) if host else (),
                        regions=spec.regions,
                        place=host,
                        municipality=home,
                        online=online,
                        audience=Event.Audience.MEMBERS,
                        language=spec.language,
                        status=Event.Status.CANCELLED if cancelled else Event.Status.PUBLISHED,
                        window=None,
                        programme=meeting_programme(
                            topic,
                            national=national,
                            coordinator=coordinator,
                            online=online,
                            host=host,
                            swedish=bilingual,
                        ),
                        questions=() if online else ("diet",),
                        expected=20,
                        crowd=((f"net:{key}", 1.0),),
                        fill=False,
                        must=(MEMBER_LOGIN,) if key == "alu-pohjoinen" else (),
                        created_by=spec.coordinator_username,
                        walk_ins=0 if online else 1,
                        present=0.85 if online else 0.9,
                        answer=0.35,
                        feedback="meeting",
                    )
                )
        # Lapland's fourth meeting: two days in Rovaniemi, and online (the bulletin 40 days ago).
        spec = self.ref.spec_of["alu-lappi"]
        host, home = self.host("alu-lappi", "MK19")
        self.add(
            Spec(
                key="alu-lappi-tapaaminen-4",
                kind=Kind.NETWORK_MEETING,
                title=T("Verkostotapaaminen Rovaniemellä ja etänä: opinnollistaminen ja kesätyöt"),
                description=T(
                    "Tapaaminen pidetään kahtena päivänä, ja siihen voi osallistua myös verkossa. "
                    "Ensimmäisenä päivänä aiheena on opinnollistaminen yhdessä ammattiopiston kanssa, "
                    "toisena työpajojen kesätyöpaikat nuorille. Välimatkat ovat pitkiä, joten "
                    "kimppakyydeistä sovitaan verkoston keskusteluketjussa."
                ),
                day=cal.ago(18, length=2),
                days=2,
                start="10:00",
                end="14:00",
                networks=("alu-lappi",),
                organisations=(host,) if host else (),
                regions=("MK19",),
                place=host or "Rovaniemi",
                municipality=home or "Rovaniemi",
                online=True,
                audience=Event.Audience.MEMBERS,
                window=(30, 7),
                programme=(
                    item("10:00", "10:30", "Kuulumiskierros", "", Form.DISCUSSION),
                    item(
                        "10:30",
                        "12:00",
                        "Opinnollistaminen yhdessä ammattiopiston kanssa",
                        "ammattiopiston opettaja",
                        Form.WORKSHOP,
                    ),
                    item("12:00", "12:45", "Lounas", "", BREAK),
                    item(
                        "12:45",
                        "16:00",
                        f"Tutustuminen: {host}" if host else "Tutustuminen jäsenpajaan",
                        host,
                        Form.VISIT,
                    ),
                    item(
                        "09:00",
                        "11:30",
                        "Työpajojen kesätyöpaikat nuorille: mitä tarjotaan ja kenelle",
                        ALU_COORDINATOR,
                        Form.DISCUSSION,
                        day=1,
                    ),
                    item("11:30", "12:15", "Lounas", "", BREAK, day=1),
                    item(
                        "12:15",
                        "14:00",
                        "Yhteenveto ja kevään tapaamiset",
                        ALU_COORDINATOR,
                        Form.DISCUSSION,
                        day=1,
                    ),
                ),
                questions=("mode", "days", "diet"),
                expected=22,
                crowd=(("net:alu-lappi", 1.0),),
                fill=False,
                created_by=spec.coordinator_username,
                answer=0.45,
                mood=0.3,
                feedback="meeting",
            )
        )

    # Varsinais-Suomi: the workshop network with its advocacy group ---------------------------------

    def varsinais_suomi(self) -> None:
        cal = self.cal
        key = "alu-varsinais-suomi"
        spec = self.ref.spec_of[key]
        for quarter, (month, day) in enumerate(((2, 12), (5, 7), (9, 17), (11, 19))):
            topic = VS_TOPICS[quarter]
            online = quarter == 3
            host, home = ("", "") if online else self.host(key)
            guests = quarter == 2
            self.add(
                Spec(
                    key=f"{key}-kokous-{quarter + 1}",
                    kind=Kind.NETWORK_MEETING,
                    title=topic.title,
                    description=topic.description,
                    day=cal.on(month, day),
                    start="13:00" if online else "09:30",
                    end="15:00" if online else "14:00",
                    networks=(key,),
                    organisations=(host,) if host else (),
                    regions=("MK02",),
                    place=host,
                    municipality=home,
                    online=online,
                    audience=Event.Audience.MEMBERS,
                    window=None,
                    programme=meeting_programme(
                        topic, national=TPY, coordinator=ALU_COORDINATOR, online=online, host=host
                    ),
                    questions=() if online else ("diet",),
                    expected=32 if guests else 22,
                    crowd=((f"net:{key}", 0.7), ("stakeholders", 0.3)) if guests else ((f"net:{key}", 1.0),),
                    fill=False,
                    created_by=spec.coordinator_username,
                    walk_ins=0 if online else 1,
                    answer=0.35,
                    feedback="meeting",
                )
            )
        self.add(
            Spec(
                key="lansi-suomen-tyopajapaiva",
                kind=Kind.THEME_DAY,
                title=T("Länsi-Suomen työpajapäivä: työpajat maakunnan työllisyydenhoidossa"),
                description=T(
                    "Varsinais-Suomen työpajaverkosto kutsuu sidosryhmät yhteiseen keskusteluun työpajojen "
                    "roolista maakunnan työllisyydenhoidossa. Aamupäivällä kuullaan tilannekuva maakunnan "
                    "pajoilta sekä työllisyysalueen ja aluehallintoviraston puheenvuorot. Iltapäivällä "
                    "keskustellaan paikkakunnittain, ja pajat jatkavat virinneitä keskusteluja omissa "
                    "kunnissaan. Kutsuttuina myös kuntien valtuutettuja."
                ),
                day=cal.on(3, 12),
                start="09:00",
                end="14:00",
                networks=(key,),
                organisations=("Valtakunnallinen työpajayhdistys ry", "Kaarinan Pajamestarit ry"),
                regions=("MK02",),
                place="Turun ammatti-instituutti, auditorio",
                municipality="Turku",
                capacity=80,
                window=(45, 7),
                programme=theme_day_programme(
                    ALU_COORDINATOR,
                    (
                        ("Tilannekuva: maakunnan työpajat luvuin ja esimerkein", "edunvalvontaryhmä"),
                        ("Työpajat työllisyysalueen kumppanina", "työllisyysalueen päällikkö"),
                        (
                            "Aluehallinnon näkökulma nuorten työpajatoimintaan",
                            "aluehallintoviraston ylitarkastaja",
                        ),
                    ),
                    "paikkakuntakohtaiset keskustelut: mitä pajat ja kunnat tekevät seuraavaksi?",
                ),
                questions=IN_PERSON_QUESTIONS,
                expected=72,
                crowd=((f"net:{key}", 0.4), ("stakeholders", 0.2), ("region:MK02", 0.4)),
                created_by=spec.coordinator_username,
                walk_ins=3,
                mood=0.2,
            )
        )
        self.add(
            Spec(
                key="osaamisen-tunnistaminen-tai",
                kind=Kind.TRAINING,
                title=T("Koulutus: työpajalla opitun osaamisen kirjaaminen ja tunnistaminen"),
                description=T(
                    "Työvalmentajille suunnattu koulutus yhdessä Turun ammatti-instituutin kanssa. "
                    "Harjoitellaan kirjaamaan pajan työtehtävät tutkinnon osien ammattitaitovaatimusten "
                    "mukaan ja sovitaan, miten kirjaukset siirtyvät oppilaitokselle niin, että nuori näkee "
                    "itse, mitä on oppinut."
                ),
                day=cal.on(10, 14),
                start="09:00",
                end="15:00",
                networks=(key,),
                organisations=("Turun ammatti-instituutti", "Valtakunnallinen työpajayhdistys ry"),
                regions=("MK02",),
                place="Turun ammatti-instituutti",
                municipality="Turku",
                capacity=24,
                window=(35, 7),
                programme=(
                    item("09:00", "09:30", "Miksi osaaminen kannattaa kirjata?", "Turun ammatti-instituutti"),
                    item(
                        "09:30",
                        "11:00",
                        "Työtehtävistä tutkinnon osiin: harjoitus omilla pajan tehtävillä",
                        "ammatillinen opettaja",
                        Form.WORKSHOP,
                    ),
                    item("11:00", "11:45", "Lounas", "", BREAK),
                    item(
                        "11:45",
                        "13:30",
                        "Kirjausten siirto oppilaitokselle ja nuoren oma näkymä",
                        "Turun ammatti-instituutti",
                        Form.WORKSHOP,
                    ),
                    item(
                        "13:30",
                        "15:00",
                        "Sovitaan, mitä kokeillaan omalla pajalla",
                        ALU_COORDINATOR,
                        Form.DISCUSSION,
                    ),
                ),
                questions=IN_PERSON_QUESTIONS,
                expected=26,
                crowd=((f"net:{key}", 0.6), ("region:MK02", 0.4)),
                created_by=spec.coordinator_username,
                mood=0.4,
                feedback="training",
            )
        )
        self.add(
            Spec(
                key="vs-kansanedustajatapaaminen",
                kind=Kind.NETWORK_MEETING,
                title=T("Edunvalvontaryhmä: kansanedustajatapaaminen"),
                description=T(
                    "Edunvalvontaryhmä tapaa maakunnan kansanedustajia ja kertoo työpajojen tilanteesta: "
                    "valmentautujat, jatkopolut ja jonot. Jokainen ryhmän jäsen tuo yhden lyhyen esimerkin "
                    "omalta pajaltaan."
                ),
                day=cal.ahead(11),
                start="14:00",
                end="15:30",
                networks=(key,),
                regions=("MK02",),
                place="Turku, maakuntatalo",
                municipality="Turku",
                audience=Event.Audience.MEMBERS,
                window=(21, 3),
                programme=(
                    item("14:00", "14:30", "Työpajojen tilannekuva Varsinais-Suomessa", "edunvalvontaryhmä"),
                    item(
                        "14:30",
                        "15:15",
                        "Esimerkit pajoilta ja keskustelu",
                        "edunvalvontaryhmä",
                        Form.DISCUSSION,
                    ),
                    item("15:15", "15:30", "Yhteenveto", ALU_COORDINATOR, Form.DISCUSSION),
                ),
                expected=5,
                crowd=(("group:alu-varsinais-suomi:Edunvalvontaryhmä", 1.0),),
                fill=False,
                created_by=spec.coordinator_username,
            )
        )

    # The Swedish-language ULA network --------------------------------------------------------------

    def swedish(self) -> None:
        cal = self.cal
        key = "alu-ula"
        spec = self.ref.spec_of[key]
        sv = Event.Language.SWEDISH
        for quarter, ((month, day), topic) in enumerate(
            zip(((2, 18), (4, 21), (11, 5)), ULA_TOPICS, strict=True)
        ):
            self.add(
                Spec(
                    key=f"ula-traff-{quarter + 1}",
                    kind=Kind.NETWORK_MEETING,
                    title=topic.title,
                    description=topic.description,
                    day=cal.on(month, day),
                    start="13:00",
                    end="15:00",
                    networks=(key,),
                    regions=spec.regions,
                    online=True,
                    audience=Event.Audience.MEMBERS,
                    language=sv,
                    window=None,
                    programme=meeting_programme(
                        topic, national=TPY, coordinator=ALU_COORDINATOR, online=True, swedish=True
                    ),
                    expected=16,
                    crowd=((f"net:{key}", 1.0),),
                    fill=False,
                    created_by=spec.coordinator_username,
                    present=0.85,
                    answer=0.35,
                    feedback="meeting",
                )
            )
        host, home = self.host(key, "MK15")
        self.add(
            Spec(
                key="ula-natverksdagar-vasa",
                kind=Kind.NETWORK_MEETING,
                title=T(
                    "ULA-verkoston verkostopäivät Vaasassa: työstä opinnoiksi",
                    "Nätverksdagar i Vasa: att göra arbete till studier",
                ),
                description=T(
                    "Vuoden verkostopäivät pidetään Vaasassa. Ensimmäisenä päivänä jaetaan kokemuksia "
                    "yhteistyöstä oppilaitosten kanssa osaamisen dokumentoinnissa, toisena päivänä "
                    "vieraillaan kahdessa jäsenpajassa. Työkieli on ruotsi.",
                    "Årets nätverksdagar ordnas i Vasa. Första dagen delar vi erfarenheter av samarbetet med "
                    "läroanstalterna kring att dokumentera kunnande i verkstaden, andra dagen besöker vi två "
                    "medlemsverkstäder. Anmäl dig senast två veckor före.",
                ),
                day=cal.ago(25, length=2),
                days=2,
                start="10:00",
                end="15:00",
                networks=(key,),
                organisations=(host,) if host else (),
                regions=spec.regions,
                place=host or "Vasa",
                municipality=home or "Vaasa",
                audience=Event.Audience.MEMBERS,
                language=sv,
                capacity=40,
                window=(45, 14),
                programme=(
                    item("10:00", "10:30", "Tervetuloa", ALU_COORDINATOR, sv="Välkomna"),
                    item(
                        "10:30",
                        "12:00",
                        "Osaamisen dokumentointi yhdessä oppilaitosten kanssa",
                        "jäsenpajat",
                        Form.WORKSHOP,
                        sv="Att dokumentera kunnande tillsammans med läroanstalterna",
                    ),
                    item("12:00", "13:00", "Lounas", "", BREAK, sv="Lunch"),
                    item(
                        "13:00",
                        "16:00",
                        "Keskustelu: mitä otamme käyttöön omalla pajalla",
                        "",
                        Form.DISCUSSION,
                        sv="Diskussion: vad tar vi i bruk i den egna verkstaden",
                    ),
                    item(
                        "09:00",
                        "12:00",
                        f"Vierailu: {host}" if host else "Vierailu jäsenpajaan",
                        host,
                        Form.VISIT,
                        sv=f"Besök: {host}" if host else "Besök i en medlemsverkstad",
                        day=1,
                    ),
                    item("12:00", "13:00", "Lounas", "", BREAK, sv="Lunch", day=1),
                    item(
                        "13:00",
                        "15:00",
                        "Vierailu toiseen jäsenpajaan ja lopetus",
                        ALU_COORDINATOR,
                        Form.VISIT,
                        sv="Besök i den andra medlemsverkstaden och avslutning",
                        day=1,
                    ),
                ),
                questions=("days_sv", "diet", "access"),
                expected=26,
                crowd=((f"net:{key}", 1.0),),
                fill=False,
                created_by=spec.coordinator_username,
                answer=0.5,
                mood=0.4,
                feedback="meeting",
            )
        )
        self.add(
            Spec(
                key="ula-utbildning-npd",
                kind=Kind.TRAINING,
                title=T(
                    "Koulutus: neuropsykiatrisesti oireilevan nuoren valmennus",
                    "Utbildning: att coacha unga med neuropsykiatriska svårigheter",
                ),
                description=T(
                    "Ruotsinkielinen koulutus pajojen valmentajille: struktuuri, selkeät ohjeet ja arjen "
                    "keinot, jotka auttavat nuorta pysymään mukana pajajaksolla.",
                    "En utbildning på svenska för verkstädernas coacher: struktur, tydliga instruktioner och "
                    "vardagliga verktyg som hjälper den unga att hålla fast vid verkstadsperioden. "
                    "Utbildningen hålls på distans så att alla medlemmar kan delta.",
                ),
                day=cal.on(5, 27),
                start="09:00",
                end="12:00",
                networks=(key,),
                regions=spec.regions,
                online=True,
                language=sv,
                capacity=30,
                window=(30, 3),
                programme=(
                    item(
                        "09:00",
                        "10:15",
                        "Mitä neuropsykiatriset vaikeudet tarkoittavat pajan arjessa",
                        "neuropsykiatrinen valmentaja",
                        sv="Vad neuropsykiatriska svårigheter betyder i verkstadens vardag",
                    ),
                    item("10:15", "10:30", "Tauko", "", BREAK, sv="Paus"),
                    item(
                        "10:30",
                        "12:00",
                        "Struktuuri ja ohjeet: harjoituksia",
                        "neuropsykiatrinen valmentaja",
                        Form.WORKSHOP,
                        sv="Struktur och instruktioner: övningar",
                    ),
                ),
                questions=("captions",),
                expected=24,
                crowd=((f"net:{key}", 0.6), ("swedish", 0.4)),
                fill=False,
                created_by=spec.coordinator_username,
                present=0.85,
                answer=0.45,
                mood=0.4,
                feedback="training",
            )
        )

    # National events and webinars -------------------------------------------------------------------

    def national(self) -> None:
        cal = self.cal
        self.add(
            Spec(
                key="koordinaattorit-kevat",
                kind=Kind.NATIONAL_EVENT,
                title=T(
                    "ALU-koordinaattorien ja aluehallintovirastojen kevättapaaminen",
                    "",
                    "Spring meeting of the ALU coordinators and the regional state administrative agencies",
                ),
                description=T(
                    "Valtakunnallinen työpajayhdistys, aluehallintovirastojen nuorten työpajoista vastaavat "
                    "ja ALU-koordinaattorit tapaavat säännöllisesti. Kevään tapaamisessa kootaan alueilta "
                    "tieto työpajoja koskevien muutosten vaikutuksista ja sovitaan, mitä viedään "
                    "valtakunnalliseen vaikuttamistyöhön.",
                    "",
                    "The National Workshop Association, the regional state agencies and the ALU coordinators "
                    "meet regularly; in spring they gather what the regions have seen of recent changes.",
                ),
                day=cal.on(3, 24),
                start="10:00",
                end="15:00",
                organisations=("Valtakunnallinen työpajayhdistys ry",),
                regions=("MK01",),
                place="Valtakunnallinen työpajayhdistys",
                municipality="Helsinki",
                online=True,
                audience=Event.Audience.MEMBERS,
                window=(30, 5),
                programme=(
                    item("10:00", "11:00", "Alueiden kuulumiset", "ALU-koordinaattorit", Form.DISCUSSION),
                    item("11:00", "12:00", "Aluehallintovirastojen ajankohtaiset", "aluehallintovirastot"),
                    item("12:00", "12:45", "Lounas", "", BREAK),
                    item(
                        "12:45", "14:30", "Vaikuttamistyön teemat ja tiedonkeruu alueilta", TPY, Form.WORKSHOP
                    ),
                    item("14:30", "15:00", "Sovitut asiat", TPY, Form.DISCUSSION),
                ),
                questions=("mode", "diet"),
                expected=22,
                crowd=(("coordinators:alu", 0.8), ("nationals", 0.2)),
                fill=False,
                must=("kansallinen-tpy",),
                created_by="kansallinen-tpy",
                present=0.95,
                answer=0.5,
                mood=0.3,
                feedback="meeting",
            )
        )
        self.add(
            Spec(
                key="koordinaattoreiden-verkostopaivat",
                kind=Kind.NATIONAL_EVENT,
                title=T(
                    "Koordinaattoreiden verkostopäivät",
                    "Koordinatorernas nätverksdagar",
                    "Network days for the regional coordinators",
                ),
                description=T(
                    "Alueellisten verkostojen koordinaattorit kokoontuvat kahdeksi päiväksi. Ohjelmassa ovat "
                    "alueiden kuulumiset, työllisyysalueiden kanssa tehtävän yhteistyön hyvät käytännöt ja "
                    "verkostojen vuosisuunnitelmat. Verkostojen jäsenet voivat lähettää koordinaattorille "
                    "kysymyksiä ja teemoja etukäteen.",
                    "",
                    "The coordinators of the regional networks meet for two days: news from the regions, "
                    "good practice in working with the employment areas, and the networks' plans for the "
                    "year.",
                ),
                day=cal.ahead(20, length=2),
                days=2,
                start="10:00",
                end="14:00",
                organisations=("Valtakunnallinen työpajayhdistys ry", "Etsivän nuorisotyön osaamiskeskus"),
                regions=("MK01",),
                place="Helsinki, kokoustila",
                municipality="Helsinki",
                audience=Event.Audience.MEMBERS,
                capacity=45,
                window=(35, 10),
                programme=(
                    item(
                        "10:00",
                        "10:30",
                        "Avaus",
                        "Valtakunnallinen työpajayhdistys ja Etsivän nuorisotyön osaamiskeskus",
                    ),
                    item("10:30", "12:00", "Alueiden kuulumiset", "koordinaattorit", Form.DISCUSSION),
                    item("12:00", "13:00", "Lounas", "", BREAK),
                    item(
                        "13:00",
                        "16:00",
                        "Yhteistyö työllisyysalueiden kanssa: hyvät käytännöt",
                        "koordinaattorit",
                        Form.WORKSHOP,
                    ),
                    item("09:00", "12:00", "Verkostojen vuosisuunnitelmat", TPY, Form.WORKSHOP, day=1),
                    item("12:00", "12:45", "Lounas", "", BREAK, day=1),
                    item(
                        "12:45",
                        "14:00",
                        "Jäsenten kysymykset ja yhteenveto",
                        OUTREACH_CENTRE,
                        Form.DISCUSSION,
                        day=1,
                    ),
                ),
                questions=("days", "diet", "access"),
                expected=34,
                crowd=(("coordinators:all", 0.85), ("nationals", 0.15)),
                fill=False,
                must=("kansallinen-tpy", "kansallinen-etsiva"),
                created_by="kansallinen-tpy",
            )
        )
        self.add(
            Spec(
                key="etsivien-verkostopaiva",
                kind=Kind.NATIONAL_EVENT,
                title=T(
                    "Etsivän nuorisotyön valtakunnallinen verkostopäivä",
                    "Riksomfattande nätverksdag för uppsökande ungdomsarbete",
                    "National network day of outreach youth work",
                ),
                description=T(
                    "Etsivät nuorisotyöntekijät eri puolilta Suomea kokoontuvat jakamaan kokemuksia ja "
                    "kuulemaan ajankohtaista. Aiheina hiljaiset signaalit alueilta, digitaalinen etsivä työ "
                    "ja yhteistyö työllisyysalueiden kanssa. Päivä on avoin kaikille etsivää työtä "
                    "tekeville.",
                    "Uppsökande ungdomsarbetare från hela Finland samlas för att dela erfarenheter och höra "
                    "det senaste: tysta signaler från regionerna, digitalt uppsökande arbete och samarbetet "
                    "med sysselsättningsområdena.",
                    "Outreach youth workers from all over Finland meet to share experience: silent signals "
                    "from the regions, digital outreach work and cooperation with the employment areas.",
                ),
                day=cal.on(5, 20),
                start="09:30",
                end="15:30",
                organisations=("Etsivän nuorisotyön osaamiskeskus",),
                regions=("MK13",),
                place="Jyväskylä, kongressikeskus",
                municipality="Jyväskylä",
                language=Event.Language.BILINGUAL,
                capacity=150,
                window=(50, 10),
                programme=(
                    item("09:30", "10:00", "Avaus", OUTREACH_CENTRE, sv="Öppning"),
                    item(
                        "10:00",
                        "11:00",
                        "Hiljaiset signaalit alueilta: mitä etsivät näkevät nyt",
                        "alueelliset koordinaattorit",
                        sv="Tysta signaler från regionerna",
                    ),
                    item(
                        "11:00",
                        "12:00",
                        "Digitaalinen etsivä työ: kokemuksia verkosta",
                        "digitaalisen etsivän työn tekijät",
                        Form.DISCUSSION,
                        sv="Digitalt uppsökande arbete",
                    ),
                    item("12:00", "13:00", "Lounas", "", BREAK, sv="Lunch"),
                    item(
                        "13:00",
                        "14:45",
                        "Työpajat: yhteistyö työllisyysalueiden kanssa",
                        "",
                        Form.WORKSHOP,
                        sv="Verkstäder: samarbete med sysselsättningsområdena",
                    ),
                    item(
                        "14:45", "15:30", "Yhteenveto", OUTREACH_CENTRE, Form.DISCUSSION, sv="Sammanfattning"
                    ),
                ),
                questions=IN_PERSON_QUESTIONS,
                expected=95,
                crowd=(("outreach", 0.6), ("coordinators:outreach", 0.15), ("anywhere", 0.25)),
                must=("kansallinen-etsiva",),
                created_by="kansallinen-etsiva",
                walk_ins=3,
                mood=0.2,
            )
        )
        self.add(
            Spec(
                key="etsivien-tilastointi-etainfo",
                kind=Kind.WEBINAR,
                title=T(
                    "Etäinfo: etsivän nuorisotyön vuositilastointi",
                    "Distansinfo: årsstatistiken för uppsökande ungdomsarbete",
                ),
                description=T(
                    "Vuoden tiedonkeruu etsivän nuorisotyön tavoittamista nuorista avautuu. Lomake on sama "
                    "kuin viime vuonna, mutta ohjauksista työllisyysalueille kysytään nyt erikseen. Lyhyessä "
                    "etäinfossa käydään läpi tavallisimmat kysymykset.",
                    "Årets datainsamling om de unga som nåtts av uppsökande ungdomsarbete öppnar. Blanketten "
                    "är densamma som i fjol, men hänvisningar till sysselsättningsområdena frågas nu "
                    "separat.",
                ),
                day=cal.ago(88),
                start="14:00",
                end="15:00",
                networks=tuple(k for k, s in self.ref.spec_of.items() if s.family == "outreach"),
                organisations=("Etsivän nuorisotyön osaamiskeskus",),
                online=True,
                language=Event.Language.BILINGUAL,
                window=(10, 1),
                programme=(
                    item("14:00", "14:30", "Mikä tiedonkeruussa muuttui", OUTREACH_CENTRE, sv="Vad är nytt"),
                    item("14:30", "15:00", "Kysymykset", OUTREACH_CENTRE, Form.DISCUSSION, sv="Frågor"),
                ),
                expected=48,
                crowd=(("outreach", 0.85), ("coordinators:outreach", 0.15)),
                fill=False,
                created_by="kansallinen-etsiva",
                present=0.75,
                answer=0.25,
                feedback="online",
            )
        )
        self.add(
            Spec(
                key="digitaalinen-etsiva-koulutus",
                kind=Kind.TRAINING,
                title=T(
                    "Verkkokoulutus: digitaalisen etsivän työn perusteet",
                    "",
                    "Online training: the basics of digital outreach youth work",
                ),
                description=T(
                    "Koulutus etsiville, jotka aloittavat työn verkossa: missä nuoret ovat, miten kontakti "
                    "otetaan turvallisesti ja miten työ kirjataan. Koulutus on suunnattu erityisesti "
                    "digitaalisen etsivän työn vertaisryhmien jäsenille."
                ),
                day=cal.on(10, 21),
                start="09:00",
                end="12:00",
                networks=("etsiva-uusimaa", "etsiva-pirkanmaa", "etsiva-pohjoinen", "etsiva-lappi"),
                organisations=("Etsivän nuorisotyön osaamiskeskus",),
                online=True,
                capacity=40,
                window=(30, 3),
                programme=(
                    item(
                        "09:00",
                        "09:45",
                        "Missä nuoret ovat verkossa",
                        "digitaalisen nuorisotyön asiantuntija",
                    ),
                    item(
                        "09:45",
                        "10:30",
                        "Kontaktin ottaminen turvallisesti",
                        "digitaalisen nuorisotyön asiantuntija",
                    ),
                    item("10:30", "10:45", "Tauko", "", BREAK),
                    item(
                        "10:45",
                        "12:00",
                        "Harjoitus: ensimmäinen viesti ja kirjaaminen",
                        OUTREACH_CENTRE,
                        Form.WORKSHOP,
                    ),
                ),
                questions=("captions",),
                expected=38,
                crowd=(("outreach", 0.8), ("anywhere", 0.2)),
                created_by="kansallinen-etsiva",
                present=0.85,
                answer=0.4,
                mood=0.2,
                feedback="training",
            )
        )
        self.add(
            Spec(
                key="nordic-peer-learning",
                kind=Kind.WEBINAR,
                title=T(
                    "Pohjoismainen vertaisoppimisen webinaari: nuorten työpajat ja etsivä nuorisotyö",
                    "",
                    "Nordic peer-learning webinar: youth workshops and outreach youth work",
                ),
                description=T(
                    "Englanninkielinen webinaari, jossa kuullaan, miten Pohjoismaissa tavoitetaan nuoria, "
                    "jotka eivät ole työssä eivätkä koulutuksessa.",
                    "",
                    "How do the Nordic countries reach young people who are not in employment, education or "
                    "training? Practitioners from Finland's youth workshops and outreach youth work compare "
                    "notes with colleagues from the neighbouring countries. The webinar is in English and "
                    "recorded for members.",
                ),
                day=cal.on(6, 3),
                start="13:00",
                end="14:30",
                organisations=("Valtakunnallinen työpajayhdistys ry", "Etsivän nuorisotyön osaamiskeskus"),
                online=True,
                language=Event.Language.ENGLISH,
                window=(30, 1),
                programme=(
                    item("13:00", "13:10", "Avaus", TPY, en="Welcome"),
                    item("13:10", "13:40", "Nuorten työpajat Suomessa", TPY, en="Youth workshops in Finland"),
                    item(
                        "13:40",
                        "14:10",
                        "Etsivä nuorisotyö ja pohjoismaiset vastineet",
                        OUTREACH_CENTRE,
                        en="Outreach youth work and its Nordic counterparts",
                    ),
                    item("14:10", "14:30", "Keskustelu", "", Form.DISCUSSION, en="Discussion"),
                ),
                questions=("captions",),
                expected=46,
                crowd=(("coordinators:all", 0.3), ("anywhere", 0.7)),
                created_by="kansallinen-tpy",
                present=0.75,
                answer=0.3,
                feedback="nordic",
            )
        )
        self.add(
            Spec(
                key="webinaari-tyollisyysalueet-ja-pajat",
                kind=Kind.WEBINAR,
                title=T("Webinaari: työllisyysalueet ja työpajat – ensimmäisen vuoden kokemukset"),
                description=T(
                    "Webinaarissa kootaan alueilta tulleet havainnot: ohjausmäärät, jonot ja katkokset "
                    "työllisyyspalvelujen uudistuksen jälkeen. Webinaari on siirretty, koska puhujien "
                    "aikataulut muuttuivat; uusi ajankohta kerrotaan pian, ja ilmoittautumiset säilyvät."
                ),
                day=cal.ahead(30),
                start="13:00",
                end="14:30",
                organisations=("Valtakunnallinen työpajayhdistys ry",),
                online=True,
                status=Event.Status.POSTPONED,
                window=(45, 1),
                programme=(
                    item("13:00", "13:30", "Havaintoja alueilta", TPY),
                    item("13:30", "14:00", "Työllisyysalueen puheenvuoro", "työllisyysalueen päällikkö"),
                    item("14:00", "14:30", "Keskustelu", "", Form.DISCUSSION),
                ),
                questions=("captions",),
                expected=80,
                crowd=(("coordinators:alu", 0.2), ("workshops", 0.5), ("anywhere", 0.3)),
                created_by="kansallinen-tpy",
            )
        )


# --- the database as the loader sees it ----------------------------------------------------------


@dataclass(frozen=True)
class Org:
    pk: int
    name: str
    regions: frozenset[str]
    home: str  # home municipality (Finnish name), or ""
    kind: str


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    org_id: int | None
    org_name: str  # when the organisation is not in the directory
    user_id: int | None
    swedish: bool


@dataclass
class Reference:
    spec_of: dict[str, Any]  # network key -> NetworkSpec
    networks: dict[str, int]  # network key -> pk
    members: dict[str, list[int]]  # network key -> current member organisations
    orgs: dict[int, Org]
    org_by_name: dict[str, int]
    regions: dict[str, int]
    municipalities: dict[str, int]
    users: dict[str, Person]  # by username: every demo person with a login
    people_of_org: dict[int, list[Person]]
    coordinators: dict[str, list[Person]]  # network key -> coordinators
    nationals: list[Person]
    group_members: dict[str, list[Person]]  # "network:group name" -> members

    @classmethod
    def load(cls) -> Reference:
        specs = {s.key: s for s in network_specs()}
        key_of_name = {s.name["fi"]: s.key for s in specs.values()}
        networks = {
            key_of_name[name]: pk
            for pk, name in Network.objects.filter(is_demo=True).values_list("pk", "name_fi")
            if name in key_of_name
        }
        key_of_pk = {pk: key for key, pk in networks.items()}
        members: dict[str, list[int]] = defaultdict(list)
        for network_id, org_id in Membership.objects.filter(
            network_id__in=networks.values(), left_on__isnull=True
        ).values_list("network_id", "organisation_id"):
            members[key_of_pk[network_id]].append(org_id)
        regions = dict(Region.objects.values_list("code", "pk"))
        code_of = {pk: code for code, pk in regions.items()}
        municipalities = dict(Municipality.objects.values_list("name_fi", "pk"))
        name_of_municipality = {pk: name for name, pk in municipalities.items()}
        org_regions: dict[int, set[str]] = defaultdict(set)
        through: Any = Organisation.regions.through
        for org_id, region_id in through.objects.values_list("organisation_id", "region_id"):
            org_regions[org_id].add(code_of[region_id])
        homes: dict[int, str] = {}
        through = Organisation.municipalities.through
        for org_id, municipality_id in through.objects.order_by("pk").values_list(
            "organisation_id", "municipality_id"
        ):
            homes.setdefault(org_id, name_of_municipality.get(municipality_id, ""))
        orgs = {
            pk: Org(pk, name, frozenset(org_regions.get(pk, ())), homes.get(pk, ""), kind)
            for pk, name, kind in Organisation.objects.order_by("pk").values_list("pk", "name_fi", "kind")
        }
        swedish_first = set(SV_FIRST)
        org_of_user: dict[int, int] = {}
        national_ids: list[int] = []
        for user_id, role, org_id in RoleAssignment.objects.order_by("pk").values_list(
            "user_id", "role", "organisation_id"
        ):
            if role == RoleAssignment.Role.ORGANISATION_MEMBER and org_id:
                org_of_user.setdefault(user_id, org_id)
            elif role == RoleAssignment.Role.NATIONAL_COORDINATOR:
                national_ids.append(user_id)
                if org_id:
                    org_of_user.setdefault(user_id, org_id)
        users: dict[str, Person] = {}
        by_id: dict[int, Person] = {}
        for pk, username, first, last, email in User.objects.order_by("pk").values_list(
            "pk", "username", "first_name", "last_name", "email"
        ):
            person = Person(
                name=f"{first} {last}".strip() or username,
                email=(email or f"{username}@{EMAIL_DOMAIN}").lower(),
                org_id=org_of_user.get(pk),
                org_name="",
                user_id=pk,
                swedish=first in swedish_first,
            )
            users[username] = by_id[pk] = person
        people_of_org: dict[int, list[Person]] = defaultdict(list)
        for user_id, org_id in org_of_user.items():
            if user_id not in national_ids:
                people_of_org[org_id].append(by_id[user_id])
        coordinators: dict[str, list[Person]] = defaultdict(list)
        through = Network.coordinators.through
        for network_id, user_id in through.objects.order_by("pk").values_list("network_id", "user_id"):
            if network_id in key_of_pk:
                coordinators[key_of_pk[network_id]].append(by_id[user_id])
        group_members: dict[str, list[Person]] = defaultdict(list)
        through = PeerGroup.members.through
        group_names = dict(PeerGroup.objects.values_list("pk", "name_fi"))
        group_network = dict(PeerGroup.objects.values_list("pk", "network_id"))
        for group_id, user_id in through.objects.order_by("pk").values_list("peergroup_id", "user_id"):
            network_key = key_of_pk.get(group_network[group_id])
            if network_key:
                group_members[f"{network_key}:{group_names[group_id]}"].append(by_id[user_id])
        return cls(
            spec_of=specs,
            networks=networks,
            members={k: sorted(v) for k, v in members.items()},
            orgs=orgs,
            org_by_name={o.name: pk for pk, o in sorted(orgs.items(), reverse=True)},
            regions=regions,
            municipalities=municipalities,
            users=users,
            people_of_org=people_of_org,
            coordinators=coordinators,
            nationals=[by_id[i] for i in dict.fromkeys(national_ids)],
            group_members=group_members,
        )


class Crowds:
    """The pools events draw their participants from: the networks' people with logins, and
    invented guests of the directory's organisations in each region (made once, then reused, so that
    the same people come to several events and reach counts distinct people)."""

    def __init__(self, rng: random.Random, ref: Reference) -> None:
        self.rng = rng
        self.ref = ref
        self.taken = {p.email for p in ref.users.values()}
        self._guests: dict[str, list[Person]] = {}
        self._experts: list[Person] | None = None
        self._stakeholders: list[Person] | None = None
        self.regional_orgs: dict[str, list[Org]] = defaultdict(list)
        for org in ref.orgs.values():
            if 0 < len(org.regions) <= 3:
                for code in org.regions:
                    self.regional_orgs[code].append(org)
        self.users_in: dict[str, list[Person]] = defaultdict(list)
        for people in ref.people_of_org.values():
            for p in people:
                org = ref.orgs.get(p.org_id or 0)
                if org and 0 < len(org.regions) <= 3:
                    for code in org.regions:
                        self.users_in[code].append(p)

    def _new(self, *, swedish: bool, org: Org | None, org_name: str = "") -> Person:
        if org is None and org_name in self.ref.org_by_name:  # it is in the directory after all
            org = self.ref.orgs[self.ref.org_by_name[org_name]]
        firsts, lasts = (SV_FIRST, SV_LAST) if swedish else (FI_FIRST, FI_LAST)
        while True:
            first, last = self.rng.choice(firsts), self.rng.choice(lasts)
            if last not in REAL_SURNAMES:
                break
        base = f"{slugify(first)}.{slugify(last)}".replace("-", "")
        email, n = f"{base}@{EMAIL_DOMAIN}", 1
        while email in self.taken:
            n += 1
            email = f"{base}{n}@{EMAIL_DOMAIN}"
        self.taken.add(email)
        return Person(
            f"{first} {last}", email, org.pk if org else None, "" if org else org_name, None, swedish
        )

    def guests(self, code: str) -> list[Person]:
        if code not in self._guests:
            orgs = sorted(self.regional_orgs.get(code, []), key=lambda o: o.pk)
            unlisted = UNLISTED.get(code) or [
                f"{REGIONS[code][0]} hyvinvointialue",
                "Kela",
                f"{genitive(REGIONS[code][1])} kaupungin työllisyyspalvelut",
            ]
            share = SWEDISH_SHARE.get(code, 0.02)
            people = []
            for _ in range(GUESTS_PER_REGION.get(code, GUESTS_DEFAULT)):
                org = self.rng.choice(orgs) if orgs and self.rng.random() < 0.85 else None
                people.append(
                    self._new(swedish=self.rng.random() < share, org=org, org_name=self.rng.choice(unlisted))
                )
            self._guests[code] = people
        return self._guests[code]

    def experts(self) -> list[Person]:
        """The Kainuu advisers who visit the associations: the employment area, TYP, ELY, social services."""
        if self._experts is None:
            by_name = self.ref.org_by_name
            employment = sorted(
                (
                    o
                    for o in self.regional_orgs.get("MK18", [])
                    if o.kind == Organisation.Kind.MUNICIPAL_EMPLOYMENT
                ),
                key=lambda o: (o.home != "Kajaani", o.pk),
            )

            def org(name: str) -> Org | None:
                return self.ref.orgs.get(by_name.get(name, 0))

            rows: list[tuple[Org | None, str, int]] = [
                (employment[0] if employment else None, "Kainuun työllisyysalue", 6),
                (org("Kainuun TYP – työllistymistä edistävä monialainen yhteispalvelu"), "Kainuun TYP", 3),
                (org("Kainuun ELY-keskus"), "Kainuun ELY-keskus", 2),
                (None, "Kainuun hyvinvointialue, sosiaalipalvelut", 4),
                (None, "Osaava ohjaaja -hanke", 2),
            ]
            self._experts = [
                self._new(swedish=False, org=o, org_name=name)
                for o, name, count in rows
                for _ in range(count)
            ]
        return self._experts

    def stakeholders(self) -> list[Person]:
        """Varsinais-Suomi's stakeholders, invited to a network meeting and the workshop day."""
        if self._stakeholders is None:
            rows = (
                ("Turun seudun työllisyysalue", 3),
                ("Varsinais-Suomen ELY-keskus", 2),
                ("Varsinais-Suomen Yrittäjät ry", 2),
                ("Varsinais-Suomen hyvinvointialue", 2),
                ("Lounais-Suomen aluehallintovirasto", 1),
            )
            self._stakeholders = [
                self._new(swedish=False, org=None, org_name=name)
                for name, count in rows
                for _ in range(count)
            ]
        return self._stakeholders

    def pool(self, name: str) -> list[Person]:
        ref = self.ref
        kind, _, arg = name.partition(":")
        if kind == "net":
            people = [p for org in ref.members.get(arg, []) for p in ref.people_of_org.get(org, [])]
            return people + ref.coordinators.get(arg, [])
        if kind == "region":
            return self.users_in.get(arg, []) + self.guests(arg)
        if kind == "coordinators":
            keys = [k for k, s in ref.spec_of.items() if arg == "all" or s.family == arg]
            return [p for k in keys for p in ref.coordinators.get(k, [])]
        if kind == "group":
            return ref.group_members.get(arg, [])
        if kind == "experts":
            return self.experts()
        if kind == "stakeholders":
            return self.stakeholders()
        if kind == "nationals":
            return ref.nationals
        if kind in ("outreach", "workshops"):
            family = "outreach" if kind == "outreach" else "alu"
            keys = [k for k, s in ref.spec_of.items() if s.family == family]
            return [p for k in keys for org in ref.members.get(k, []) for p in ref.people_of_org.get(org, [])]
        if kind == "swedish":
            return [
                p for code in ("MK01", "MK02", "MK15", "MK16", "MK21") for p in self.guests(code) if p.swedish
            ]
        if kind == "anywhere":
            return [p for code in sorted(REGIONS) for p in self.guests(code) + self.users_in.get(code, [])]
        raise ValueError(f"unknown pool {name}")

    def choose(self, spec: Spec) -> list[Person]:
        """Who signs up for an event, in no particular order (times are drawn later)."""
        chosen: dict[str, Person] = {}

        def take(people: Iterable[Person], count: int) -> None:
            fresh = list({p.email: p for p in people if p.email not in chosen}.values())
            for p in self.rng.sample(fresh, min(count, len(fresh))):
                chosen[p.email] = p

        for username in spec.must:
            if username in self.ref.users:
                chosen[self.ref.users[username].email] = self.ref.users[username]
        for pool, share in spec.crowd:
            take(self.pool(pool), round(spec.expected * share))
        if spec.fill:
            for code in spec.regions or ("anywhere",):
                missing = spec.expected - len(chosen)
                if missing <= 0:
                    break
                take(self.pool(f"region:{code}" if code != "anywhere" else code), missing)
        people = list(chosen.values())
        if spec.language == Event.Language.SWEDISH:
            # A Swedish-language event draws the Swedish speakers first.
            people.sort(key=lambda p: not p.swedish)
        return people[: max(spec.expected, len(spec.must))]


# --- registrations, attendance, feedback ---------------------------------------------------------

FEEDBACK: dict[str, dict[str, tuple[str, ...]]] = {
    "useful:visit": {
        "fi": (
            "Nyt osaan kertoa asiakkaille paljon paremmin, mitä yhdistyksessä voi tehdä.",
            "Yhdistykselle tuli kasvot. Yhteydenotto on jatkossa helpompaa.",
            "Oli hyvä nähdä työtehtävät ja tilat paikan päällä, yksi käynti kertoo enemmän kuin esite.",
            "En ollut käynyt täällä aiemmin, vaikka olen ohjannut asiakkaita yhdistykseen.",
            "Keskustelu yhdistyksen työntekijöiden kanssa asiakasohjauksesta.",
        ),
    },
    "useful:networking": {
        "fi": (
            "Pikatreffit: tapasin monta ihmistä, joita en ollut ennen tavannut.",
            "Forum-teatteri meni ihon alle ja sai miettimään omaa tapaa kohdata asiakas.",
            "Nyt tiedän, kenelle soittaa, kun asiakas tarvitsee yhdistyksen palveluja.",
            "Pöytäkeskusteluissa kuuli toimivia käytänteitä muilta.",
            "Kasvot nimille, yhteistyö on helpompaa kun tuntee toisensa.",
        ),
    },
    "useful:tampere": {
        "fi": (
            "Tapausesimerkit ja eri alojen ammattilaiset samassa ryhmässä.",
            "Huomasin, että palvelut voivat olla limittäisiä eikä vain peräkkäisiä.",
            "Oppilaitosten näkökulma nivelvaiheisiin oli uutta minulle.",
            "Sain yhteystietoja ja sovimme jo yhdestä yhteistapaamisesta.",
        ),
    },
    "useful:theme": {
        "fi": (
            "Ajankohtainen tieto työllisyysalueen muutoksista.",
            "Pienryhmäkeskustelut olivat parasta antia.",
            "Käytännön esimerkit, jotka voin viedä omaan työhön.",
            "Kuulin, miten muilla on sovittu ohjauksista ja yhteistyöstä.",
            "Verkostoituminen saman alueen toimijoiden kanssa.",
            "Työnantajan puheenvuoro oli konkreettinen ja rohkaiseva.",
        ),
        "sv": (
            "Erfarenhetsutbytet med andra i regionen.",
            "Konkreta exempel som jag kan använda i mitt arbete.",
        ),
    },
    "useful:meeting": {
        "fi": (
            "Vertaistuki ja muiden kuulumiset.",
            "Kuulin, miten muilla pajoilla on ratkaistu samat asiat.",
            "Ajankohtaiset asiat tiiviissä paketissa.",
            "Tieto kulki molempiin suuntiin, hyvä keskustelu.",
        ),
        "sv": (
            "Erfarenhetsutbytet med de andra verkstäderna.",
            "Besöken i medlemsverkstäderna.",
            "Konkreta exempel på hur kunnande dokumenteras.",
        ),
    },
    "useful:online": {
        "fi": (
            "Tiivis ja selkeä paketti, tallenne oli hyvä lisä.",
            "Oli helppo osallistua omalta työpisteeltä.",
            "Omakohtaiset kokemukset jäivät mieleen.",
        ),
        "sv": ("Kort och tydligt.",),
    },
    "useful:some": {
        "fi": (
            "Sain hyviä vinkkejä somekampanjan suunnitteluun ja seurantaan.",
            "Harjoitus oman kampanjan luonnoksesta oli hyödyllinen, jaan tämän järjestössämme.",
            "Konkreettiset esimerkit onnistuneista kampanjoista.",
        ),
    },
    "useful:training": {
        "fi": (
            "Harjoitukset pareittain, pääsi heti kokeilemaan.",
            "Sain materiaalin, jota voin käyttää huomenna.",
            "Kouluttaja tunsi arjen, ei jäänyt teoriaksi.",
        ),
        "sv": ("Övningarna var konkreta.", "Bra material som jag kan använda direkt."),
    },
    "useful:nordic": {
        "en": (
            "Hearing how the Nordic neighbours organise outreach work.",
            "Good to compare the workshop model with other countries.",
        ),
        "fi": ("Vertailu naapurimaihin avarsi.",),
    },
    "next": {
        "fi": (
            "Lisää aikaa keskustelulle, esitykset voisivat olla lyhyempiä.",
            "Samanlainen päivä myös syksyllä.",
            "Työnantajien puheenvuoro seuraavaan kertaan.",
            "Materiaalit etukäteen luettaviksi.",
            "Lisää maakunnallisia tapaamisia, joissa ovat saman alueen toimijat.",
            "Enemmän pienryhmätyöskentelyä.",
            "Etäosallistumisen mahdollisuus myös lähitapaamisiin.",
        ),
        "sv": ("Mer tid för diskussion.", "Gärna en träff på plats också på hösten."),
        "en": ("More time for questions next time.",),
    },
    "next:visit": {
        "fi": (
            "Seuraavaksi tutustumiskäynti Klubitalolle.",
            "Käynnit voisi tehdä myös pienemmille yhdistyksille kylillä.",
            "Yhdistysten yhteystiedot yhteen paikkaan käyntien jälkeen.",
        ),
    },
    "next:tampere": {
        "fi": (
            "Nivelvaiheet oppilaitoksesta työelämään omaksi teemakseen.",
            "Jatkoa samalla porukalla, kolmikantatapaamisista lisää.",
        ),
    },
    "next:networking": {
        "fi": (
            "Pikatreffejä voisi olla enemmän ja lyhyempiä.",
            "Sama uudestaan syksyllä, mukaan myös oppilaitokset.",
        ),
    },
    # Low ratings: what should change next time.
    "poor": {
        "fi": (
            "Vähemmän asiaa yhteen päivään, nyt ei ehtinyt sulatella.",
            "Konkreettisempaa, nyt aihe jäi liian yleiselle tasolle.",
            "Enemmän omaan alueeseen liittyvää tietoa.",
        ),
        "sv": ("Mindre innehåll på en gång, det blev för mycket.",),
        "en": ("Less content and more time for it.",),
    },
    "poor:online": {
        "fi": (
            "Tekniikka kuntoon ennen alkua, ääni katkeili.",
            "Chatin kysymyksiin vastaukset myös jälkikäteen.",
        ),
        "sv": ("Testa ljudet före start, det bröts hela tiden.",),
        "en": ("Test the sound before starting; it kept breaking up.",),
    },
    "poor:room": {
        "fi": (
            "Isompi tila ensi kerralla, nyt oli ahdasta ja kuumaa.",
            "Mikrofoni puhujille, takariviin ei kuulunut.",
        ),
        "sv": ("En större lokal nästa gång.",),
    },
}
RATINGS = (1, 2, 3, 4, 5)
RATING_WEIGHTS = (1, 4, 11, 39, 45)


@dataclass
class Row:
    """A registration before it is written."""

    person: Person
    at: dt.datetime
    status: str = Registration.Status.ATTENDING
    waiting_since: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None
    is_walk_in: bool = False
    attended: bool | None = None
    marked_at: dt.datetime | None = None
    answers: dict[str, str] = field(default_factory=dict)
    language: str = "fi"


def _aware(day: dt.date, clock: str) -> dt.datetime:
    hour, minute = (int(x) for x in clock.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), timezone.get_current_timezone())


class Writer:
    def __init__(self, rng: random.Random, ref: Reference, crowds: Crowds, today: dt.date) -> None:
        self.rng = rng
        self.ref = ref
        self.crowds = crowds
        self.today = today
        # Registrations made "so far": up to this morning of `today` (and never after the clock).
        self.now = min(_aware(today, "08:00"), timezone.now())

    def times(self, spec: Spec) -> tuple[dt.datetime, dt.datetime, dt.datetime | None, dt.datetime | None]:
        start = _aware(spec.day, spec.start)
        end = _aware(spec.last_day(), spec.end)
        if spec.window is None:
            return start, end, None, None
        opens_days, closes_days = spec.window
        opening = spec.day - dt.timedelta(days=opens_days)
        while not Calendar.working(opening):  # invitations go out on working days
            opening -= dt.timedelta(days=1)
        opens = _aware(opening, "09:00")
        closes = _aware(spec.day - dt.timedelta(days=closes_days), "23:59") if closes_days else start
        return start, end, opens, min(closes, start)

    def rows(
        self,
        spec: Spec,
        start: dt.datetime,
        opens: dt.datetime | None,
        closes: dt.datetime | None,
        questions: Sequence[tuple[str, RegistrationQuestion]],
    ) -> list[Row]:
        """Sign-ups in time order, the place or the queue decided as the registration service would,
        cancellations with promotion from the queue, and for a past event attendance and walk-ins."""
        rng = self.rng
        if spec.status == Event.Status.DRAFT or spec.expected == 0:
            return []
        people = self.crowds.choose(spec)
        first = opens or start - dt.timedelta(days=30)
        last = closes or start - dt.timedelta(hours=2)
        span = (last - first).total_seconds()
        # Most people sign up soon after the invitation: front-loaded times.
        rows = [
            Row(
                p,
                first + dt.timedelta(seconds=span * rng.random() ** spec.rush),
                language=self._language(spec, p),
            )
            for p in people
        ]
        rows = sorted((r for r in rows if r.at <= self.now), key=lambda r: r.at)
        # A few cancel later (never the organisers who must be there); the queue moves up.
        staying = {self.ref.users[u].email for u in spec.must if u in self.ref.users}
        cancels = {
            id(r): r.at + (min(last, self.now) - r.at) * rng.uniform(0.2, 0.9)
            for r in rows
            if rng.random() < 0.05 and r.person.email not in staying
        }
        timeline = sorted(
            [(r.at, 0, r) for r in rows] + [(cancels[id(r)], 1, r) for r in rows if id(r) in cancels],
            key=lambda t: (t[0], t[1]),
        )
        attending = 0
        queue: list[Row] = []
        for when, what, row in timeline:
            if what == 0:
                if spec.capacity is None or attending < spec.capacity:
                    row.status, attending = Registration.Status.ATTENDING, attending + 1
                else:
                    row.status, row.waiting_since = Registration.Status.WAITING, when
                    queue.append(row)
            elif row.status == Registration.Status.ATTENDING:
                row.status, row.cancelled_at, attending = Registration.Status.CANCELLED, when, attending - 1
                if queue and (spec.capacity is None or attending < spec.capacity):
                    promoted = queue.pop(0)
                    promoted.status, attending = Registration.Status.ATTENDING, attending + 1
        for row in rows:
            row.answers = self._answers(spec, row, questions)
        if self._past(spec) and spec.status == Event.Status.PUBLISHED:
            self._attendance(spec, rows, start)
        return rows

    def _language(self, spec: Spec, person: Person) -> str:
        if spec.language == Event.Language.SWEDISH or (
            spec.language == Event.Language.BILINGUAL and person.swedish
        ):
            return "sv"
        if spec.language == Event.Language.ENGLISH and self.rng.random() < 0.3:
            return "en"
        return "fi"

    def _answers(
        self, spec: Spec, row: Row, questions: Sequence[tuple[str, RegistrationQuestion]]
    ) -> dict[str, str]:
        answers: dict[str, str] = {}
        lang = "sv" if row.language == "sv" else "fi"
        for key, question in questions:
            qid = str(question.pk)
            if key == "diet" and self.rng.random() < 0.2:
                answers[qid] = self.rng.choice(DIETS[lang])
            elif key == "access" and self.rng.random() < 0.04:
                answers[qid] = self.rng.choice(ACCESS[lang])
            elif key == "captions":
                answers[qid] = "yes" if self.rng.random() < 0.06 else "no"
            elif question.kind == RegistrationQuestion.Kind.CHOICE:
                choices = question.choice_list
                answers[qid] = choices[0] if self.rng.random() < 0.8 else self.rng.choice(choices[1:])
        return answers

    def _past(self, spec: Spec) -> bool:
        return spec.last_day() < self.today

    def _attendance(self, spec: Spec, rows: list[Row], start: dt.datetime) -> None:
        rng = self.rng
        marked = start + dt.timedelta(minutes=rng.randint(10, 40))
        for row in rows:
            if row.status == Registration.Status.ATTENDING:
                row.attended = rng.random() < spec.present
                row.marked_at = marked
        if spec.online or not spec.walk_ins:
            return
        registered = {r.person.email for r in rows}
        pool = [
            p
            for code in spec.regions
            for p in self.crowds.pool(f"region:{code}")
            if p.email not in registered
        ]
        pool = list({p.email: p for p in pool}.values())
        for person in rng.sample(pool, min(len(pool), rng.randint(0, spec.walk_ins))):
            came = start + dt.timedelta(minutes=rng.randint(5, 45))
            # Walk-ins often leave no e-mail: the name and organisation are enough on the list.
            if rng.random() < 0.5:
                person = Person(person.name, "", person.org_id, person.org_name, None, person.swedish)
            rows.append(
                Row(
                    person,
                    came,
                    is_walk_in=True,
                    attended=True,
                    marked_at=came,
                    language=self._language(spec, person),
                )
            )

    def feedback(self, spec: Spec, event: Event, rows: Sequence[tuple[Row, Registration]]) -> list[Feedback]:
        """Feedback from some of those present, a day to a week after; most anonymous."""
        rng = self.rng
        if (
            not self._past(spec)
            or spec.status != Event.Status.PUBLISHED
            or spec.last_day() >= self.today - dt.timedelta(days=1)
        ):
            return []
        made = []
        weights = [w * (1 + spec.mood * (r - 3) / 2) for r, w in zip(RATINGS, RATING_WEIGHTS, strict=True)]
        for row, registration in rows:
            if not row.attended or rng.random() >= spec.answer:
                continue
            rating = rng.choices(RATINGS, weights=[max(w, 0.1) for w in weights])[0]
            lang = row.language
            useful, wishes = self._texts(spec, lang, rating)
            anonymous = rng.random() < 0.7
            made.append(
                Feedback(
                    event=event,
                    registration=None if anonymous else registration,
                    rating=rating,
                    useful=useful,
                    next_wishes=wishes,
                )
            )
            registration.feedback_given = True
        return made

    def _texts(self, spec: Spec, lang: str, rating: int) -> tuple[str, str]:
        """What was useful and what next, in the answer's language; a complaint for a low rating."""
        rng = self.rng

        def pick(*keys: str) -> str:
            texts = [
                t
                for key in keys
                for t in FEEDBACK.get(key, {}).get(lang) or FEEDBACK.get(key, {}).get("fi", ())
            ]
            return rng.choice(texts) if texts else ""

        useful = f"useful:{spec.feedback}"
        if rating <= 3 and rng.random() < 0.8:
            where = "poor:online" if spec.online else "poor:room"
            return (pick(useful) if rating == 3 and rng.random() < 0.5 else ""), pick("poor", where)
        wishes = pick("next", f"next:{spec.feedback}") if rng.random() < 0.45 else ""
        return (pick(useful) if rng.random() < 0.75 else ""), wishes


# --- writing -------------------------------------------------------------------------------------


def _set_times(objects: Sequence[Any], name: str, values: Sequence[dt.datetime]) -> None:
    """Give auto_now_add fields the story's times, after bulk_create stamped them with now."""
    if not objects:
        return
    for obj, value in zip(objects, values, strict=True):
        setattr(obj, name, value)
    type(objects[0]).objects.bulk_update(objects, [name], batch_size=_BATCH)


def _translated(prefix: str, text: Text) -> dict[str, str]:
    return {f"{prefix}_{lang}": text.get(lang, "") for lang in ("fi", "sv", "en")}


def write(rng: random.Random, ref: Reference, specs: Sequence[Spec], today: dt.date) -> dict[str, Any]:
    crowds = Crowds(rng, ref)
    writer = Writer(rng, ref, crowds, today)
    user_pks = User.objects.in_bulk(field_name="username")
    events: list[Event] = []
    created: list[dt.datetime] = []
    for spec in specs:
        start, end, opens, closes = writer.times(spec)
        creator = user_pks.get(spec.created_by)
        events.append(
            Event(
                **_translated("title", spec.title),
                **_translated("description", spec.description),
                kind=spec.kind,
                place=spec.place[:200],
                address=spec.address,
                municipality_id=ref.municipalities.get(spec.municipality),
                online_url=_online_url(spec),
                starts_at=start,
                ends_at=end,
                audience=spec.audience,
                language=spec.language,
                status=spec.status,
                capacity=spec.capacity,
                registration_opens_at=opens,
                registration_closes_at=closes,
                created_by=creator,
                feedback_requested_at=end + dt.timedelta(hours=20) if _held(spec, today) else None,
                sequence=1 if spec.status in (Event.Status.CANCELLED, Event.Status.POSTPONED) else 0,
                is_demo=True,
            )
        )
        created.append((opens or start - dt.timedelta(days=30)) - dt.timedelta(days=rng.randint(1, 10)))
    Event.objects.bulk_create(events, batch_size=_BATCH)
    _set_times(events, "created_at", created)
    _links(ref, specs, events)

    items = [
        ProgrammeItem(
            event=event,
            starts_at=_aware(spec.day + dt.timedelta(days=i.day), i.start),
            ends_at=_aware(spec.day + dt.timedelta(days=i.day), i.end),
            **_translated("title", i.title),
            presenter=i.presenter[:200],
            form=i.form,
        )
        for spec, event in zip(specs, events, strict=True)
        for i in spec.programme
    ]
    ProgrammeItem.objects.bulk_create(items, batch_size=_BATCH)
    questions: list[tuple[int, str, RegistrationQuestion]] = []
    for n, spec in enumerate(specs):
        for order, key in enumerate(spec.questions):
            q = QUESTIONS[key]
            questions.append(
                (
                    n,
                    key,
                    RegistrationQuestion(
                        event=events[n],
                        **_translated("text", q.text),
                        kind=q.kind,
                        choices=q.choices,
                        is_required=q.required,
                        order=order,
                    ),
                )
            )
    RegistrationQuestion.objects.bulk_create([q for _, _, q in questions], batch_size=_BATCH)
    questions_of: dict[int, list[tuple[str, RegistrationQuestion]]] = defaultdict(list)
    for n, key, q in questions:
        questions_of[n].append((key, q))

    registrations: list[Registration] = []
    reg_times: list[dt.datetime] = []
    per_event: list[list[tuple[Row, Registration]]] = []
    for n, (spec, event) in enumerate(zip(specs, events, strict=True)):
        start, _end, opens, closes = writer.times(spec)
        pairs = []
        for row in writer.rows(spec, start, opens, closes, questions_of[n]):
            p = row.person
            registration = Registration(
                event=event,
                user_id=p.user_id,
                name=p.name,
                email=p.email,
                organisation_id=p.org_id,
                organisation_name=p.org_name[:200],
                status=row.status,
                waiting_since=row.waiting_since,
                answers=row.answers,
                is_walk_in=row.is_walk_in,
                attended=row.attended,
                attendance_marked_at=row.marked_at,
                language=row.language,
                cancelled_at=row.cancelled_at,
            )
            registrations.append(registration)
            reg_times.append(row.at)
            pairs.append((row, registration))
        per_event.append(pairs)
        statuses = Counter(r.status for _, r in pairs)
        event.attending_count = statuses[Registration.Status.ATTENDING]
        event.waiting_count = statuses[Registration.Status.WAITING]
    Registration.objects.bulk_create(registrations, batch_size=_BATCH)
    _set_times(registrations, "created_at", reg_times)
    Event.objects.bulk_update(events, ["attending_count", "waiting_count"], batch_size=_BATCH)

    feedback: list[Feedback] = []
    feedback_times: list[dt.datetime] = []
    now = timezone.now()
    for spec, event, pairs in zip(specs, events, per_event, strict=True):
        made = writer.feedback(spec, event, pairs)
        feedback += made
        feedback_times += [min(event.ends_at + dt.timedelta(hours=rng.randint(20, 160)), now) for _ in made]
    Feedback.objects.bulk_create(feedback, batch_size=_BATCH)
    _set_times(feedback, "created_at", feedback_times)
    Registration.objects.bulk_update(
        [r for r in registrations if r.feedback_given], ["feedback_given"], batch_size=_BATCH
    )

    plan = None
    for spec, event, pairs in zip(specs, events, per_event, strict=True):
        if spec.key == NETWORKING_DAY:
            plan = networking_plan(rng, event, [r for _, r in pairs], creator=user_pks.get(spec.created_by))
    return {"plan": plan}


def _held(spec: Spec, today: dt.date) -> bool:
    """Took place: published and over before `today`."""
    return spec.status == Event.Status.PUBLISHED and spec.last_day() < today


def _online_url(spec: Spec) -> str:
    return _online(spec.key) if spec.online else ""


def _links(ref: Reference, specs: Sequence[Spec], events: Sequence[Event]) -> None:
    """The organising networks and organisations and the regions, each in one bulk insert."""
    for through, column, ids, keys_of in (
        (Event.networks.through, "network_id", ref.networks, lambda spec: spec.networks),
        (Event.organisations.through, "organisation_id", ref.org_by_name, lambda spec: spec.organisations),
        (Event.regions.through, "region_id", ref.regions, lambda spec: spec.regions),
    ):
        pairs = dict.fromkeys(
            (event.pk, ids[key])
            for spec, event in zip(specs, events, strict=True)
            for key in keys_of(spec)
            if key in ids
        )
        rows = [through(event_id=event_id, **{column: other}) for event_id, other in pairs]
        through.objects.bulk_create(rows, batch_size=_BATCH * 5)


# --- the networking day's rounds -----------------------------------------------------------------

ROUNDS = 6
TABLE_SIZE = 2  # speed dating: pairs
MINUTES_PER_ROUND = 8
PLAN_SEED = 1


def networking_plan(
    rng: random.Random, event: Event, registrations: Sequence[Registration], *, creator: User | None
) -> NetworkingPlan | None:
    """The rounds of the networking day for those present, from the rounds planner of the events
    app. People of one organisation know each other; a few declared contacts as well."""
    try:
        from verkosto.events.rounds import plan_rounds, score
    except ImportError:  # the planner is not there: the day has no plan
        return None
    present = [r for r in registrations if r.attended and not r.is_walk_in]
    if len(present) < TABLE_SIZE:
        return None
    by_org: dict[str, list[int]] = defaultdict(list)
    for r in present:
        by_org[f"o{r.organisation_id}" if r.organisation_id else f"n{r.organisation_name}"].append(r.pk)
    known = {frozenset(pair) for pks in by_org.values() for pair in combinations(pks, 2)}
    # Declared contacts: some people name others they already work with.
    declared: set[frozenset[int]] = set()
    for r in rng.sample(present, min(10, len(present))):
        other = rng.choice(present)
        if other.pk != r.pk:
            declared.add(frozenset((r.pk, other.pk)))
    through: Any = Registration.known_people.through
    through.objects.bulk_create(
        [
            through(from_registration_id=a, to_registration_id=b)
            for pair in sorted(declared, key=sorted)
            for a, b in (sorted(pair), sorted(pair, reverse=True))
        ]
    )
    known |= declared
    people = sorted(r.pk for r in present)
    rounds = plan_rounds(people, rounds=ROUNDS, table_size=TABLE_SIZE, known=known, seed=PLAN_SEED)
    achieved = score(rounds, known)
    plan = NetworkingPlan.objects.create(
        event=event,
        rounds=ROUNDS,
        table_size=TABLE_SIZE,
        minutes_per_round=MINUTES_PER_ROUND,
        seed=PLAN_SEED,
        repeated_pairs=achieved.repeated_pairs,
        known_pairs=achieved.known_pairs,
        created_by=creator,
    )
    Seat.objects.bulk_create(
        [
            Seat(plan=plan, round=r, table=t, registration_id=pk)
            for r, tables in enumerate(rounds, start=1)
            for t, table in enumerate(tables, start=1)
            for pk in table
        ],
        batch_size=_BATCH,
    )
    return plan


# --- entry points --------------------------------------------------------------------------------


def event_counts(*, until: dt.datetime | None = None) -> dict[str, Any]:
    """Counts of the demo events and their reach (those present at published events that ended
    before `until`, by default now)."""
    demo = Event.objects.filter(is_demo=True)
    registrations = Registration.objects.filter(event__in=demo)
    present = registrations.filter(attended=True, event__status=Event.Status.PUBLISHED)
    people = {
        email or f"{name}|{org}|{org_name}"
        for email, name, org, org_name in present.values_list(
            "email", "name", "organisation_id", "organisation_name"
        )
    }
    organisations = {org or name for org, name in present.values_list("organisation_id", "organisation_name")}
    held = demo.filter(status=Event.Status.PUBLISHED, ends_at__lt=until or timezone.now())
    return {
        "events": demo.count(),
        "kinds": dict(Counter(demo.values_list("kind", flat=True))),
        "statuses": dict(Counter(demo.values_list("status", flat=True))),
        "registrations": registrations.count(),
        "present": present.count(),
        "people": len(people),
        "organisations": len(organisations),
        "regions": Region.objects.filter(events__in=held).distinct().count(),
        "national_events": held.filter(kind=Event.Kind.NATIONAL_EVENT).count(),
        "feedback": Feedback.objects.filter(event__in=demo).count(),
        "plans": NetworkingPlan.objects.filter(event__in=demo).count(),
    }


def load_events(*, seed: int = 2025, today: dt.date | None = None) -> dict[str, Any]:
    """Load the demo events once, after the demo networks; does nothing when demo events exist
    or there are no demo networks. Returns counts, reach, the seconds it took and whether anything
    was made."""
    with translation.override("fi"):
        if Event.objects.filter(is_demo=True).exists() or not Network.objects.filter(is_demo=True).exists():
            return {**event_counts(), "created": False}
        started = time.perf_counter()
        today = today or timezone.localdate()
        rng = random.Random(seed)
        ref = Reference.load()
        specs = Planner(rng, Calendar(today), ref).plan()
        with transaction.atomic():
            written = write(rng, ref, specs, today)
        finished = time.perf_counter()
    plan = written["plan"]
    return {
        **event_counts(until=_aware(today, "00:00")),
        "created": True,
        "networking_plan": plan is not None,
        "seconds": round(finished - started, 2),
    }
