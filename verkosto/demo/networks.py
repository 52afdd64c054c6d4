"""Demo networks: the regional networks of the background articles, with their life.

`load_demo_networks()` runs after the demo directory (verkosto.demo.generator) and adds:
- the youth workshops' 13 regional ALU networks (one of them the Swedish-language ULA, one the
  Varsinais-Suomi workshop network with its advocacy group), 14 outreach youth work networks,
  Vates' regional activity over 15 regions and Kainuu's TYPO coordination project;
- member organisations from the demo directory (the network's regions, suitable kinds), joined in
  2018-2025, a few of them gone since;
- fictional people: a regional coordinator per network, national coordinators naming their
  organisation, a few persons of member organisations, peer groups;
- bulletins (national, regional, one sent up to the national level), reads, discussion threads and
  a year of coordinators' work log before `today`.

Names of networks and organisations are real; every person is invented, and the names of the
real people in the articles are never used. Texts are written for the demo. Networks carry
`is_demo=True`; the rest hangs on them or on demo users. The same seed gives the same content;
dates of the log, bulletins and threads follow `today` so that "the last 12 months" stays full.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation, Service
from verkosto.networks.models import (
    Bulletin,
    BulletinRead,
    Membership,
    Network,
    PeerGroup,
    Post,
    Thread,
    WorkLogEntry,
)

from .data import REAL_ORGANISATIONS
from .generator import (
    DEMO_PASSWORD,
    FI_FIRST,
    FI_LAST,
    LANGS,
    SV_FIRST,
    SV_LAST,
    Text,
    Triple,
    _name,
    _text,
)

_BATCH = 1000
MEMBER_LOGIN = "jasen"
COORDINATOR_LOGIN = "alue"  # the directory's regional coordinator of Kainuu; coordinates its networks
NATIONAL_LOGIN = "kansallinen-tpy"
KAINUU = "MK18"
# Persons of member organisations at most (not coordinators): keeps the demo small and quick.
MAX_PEOPLE = 230

TPY_NAME = "Valtakunnallinen työpajayhdistys ry"
OUTREACH_CENTRE_NAME = "Etsivän nuorisotyön osaamiskeskus"
VATES_NAME = "Vates-säätiö"
# The partners of Kainuu's TYPO coordination named in the articles.
TYPO_MEMBERS = (
    "Kainuun Nuotta ry",
    "Nakertaja Hetteenmäen kyläyhdistys ry",
    "Etnika Kainuu ry",
    "Kajaanin työvoimayhdistys ry",
    "Kapova ry",
    "Spartak Kajaani ry",
    "Kumppaniksi ry",
    "Nuorten ystävien Klubitalo Tönäri",
    "Kainuun TE-toimisto",
    "Kainuun TYP – työllistymistä edistävä monialainen yhteispalvelu",
)

# Surnames of the real people named in the background articles: no demo person wears one.
REAL_SURNAMES = frozenset({
    "Uustalo", "Välimaa", "Turja", "Laukkanen", "Gnosspelius", "Rautio", "Tolonen", "Nieminen",
    "Raudaskoski", "Åkerberg", "Holopainen", "Veko", "Saari", "Karhu", "Mänttäri-Tikka", "Hätinen",
    "Lytz", "Aavaluoma", "Ranta-Pitkänen", "Eskola", "Johansson", "Hassinen", "Savela-Vilmari",
    "Raivio", "Pääkkönen", "Pyykkönen", "Leppänen", "Mäki-Maukola",
})  # fmt: skip


# --- areas and networks --------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    key: str
    regions: tuple[str, ...]
    fi: str  # genitive, as in "Lapin työpajojen ALU-verkosto"
    sv: str
    en: str
    home: str  # the coordinator's home municipality
    reach: int  # typical one-way kilometres from the home to a member
    visits: int  # visits to members in a year
    trips: int  # multi-day trips in a year


AREAS: dict[str, Area] = {a.key: a for a in (
    Area("uusimaa", ("MK01",), "Uudenmaan", "Nyland", "Uusimaa", "Helsinki", 35, 20, 0),
    Area("varsinais-suomi", ("MK02",), "Varsinais-Suomen", "Egentliga Finland", "Varsinais-Suomi",
         "Turku", 45, 18, 1),
    Area("satakunta", ("MK04",), "Satakunnan", "Satakunta", "Satakunta", "Pori", 50, 16, 1),
    Area("hame", ("MK05", "MK07"), "Hämeen", "Tavastland", "Häme", "Hämeenlinna", 55, 16, 1),
    Area("pirkanmaa", ("MK06",), "Pirkanmaan", "Birkaland", "Pirkanmaa", "Tampere", 45, 18, 1),
    Area("kaakkois-suomi", ("MK08", "MK09"), "Kaakkois-Suomen", "Sydöstra Finland",
         "South-East Finland", "Kouvola", 60, 14, 2),
    Area("savo", ("MK10", "MK11"), "Savon", "Savolax", "Savo", "Kuopio", 90, 12, 3),
    Area("etela-savo", ("MK10",), "Etelä-Savon", "Södra Savolax", "South Savo", "Mikkeli", 70, 12, 2),
    Area("pohjois-savo", ("MK11",), "Pohjois-Savon", "Norra Savolax", "North Savo", "Kuopio", 70, 12, 2),
    Area("pohjois-karjala", ("MK12",), "Pohjois-Karjalan", "Norra Karelen", "North Karelia", "Joensuu",
         75, 12, 3),
    Area("keski-suomi", ("MK13",), "Keski-Suomen", "Mellersta Finland", "Central Finland", "Jyväskylä",
         65, 14, 2),
    Area("pohjanmaat", ("MK14", "MK15", "MK16"), "Kolmen Pohjanmaan", "de tre Österbottningarna",
         "the three Ostrobothnias", "Vaasa", 95, 12, 4),
    Area("etela-pohjanmaa", ("MK14",), "Etelä-Pohjanmaan", "Södra Österbotten", "South Ostrobothnia",
         "Seinäjoki", 55, 14, 1),
    Area("pohjanmaa", ("MK15", "MK16"), "Pohjanmaan ja Keski-Pohjanmaan",
         "Österbotten och Mellersta Österbotten", "Ostrobothnia and Central Ostrobothnia", "Vaasa",
         70, 12, 2),
    Area("pohjoinen", ("MK17", "MK18"), "Pohjois-Pohjanmaan ja Kainuun",
         "Norra Österbotten och Kajanaland", "North Ostrobothnia and Kainuu", "Oulu", 150, 10, 8),
    Area("lappi", ("MK19",), "Lapin", "Lappland", "Lapland", "Rovaniemi", 210, 6, 12),
    Area("ula", ("MK01", "MK02", "MK15", "MK16", "MK21"), "", "", "", "Raasepori", 170, 8, 5),
    Area("vates", ("MK01", "MK02", "MK04", "MK05", "MK06", "MK07", "MK08", "MK10", "MK11", "MK12",
                   "MK13", "MK14", "MK15", "MK17", "MK19"), "", "", "", "Helsinki", 230, 8, 8),
    Area("kainuu", (KAINUU,), "Kainuun", "Kajanaland", "Kainuu", "Kajaani", 40, 16, 0),
)}  # fmt: skip

ALU_AREAS = (
    "uusimaa",
    "varsinais-suomi",
    "satakunta",
    "hame",
    "pirkanmaa",
    "kaakkois-suomi",
    "savo",
    "pohjois-karjala",
    "keski-suomi",
    "pohjanmaat",
    "pohjoinen",
    "lappi",
)  # fmt: skip  (and "ula": 13 in all)
OUTREACH_AREAS = (
    "uusimaa", "varsinais-suomi", "satakunta", "hame", "pirkanmaa", "kaakkois-suomi", "etela-savo",
    "pohjois-savo", "pohjois-karjala", "keski-suomi", "etela-pohjanmaa", "pohjanmaa", "pohjoinen",
    "lappi",
)  # fmt: skip
# Outreach networks that are only getting started: their members joined lately.
NEW_OUTREACH = frozenset({"etela-savo", "etela-pohjanmaa", "kaakkois-suomi"})

ALU_NAME: Triple = (
    "{fi} työpajojen ALU-verkosto",
    "Verkstädernas ALU-nätverk i {sv}",
    "ALU network of youth workshops: {en}",
)
ALU_DESCRIPTION: Triple = (
    "{fi} nuorten työpajojen alueellinen ALU-verkosto kokoaa alueen työpajatoimijat yhteen. "
    "Jäsenet jakavat kokemuksia ja toimiviksi havaittuja käytäntöjä, kehittävät valmennusta yhdessä "
    "ja tuovat työpajojen näkökulman alueen päättäjille. Verkosto tapaa muutaman kerran vuodessa "
    "vuorotellen jonkin työpajan tiloissa ja verkossa; työvalmentajilla, yksilövalmentajilla ja "
    "esihenkilöillä on omat vertaisryhmänsä. Alueellinen koordinaattori pitää yhteyttä jäseniin ja "
    "Valtakunnalliseen työpajayhdistykseen.",
    "ALU-nätverket för ungdomsverkstäderna i {sv} samlar regionens verkstadsaktörer. Medlemmarna "
    "delar erfarenheter och praxis som fungerar, utvecklar coachningen tillsammans och för fram "
    "verkstädernas perspektiv till beslutsfattarna. Nätverket träffas några gånger om året, turvis i "
    "en verkstads lokaler och på nätet; arbetshandledare, individuella coacher och chefer har egna "
    "kamratgrupper. Den regionala koordinatorn håller kontakt med medlemmarna och med "
    "Valtakunnallinen työpajayhdistys.",
    "The regional ALU network of youth workshops in {en} brings the area's workshop organisations "
    "together. Members share experience and practices that have proved to work, develop coaching "
    "together and bring the workshops' view to local decision-makers. The network meets a few times "
    "a year, in turn at a member workshop and online; work coaches, personal coaches and managers "
    "have peer groups of their own. The regional coordinator keeps in touch with the members and "
    "with the National Workshop Association.",
)
AREA_NOTES: dict[str, Triple] = {
    "hame": ("Verkosto kattaa Kanta- ja Päijät-Hämeen.",
             "Nätverket omfattar Egentliga Tavastland och Päijänne-Tavastland.",
             "The network covers Kanta-Häme and Päijät-Häme."),
    "kaakkois-suomi": ("Verkosto kattaa Kymenlaakson ja Etelä-Karjalan.",
                       "Nätverket omfattar Kymmenedalen och Södra Karelen.",
                       "The network covers Kymenlaakso and South Karelia."),
    "savo": ("Verkosto kattaa Etelä- ja Pohjois-Savon.",
             "Nätverket omfattar Södra och Norra Savolax.",
             "The network covers South and North Savo."),
    "pohjanmaat": ("Verkosto kattaa Etelä-Pohjanmaan, Pohjanmaan ja Keski-Pohjanmaan.",
                   "Nätverket omfattar Södra Österbotten, Österbotten och Mellersta Österbotten.",
                   "The network covers South, Central and coastal Ostrobothnia."),
    "pohjoinen": ("Välimatkat ovat pitkiä, joten suuri osa yhteydenpidosta hoidetaan verkossa; "
                  "koordinaattori kiertää silti jäsenten luona myös kasvokkain.",
                  "Avstånden är långa, så en stor del av kontakterna sköts på nätet; koordinatorn "
                  "besöker ändå medlemmarna också på plats.",
                  "Distances are long, so much of the contact happens online; the coordinator still "
                  "visits members in person."),
    "lappi": ("Pinta-alaltaan verkostoalue on Suomen suurin. Verkkotapaamiset eivät korvaa "
              "kohtaamisia, joten koordinaattori tekee jäsenten luo useamman päivän kierroksia.",
              "Till ytan är nätverkets område det största i Finland. Möten på nätet ersätter inte "
              "personliga möten, så koordinatorn gör rundor på flera dagar till medlemmarna.",
              "By area this is the largest network region in Finland. Online meetings do not replace "
              "meeting in person, so the coordinator makes trips of several days to the members."),
}  # fmt: skip

VS_NAME: Triple = (
    "Varsinais-Suomen työpajaverkosto",
    "Verkstadsnätverket i Egentliga Finland",
    "Varsinais-Suomi Workshop Network",
)
VS_DESCRIPTION: Triple = (
    "Varsinais-Suomen nuorten työpajojen ALU-verkosto. Kokouksissa käydään läpi ajankohtaiset "
    "asiat ja työpajojen tulevaisuuden näkymät, ja jokaisessa on vaikuttamisen teema. Verkoston "
    "edunvalvontaryhmä pitää yhteyttä maakunnan vaikuttajiin ja viranomaisiin, valmistelee "
    "kannanottoja ja tulkitsee valtakunnallisia linjauksia maakunnan työpajoille. Oppilaitosten kanssa "
    "kehitetään työpajoilla opitun osaamisen tunnistamista.",
    "ALU-nätverket för ungdomsverkstäderna i Egentliga Finland. På mötena går man igenom aktuella "
    "frågor och verkstädernas framtidsutsikter, och varje möte har ett tema om påverkan. Nätverkets "
    "intressebevakningsgrupp håller kontakt med beslutsfattare och myndigheter i landskapet, bereder "
    "ställningstaganden och tolkar riksomfattande riktlinjer för landskapets verkstäder. Med "
    "läroanstalterna utvecklas identifieringen av kunnande som lärts i verkstäderna.",
    "The ALU network of youth workshops in Varsinais-Suomi. Meetings cover current issues and the "
    "workshops' outlook, each with an advocacy theme. The network's advocacy group keeps in touch "
    "with the region's decision-makers and authorities, prepares statements and translates national "
    "policy for the region's workshops. With colleges, the network develops the recognition of "
    "skills learned at workshops.",
)
ULA_NAME: Triple = (
    "ULA – ruotsin- ja kaksikielisten työpajojen verkosto",
    "ULA – nätverket för svensk- och tvåspråkiga verkstäder",
    "ULA – network of Swedish-speaking and bilingual workshops",
)
ULA_DESCRIPTION: Triple = (
    "ALU-verkosto ruotsinkielisille ja kaksikielisille nuorten työpajoille Uudeltamaalta, "
    "Varsinais-Suomesta, Pohjanmaalta, Keski-Pohjanmaalta ja Ahvenanmaalta. Verkoston työkieli on "
    "ruotsi. Jäsenet tapaavat enimmäkseen verkossa ja kerran vuodessa kahden päivän "
    "verkostopäivillä; aiheina ovat ruotsinkielisen valmennusmateriaalin jakaminen, yhteistyö "
    "oppilaitosten kanssa ja palvelut ruotsiksi uusilla työllisyysalueilla.",
    "ALU-nätverket för svenskspråkiga och tvåspråkiga ungdomsverkstäder i Nyland, Egentliga "
    "Finland, Österbotten, Mellersta Österbotten och på Åland. Nätverkets arbetsspråk är svenska. "
    "Medlemmarna träffas mest på nätet och en gång om året på tvådagars nätverksdagar; teman är att "
    "dela svenskspråkigt coachningsmaterial, samarbete med läroanstalter och service på svenska i de "
    "nya sysselsättningsområdena.",
    "The ALU network of Swedish-speaking and bilingual youth workshops in Uusimaa, "
    "Varsinais-Suomi, Ostrobothnia, Central Ostrobothnia and Åland. Its working language is Swedish. "
    "Members meet mostly online and once a year at two-day network days; topics include sharing "
    "coaching material in Swedish, cooperation with colleges and services in Swedish in the new "
    "employment areas.",
)

OUTREACH_NAME: Triple = (
    "{fi} etsivän nuorisotyön verkosto",
    "Nätverket för uppsökande ungdomsarbete i {sv}",
    "Outreach youth work network: {en}",
)
OUTREACH_DESCRIPTION: Triple = (
    "{fi} etsivän nuorisotyön alueellinen verkosto kokoaa alueen etsivät nuorisotyöntekijät "
    "vertaistukeen ja yhteiseen kehittämiseen. Verkostossa kootaan etsivien havaintoja nuorten "
    "tilanteista – hiljaisia signaaleja, jotka eivät vielä näy tilastoissa – ja viedään niitä "
    "alueen päättäjille ja valtakunnalliselle tasolle. Yhteistyötä tehdään erityisesti alueen "
    "työpajojen ja Ohjaamojen kanssa.",
    "Det regionala nätverket för uppsökande ungdomsarbete i {sv} samlar regionens uppsökande "
    "ungdomsarbetare för kamratstöd och gemensam utveckling. I nätverket samlas iakttagelser om de "
    "ungas situation – tysta signaler som ännu inte syns i statistiken – och förs vidare till "
    "beslutsfattarna i regionen och till den nationella nivån. Samarbetet med regionens verkstäder "
    "och Ohjaamo-punkter är särskilt nära.",
    "The regional outreach youth work network in {en} brings the area's outreach youth workers "
    "together for peer support and joint development. It gathers what outreach workers notice about "
    "young people's situations – silent signals that do not yet show in statistics – and passes them "
    "on to local decision-makers and the national level. It works closely with the area's youth "
    "workshops and Ohjaamo centres.",
)
NEW_OUTREACH_NOTE: Triple = (
    "Verkosto on käynnistynyt hiljattain, ja sen toimintatavoista sovitaan yhdessä jäsenten kanssa.",
    "Nätverket har startat nyligen, och arbetssätten kommer man överens om tillsammans med medlemmarna.",
    "The network started recently; its ways of working are being agreed with the members.",
)
BILINGUAL_NOTE: Triple = (
    "Verkosto toimii suomeksi ja ruotsiksi.",
    "Nätverket arbetar på finska och svenska.",
    "The network works in Finnish and Swedish.",
)

VATES_NETWORK_NAME: Triple = (
    "Vates-säätiön aluetoiminta: työllisyystoimijoiden verkosto",
    "Vates-stiftelsens regionala verksamhet: nätverket för sysselsättningsaktörer",
    "Vates Foundation's regional activity: network of employment actors",
)
VATES_DESCRIPTION: Triple = (
    "Vates-säätiön aluetoiminta kokoaa työllistymistä edistävät järjestöt, säätiöt ja tuetun "
    "työllistymisen palveluntuottajat maakunnittaisiin tapaamisiin viidessätoista maakunnassa. "
    "Tilaisuuksissa kuullaan ajankohtaista osatyökykyisten ja vammaisten henkilöiden "
    "työllistymisestä, tuodaan esiin järjestöjen osaamista kuntien työllisyydenhoidossa ja "
    "rakennetaan yhteistyötä sektorirajojen yli. Verkostossa toimii työhönvalmentajien vertaisryhmä.",
    "Vates-stiftelsens regionala verksamhet samlar organisationer, stiftelser och producenter av "
    "stödd sysselsättning som främjar sysselsättning till landskapsvisa träffar i femton landskap. "
    "På träffarna får man aktuell information om sysselsättning för personer med partiell "
    "arbetsförmåga och funktionsnedsättning, lyfter fram organisationernas kunnande i kommunernas "
    "sysselsättningsarbete och bygger samarbete över sektorsgränserna. I nätverket finns en "
    "kamratgrupp för jobbcoacher.",
    "The Vates Foundation's regional activity brings NGOs, foundations and providers of supported "
    "employment together in regional meetings in fifteen regions. Meetings share current news on "
    "the employment of disabled people and people partially able to work, show what NGOs can offer "
    "to municipal employment services and build cooperation across sectors. The network has a peer "
    "group for job coaches.",
)
TYPO_NAME: Triple = (
    "Kainuun TYPO-koordinaatio",
    "TYPO-koordineringen i Kajanaland",
    "Kainuu TYPO coordination",
)
TYPO_DESCRIPTION: Triple = (
    "Paikallinen koordinaatiohanke, joka tiivistää työllisyyspalvelujen, TYP:n ja Kajaanin seudun "
    "kumppanuusyhdistysten yhteistyötä. Hanke järjestää asiantuntijoille tutustumiskäyntejä "
    "yhdistyksiin, jotta asiakkaat ohjataan oikea-aikaisesti sopivaan palveluun, sekä "
    "verkostoitumispäiviä kainuulaisille työllisyystoimijoille.",
    "Ett lokalt samordningsprojekt som stärker samarbetet mellan sysselsättningstjänsterna, TYP och "
    "partnerföreningarna i Kajanaregionen. Projektet ordnar studiebesök i föreningarna för experter, "
    "så att klienter i rätt tid hänvisas till en lämplig tjänst, och nätverksdagar för "
    "sysselsättningsaktörer i Kajanaland.",
    "A local coordination project strengthening cooperation between the employment services, TYP "
    "and the partner associations of the Kajaani area. It arranges visits to the associations for "
    "advisers, so that clients reach a suitable service at the right time, and networking days for "
    "employment actors in Kainuu.",
)


@dataclass(frozen=True)
class GroupSpec:
    name: Triple
    description: Triple
    job: str  # the job of the persons who join it ("" for hand-picked members)


WORK_COACHES = GroupSpec(
    ("Työvalmentajat", "Arbetshandledare", "Work coaches"),
    ("Työpajojen työvalmentajien vertaisryhmä: työmenetelmät, osaamisen tunnistaminen ja arjen "
     "kysymykset.",
     "Kamratgrupp för verkstädernas arbetshandledare: arbetsmetoder, att identifiera kunnande och "
     "vardagens frågor.",
     "Peer group for workshop work coaches: methods, recognising skills and everyday questions."),
    "work_coach",
)  # fmt: skip
PERSONAL_COACHES = GroupSpec(
    ("Yksilövalmentajat", "Individuella coacher", "Personal coaches"),
    ("Yksilövalmentajien vertaisryhmä: valmennusprosessi, asiakasohjaus ja yhteistyö "
     "työllisyysalueen kanssa.",
     "Kamratgrupp för individuella coacher: coachningsprocessen, klienthänvisning och samarbete med "
     "sysselsättningsområdet.",
     "Peer group for personal coaches: the coaching process, referrals and working with the "
     "employment area."),
    "personal_coach",
)  # fmt: skip
MANAGERS = GroupSpec(
    ("Esihenkilöt", "Chefer", "Managers"),
    ("Työpajojen esihenkilöiden ryhmä: rahoitus, hankinnat, henkilöstö ja toiminnan kehittäminen.",
     "Grupp för verkstädernas chefer: finansiering, upphandling, personal och utveckling av "
     "verksamheten.",
     "Group for workshop managers: funding, procurement, staff and developing the service."),
    "manager",
)  # fmt: skip
ADVOCACY = GroupSpec(
    ("Edunvalvontaryhmä", "Intressebevakningsgruppen", "Advocacy group"),
    ("Verkoston vapaaehtoisista koottu ryhmä, joka valmistelee vaikuttamistyön: tapaamiset "
     "kansanedustajien ja maakunnan viranomaisten kanssa sekä verkostokokousten vaikuttamisteemat.",
     "En grupp av frivilliga i nätverket som bereder påverkansarbetet: möten med riksdagsledamöter "
     "och myndigheter i landskapet samt påverkansteman för nätverksmötena.",
     "A group of volunteers from the network that prepares its advocacy: meetings with MPs and the "
     "region's authorities, and the advocacy theme of each network meeting."),
    "",
)  # fmt: skip
DIGITAL_OUTREACH = GroupSpec(
    ("Digitaalinen etsivä työ", "Digitalt uppsökande arbete", "Digital outreach work"),
    ("Vertaisryhmä etsiville, jotka tavoittavat nuoria verkossa, peleissä ja sosiaalisessa mediassa.",
     "Kamratgrupp för uppsökande arbetare som når unga på nätet, i spel och i sociala medier.",
     "Peer group for outreach workers who reach young people online, in games and on social media."),
    "outreach",
)  # fmt: skip
JOB_COACHES = GroupSpec(
    ("Työhönvalmentajat", "Jobbcoacher", "Job coaches"),
    ("Työhönvalmentajien vertaisryhmä: työnantajayhteistyö, tuetun työllistymisen menetelmät ja "
     "lakimuutosten vaikutukset asiakkaisiin.",
     "Kamratgrupp för jobbcoacher: arbetsgivarsamarbete, metoder för stödd sysselsättning och hur "
     "lagändringar påverkar klienterna.",
     "Peer group for job coaches: working with employers, supported employment methods and what "
     "changes in the law mean for clients."),
    "job_coach",
)  # fmt: skip
ALU_GROUPS = (WORK_COACHES, PERSONAL_COACHES, MANAGERS)


@dataclass
class NetworkSpec:
    key: str  # "alu-lappi", "etsiva-savo", "vates", "typo"
    family: str  # alu, outreach, vates, typo
    kind: str
    language: str
    area: Area
    name: Text
    description: Text
    coordinating: str  # "tpy", "outreach", "vates" or "" (none)
    coordinator_username: str
    groups: tuple[GroupSpec, ...] = ()
    first_year: int = 2018

    @property
    def regions(self) -> tuple[str, ...]:
        return self.area.regions


def _fill(triple: Triple, area: Area) -> Text:
    return {
        lang: text.format(fi=area.fi, sv=area.sv, en=area.en)
        for lang, text in zip(LANGS, triple, strict=True)
    }


def _capitalised(text: Text) -> Text:
    return {lang: value[:1].upper() + value[1:] for lang, value in text.items()}


def _plus(text: Text, *notes: Triple) -> Text:
    return {lang: " ".join([text[lang], *(n[i] for n in notes)]) for i, lang in enumerate(LANGS)}


def network_specs() -> list[NetworkSpec]:
    """The 29 demo networks: 13 ALU, 14 outreach, Vates' regional activity and Kainuu's TYPO."""
    specs = []
    name: Text
    description: Text
    groups: tuple[GroupSpec, ...]
    notes: list[Triple]
    for key in ALU_AREAS:
        area = AREAS[key]
        if key == "varsinais-suomi":  # the network of the articles, with its advocacy group
            name, description, groups = _text(VS_NAME), _text(VS_DESCRIPTION), (*ALU_GROUPS, ADVOCACY)
        else:
            notes = [AREA_NOTES[key]] if key in AREA_NOTES else []
            name = _capitalised(_fill(ALU_NAME, area))
            description = _plus(_fill(ALU_DESCRIPTION, area), *notes)
            groups = ALU_GROUPS
        specs.append(
            NetworkSpec(f"alu-{key}", "alu", Network.Kind.YOUTH_WORKSHOPS, "fi", area, name, description,
                        "tpy", f"koordinaattori-alu-{key}", groups)
        )  # fmt: skip
    specs.append(
        NetworkSpec("alu-ula", "alu", Network.Kind.YOUTH_WORKSHOPS, "sv", AREAS["ula"],
                    _text(ULA_NAME), _text(ULA_DESCRIPTION), "tpy",
                    "koordinaattori-ula", ALU_GROUPS)
    )  # fmt: skip
    for key in OUTREACH_AREAS:
        area = AREAS[key]
        notes = [NEW_OUTREACH_NOTE] if key in NEW_OUTREACH else []
        language = "fi-sv" if key == "pohjanmaa" else "fi"
        if language == "fi-sv":
            notes.append(BILINGUAL_NOTE)
        groups = (DIGITAL_OUTREACH,) if key in {"uusimaa", "pirkanmaa", "pohjoinen", "lappi"} else ()
        specs.append(
            NetworkSpec(f"etsiva-{key}", "outreach", Network.Kind.OUTREACH, language, area,
                        _capitalised(_fill(OUTREACH_NAME, area)),
                        _plus(_fill(OUTREACH_DESCRIPTION, area), *notes), "outreach",
                        f"koordinaattori-etsiva-{key}", groups, 2024 if key in NEW_OUTREACH else 2018)
        )  # fmt: skip
    specs.append(
        NetworkSpec("vates", "vates", Network.Kind.SUPPORTED_EMPLOYMENT, "fi", AREAS["vates"],
                    _text(VATES_NETWORK_NAME), _text(VATES_DESCRIPTION), "vates",
                    "koordinaattori-vates", (JOB_COACHES,), 2019)
    )  # fmt: skip
    specs.append(
        NetworkSpec("typo", "typo", Network.Kind.LOCAL_COORDINATION, "fi", AREAS["kainuu"],
                    _text(TYPO_NAME), _text(TYPO_DESCRIPTION), "",
                    "koordinaattori-kainuu", (), 2019)
    )  # fmt: skip
    return specs


# --- the directory as the loader sees it ---------------------------------------------------------


@dataclass
class Org:
    pk: int
    name: str
    kind: str
    regions: frozenset[str]
    home_id: int | None
    swedish: bool
    workshop: bool  # runs youth workshops (by kind or by its services)
    outreach: bool  # does outreach youth work (by kind or by its services)

    @property
    def regional(self) -> bool:
        return 0 < len(self.regions) <= 3


@dataclass
class Directory:
    orgs: list[Org]
    by_name: dict[str, Org]
    regions: dict[str, int]
    municipalities: dict[int, Municipality]
    municipality_by_name: dict[str, Municipality]

    @classmethod
    def load(cls) -> Directory:
        regions = dict(Region.objects.values_list("code", "pk"))
        code_of = {pk: code for code, pk in regions.items()}
        municipalities = {m.pk: m for m in Municipality.objects.select_related("region")}
        by_muni_name = {_name(m): m for m in municipalities.values()}
        org_regions: dict[int, set[str]] = defaultdict(set)
        through: Any = Organisation.regions.through
        for org_id, region_id in through.objects.values_list("organisation_id", "region_id"):
            org_regions[org_id].add(code_of[region_id])
        homes: dict[int, int] = {}
        through = Organisation.municipalities.through
        for org_id, municipality_id in through.objects.order_by("pk").values_list(
            "organisation_id", "municipality_id"
        ):
            homes.setdefault(org_id, municipality_id)
        through = Organisation.languages.through
        swedish = set(through.objects.filter(language__code="sv").values_list("organisation_id", flat=True))
        workshop, outreach = set(), set()
        for org_id, name in Service.objects.values_list("organisation_id", "name_fi"):
            lowered = name.lower()
            if "työpaja" in lowered or "pajatoiminta" in lowered:
                workshop.add(org_id)
            if "etsivä" in lowered:
                outreach.add(org_id)
        real_homes = {o["name"]["fi"]: o["municipality"] for o in REAL_ORGANISATIONS}
        orgs = []
        for pk, name, kind in Organisation.objects.order_by("name_fi", "pk").values_list(
            "pk", "name_fi", "kind"
        ):
            home = by_muni_name.get(real_homes[name]) if name in real_homes else None
            orgs.append(
                Org(
                    pk=pk,
                    name=name,
                    kind=kind,
                    regions=frozenset(org_regions.get(pk, ())),
                    home_id=home.pk if home else homes.get(pk),
                    swedish=pk in swedish,
                    workshop=kind == Organisation.Kind.YOUTH_WORKSHOP or pk in workshop,
                    outreach=kind == Organisation.Kind.OUTREACH_YOUTH_WORK or pk in outreach,
                )
            )
        return cls(orgs, {o.name: o for o in orgs}, regions, municipalities, by_muni_name)

    def in_regions(self, regions: Iterable[str]) -> list[Org]:
        wanted = set(regions)
        return [o for o in self.orgs if o.regional and o.regions & wanted]


# --- choosing members ----------------------------------------------------------------------------


def _pick(rng: random.Random, first: list[Org], fallback: list[Org], *, least: int, most: int) -> list[Org]:
    """Most of `first` (up to `most`), topped up from `fallback` to at least `least`."""
    chosen = [o for o in first if rng.random() < 0.9] or first[:1]
    if len(chosen) > most:
        chosen = sorted(rng.sample(chosen, most), key=lambda o: o.name)
    seen = {o.pk for o in chosen}
    extra = list({o.pk: o for o in fallback if o.pk not in seen}.values())
    rng.shuffle(extra)
    chosen += extra[: max(least - len(chosen), 0)]
    return chosen


def choose_members(
    rng: random.Random, directory: Directory, specs: Sequence[NetworkSpec]
) -> dict[str, list[Org]]:
    members: dict[str, list[Org]] = {}
    in_alu: set[int] = set()  # a workshop belongs to one Finnish-language regional ALU network
    for spec in specs:
        local = directory.in_regions(spec.regions)
        if spec.key == "alu-ula":
            first = [o for o in local if o.workshop and o.swedish]
            fallback = [o for o in local if o.workshop] + local
            chosen = _pick(rng, first, fallback, least=3, most=10)
        elif spec.family == "alu":
            first = [o for o in local if o.workshop and o.pk not in in_alu]
            fallback = [
                o
                for o in local
                if o.kind in ("foundation", "association", "municipal_employment", "education")
                and o.pk not in in_alu
            ] + [o for o in local if o.pk not in in_alu]
            chosen = _pick(rng, first, fallback, least=3, most=14)
            in_alu |= {o.pk for o in chosen}
        elif spec.family == "outreach":
            first = [o for o in local if o.outreach]
            fallback = [o for o in local if o.kind in ("ohjaamo", "municipal_employment")] + local
            chosen = _pick(rng, first, fallback, least=2, most=10)
        elif spec.family == "vates":
            chosen = []
            suitable = ("supported_employment", "foundation", "association")
            for code in spec.regions:
                here = [o for o in local if code in o.regions and o.kind in suitable]
                here.sort(key=lambda o: (o.kind != "supported_employment", o.name))
                taken = {o.pk for o in chosen}
                chosen += [o for o in here[:4] if o.pk not in taken and rng.random() < 0.8]
            chosen = chosen or local[:3]
        else:  # typo
            chosen = [directory.by_name[n] for n in TYPO_MEMBERS if n in directory.by_name]
            chosen = chosen or [o for o in local if o.kind == "association"] or local[:3]
        if not chosen:  # a tiny directory: the coordinating organisation at least
            chosen = directory.orgs[:1]
        members[spec.key] = sorted(chosen, key=lambda o: o.name)
    return members


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


@dataclass
class MembershipSpec:
    org: Org
    joined_on: dt.date
    left_on: dt.date | None = None


def membership_history(
    rng: random.Random, spec: NetworkSpec, orgs: Sequence[Org], today: dt.date
) -> list[MembershipSpec]:
    """Joined in 2018-2025 (later for new networks); about one in twelve has left, some came back."""
    first = dt.date(spec.first_year, 1, 15)
    last = min(dt.date(2025, 12, 15), today)
    rows = []
    for i, org in enumerate(orgs):
        # The founding members joined in the network's first year; the rest over the years.
        end = dt.date(spec.first_year, 12, 15) if i < max(2, len(orgs) // 3) else last
        joined = _date_between(rng, first, min(end, last))
        row = MembershipSpec(org, joined)
        rows.append(row)
        if len(orgs) > 3 and rng.random() < 0.09 and (today - joined).days > 400:
            row.left_on = _date_between(rng, joined + dt.timedelta(days=180), today - dt.timedelta(days=30))
            back = row.left_on + dt.timedelta(days=rng.randint(120, 700))
            if rng.random() < 0.4 and back <= last:
                rows.append(MembershipSpec(org, back))
    return rows


# --- people --------------------------------------------------------------------------------------


class People:
    """Invented persons with unique usernames; no surname of a real person in the articles."""

    def __init__(self, rng: random.Random, password_hash: str, taken: Iterable[str]) -> None:
        self.rng = rng
        self.password = password_hash
        self.taken = set(taken)
        self.users: list[User] = []

    def name(self, swedish: bool) -> tuple[str, str]:
        firsts, lasts = (SV_FIRST, SV_LAST) if swedish else (FI_FIRST, FI_LAST)
        while True:
            first, last = self.rng.choice(firsts), self.rng.choice(lasts)
            if last not in REAL_SURNAMES:
                return first, last

    def new(self, *, swedish: bool, username: str = "") -> User:
        first, last = self.name(swedish)
        if not username:
            base = f"{slugify(first)}.{slugify(last)}".replace("-", "")
            username, n = base, 1
            while username in self.taken:
                n += 1
                username = f"{base}{n}"
        self.taken.add(username)
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            password=self.password,
        )
        self.users.append(user)
        return user


ALU_JOBS = ("work_coach", "personal_coach")


@dataclass
class Person:
    user: User
    org: Org | None
    job: str


@dataclass
class Built:
    """Everything decided before writing, keyed by network spec key."""

    specs: list[NetworkSpec]
    members: dict[str, list[MembershipSpec]]
    coordinators: dict[str, list[User]]
    people: list[Person]
    nationals: dict[str, User]
    groups: dict[tuple[str, str], list[User]] = field(default_factory=dict)  # (network, group fi)


# --- text of bulletins, threads and the work log -------------------------------------------------

TE24_TITLE = "Työllisyyspalvelujen uudistus 2025 (TE24): mitä se tarkoittaa työpajoille käytännössä"
TE24_BODY = """\
Vuoden 2025 alusta julkiset työllisyyspalvelut siirtyivät TE-toimistoilta kunnille ja kuntien \
yhdessä muodostamille työllisyysalueille. Moni asia työpajojen arjessa on ennallaan, mutta \
yhteistyökumppanit ja sopimukset ovat vaihtuneet. Kokosimme verkostoille tarkistuslistan:

1. Yhteyshenkilöt: kuka työllisyysalueella ohjaa nuoria ja aikuisia työpajalle, ja kenen kanssa \
sovitte työkokeiluista ja palkkatuesta? Päivittäkää yhteystiedot palveluhakemistoon.
2. Sopimukset: ostopalvelu- ja yhteistyösopimukset tehdään nyt työllisyysalueen kanssa. \
Kuntouttavasta työtoiminnasta sovitaan edelleen hyvinvointialueen kanssa.
3. Ohjausreitit: kertokaa työllisyysalueen asiantuntijoille, mitä pajallanne voi tehdä ja kenelle \
jakso sopii. Monella alueella asiantuntijat ovat uusia eivätkä vielä tunne pajoja.
4. Rahoitus: kunnan vastuu pitkän työttömyyden kustannuksista kasvoi. Se on peruste keskustella \
työpajojen roolista kunnan työllisyydenhoidossa.
5. Tieto: kirjatkaa muutoksen vaikutukset (ohjausmäärät, jonot, katkokset) ja kertokaa niistä \
alueenne koordinaattorille. Kokoamme havainnot alueilta valtakunnalliseen vaikuttamistyöhön.

På svenska: Sysselsättningstjänsterna flyttades till kommunerna och sysselsättningsområdena vid \
årsskiftet 2025. Kontrollera kontaktpersoner, avtal och hänvisningsvägar och berätta för din \
regionala koordinator hur förändringen syns i verkstadens vardag."""

BULLETINS: tuple[dict[str, Any], ...] = (
    {"author": "tpy", "audience": "regions", "regions": "all", "days_ago": 300,
     "title": TE24_TITLE, "body": TE24_BODY},
    {"author": "outreach", "audience": "networks", "networks": "outreach", "days_ago": 95,
     "title": "Etsivän nuorisotyön vuositilastointi avautuu",
     "body": "Vuoden tiedonkeruu etsivän nuorisotyön tavoittamista nuorista avautuu ensi viikolla. "
     "Lomake on sama kuin viime vuonna, mutta ohjauksista työllisyysalueille kysytään nyt erikseen. "
     "Alueelliset koordinaattorit järjestävät verkostoissaan lyhyet etäinfot, joissa käydään läpi "
     "tavallisimmat kysymykset. Vastausaikaa on kuukausi."},
    {"author": "vates", "audience": "networks", "networks": ["vates"], "days_ago": 70,
     "title": "Teemapäivä verkossa: työnantajayhteistyö tuetussa työllistymisessä",
     "body": "Aamupäivällä kuullaan kahden työnantajan kokemukset osatyökykyisen työntekijän "
     "perehdyttämisestä ja palkkatuen hakemisesta uudella työllisyysalueella. Iltapäivällä "
     "työskennellään pienryhmissä maakunnittain. Ilmoittautuminen kahta viikkoa ennen."},
    {"author": "alu-lappi", "audience": "networks", "networks": ["alu-lappi"], "days_ago": 40,
     "title": "Verkostotapaaminen Rovaniemellä ja etänä",
     "body": "Tapaaminen pidetään kahtena päivänä, ja siihen voi osallistua myös verkossa. Ensimmäisenä "
     "päivänä aiheena on opinnollistaminen ammattiopiston kanssa, toisena työpajojen kesätyöpaikat "
     "nuorille. Kimppakyydeistä sovitaan keskusteluketjussa."},
    {"author": "alu-varsinais-suomi", "audience": "peer_group",
     "group": ("alu-varsinais-suomi", "Edunvalvontaryhmä"), "days_ago": 25,
     "title": "Kansanedustajatapaamisen valmistelu",
     "body": "Kootaan tapaamiseen maakunnan työpajojen tuoreet luvut: valmentautujat, jatkopolut ja "
     "jonotilanne. Jokainen tuo yhden lyhyen esimerkin omalta pajaltaan. Luonnos jaetaan ryhmälle "
     "viikkoa ennen tapaamista."},
    {"author": "alu-pohjoinen", "audience": "national", "source": "alu-pohjoinen", "days_ago": 30,
     "title": "Alueelta valtakunnalliselle tasolle: havaintoja TE24-uudistuksen vaikutuksista",
     "body": "Verkoston jäsenet kertovat, että ohjaukset työpajoille vähenivät uudistuksen alussa "
     "selvästi kahdella työllisyysalueella ja ovat sittemmin palautuneet. Syyksi arvioidaan "
     "uusien asiantuntijoiden perehtymistä ja asiakasjärjestelmän vaihtumista. Harvaan asutuilla "
     "alueilla matkat työllisyysalueen palvelupisteeseen ovat pidentyneet. Toivomme, että valtakunnallisissa "
     "keskusteluissa nostetaan esiin etäpalvelujen ja paikallisen läsnäolon tasapaino."},
    {"author": "alu-ula", "audience": "networks", "networks": ["alu-ula"], "days_ago": 55,
     "title": "Nätverksdagar i Vasa: att göra arbete till studier",
     "body": "Årets nätverksdagar ordnas i Vasa. Första dagen delar vi erfarenheter av samarbetet med "
     "läroanstalterna kring att dokumentera kunnande i verkstaden, andra dagen besöker vi två "
     "medlemsverkstäder. Anmäl dig senast två veckor före."},
    {"author": "tpy", "audience": "all", "days_ago": 12,
     "title": "Koordinaattoreiden verkostopäivät: ohjelma julkaistu",
     "body": "Alueellisten verkostojen koordinaattorit kokoontuvat kahdeksi päiväksi. Ohjelmassa on "
     "alueiden kuulumiset, työllisyysalueiden kanssa tehtävän yhteistyön hyvät käytännöt ja "
     "verkostojen vuosisuunnitelmat. Verkostojen jäsenet voivat lähettää koordinaattorille "
     "kysymyksiä ja teemoja etukäteen."},
    {"author": "typo", "audience": "networks", "networks": ["typo"], "days_ago": 20,
     "title": "Tutustumiskäynnit kumppanuusyhdistyksiin jatkuvat",
     "body": "Seuraavalla kierroksella tutustutaan kahteen yhdistykseen. Mukaan ovat tervetulleita "
     "työllisyysalueen, TYP:n ja hyvinvointialueen asiantuntijat. Käynnin aikana yhdistys esittelee "
     "toimintansa ja työtehtävät, joihin asiakkaita voi ohjata."},
    {"author": "vates", "audience": "regions", "regions": ["MK06"], "days_ago": 85,
     "title": "Pirkanmaan työllisyystoimijoiden yhteistyöpaja",
     "body": "Kutsumme Pirkanmaan järjestöt, oppilaitokset ja työllisyyspalvelut pohtimaan yhdessä "
     "asiakkaan polkua opinnoista työhön. Tapausesimerkkien avulla etsitään kohtia, joissa tieto "
     "katkeaa, ja sovitaan, miten siirtymiä tuetaan."},
)  # fmt: skip

# (network key, peer group fi or None, title, posts). Post authors are drawn from the network's
# people; "@jasen" and "@alue" put the demo logins into the conversation.
THREADS: tuple[tuple[str, str | None, str, tuple[str, ...]], ...] = (
    ("alu-pohjoinen", None, "Ohjaukset työllisyysalueelta: miten teillä on sovittu?", (
        "Meillä työllisyysalueen asiantuntijat ohjaavat nuoria pajalle nyt sähköisellä lomakkeella. "
        "Miten teillä muilla on sovittu ohjauksista ja aloituspalavereista?",
        "@jasen Meillä pidetään aloituspalaveri aina kolmisin: nuori, asiantuntija ja valmentaja. Se vie "
        "aikaa, mutta jakso lähtee paremmin käyntiin.",
        "Sama täällä. Kun asiantuntijat vaihtuivat, kutsuimme heidät pajalle kahville – sen jälkeen "
        "ohjauksia on tullut taas tasaisemmin.",
        "Kootaan näitä kokemuksia seuraavaan verkostotapaamiseen. Viestin myös valtakunnalliselle "
        "tasolle, koska sama kysymys on esillä muillakin alueilla.",
    )),
    ("alu-pohjoinen", "Työvalmentajat", "Opinnollistaminen metallipajalla: miten kirjaatte?", (
        "Onko jollakulla valmis pohja, jolla metallipajan työtehtävät kirjataan tutkinnon osien "
        "mukaan? Ammattiopisto toivoi meiltä yhtenäisempää tapaa.",
        "@jasen Meillä on taulukko, johon työtehtävät on jaettu perustutkinnon osien mukaan. Voin jakaa "
        "sen tänne ensi viikolla, kun olen päivittänyt sen.",
        "Kiitos! Hyvä muistaa myös, että nuori näkee itse, mitä on oppinut – meillä lista käydään "
        "läpi jokaisessa väliarvioinnissa.",
    )),
    ("alu-uusimaa", "Yksilövalmentajat", "Kun nuori ei tule ensimmäiseen tapaamiseen", (
        "Mitä keinoja teillä on, kun nuori ei saavu ensimmäiseen tapaamiseen eikä vastaa puhelimeen?",
        "Lähetän ensin lyhyen viestin ilman syyllistämistä ja ehdotan tapaamista jossain muualla kuin "
        "pajalla, esimerkiksi kirjastossa.",
        "Meillä etsivä nuorisotyö on auttanut monta kertaa. Kun lupa tiedon siirtoon on kunnossa, "
        "yhteydenotto onnistuu usein heidän kauttaan.",
        "Hyviä vinkkejä. Yksi asia, joka on toiminut: ensimmäinen tapaaminen on vain puoli tuntia, "
        "ja siinä ei täytetä yhtään lomaketta.",
    )),
    ("alu-varsinais-suomi", "Edunvalvontaryhmä", "Valtuutettujen kutsuminen työpajapäivään", (
        "Ehdotan, että kutsumme kevään työpajapäivään jokaisesta maakunnan kunnasta yhden "
        "valtuutetun. Kuka ehtii koota listan?",
        "Voin koota listan. Kutsussa kannattaa kertoa, mitä pajajakso maksaa kunnalle ja mitä se "
        "säästää, jos nuori pääsee eteenpäin.",
        "Hyvä. Minä kirjoitan kutsun luonnoksen ja jaan sen tänne perjantaina.",
    )),
    ("alu-lappi", None, "Kimppakyydit Rovaniemen verkostotapaamiseen", (
        "Lähden autolla Kemistä ja Torniosta on tilaa kolmelle. Kuka tarvitsee kyydin Rovaniemelle?",
        "Minä tulen Kemijärveltä bussilla, mutta paluukyyti kiinnostaisi.",
        "Sodankylästä lähtee kaksi, ajamme omalla autolla. Nähdään perillä!",
    )),
    ("alu-ula", None, "Digitala verktyg i den individuella coachningen", (
        "Vilka digitala verktyg använder ni i den individuella coachningen? Vi funderar på en app för "
        "att följa upp målen tillsammans med den unga.",
        "Vi har en enkel delad mapp per deltagare och kör uppföljningen på distans varannan vecka. "
        "Det räcker långt.",
        "Hos oss fungerar det bäst att det digitala kompletterar – första träffarna sker alltid på "
        "plats i verkstaden.",
    )),
    ("etsiva-pirkanmaa", None, "Jalkautuminen kauppakeskuksiin iltaisin", (
        "Olemme kokeilleet iltajalkautumista kauppakeskukseen kerran viikossa. Onko muilla kokemuksia "
        "siitä, mikä aika tavoittaa nuoret parhaiten?",
        "Meillä torstai-illat toimivat parhaiten. Vartijoiden kanssa kannattaa sopia etukäteen, niin "
        "he osaavat ohjata nuoria puheillenne.",
        "Kokeilimme myös viikonloppua, mutta silloin liikkeellä oli lähinnä nuorempia. Palasimme "
        "arki-iltoihin.",
    )),
    ("vates", "Työhönvalmentajat", "Työnantajan ensikontakti: mikä toimii?", (
        "Mitkä ovat teidän parhaat kokemuksenne ensimmäisestä yhteydenotosta työnantajaan?",
        "Soitan aina ensin ja kerron lyhyesti, mitä voimme tarjota – vasta sitten sähköposti. "
        "Puhelu jää mieleen paremmin.",
        "Meillä toimii se, että puhutaan työnantajan tarpeesta eikä asiakkaan rajoitteista. "
        "Tukimuodot kerrotaan vasta, kun tehtävä on selvillä.",
        "Hyvä havainto. Kootaan näistä lista seuraavaan teemapäivään.",
    )),
    ("typo", None, "Seuraavat tutustumiskäynnit: ehdotuksia", (
        "@alue Mihin yhdistyksiin haluaisitte tutustua seuraavaksi? Kerätään toiveet tähän ketjuun.",
        "Klubitalon toiminta kiinnostaisi monia asiantuntijoitamme.",
        "Meille olisi hyödyllistä nähdä kyläyhdistyksen työtehtävät paikan päällä.",
    )),
    ("alu-pirkanmaa", "Esihenkilöt", "Henkilöstön jaksaminen muutosten keskellä", (
        "Rahoitus- ja sopimusmuutokset ovat kuormittaneet porukkaa koko vuoden. Miten teillä "
        "tuetaan jaksamista?",
        "Pidämme kerran kuussa lyhyen tiimipalaverin, jossa puhutaan vain siitä, mikä meni hyvin.",
        "Työnohjaus on meillä ollut kullanarvoinen, vaikka sen järjestäminen vaatiikin sitkeyttä.",
    )),
)  # fmt: skip

LOG_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "fi": {
        "meeting": (
            "Verkostotapaaminen: ajankohtaiset asiat, jäsenten kuulumiset ja koulutustoiveet.",
            "Verkostotapaaminen: työllisyysalueiden kanssa tehtävä yhteistyö ja ohjausreitit.",
            "Verkostotapaaminen: opinnollistaminen ja osaamisen tunnistaminen.",
            "Verkostotapaaminen: vuosisuunnitelma ja vaikuttamisen teemat.",
        ),
        "group": (
            "Vertaisryhmän tapaaminen: kokemusten vaihto ja yhteiset materiaalit.",
            "Vertaisryhmän tapaaminen: asiakastilanteita ja hyviä käytäntöjä.",
        ),
        "visit": (
            "Tutustumiskäynti: toiminnan esittely, henkilöstön kuulumiset ja toiveet verkostolle.",
            "Käynti jäsenen luona: uuden esihenkilön perehdytys verkoston toimintaan.",
            "Käynti jäsenen luona: rahoitustilanne ja syksyn suunnitelmat.",
        ),
        "trip": (
            "Kierros jäsenorganisaatioissa: kuulumiset, tiedonkeruu ja paikalliset haasteet.",
            "Usean päivän kierros alueen pohjoisosassa: käynnit ja kaksi pienryhmätapaamista.",
        ),
        "event": (
            "Alueellinen teemapäivä yhdessä työllisyysalueen ja oppilaitosten kanssa.",
            "Alueen työpaja- ja etsiväpäivä: yhteistyö ja nuorten siirtymät.",
        ),
        "national": ("Valtakunnallinen koordinaattoritapaaminen.",),
        "other": (
            "Neuvottelu aluehallintoviraston kanssa alueen tilanteesta.",
            "Tiedonkeruu jäseniltä lakimuutoksen vaikutuksista.",
        ),
    },
    "sv": {
        "meeting": (
            "Nätverksträff: aktuellt, medlemmarnas nyheter och önskemål om utbildning.",
            "Nätverksträff: samarbetet med sysselsättningsområdena och hänvisningsvägar.",
        ),
        "group": ("Kamratgruppens träff: erfarenhetsutbyte och gemensamt material.",),
        "visit": (
            "Besök hos en medlem: presentation av verksamheten och önskemål till nätverket.",
            "Besök hos en medlem: finansieringsläget och höstens planer.",
        ),
        "trip": ("Rundtur hos medlemmarna: nyheter, datainsamling och lokala utmaningar.",),
        "event": ("Nätverksdagar med besök hos två medlemsverkstäder.",),
        "national": ("Riksomfattande koordinatorsträff.",),
        "other": ("Insamling av uppgifter om lagändringens följder hos medlemmarna.",),
    },
}
ONLINE_PLACE = {"fi": "Verkkotapaaminen", "sv": "Möte på nätet"}
# Road kilometres from a coordinator's home to Helsinki (national meetings), roughly.
HELSINKI_KM = {
    "Helsinki": 0, "Turku": 165, "Pori": 240, "Hämeenlinna": 100, "Tampere": 175, "Kouvola": 135,
    "Kuopio": 385, "Mikkeli": 230, "Joensuu": 435, "Jyväskylä": 270, "Vaasa": 420, "Seinäjoki": 355,
    "Oulu": 605, "Rovaniemi": 830, "Raasepori": 90, "Kajaani": 560,
}  # fmt: skip


# --- building ------------------------------------------------------------------------------------


def _aware(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _working_day(rng: random.Random, today: dt.date, *, within: int = 365) -> dt.date:
    """A weekday in the `within` days before today, seldom in July or round Christmas (holidays)."""
    while True:
        day = today - dt.timedelta(days=rng.randint(1, within))
        holiday = day.month == 7 or (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6)
        if day.weekday() < 5 and (not holiday or rng.random() < 0.1):
            return day


def _later(rng: random.Random, when: dt.datetime) -> dt.datetime:
    """A reply: later the same day or within two days, in office hours."""
    local = timezone.localtime(when)
    day = local.date() + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    hour = rng.randint(8, 19)
    if day == local.date():
        hour = min(local.hour + rng.randint(1, 4), 21)
    return _aware(day, hour, rng.randint(0, 59))


def _km(value: float) -> Decimal:
    return Decimal(str(round(max(value, 0), 1)))


class Log:
    """A coordinator's year: network meetings, peer group meetings, visits, trips, events."""

    def __init__(self, rng: random.Random, directory: Directory, today: dt.date) -> None:
        self.rng = rng
        self.directory = directory
        self.today = today
        self.entries: list[WorkLogEntry] = []
        self.met: list[list[int]] = []

    def _distance(self, area: Area, home: Municipality | None, org: Org) -> float:
        m = self.directory.municipalities.get(org.home_id or 0)
        if home is None or m is None:
            return 2 * area.reach * self.rng.uniform(0.5, 1.5)
        if m.pk == home.pk:
            return self.rng.uniform(2, 25)
        same_region = m.region_id == home.region_id
        return (
            2 * area.reach * self.rng.uniform(0.3, 1.2)
            if same_region
            else 2 * area.reach * self.rng.uniform(0.8, 1.9)
        )

    def _add(self, entry: WorkLogEntry, orgs: Sequence[Org]) -> None:
        self.entries.append(entry)
        self.met.append([o.pk for o in orgs])

    def year(
        self,
        *,
        coordinator: User,
        network: Network,
        spec: NetworkSpec,
        history: Sequence[MembershipSpec],
        share: float = 1.0,
    ) -> None:
        rng, area = self.rng, spec.area
        lang = "sv" if spec.language == "sv" else "fi"
        notes = LOG_NOTES[lang]
        home = self.directory.municipality_by_name.get(area.home)

        def members_on(day: dt.date) -> list[Org]:
            return [
                h.org for h in history if h.joined_on <= day and (h.left_on is None or h.left_on >= day)
            ] or [h.org for h in history]

        def entry(day: dt.date, kind: str, mode: str, orgs: Sequence[Org], **extra: Any) -> None:
            note_kind = extra.pop("note", kind)
            self._add(
                WorkLogEntry(
                    coordinator=coordinator,
                    network=network,
                    date=day,
                    kind=kind,
                    mode=mode,
                    notes=rng.choice(notes[note_kind]),
                    **extra,
                ),
                orgs,
            )

        def scaled(n: int) -> int:
            return max(1, round(n * share)) if n else 0

        # Network meetings about every quarter, alternating between a member's premises and online.
        for q in range(scaled(4)):
            day = _working_day(rng, self.today, within=90 * (q + 1))
            present = members_on(day)
            attending = [o for o in present if rng.random() < 0.75] or present[:1]
            if q % 2 == 0 and present:
                host = rng.choice(present)
                muni = self.directory.municipalities.get(host.home_id or 0)
                entry(day, "meeting", "face_to_face", attending, place=host.name[:200], municipality=muni,
                      kilometres=_km(self._distance(area, home, host)))  # fmt: skip
            else:
                entry(day, "meeting", "online", attending, place=ONLINE_PLACE[lang])
        # Peer group meetings online.
        for _ in range(scaled(5 if spec.groups else 0)):
            day = _working_day(rng, self.today)
            present = members_on(day)
            entry(day, "meeting", "online", rng.sample(present, min(len(present), rng.randint(2, 5))),
                  place=ONLINE_PLACE[lang], note="group")  # fmt: skip
        # Visits to members, face to face.
        for _ in range(scaled(area.visits + rng.randint(-2, 3))):
            day = _working_day(rng, self.today)
            org = rng.choice(members_on(day))
            muni = self.directory.municipalities.get(org.home_id or 0)
            entry(day, "visit", "face_to_face", [org], place=org.name[:200], municipality=muni,
                  kilometres=_km(self._distance(area, home, org)))  # fmt: skip
        # Trips of several days round the far members.
        for _ in range(scaled(area.trips)):
            day = _working_day(rng, self.today)
            present = members_on(day)
            stops = rng.sample(present, min(len(present), rng.randint(2, 5)))
            towns = [self.directory.municipalities.get(o.home_id or 0) for o in stops]
            names = list(dict.fromkeys(_name(m) for m in towns if m))
            entry(day, "trip", "face_to_face", stops, days=rng.randint(2, 4 if area.reach > 100 else 3),
                  place=("Kierros: " if lang == "fi" else "Rundtur: ") + ", ".join(names)[:180],
                  municipality=towns[0], kilometres=_km(2 * area.reach * rng.uniform(1.4, 2.6)))  # fmt: skip
        # Events: regional theme days, national coordinators' meetings in Helsinki.
        for _ in range(scaled(3)):
            day = _working_day(rng, self.today)
            present = members_on(day)
            if rng.random() < 0.4:  # the national meeting of coordinators, in Helsinki
                km = 2 * HELSINKI_KM.get(area.home, 300) * rng.uniform(1.0, 1.1) or rng.uniform(5, 20)
                helsinki = self.directory.municipality_by_name.get("Helsinki")
                entry(day, "event", "face_to_face", [], place="Helsinki", note="national",
                      municipality=helsinki, kilometres=_km(km))  # fmt: skip
            else:
                entry(day, "event", "face_to_face", rng.sample(present, min(len(present), 4)),
                      place=_name(home) if home else "", municipality=home,
                      kilometres=_km(2 * area.reach * rng.uniform(0.2, 1.0)))  # fmt: skip
        for _ in range(scaled(2)):
            entry(_working_day(rng, self.today), "other", "online", [], place=ONLINE_PLACE[lang])


def build(
    rng: random.Random, directory: Directory, today: dt.date, password_hash: str
) -> tuple[Built, People]:
    specs = network_specs()
    chosen = choose_members(rng, directory, specs)
    members = {s.key: membership_history(rng, s, chosen[s.key], today) for s in specs}
    people = People(rng, password_hash, User.objects.values_list("username", flat=True))

    nationals = {
        "tpy": people.new(swedish=False, username=NATIONAL_LOGIN),
        "outreach": people.new(swedish=False, username="kansallinen-etsiva"),
        "vates": people.new(swedish=False, username="kansallinen-vates"),
    }
    coordinators = {
        s.key: [people.new(swedish=s.language == "sv", username=s.coordinator_username)] for s in specs
    }

    persons: list[Person] = []
    made: set[int] = set()

    def add_people(org: Org, jobs: Sequence[str]) -> None:
        if org.pk in made or len(persons) >= MAX_PEOPLE:
            return
        made.add(org.pk)
        for job in jobs:
            persons.append(Person(people.new(swedish=org.swedish and rng.random() < 0.6), org, job))

    current = {s.key: [m.org for m in members[s.key] if m.left_on is None] for s in specs}
    # The small networks first, one person for some members (every TYPO partner); then 1-3 for
    # each workshop of an ALU network, a manager among them.
    for family, job, share in (
        ("typo", "contact", 1.0),
        ("vates", "job_coach", 0.5),
        ("outreach", "outreach", 0.6),
    ):
        for spec in (s for s in specs if s.family == family):
            for org in current[spec.key]:
                if rng.random() < share:
                    add_people(org, [job])
    for spec in (s for s in specs if s.family == "alu"):
        for org in current[spec.key]:
            count = rng.choice((1, 1, 1, 2, 2, 3)) if org.kind == "youth_workshop" else 1
            jobs = ["manager"] if count > 1 else []
            add_people(org, jobs + [rng.choice(ALU_JOBS) for _ in range(count - len(jobs))])
    return Built(specs, members, coordinators, persons, nationals), people


def load_demo_networks(*, seed: int = 2025, today: dt.date | None = None) -> dict[str, Any]:
    """Load the demo networks once, after the demo directory. Does nothing when they exist."""
    with translation.override("fi"):
        if Network.objects.filter(is_demo=True).exists():
            return {**network_counts(), "created": False}
        today = today or dt.date.today()
        rng = random.Random(seed)
        directory = Directory.load()
        if not directory.orgs:
            return {**network_counts(), "created": False}
        # One hash for every demo person: hashing is slow on purpose, and they share a password.
        built, people = build(rng, directory, today, make_password(DEMO_PASSWORD))
        with transaction.atomic():
            counts = write(rng, directory, built, people, today)
    return {**counts, "created": True}


def network_counts() -> dict[str, int]:
    demo = Network.objects.filter(is_demo=True)
    return {
        "networks": demo.count(),
        "memberships": Membership.objects.filter(network__in=demo).count(),
        "peer_groups": PeerGroup.objects.filter(network__in=demo).count(),
        "threads": Thread.objects.filter(network__in=demo).count(),
        "posts": Post.objects.filter(thread__network__in=demo).count(),
        "work_log": WorkLogEntry.objects.filter(network__in=demo).count(),
    }


# --- writing -------------------------------------------------------------------------------------


def _link(through: Any, left: str, right: str, pairs: Iterable[tuple[int, int]]) -> None:
    rows = [through(**{left: a, right: b}) for a, b in dict.fromkeys(pairs)]
    through.objects.bulk_create(rows, batch_size=_BATCH * 5)


def write(
    rng: random.Random, directory: Directory, built: Built, people: People, today: dt.date
) -> dict[str, int]:
    specs = built.specs
    orgs_by_name = directory.by_name
    coordinating = {
        "tpy": orgs_by_name.get(TPY_NAME),
        "outreach": orgs_by_name.get(OUTREACH_CENTRE_NAME) or orgs_by_name.get(TPY_NAME),
        "vates": orgs_by_name.get(VATES_NAME),
    }

    # Users first: coordinators, national coordinators, persons of member organisations, "jasen".
    alue = User.objects.filter(username=COORDINATOR_LOGIN).first()
    jasen = people.new(swedish=False, username=MEMBER_LOGIN)
    jasen.first_name, jasen.last_name = "Demo", "Jäsen"
    User.objects.bulk_create(people.users, batch_size=_BATCH)

    networks = []
    for spec in specs:
        org = coordinating.get(spec.coordinating)
        networks.append(
            Network(
                **{f"name_{lang}": spec.name[lang] for lang in LANGS},
                **{f"description_{lang}": spec.description[lang] for lang in LANGS},
                kind=spec.kind,
                language=spec.language,
                coordinating_organisation_id=org.pk if org else None,
                is_public=True,
                is_demo=True,
            )
        )
    Network.objects.bulk_create(networks, batch_size=_BATCH)
    net = {spec.key: n for spec, n in zip(specs, networks, strict=True)}
    spec_of = {spec.key: spec for spec in specs}
    _link(
        Network.regions.through,
        "network_id",
        "region_id",
        ((net[s.key].pk, directory.regions[c]) for s in specs for c in s.regions if c in directory.regions),
    )
    kainuu_networks = [s.key for s in specs if KAINUU in s.regions and len(s.regions) <= 2]
    _link(
        Network.coordinators.through,
        "network_id",
        "user_id",
        [(net[k].pk, u.pk) for k, users in built.coordinators.items() for u in users]
        + ([(net[k].pk, alue.pk) for k in kainuu_networks] if alue else []),
    )

    memberships = [
        Membership(network=net[key], organisation_id=m.org.pk, joined_on=m.joined_on, left_on=m.left_on)
        for key, rows in built.members.items()
        for m in rows
    ]
    Membership.objects.bulk_create(memberships, batch_size=_BATCH)
    current = {k: [m.org for m in rows if m.left_on is None] for k, rows in built.members.items()}

    # Roles: national coordinators name their organisation; coordinators of ALU and outreach
    # networks work at a member organisation; persons are members of theirs.
    roles = [
        RoleAssignment(
            user=user,
            role=RoleAssignment.Role.NATIONAL_COORDINATOR,
            organisation_id=org.pk if (org := coordinating.get(key)) else None,
        )
        for key, user in built.nationals.items()
    ]
    member_role = RoleAssignment.Role.ORGANISATION_MEMBER
    for spec in specs:
        if spec.family in ("alu", "outreach") and current[spec.key]:
            home = [o for o in current[spec.key] if directory.municipalities.get(o.home_id or 0)
                    and _name(directory.municipalities[o.home_id or 0]) == spec.area.home]  # fmt: skip
            org = (home or current[spec.key])[0]
            roles.append(
                RoleAssignment(user=built.coordinators[spec.key][0], role=member_role, organisation_id=org.pk)
            )
        elif spec.family == "vates" and coordinating["vates"]:
            roles.append(
                RoleAssignment(
                    user=built.coordinators[spec.key][0],
                    role=member_role,
                    organisation_id=coordinating["vates"].pk,
                )
            )
    roles += [
        RoleAssignment(user=p.user, role=member_role, organisation_id=p.org.pk) for p in built.people if p.org
    ]

    # "jasen": a person of a current member of the North's ALU network, at home in Kainuu.
    north = current.get("alu-pohjoinen", [])
    jasen_org = next((o for o in north if KAINUU in o.regions), north[0] if north else None)
    if jasen_org:
        roles.append(RoleAssignment(user=jasen, role=member_role, organisation_id=jasen_org.pk))
        built.people.append(Person(jasen, jasen_org, "work_coach"))
    RoleAssignment.objects.bulk_create(roles, batch_size=_BATCH)

    # Peer groups and their members: persons of the network's current members, by job.
    people_of: dict[int, list[Person]] = defaultdict(list)
    for p in built.people:
        if p.org:
            people_of[p.org.pk].append(p)
    groups: list[PeerGroup] = []
    group_members: list[tuple[PeerGroup, User]] = []
    network_people: dict[str, list[User]] = {}
    for spec in specs:
        persons = [p for o in current[spec.key] for p in people_of.get(o.pk, [])]
        network_people[spec.key] = [p.user for p in persons]
        for g in spec.groups:
            group = PeerGroup(
                network=net[spec.key],
                **{f"name_{lang}": g.name[i] for i, lang in enumerate(LANGS)},
                **{f"description_{lang}": g.description[i] for i, lang in enumerate(LANGS)},
            )
            groups.append(group)
            if g.job:
                chosen = [
                    p.user for p in persons if p.job == g.job or (g.job == "outreach" and rng.random() < 0.5)
                ]
            else:  # the advocacy group: volunteers among managers, and the coordinator
                managers = [p.user for p in persons if p.job == "manager"]
                chosen = managers[:3] + built.coordinators[spec.key][:1]
            built.groups[(spec.key, g.name[0])] = chosen
            group_members += [(group, u) for u in chosen]
    PeerGroup.objects.bulk_create(groups, batch_size=_BATCH)
    _link(PeerGroup.members.through, "peergroup_id", "user_id", ((g.pk, u.pk) for g, u in group_members))
    group_by_key = {(g.network_id, getattr(g, "name_fi")): g for g in groups}  # noqa: B009 - translated field

    def group_of(key: str, name: str) -> PeerGroup:
        return group_by_key[(net[key].pk, name)]

    bulletin_count, reads = _write_bulletins(
        rng, directory, built, net, spec_of, network_people, group_of, today, jasen
    )
    thread_count, post_count = _write_threads(rng, built, net, network_people, group_of, today, jasen, alue)

    log = Log(rng, directory, today)
    for spec in specs:
        log.year(coordinator=built.coordinators[spec.key][0], network=net[spec.key], spec=spec,
                 history=built.members[spec.key])  # fmt: skip
    if alue:
        log.year(coordinator=alue, network=net["typo"], spec=spec_of["typo"], history=built.members["typo"],
                 share=0.4)  # fmt: skip
    WorkLogEntry.objects.bulk_create(log.entries, batch_size=_BATCH)
    _link(
        WorkLogEntry.organisations.through,
        "worklogentry_id",
        "organisation_id",
        ((e.pk, o) for e, orgs in zip(log.entries, log.met, strict=True) for o in orgs),
    )
    return {
        "networks": len(networks),
        "memberships": len(memberships),
        "people": len(people.users),
        "peer_groups": len(groups),
        "bulletins": bulletin_count,
        "bulletin_reads": reads,
        "threads": thread_count,
        "posts": post_count,
        "work_log": len(log.entries),
    }


def _set_times(objects: Sequence[Any], name: str, values: Sequence[dt.datetime]) -> None:
    """Give auto_now_add fields the story's times, after bulk_create stamped them with now."""
    if not objects:
        return
    for obj, value in zip(objects, values, strict=True):
        setattr(obj, name, value)
    type(objects[0]).objects.bulk_update(objects, [name], batch_size=_BATCH)


def _write_bulletins(
    rng: random.Random,
    directory: Directory,
    built: Built,
    net: dict[str, Network],
    spec_of: dict[str, NetworkSpec],
    network_people: dict[str, list[User]],
    group_of: Any,
    today: dt.date,
    jasen: User,
) -> tuple[int, int]:
    bulletins: list[Bulletin] = []
    published: list[dt.datetime] = []
    readers: list[list[User]] = []
    net_links: list[tuple[Bulletin, int]] = []
    region_links: list[tuple[Bulletin, int]] = []
    all_keys = list(net)
    for data in BULLETINS:
        author_key = data["author"]
        author = built.nationals.get(author_key) or built.coordinators[author_key][0]
        source = net.get(author_key)
        audience = data["audience"]
        kwargs: dict[str, Any] = {}
        if audience == "networks":
            keys = (
                [k for k in all_keys if spec_of[k].family == "outreach"]
                if data["networks"] == "outreach"
                else data["networks"]
            )
            targets = keys
        elif audience == "regions":
            codes = list(directory.regions) if data["regions"] == "all" else data["regions"]
            targets = [k for k in all_keys if set(spec_of[k].regions) & set(codes)]
        elif audience == "peer_group":
            key, name = data["group"]
            kwargs["peer_group"] = group_of(key, name)
            targets = []
        elif audience == "national":
            targets = []
            kwargs["source_network"] = net[data["source"]]
        else:
            targets = all_keys
        if audience != "national" and source is not None:
            kwargs["source_network"] = source
        bulletin = Bulletin(
            author=author, title=data["title"], body=data["body"], audience=audience, **kwargs
        )
        bulletins.append(bulletin)
        published.append(
            _aware(
                today - dt.timedelta(days=data["days_ago"]), rng.randint(8, 15), rng.choice((0, 15, 30, 45))
            )
        )
        if audience == "networks":
            net_links += [(bulletin, net[k].pk) for k in targets]
        elif audience == "regions":
            region_links += [(bulletin, directory.regions[c]) for c in codes if c in directory.regions]
        if audience == "peer_group":
            audience_users = built.groups[data["group"]]
        elif audience == "national":
            audience_users = list(built.nationals.values())
        else:
            audience_users = [u for k in targets for u in network_people[k] + built.coordinators[k]]
        readers.append(list(dict.fromkeys(audience_users)))
    # The time fields are auto_now_add, which bulk_create overwrites: the story's times go in after.
    Bulletin.objects.bulk_create(bulletins)
    _set_times(bulletins, "published_at", published)
    _link(Bulletin.networks.through, "bulletin_id", "network_id", ((b.pk, n) for b, n in net_links))
    _link(Bulletin.regions.through, "bulletin_id", "region_id", ((b.pk, r) for b, r in region_links))

    reads: list[BulletinRead] = []
    read_at: list[dt.datetime] = []
    now = timezone.now()
    for bulletin, users, when in zip(bulletins, readers, published, strict=True):
        for user in users:
            # The demo member has read the law-change bulletin only: the rest show as unread.
            if user.pk == jasen.pk:
                if bulletin.title != TE24_TITLE:
                    continue
            elif rng.random() > 0.55:
                continue
            reads.append(BulletinRead(bulletin=bulletin, user=user))
            read_at.append(min(when + dt.timedelta(hours=rng.randint(1, 24 * 14)), now))
    BulletinRead.objects.bulk_create(reads, batch_size=_BATCH)
    _set_times(reads, "read_at", read_at)
    return len(bulletins), len(reads)


def _write_threads(
    rng: random.Random,
    built: Built,
    net: dict[str, Network],
    network_people: dict[str, list[User]],
    group_of: Any,
    today: dt.date,
    jasen: User,
    alue: User | None,
) -> tuple[int, int]:
    threads: list[Thread] = []
    posts: list[Post] = []
    followers: list[tuple[Thread, User]] = []
    thread_times: list[dt.datetime] = []
    post_times: list[dt.datetime] = []
    for key, group_name, title, bodies in THREADS:
        group = group_of(key, group_name) if group_name else None
        coordinator = built.coordinators[key][0]
        pool = built.groups[(key, group_name)] if group_name else network_people[key]
        pool = list(dict.fromkeys([u for u in pool if u.pk != jasen.pk] + [coordinator]))
        start = _aware(
            today - dt.timedelta(days=rng.randint(10, 150)), rng.randint(8, 15), rng.randint(0, 59)
        )
        thread = Thread(network=net[key], peer_group=group, title=title)
        # Fixed writers first: the demo logins where named, the coordinator summing up long threads.
        fixed: list[User | None] = []
        texts = []
        for i, body in enumerate(bodies):
            if body.startswith("@jasen "):
                fixed.append(jasen)
                body = body.removeprefix("@jasen ")
            elif body.startswith("@alue "):
                fixed.append(alue or coordinator)
                body = body.removeprefix("@alue ")
            else:
                fixed.append(coordinator if i == len(bodies) - 1 and len(bodies) > 3 else None)
            texts.append(body)
        when = start
        authors: list[User] = []
        for i, body in enumerate(texts):
            author = fixed[i]
            if author is None:  # someone else than the writers before and after, if anyone
                near = {u.pk for u in (authors[-1:] + [u for u in fixed[i + 1 : i + 2] if u])}
                author = rng.choice([u for u in pool if u.pk not in near] or pool)
            if i:
                when = _later(rng, when)
            posts.append(Post(thread=thread, author=author, body=body))
            post_times.append(when)
            authors.append(author)
        thread.author, thread.last_post_at = authors[0], when
        threads.append(thread)
        thread_times.append(start)
        followers += [(thread, u) for u in dict.fromkeys(authors)]
    Thread.objects.bulk_create(threads)
    _set_times(threads, "created_at", thread_times)
    for post in posts:
        post.thread_id = post.thread.pk
    Post.objects.bulk_create(posts, batch_size=_BATCH)
    _set_times(posts, "created_at", post_times)
    _link(Thread.followers.through, "thread_id", "user_id", ((t.pk, u.pk) for t, u in followers))
    return len(threads), len(posts)


# --- logins --------------------------------------------------------------------------------------

NETWORK_LOGINS: tuple[tuple[str, str], ...] = (
    (NATIONAL_LOGIN, "valtakunnallinen koordinaattori: Valtakunnallinen työpajayhdistys (ALU-verkostot) / "
     "national coordinator of the workshop association's networks"),
    (MEMBER_LOGIN, "verkoston jäsen: työpaja Pohjois-Pohjanmaan ja Kainuun ALU-verkostossa / network member"),
)  # fmt: skip
COORDINATOR_NOTE = "; Kainuun verkostojen koordinaattori / coordinator of Kainuu's networks"


def network_logins(logins: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The directory's demo logins, with the network roles added."""
    out = [(u, p, d + COORDINATOR_NOTE if u == COORDINATOR_LOGIN else d) for u, p, d in logins]
    return out + [(u, DEMO_PASSWORD, d) for u, d in NETWORK_LOGINS]
