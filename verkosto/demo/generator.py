"""Write demo and benchmark data into the database.

`load_demo()` gives a fresh installation something to look at: the real organisations of the
background articles (verkosto.demo.data) plus generated, plausible ones in every region, and one
demo user per role. `generate_directory()` adds a large synthetic directory for benchmarks.

Everything written here has `is_demo=True`. Contact people, e-mail addresses (example.org) and
phone numbers are invented. Generated business IDs (Y-tunnus) are valid but drawn from the
9000000-9999999 range, which the Finnish register has not issued, so that no demo organisation
wears a real company's ID. The same seed gives the same content (UUIDs and timestamps differ).

Rows are written with bulk_create in batches and M2M links through the through-models in bulk; the
search index is rebuilt once at the end.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import (
    ContactPerson,
    Language,
    Organisation,
    Service,
    TargetGroup,
    WayOfWorking,
)
from verkosto.directory.search import search_index_rebuild
from verkosto.directory.validators import business_id_check_digit

from .data import REAL_ORGANISATIONS

LANGS = ("fi", "sv", "en")
Text = dict[str, str]
Triple = tuple[str, str, str]

DEMO_PASSWORD = "verkosto-demo"  # noqa: S105 - published on purpose: demo logins only
DEMO_REGION_CODE = "MK18"  # Kainuu
DEMO_EDITOR_ORGANISATION = "Kainuun Nuotta ry"
_BATCH = 1000
_DRAFT_SHARE = 0.03
_REVIEWED_FROM = dt.date(2025, 1, 7)
_REVIEWED_TO = dt.date(2026, 11, 13)


# --- Finnish genitives of municipality names ("Oulun", "Helsingin") -----------------------------

_GENITIVE_EXCEPTIONS = {
    "Helsinki": "Helsingin", "Turku": "Turun", "Tampere": "Tampereen", "Lahti": "Lahden",
    "Hanko": "Hangon", "Vihti": "Vihdin", "Harjavalta": "Harjavallan", "Iitti": "Iitin",
    "Kaustinen": "Kaustisen", "Virrat": "Virtain", "Isokyrö": "Isonkyrön",
    "Uusikaupunki": "Uudenkaupungin", "Uusikaarlepyy": "Uudenkaarlepyyn",
    "Kristiinankaupunki": "Kristiinankaupungin", "Pedersören kunta": "Pedersören",
    "Koski Tl": "Kosken Tl", "Lieto": "Liedon", "Luoto": "Luodon", "Hailuoto": "Hailuodon",
    "Loppi": "Lopen", "Outokumpu": "Outokummun", "Toivakka": "Toivakan", "Kurikka": "Kurikan",
    "Puolanka": "Puolangan", "Liminka": "Limingan", "Luhanka": "Luhangan", "Pyhäntä": "Pyhännän",
    "Juuka": "Juuan", "Vesanto": "Vesannon", "Pomarkku": "Pomarkun", "Punkalaidun": "Punkalaitumen",
    "Pihtipudas": "Pihtiputaan", "Alavus": "Alavuden", "Varkaus": "Varkauden",
    "Kannus": "Kannuksen", "Nurmes": "Nurmeksen", "Muhos": "Muhoksen",
    "Savitaipale": "Savitaipaleen", "Kempele": "Kempeleen", "Keitele": "Keiteleen",
    "Kuortane": "Kuortaneen", "Pälkäne": "Pälkäneen", "Kitee": "Kiteen", "Raahe": "Raahen",
    "Muurame": "Muuramen", "Kumlinge": "Kumlingen",
}  # fmt: skip
_GENITIVE_SUFFIXES = (
    ("joki", "joen"), ("järvi", "järven"), ("lahti", "lahden"), ("niemi", "niemen"),
    ("mäki", "mäen"), ("salmi", "salmen"), ("koski", "kosken"), ("saari", "saaren"),
    ("lampi", "lammin"), ("vesi", "veden"), ("nummi", "nummen"), ("kangas", "kankaan"),
    ("ranta", "rannan"), ("virta", "virran"), ("nen", "sten"),
)  # fmt: skip


def genitive(name: str) -> str:
    """Finnish genitive of a 2025 municipality name: Oulu -> Oulun, Seinäjoki -> Seinäjoen."""
    if name in _GENITIVE_EXCEPTIONS:
        return _GENITIVE_EXCEPTIONS[name]
    if "-" in name:
        head, tail = name.rsplit("-", 1)
        return f"{head}-{genitive(tail)}"
    for suffix, replacement in _GENITIVE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + replacement
    return name + ("n" if name[-1] in "aeiouyäöå" else "in")


# --- vocabulary ----------------------------------------------------------------------------------

# Kinds of work done at workshops: (fi, sv, en).
FIELDS: tuple[Triple, ...] = (
    ("puutyöpaja", "snickeriverkstad", "wood workshop"),
    ("metallipaja", "metallverkstad", "metal workshop"),
    ("keittiö ja kahvila", "kök och café", "kitchen and café"),
    ("mediapaja", "medieverkstad", "media workshop"),
    ("tekstiilipaja", "textilverkstad", "textile workshop"),
    ("kierrätyskeskus", "återvinningscentral", "recycling centre"),
    ("kiinteistöhuolto", "fastighetsskötsel", "property maintenance"),
    ("autopaja", "bilverkstad", "car workshop"),
    ("pyöräpaja", "cykelverkstad", "bicycle workshop"),
    ("viherpaja", "grönverkstad", "gardening workshop"),
    ("digipaja", "digitalverkstad", "digital workshop"),
    ("myymälä ja asiakaspalvelu", "butik och kundservice", "shop and customer service"),
    ("siivous ja kodinhoito", "städning och hemvård", "cleaning and housekeeping"),
    ("logistiikka ja varasto", "logistik och lager", "logistics and warehouse"),
)

BRANDS = (
    "Verso", "Silta", "Polku", "Väylä", "Kipinä", "Taimi", "Startti", "Majakka", "Luotsi",
    "Kompassi", "Ankkuri", "Vire", "Kaari", "Nuotio", "Pilke", "Solmu", "Loimu", "Askel", "Kulma",
    "Voimala", "Kajo", "Säde", "Ponnistus", "Tuuma", "Aitta", "Kide", "Reitti", "Kiintopiste",
    "Paussi", "Tupa",
)  # fmt: skip

GENERAL_EXTRAS: tuple[Triple, ...] = (
    ("Valmennus räätälöidään asiakkaan omien tavoitteiden mukaan.",
     "Coachningen skräddarsys enligt klientens egna mål.",
     "Coaching is tailored to the client's own goals."),
    ("Teemme yhteistyötä työllisyyspalvelujen, oppilaitosten ja hyvinvointialueen kanssa.",
     "Vi samarbetar med sysselsättningstjänsterna, läroanstalterna och välfärdsområdet.",
     "We work with the employment services, colleges and the wellbeing services county."),
    ("Toiminta on tavoitteellista, ja edistymistä seurataan yhdessä.",
     "Verksamheten är målinriktad och framstegen följs upp tillsammans.",
     "The activity is goal-oriented and progress is reviewed together."),
    ("Mukaan voi tulla matalalla kynnyksellä.",
     "Tröskeln för att komma med är låg.",
     "It is easy to get started."),
    ("Palvelu sopii myös osatyökykyisille ja kuntoutujille.",
     "Tjänsten passar också personer med partiell arbetsförmåga och rehabiliteringsklienter.",
     "The service also suits people partially able to work and people in rehabilitation."),
    ("Tapaamiset voidaan järjestää tarvittaessa etänä.",
     "Träffarna kan vid behov ordnas på distans.",
     "Meetings can be held remotely if needed."),
    ("Tavoitteena on siirtyminen koulutukseen, työhön tai sopivaan jatkopalveluun.",
     "Målet är att gå vidare till utbildning, arbete eller en lämplig fortsatt tjänst.",
     "The aim is a move into training, work or a suitable follow-on service."),
    ("Toiminnassa on mukana myös kokemusasiantuntijoita.",
     "Även erfarenhetsexperter deltar i verksamheten.",
     "Experts by experience also take part."),
)  # fmt: skip
WORK_EXTRAS: tuple[Triple, ...] = (
    *GENERAL_EXTRAS,
    ("Jakson pituus sovitaan yksilöllisesti, tavallisesti 3–6 kuukautta.",
     "Periodens längd avtalas individuellt, vanligen 3–6 månader.",
     "The length of the period is agreed individually, usually 3–6 months."),
    ("Työhön perehdytetään, eikä aiempaa kokemusta tarvita.",
     "Arbetet introduceras och ingen tidigare erfarenhet behövs.",
     "Training is given on the job; no previous experience is needed."),
)  # fmt: skip
PROFESSIONAL_EXTRAS: tuple[Triple, ...] = (
    ("Mukana ovat kuntien, järjestöjen, oppilaitosten ja hyvinvointialueen edustajat.",
     "Med är representanter för kommuner, organisationer, läroanstalter och välfärdsområdet.",
     "Municipalities, NGOs, colleges and the wellbeing services county take part."),
    ("Tapaamisia on noin neljästi vuodessa, osa etänä.",
     "Träffar ordnas ungefär fyra gånger om året, en del på distans.",
     "Meetings are held about four times a year, some of them online."),
    ("Palvelu on maksuton ja sopii myös pienille työpaikoille.",
     "Tjänsten är avgiftsfri och passar också små arbetsplatser.",
     "The service is free and suits small workplaces too."),
    ("Yhteistyö sovitaan joustavasti tarpeen mukaan.",
     "Samarbetet avtalas flexibelt enligt behov.",
     "Cooperation is arranged flexibly as needed."),
)  # fmt: skip
AREA_SENTENCE: Triple = (
    "Palvelemme {gen} ja lähikuntien asukkaita.",
    "Vi betjänar invånare i {place} med omnejd.",
    "We serve people in {place} and neighbouring municipalities.",
)

FREE: Triple = ("Maksuton.", "Avgiftsfri.", "Free of charge.")
FREE_ALLOWANCE: Triple = (
    "Maksuton. Työttömyysetuuden saajalle maksetaan kulukorvausta.",
    "Avgiftsfri. Den som får arbetslöshetsförmån får kostnadsersättning.",
    "Free. People receiving unemployment benefit are paid an expense allowance.",
)
FREE_FOR_CLIENT: Triple = (
    "Maksuton asiakkaalle; ostopalveluna hinta sopimuksen mukaan.",
    "Avgiftsfri för klienten; som köpt tjänst enligt avtal.",
    "Free for the client; as a purchased service, priced by agreement.",
)
REFER_SELF: Triple = (
    "Voit ottaa itse yhteyttä; myös ammattilaiset voivat ohjata.",
    "Du kan själv ta kontakt; även yrkesverksamma kan hänvisa.",
    "You can contact us yourself; professionals may also refer you.",
)
REFER_EMPLOYMENT: Triple = (
    "Ohjaus työllisyyspalveluista tai TYP:stä.",
    "Hänvisning från sysselsättningstjänsterna eller TYP.",
    "Referral from the employment services or TYP.",
)
REFER_YOUTH: Triple = (
    "Ohjaus työllisyyspalveluista, Ohjaamosta, etsivästä nuorisotyöstä tai oppilaitoksesta; "
    "nuori voi myös ottaa itse yhteyttä.",
    "Hänvisning från sysselsättningstjänsterna, Ohjaamo, uppsökande ungdomsarbete eller "
    "läroanstalten; den unga kan också själv ta kontakt.",
    "Referral from the employment services, Ohjaamo, outreach youth work or a school; young people "
    "may also contact us themselves.",
)
REFER_SOCIAL: Triple = (
    "Ohjaus hyvinvointialueen sosiaalityöstä aktivointisuunnitelmalla.",
    "Hänvisning från välfärdsområdets socialarbete med en aktiveringsplan.",
    "Referral from the wellbeing services county's social work through an activation plan.",
)
REFER_KELA: Triple = (
    "Haetaan Kelasta tai työeläkelaitokselta; tarvittaessa lääkärin B-lausunto.",
    "Ansök hos FPA eller arbetspensionsanstalten; vid behov ett B-utlåtande av läkare.",
    "Apply to Kela or an earnings-related pension provider; a medical statement may be needed.",
)
REFER_DROP_IN: Triple = (
    "Ei ajanvarausta eikä lähetettä; tule paikan päälle.",
    "Ingen tidsbokning eller remiss; kom på plats.",
    "No appointment or referral; just drop in.",
)

YOUTH_AGES: tuple[tuple[int | None, int | None] | None, ...] = ((15, 29), (16, 29), (17, 29), (16, 28))
ADULT_AGES: tuple[tuple[int | None, int | None] | None, ...] = ((18, None), (18, 64), (25, 64), (18, None))
ANY_AGE: tuple[tuple[int | None, int | None] | None, ...] = (None,)


@dataclass(frozen=True)
class ServiceTemplate:
    names: tuple[Triple, ...]
    openings: tuple[Triple, ...]
    target_groups: tuple[str, ...]
    extra_target_groups: tuple[str, ...]
    ways: tuple[str, ...]
    extra_ways: tuple[str, ...]
    ages: tuple[tuple[int | None, int | None] | None, ...]
    referrals: tuple[Triple, ...]
    costs: tuple[Triple, ...] = (FREE,)
    immigrant_languages: bool = False
    extras: tuple[Triple, ...] = GENERAL_EXTRAS
    area: bool = True  # may say "we serve people in <place> and neighbouring municipalities"


SERVICE_TEMPLATES: dict[str, ServiceTemplate] = {
    "workshop": ServiceTemplate(
        names=(("{Field} nuorille", "{Field} för unga", "{Field} for young people"),
               ("Nuorten työpajajakso: {field}", "Verkstadsperiod för unga: {field}",
                "Youth workshop period: {field}")),
        openings=(
            ("Nuorten työpajalla harjoitellaan työtä oikeissa tehtävissä ({field}). Työvalmentaja "
             "ohjaa työssä ja yksilövalmentaja tukee arjessa ja jatkosuunnitelmissa.",
             "I ungdomsverkstaden övar man arbete i riktiga uppgifter ({field}). En "
             "arbetshandledare leder arbetet och en individuell coach stöder i vardagen och i "
             "planerna framåt.",
             "At the youth workshop young people practise real work ({field}). A work coach guides "
             "the work and a personal coach supports everyday life and future plans."),
            ("Työpajajakso on nuorelle mahdollisuus kokeilla alaa ({field}), vahvistaa "
             "työelämätaitoja ja löytää suunta koulutukseen tai työhön.",
             "En verkstadsperiod ger den unga möjlighet att pröva en bransch ({field}), stärka "
             "arbetslivsfärdigheterna och hitta en riktning mot utbildning eller arbete.",
             "A workshop period lets a young person try out a field ({field}), build working-life "
             "skills and find a direction towards training or work."),
        ),
        target_groups=("young-people", "neet"),
        extra_target_groups=("immigrants", "students", "substance-mental-health"),
        ways=("workshop",), extra_ways=("individual", "group"),
        ages=YOUTH_AGES, referrals=(REFER_YOUTH,), costs=(FREE, FREE_ALLOWANCE),
        extras=WORK_EXTRAS,
    ),
    "coaching": ServiceTemplate(
        names=(("Yksilövalmennus", "Individuell coachning", "Personal coaching"),
               ("Nuorten yksilövalmennus", "Individuell coachning för unga",
                "Personal coaching for young people")),
        openings=(
            ("Yksilövalmentaja tukee nuorta arjen hallinnassa, asioiden hoitamisessa ja opiskelu- "
             "tai työpaikan hakemisessa.",
             "En individuell coach stöder den unga med vardagen, att sköta ärenden och att söka "
             "studie- eller arbetsplats.",
             "A personal coach supports the young person with everyday life, practical matters and "
             "applying for a study place or job."),
            ("Valmennuksessa kartoitetaan vahvuudet ja tavoitteet ja tehdään yhdessä suunnitelma, "
             "jota edistetään pienin askelin.",
             "I coachningen kartläggs styrkor och mål och man gör tillsammans upp en plan som "
             "förverkligas i små steg.",
             "Coaching maps strengths and goals and builds a plan together, taken forward in small "
             "steps."),
        ),
        target_groups=("young-people",), extra_target_groups=("neet", "unemployed", "students"),
        ways=("individual",), extra_ways=("remote", "outreach"),
        ages=((15, 29), (16, 29), (18, 29)), referrals=(REFER_YOUTH, REFER_SELF),
    ),
    "outreach": ServiceTemplate(
        names=(("Etsivä nuorisotyö", "Uppsökande ungdomsarbete", "Outreach youth work"),),
        openings=(
            ("Etsivä nuorisotyö tavoittaa alle 29-vuotiaat nuoret, jotka ovat koulutuksen ja työn "
             "ulkopuolella tai tarvitsevat tukea palveluihin pääsemiseksi. Työ on vapaaehtoista ja "
             "luottamuksellista.",
             "Det uppsökande ungdomsarbetet når unga under 29 år som står utanför utbildning och "
             "arbete eller behöver stöd för att få tillgång till tjänster. Arbetet är frivilligt "
             "och konfidentiellt.",
             "Outreach youth work reaches young people under 29 who are outside education and work "
             "or need help to access services. It is voluntary and confidential."),
            ("Etsivä nuorisotyöntekijä kulkee nuoren rinnalla ja auttaa esimerkiksi Kela-asioissa, "
             "asumisessa ja opiskelupaikan hakemisessa. Tapaamisia myös jalkautuen ja verkossa.",
             "Den uppsökande ungdomsarbetaren går vid den ungas sida och hjälper till exempel med "
             "FPA-ärenden, boende och att söka studieplats. Träffar också ute på fältet och på "
             "nätet.",
             "The outreach worker walks alongside the young person, helping for example with Kela "
             "matters, housing and applying to study. Meetings also take place out and about and "
             "online."),
        ),
        target_groups=("young-people", "neet"),
        extra_target_groups=("substance-mental-health", "immigrants"),
        ways=("outreach", "individual"), extra_ways=("remote",),
        ages=((15, 28),),
        referrals=(
            ("Nuori voi ottaa itse yhteyttä. Oppilaitokset, Puolustusvoimat ja "
             "Siviilipalveluskeskus välittävät nuorisolain mukaan tiedon tukea tarvitsevasta "
             "nuoresta etsivään nuorisotyöhön.",
             "Den unga kan själv ta kontakt. Läroanstalter, Försvarsmakten och Civiltjänstcentralen "
             "lämnar enligt ungdomslagen uppgifter om unga som behöver stöd till det uppsökande "
             "ungdomsarbetet.",
             "Young people can contact us directly. Under the Youth Act, schools, the Defence Forces "
             "and the Non-military Service Centre pass on details of young people who need support."),
        ),
    ),
    "start": ServiceTemplate(
        names=(("Starttivalmennus", "Startcoachning", "Start coaching"),),
        openings=(
            ("Matalan kynnyksen ryhmävalmennus nuorille, joille työpaja tai opiskelu tuntuu vielä "
             "liian isolta askeleelta. Harjoitellaan arjen rytmiä, ryhmässä toimimista ja omien "
             "vahvuuksien tunnistamista.",
             "Gruppcoachning med låg tröskel för unga för vilka en verkstad eller studier ännu "
             "känns som ett för stort steg. Man övar vardagsrytm, att fungera i grupp och att känna "
             "igen sina styrkor.",
             "Low-threshold group coaching for young people for whom a workshop or studies still "
             "feel like too big a step. Participants practise a daily rhythm, working in a group "
             "and recognising their strengths."),
        ),
        target_groups=("neet", "young-people"), extra_target_groups=("substance-mental-health",),
        ways=("group",), extra_ways=("individual",),
        ages=((16, 29), (18, 29)), referrals=(REFER_YOUTH,),
    ),
    "job_coaching": ServiceTemplate(
        names=(("Työhönvalmennus", "Jobbcoachning", "Job coaching"),
               ("Tuettu työllistyminen (IPS)", "Stödd sysselsättning (IPS)",
                "Supported employment (IPS)")),
        openings=(
            ("Työhönvalmentaja auttaa löytämään sopivan työpaikan avoimilta työmarkkinoilta, "
             "neuvottelee työnantajan kanssa työtehtävistä ja tukee työn alussa.",
             "En jobbcoach hjälper att hitta en lämplig arbetsplats på den öppna arbetsmarknaden, "
             "förhandlar med arbetsgivaren om arbetsuppgifterna och ger stöd i början av "
             "anställningen.",
             "A job coach helps find a suitable job on the open labour market, negotiates the tasks "
             "with the employer and supports the start of employment."),
            ("Tuetun työllistymisen menetelmällä edetään nopeasti kohti palkkatyötä: ensin "
             "työpaikka, sitten tarvittava tuki työpaikalla.",
             "Med metoden för stödd sysselsättning går man snabbt mot lönearbete: först en "
             "arbetsplats, sedan det stöd som behövs på arbetsplatsen.",
             "With the supported employment method the aim is paid work quickly: first the job, "
             "then the support needed in the workplace."),
        ),
        target_groups=("partial-work-ability",),
        extra_target_groups=("disabled", "substance-mental-health", "employers", "long-term-unemployed"),
        ways=("individual", "workplace"), extra_ways=("remote",),
        ages=((18, None), (18, 64), (16, None)), referrals=(REFER_EMPLOYMENT, REFER_KELA),
        costs=(FREE, FREE_FOR_CLIENT),
    ),
    "rehabilitative_work": ServiceTemplate(
        names=(("Kuntouttava työtoiminta", "Arbetsverksamhet i rehabiliteringssyfte",
                "Rehabilitative work activity"),),
        openings=(
            ("Kuntouttavassa työtoiminnassa pitkään työttömänä ollut pääsee tekemään työtehtäviä "
             "({field}) omien voimavarojensa mukaan, yleensä 1–4 päivänä viikossa.",
             "I arbetsverksamhet i rehabiliteringssyfte får den som länge varit arbetslös utföra "
             "arbetsuppgifter ({field}) enligt sina egna resurser, vanligen 1–4 dagar i veckan.",
             "In rehabilitative work activity people who have long been unemployed do tasks "
             "({field}) at a pace that suits them, usually 1–4 days a week."),
        ),
        target_groups=("long-term-unemployed",),
        extra_target_groups=("substance-mental-health", "partial-work-ability", "immigrants"),
        ways=("group", "workshop"), extra_ways=("individual",),
        ages=ADULT_AGES, referrals=(REFER_SOCIAL,),
        extras=WORK_EXTRAS,
        costs=(("Maksuton. Osallistumispäiviltä maksetaan kulukorvaus.",
                "Avgiftsfri. För deltagardagarna betalas kostnadsersättning.",
                "Free. An expense allowance is paid for each day of participation."),),
    ),
    "social_rehabilitation": ServiceTemplate(
        names=(("Sosiaalinen kuntoutus", "Social rehabilitering", "Social rehabilitation"),),
        openings=(
            ("Sosiaalinen kuntoutus vahvistaa arjen taitoja, toimintakykyä ja osallisuutta. "
             "Ryhmissä harjoitellaan esimerkiksi asiointia, liikkumista ja vuorovaikutusta.",
             "Social rehabilitering stärker vardagsfärdigheter, funktionsförmåga och delaktighet. I "
             "grupper övar man till exempel att sköta ärenden, röra sig ute och samspel.",
             "Social rehabilitation strengthens everyday skills, functional capacity and inclusion. "
             "Groups practise, for example, running errands, getting around and interaction."),
        ),
        target_groups=("substance-mental-health",),
        extra_target_groups=("young-people", "long-term-unemployed", "disabled"),
        ways=("group", "individual"), extra_ways=("outreach",),
        ages=((18, None), (16, 29), (18, 64)), referrals=(REFER_SOCIAL,),
    ),
    "work_trial": ServiceTemplate(
        names=(("Työkokeilu", "Arbetsprövning", "Work trial"),),
        openings=(
            ("Työkokeilussa selvitetään ammatinvalintaa ja uravaihtoehtoja tai vahvistetaan "
             "työelämävalmiuksia oikeassa työympäristössä ({field}).",
             "I arbetsprövning utreds yrkesval och karriäralternativ eller stärks färdigheterna för "
             "arbetslivet i en verklig arbetsmiljö ({field}).",
             "A work trial explores career options or builds readiness for work in a real "
             "workplace ({field})."),
        ),
        target_groups=("unemployed",),
        extra_target_groups=("long-term-unemployed", "immigrants", "young-people"),
        ways=("workplace",), extra_ways=("individual",),
        ages=((18, None), (17, None)),
        extras=WORK_EXTRAS,
        referrals=(("Työkokeilusta sovitaan työllisyyspalvelujen asiantuntijan kanssa.",
                    "Arbetsprövning avtalas med en expert vid sysselsättningstjänsterna.",
                    "Work trials are agreed with an adviser at the employment services."),),
        costs=(FREE_ALLOWANCE,),
    ),
    "pay_subsidy": ServiceTemplate(
        names=(("Palkkatuettu työ", "Lönesubventionerat arbete", "Wage-subsidised work"),),
        openings=(
            ("Palkkatuettu työsuhde antaa työkokemusta ja ammattitaitoa, kun työllistyminen "
             "avoimille työmarkkinoille on vaikeaa. Työtehtäviä: {field}.",
             "En lönesubventionerad anställning ger arbetserfarenhet och yrkeskunskap när det är "
             "svårt att få arbete på den öppna arbetsmarknaden. Arbetsuppgifter: {field}.",
             "A wage-subsidised job gives work experience and skills when getting work on the open "
             "labour market is hard. Tasks: {field}."),
        ),
        target_groups=("long-term-unemployed",),
        extra_target_groups=("partial-work-ability", "unemployed", "immigrants"),
        ways=("workplace",), extra_ways=("individual",),
        ages=((18, None),), referrals=(REFER_EMPLOYMENT,),
        extras=WORK_EXTRAS,
        costs=(("Työsuhteessa maksetaan työehtosopimuksen mukaista palkkaa.",
                "I anställningen betalas lön enligt kollektivavtalet.",
                "Pay follows the applicable collective agreement."),),
    ),
    "integration": ServiceTemplate(
        names=(("Kotoutumista tukeva työpaja", "Verkstad som stöder integrationen",
                "Integration workshop"),
               ("Suomen kieltä työn lomassa", "Finska vid sidan av arbetet", "Finnish while working")),
        openings=(
            ("Maahanmuuttajille suunnattu työpaja, jossa suomen kieltä opitaan käytännön työn "
             "({field}) lomassa ja tutustutaan suomalaiseen työelämään.",
             "En verkstad för invandrare där man lär sig finska vid sidan av praktiskt arbete "
             "({field}) och bekantar sig med det finländska arbetslivet.",
             "A workshop for immigrants where Finnish is learned alongside practical work ({field}) "
             "and participants get to know Finnish working life."),
        ),
        target_groups=("immigrants",), extra_target_groups=("unemployed", "young-people"),
        ways=("workshop", "group"), extra_ways=("individual",),
        ages=((17, None), (18, None), (16, 29)), referrals=(REFER_EMPLOYMENT, REFER_SELF),
        immigrant_languages=True,
        extras=WORK_EXTRAS,
    ),
    "work_ability": ServiceTemplate(
        names=(("Työkyvyn arviointi", "Bedömning av arbetsförmågan", "Work-ability assessment"),
               ("Työ- ja toimintakyvyn selvittely", "Utredning av arbets- och funktionsförmåga",
                "Work and functional capacity review")),
        openings=(
            ("Arviointijakson aikana selvitetään työkyvyn vahvuudet ja rajoitteet käytännön "
             "työtehtävissä. Jakso päättyy kirjalliseen arvioon ja jatkosuositukseen, esimerkiksi "
             "ammatilliseen kuntoutukseen.",
             "Under bedömningsperioden utreds arbetsförmågans styrkor och begränsningar i praktiska "
             "arbetsuppgifter. Perioden avslutas med ett skriftligt utlåtande och en "
             "rekommendation, till exempel om yrkesinriktad rehabilitering.",
             "During the assessment period the strengths and limits of work ability are explored in "
             "practical tasks. It ends with a written assessment and a recommendation, for example "
             "for vocational rehabilitation."),
        ),
        target_groups=("partial-work-ability",),
        extra_target_groups=("long-term-unemployed", "substance-mental-health"),
        ways=("individual", "workshop"), extra_ways=(),
        ages=((18, None), (18, 64)), referrals=(REFER_EMPLOYMENT, REFER_SOCIAL),
        costs=(FREE_FOR_CLIENT,),
    ),
    "vocational_rehabilitation": ServiceTemplate(
        names=(("Ammatillinen kuntoutus", "Yrkesinriktad rehabilitering", "Vocational rehabilitation"),
               ("Kelan ammatillinen kuntoutus: työhönvalmennus",
                "FPA:s yrkesinriktade rehabilitering: jobbcoachning",
                "Kela vocational rehabilitation: job coaching")),
        openings=(
            ("Ammatillinen kuntoutus tukee työhön paluuta tai työssä jatkamista, kun sairaus tai "
             "vamma heikentää työkykyä. Palveluun kuuluu työhönvalmennusta, työkokeilua ja "
             "työpaikkayhteistyötä.",
             "Yrkesinriktad rehabilitering stöder återgång till arbete eller fortsatt arbete när en "
             "sjukdom eller skada försämrar arbetsförmågan. Tjänsten omfattar jobbcoachning, "
             "arbetsprövning och samarbete med arbetsplatsen.",
             "Vocational rehabilitation supports returning to or staying in work when illness or "
             "disability reduces work ability. It includes job coaching, work trials and "
             "cooperation with the workplace."),
        ),
        target_groups=("partial-work-ability",),
        extra_target_groups=("disabled", "substance-mental-health", "young-people"),
        ways=("individual", "workplace"), extra_ways=("remote",),
        ages=((16, None), (18, 64)), referrals=(REFER_KELA,), costs=(FREE_FOR_CLIENT,),
    ),
    "ohjaamo": ServiceTemplate(
        names=(("Ohjaamo: ohjausta ja neuvontaa alle 30-vuotiaille",
                "Ohjaamo: vägledning och rådgivning för unga under 30",
                "Ohjaamo: guidance and advice for under-30s"),),
        openings=(
            ("Ohjaamosta saa yhdestä paikasta apua opiskeluun, työhön, asumiseen, raha-asioihin ja "
             "hyvinvointiin.",
             "På Ohjaamo får unga hjälp på ett ställe med studier, arbete, boende, pengar och "
             "välmående.",
             "Ohjaamo offers young people help in one place with study, work, housing, money and "
             "wellbeing."),
        ),
        target_groups=("young-people",), extra_target_groups=("students", "neet", "immigrants"),
        ways=("individual", "group"), extra_ways=("remote",),
        ages=((15, 29),), referrals=(REFER_DROP_IN,),
    ),
    "employers": ServiceTemplate(
        names=(("Työnantajayhteistyö ja rekrytointituki", "Arbetsgivarsamarbete och rekryteringsstöd",
                "Employer cooperation and recruitment support"),),
        openings=(
            ("Autamme työnantajia löytämään osaavia työntekijöitä, räätälöimään työtehtäviä "
             "osatyökykyisille ja hakemaan palkkatukea. Tuemme myös perehdytyksessä.",
             "Vi hjälper arbetsgivare att hitta kunniga medarbetare, skräddarsy arbetsuppgifter för "
             "personer med partiell arbetsförmåga och ansöka om lönesubvention. Vi stöder också "
             "introduktionen.",
             "We help employers find skilled staff, tailor tasks for people partially able to work "
             "and apply for the pay subsidy. We also support induction."),
        ),
        target_groups=("employers",), extra_target_groups=("partial-work-ability",),
        ways=("workplace", "individual"), extra_ways=(),
        ages=ANY_AGE,
        extras=PROFESSIONAL_EXTRAS, area=False,
        referrals=(("Työnantajat ottavat yhteyttä suoraan.", "Arbetsgivare kontaktar oss direkt.",
                    "Employers contact us directly."),),
    ),
    "recognition": ServiceTemplate(
        names=(("Opinnollistaminen ja osaamisen tunnistaminen",
                "Att göra arbete till studier och identifiera kunnande",
                "Recognising skills learned at work"),),
        openings=(
            ("Työpajalla tai työtoiminnassa opittu osaaminen kirjataan ammatillisten tutkintojen "
             "osien mukaisesti yhdessä oppilaitoksen kanssa, jolloin sen voi hyödyntää myöhemmin "
             "opinnoissa.",
             "Kunnande som man lärt sig i verkstaden eller arbetsverksamheten dokumenteras enligt "
             "delar av yrkesinriktade examina tillsammans med en läroanstalt, så att det kan "
             "utnyttjas senare i studierna.",
             "Skills learned at the workshop or in work activity are recorded against vocational "
             "qualification units together with a college, so they count later in studies."),
        ),
        target_groups=("students", "young-people"),
        extra_target_groups=("long-term-unemployed", "immigrants"),
        ways=("workshop",), extra_ways=("individual",),
        ages=((16, 29), (16, None)),
        extras=WORK_EXTRAS,
        referrals=(("Sovitaan työpajajakson aikana.", "Avtalas under verkstadsperioden.",
                    "Agreed during the workshop period."),),
    ),
    "case_management": ServiceTemplate(
        names=(("Työllisyyspalvelujen palveluohjaus", "Servicehandledning inom sysselsättningstjänsterna",
                "Employment case management"),
               ("Työnhaun tuki", "Stöd i jobbsökningen", "Job-search support")),
        openings=(
            ("Oma asiantuntija laatii työnhakijan kanssa työllistymissuunnitelman ja ohjaa "
             "sopiviin palveluihin, kuten työkokeiluun, koulutukseen tai palkkatuettuun työhön.",
             "En egen expert gör upp en sysselsättningsplan tillsammans med den arbetssökande och "
             "hänvisar till lämpliga tjänster, såsom arbetsprövning, utbildning eller "
             "lönesubventionerat arbete.",
             "A personal adviser draws up an employment plan with the jobseeker and refers them to "
             "suitable services such as work trials, training or wage-subsidised work."),
        ),
        target_groups=("unemployed",),
        extra_target_groups=("long-term-unemployed", "immigrants", "young-people", "partial-work-ability"),
        ways=("individual",), extra_ways=("remote", "group"),
        ages=(None, (17, None)),
        referrals=(("Ilmoittaudu työnhakijaksi Työmarkkinatorilla.",
                    "Anmäl dig som arbetssökande på Jobbmarknaden.",
                    "Register as a jobseeker on Job Market Finland."),),
    ),
    "typ": ServiceTemplate(
        names=(("Monialainen yhteispalvelu (TYP)", "Sektorsövergripande samservice (TYP)",
                "Multisectoral joint service (TYP)"),),
        openings=(
            ("TYP:ssä työllisyyspalvelut, Kela ja hyvinvointialue suunnittelevat palvelut yhdessä "
             "asiakkaan kanssa, kun työttömyys on pitkittynyt ja tukea tarvitaan usealta taholta.",
             "Inom TYP planerar sysselsättningstjänsterna, FPA och välfärdsområdet tjänsterna "
             "tillsammans med klienten när arbetslösheten har dragit ut på tiden och stöd behövs "
             "från flera håll.",
             "In TYP the employment services, Kela and the wellbeing services county plan services "
             "together with the client when unemployment has become long-term and support is needed "
             "from several sides."),
        ),
        target_groups=("long-term-unemployed",),
        extra_target_groups=("partial-work-ability", "substance-mental-health", "young-people"),
        ways=("individual",), extra_ways=(),
        ages=((18, None), (17, None)),
        referrals=(("Ohjaus työllisyyspalveluista, Kelasta tai sosiaalityöstä.",
                    "Hänvisning från sysselsättningstjänsterna, FPA eller socialarbetet.",
                    "Referral from the employment services, Kela or social work."),),
    ),
    "preparatory": ServiceTemplate(
        names=(("Tutkintokoulutukseen valmentava koulutus (TUVA)",
                "Utbildning som handleder för examensutbildning (Hux)",
                "Preparatory education for upper secondary studies (TUVA)"),
               ("Työhön ja itsenäiseen elämään valmentava koulutus (TELMA)",
                "Utbildning som handleder för arbete och ett självständigt liv",
                "Preparatory education for work and independent living (TELMA)")),
        openings=(
            ("Valmentavassa koulutuksessa vahvistetaan opiskelutaitoja, tutustutaan eri aloihin ja "
             "haetaan sopiva jatko-opiskelupaikka. Opiskelu on maksutonta oppivelvollisille.",
             "I den handledande utbildningen stärks studiefärdigheterna, man bekantar sig med olika "
             "branscher och söker en lämplig studieplats. Studierna är avgiftsfria för "
             "läropliktiga.",
             "Preparatory education builds study skills, introduces different fields and helps "
             "find a place to continue studying. It is free for those in compulsory education."),
        ),
        target_groups=("students", "young-people"), extra_target_groups=("immigrants", "disabled"),
        ways=("group",), extra_ways=("individual",),
        ages=((16, None), (16, 29)),
        referrals=(("Haku jatkuvassa haussa Opintopolussa.",
                    "Ansökan i den kontinuerliga ansökan i Studieinfo.",
                    "Apply through continuous application in Studyinfo."),),
    ),
    "peer_group": ServiceTemplate(
        names=(("Vertaistukiryhmä", "Kamratstödsgrupp", "Peer support group"),
               ("Työnhakijoiden vertaisryhmä", "Kamratgrupp för arbetssökande", "Jobseekers' peer group")),
        openings=(
            ("Ryhmässä jaetaan kokemuksia, saadaan tukea samassa tilanteessa olevilta ja "
             "harjoitellaan yhdessä esimerkiksi työnhakua. Ryhmää ohjaa koulutettu vertaisohjaaja.",
             "I gruppen delar man erfarenheter, får stöd av andra i samma situation och övar "
             "tillsammans till exempel jobbsökning. Gruppen leds av en utbildad kamratledare.",
             "The group shares experiences, gets support from others in the same situation and "
             "practises things like job seeking together. A trained peer facilitator leads it."),
        ),
        target_groups=("unemployed",),
        extra_target_groups=("long-term-unemployed", "substance-mental-health", "immigrants"),
        ways=("group",), extra_ways=("remote",),
        ages=((18, None),), referrals=(REFER_SELF, REFER_DROP_IN),
    ),
    "network": ServiceTemplate(
        names=(("Alueellinen verkostotoiminta ammattilaisille",
                "Regional nätverksverksamhet för yrkesverksamma",
                "Regional networking for professionals"),),
        openings=(
            ("Verkostotapaamisissa työllisyys- ja nuorisopalvelujen ammattilaiset tutustuvat "
             "toisiinsa, jakavat hyviä käytäntöjä ja sopivat asiakasohjauksen pelisäännöistä.",
             "Vid nätverksträffarna lär yrkesverksamma inom sysselsättnings- och ungdomstjänster "
             "känna varandra, delar goda praxis och kommer överens om spelreglerna för "
             "klienthänvisning.",
             "At network meetings professionals in employment and youth services get to know each "
             "other, share good practice and agree on how to refer clients."),
        ),
        target_groups=("professionals",), extra_target_groups=(),
        ways=("group", "remote"), extra_ways=(),
        ages=ANY_AGE,
        extras=PROFESSIONAL_EXTRAS, area=False,
        referrals=(("Ilmoittaudu tapaamisiin sähköpostilla.", "Anmäl dig till träffarna per e-post.",
                    "Sign up for meetings by e-mail."),),
    ),
    "digital_help": ServiceTemplate(
        names=(("Digituki ja asiointiapu", "Digitalt stöd och hjälp med ärenden",
                "Digital support and help with errands"),),
        openings=(
            ("Apua sähköiseen asiointiin, kuten työnhakijaksi ilmoittautumiseen, Kela-hakemuksiin "
             "ja verkkopankkitunnusten käyttöön. Tarvittaessa selkokielellä.",
             "Hjälp med e-tjänster, som att anmäla sig som arbetssökande, FPA-ansökningar och att "
             "använda nätbankskoder. Vid behov på lättläst språk.",
             "Help with online services such as registering as a jobseeker, Kela applications and "
             "using online banking IDs. In plain language if needed."),
        ),
        target_groups=("immigrants", "long-term-unemployed"), extra_target_groups=("unemployed", "disabled"),
        ways=("individual", "group"), extra_ways=(),
        ages=ANY_AGE, referrals=(REFER_DROP_IN,), immigrant_languages=True,
    ),
}  # fmt: skip


@dataclass(frozen=True)
class OrganisationType:
    kind: str
    weight: float
    names: tuple[Triple, ...]
    description: Triple
    services: dict[str, int]
    business_id: float  # share that has a Y-tunnus of its own
    titles: tuple[str, ...]


TITLES: dict[str, Triple] = {
    "work_coach": ("työvalmentaja", "arbetshandledare", "work coach"),
    "personal_coach": ("yksilövalmentaja", "individuell coach", "personal coach"),
    "outreach": ("etsivä nuorisotyöntekijä", "uppsökande ungdomsarbetare", "outreach youth worker"),
    "job_coach": ("työhönvalmentaja", "jobbcoach", "job coach"),
    "director": ("toiminnanjohtaja", "verksamhetsledare", "executive director"),
    "manager": ("palvelupäällikkö", "servicechef", "service manager"),
    "case_manager": ("palveluohjaaja", "servicehandledare", "case manager"),
    "instructor": ("työpajaohjaaja", "verkstadshandledare", "workshop instructor"),
    "rehabilitation": ("kuntoutusohjaaja", "rehabiliteringshandledare", "rehabilitation counsellor"),
    "coordinator": ("koordinaattori", "koordinator", "coordinator"),
    "adviser": ("työllisyysasiantuntija", "sysselsättningsexpert", "employment adviser"),
    "study_counsellor": ("opinto-ohjaaja", "studiehandledare", "study counsellor"),
    "youth_worker": ("nuoriso-ohjaaja", "ungdomsledare", "youth worker"),
}

ORGANISATION_TYPES: tuple[OrganisationType, ...] = (
    OrganisationType(
        kind="youth_workshop", weight=16,
        names=(("{gen} nuorten työpaja", "Ungdomsverkstaden i {place}", "{place} Youth Workshop"),
               ("{gen} työpajat", "Verkstäderna i {place}", "{place} Workshops"),
               ("Nuorten työpaja {brand}, {place}", "Ungdomsverkstaden {brand}, {place}",
                "{brand} Youth Workshop, {place}")),
        description=(
            "Nuorten työpaja, joka tarjoaa alle 30-vuotiaille työpajajaksoja, yksilövalmennusta "
            "ja tukea koulutukseen ja työhön {gen} seudulla. Toimialoja: {field}, {field2}.",
            "En ungdomsverkstad som erbjuder unga under 30 verkstadsperioder, individuell "
            "coachning och stöd mot utbildning och arbete i {place} med omnejd. "
            "Verksamhetsområden: {field}, {field2}.",
            "A youth workshop offering under-30s workshop periods, personal coaching and support "
            "towards training and work in the {place} area. Areas: {field}, {field2}."),
        services={"workshop": 5, "coaching": 3, "start": 2, "recognition": 2, "work_trial": 1,
                  "integration": 1, "rehabilitative_work": 1},
        business_id=0.5, titles=("work_coach", "personal_coach", "manager", "instructor"),
    ),
    OrganisationType(
        kind="youth_workshop", weight=5,
        names=(("{gen} seudun työpajayhdistys ry", "Verkstadsföreningen i {place} med omnejd rf",
                "{place} Region Workshop Association"),),
        description=(
            "Työpajayhdistys, joka järjestää nuorten ja aikuisten työpajatoimintaa, "
            "työhönvalmennusta ja kuntouttavaa työtoimintaa {gen} seudulla. Toimialoja: {field}, "
            "{field2}.",
            "En verkstadsförening som ordnar verkstadsverksamhet för unga och vuxna, jobbcoachning "
            "och arbetsverksamhet i rehabiliteringssyfte i {place} med omnejd. "
            "Verksamhetsområden: {field}, {field2}.",
            "A workshop association running workshops for young people and adults, job coaching "
            "and rehabilitative work activity in the {place} area. Areas: {field}, {field2}."),
        services={"workshop": 3, "rehabilitative_work": 2, "work_trial": 2, "coaching": 2,
                  "job_coaching": 1, "pay_subsidy": 1, "work_ability": 1},
        business_id=1.0, titles=("director", "work_coach", "personal_coach", "instructor"),
    ),
    OrganisationType(
        kind="outreach_youth_work", weight=12,
        names=(("{gen} etsivä nuorisotyö", "Uppsökande ungdomsarbete i {place}",
                "{place} Outreach Youth Work"),
               ("{gen} nuorisopalvelut – etsivä nuorisotyö",
                "Ungdomstjänsterna i {place} – uppsökande ungdomsarbete",
                "{place} Youth Services – Outreach Youth Work")),
        description=(
            "Etsivä nuorisotyö tavoittaa {gen} alueen alle 29-vuotiaat nuoret, jotka tarvitsevat "
            "tukea koulutukseen, työhön tai palveluihin hakeutumisessa.",
            "Det uppsökande ungdomsarbetet når unga under 29 år i {place} som behöver stöd för att "
            "söka sig till utbildning, arbete eller tjänster.",
            "Outreach youth work reaching young people under 29 in {place} who need support in "
            "finding their way to education, work or services."),
        services={"outreach": 6, "coaching": 2, "start": 1, "digital_help": 1},
        business_id=0.0, titles=("outreach", "youth_worker", "coordinator"),
    ),
    OrganisationType(
        kind="supported_employment", weight=6,
        names=(("{gen} työhönvalmennuskeskus", "Jobbcoachningscentret i {place}",
                "{place} Job Coaching Centre"),
               ("Työhönvalmennus {brand}, {place}", "Jobbcoachning {brand}, {place}",
                "{brand} Job Coaching, {place}")),
        description=(
            "Työhönvalmennukseen ja tuettuun työllistymiseen erikoistunut toimija {gen} seudulla. "
            "Tuemme osatyökykyisiä, vammaisia ja mielenterveyskuntoutujia avoimille "
            "työmarkkinoille ja teemme tiivistä yhteistyötä työnantajien kanssa.",
            "En aktör i {place} med omnejd specialiserad på jobbcoachning och stödd "
            "sysselsättning. Vi stöder personer med partiell arbetsförmåga, funktionsnedsättning "
            "eller psykisk ohälsa till den öppna arbetsmarknaden och samarbetar nära med "
            "arbetsgivare.",
            "A provider of job coaching and supported employment in the {place} area. We help "
            "people partially able to work, disabled people and people recovering from "
            "mental-health problems into the open labour market, working closely with employers."),
        services={"job_coaching": 5, "work_ability": 2, "employers": 2, "vocational_rehabilitation": 1,
                  "pay_subsidy": 1},
        business_id=1.0, titles=("job_coach", "manager", "rehabilitation"),
    ),
    OrganisationType(
        kind="foundation", weight=5,
        names=(("{gen} työvalmennussäätiö", "Arbetsträningsstiftelsen i {place}",
                "{place} Work Coaching Foundation"),
               ("{gen} seudun työpajasäätiö", "Verkstadsstiftelsen i {place} med omnejd",
                "{place} Region Workshop Foundation")),
        description=(
            "Yleishyödyllinen säätiö, joka järjestää työpaja- ja valmennuspalveluja, kuntoutusta ja "
            "työllistymisen tukea {gen} seudulla. Toimialoja: {field}, {field2}.",
            "En allmännyttig stiftelse som ordnar verkstads- och coachningstjänster, "
            "rehabilitering och stöd till sysselsättning i {place} med omnejd. "
            "Verksamhetsområden: {field}, {field2}.",
            "A non-profit foundation providing workshops, coaching, rehabilitation and employment "
            "support in the {place} area. Areas: {field}, {field2}."),
        services={"job_coaching": 2, "workshop": 2, "work_ability": 2, "vocational_rehabilitation": 1,
                  "rehabilitative_work": 1, "pay_subsidy": 1, "employers": 1},
        business_id=1.0, titles=("director", "job_coach", "work_coach", "rehabilitation"),
    ),
    OrganisationType(
        kind="association", weight=4,
        names=(("{gen} työttömät ry", "De arbetslösa i {place} rf", "{place} Unemployed Association"),
               ("{gen} työttömien yhdistys ry", "Föreningen för arbetslösa i {place} rf",
                "{place} Association for the Unemployed")),
        description=(
            "Paikallinen yhdistys, joka tarjoaa työttömille ja osatyökykyisille työtä, "
            "työtoimintaa ja vertaistukea {gen} alueella.",
            "En lokal förening som erbjuder arbetslösa och personer med partiell arbetsförmåga "
            "arbete, arbetsverksamhet och kamratstöd i {place}.",
            "A local association offering unemployed people and people partially able to work "
            "jobs, work activity and peer support in {place}."),
        services={"pay_subsidy": 3, "peer_group": 2, "digital_help": 2, "rehabilitative_work": 2,
                  "work_trial": 1},
        business_id=1.0, titles=("director", "work_coach", "case_manager"),
    ),
    OrganisationType(
        kind="association", weight=3,
        names=(("{gen} seudun mielenterveysseura ry",
                "Föreningen för psykisk hälsa i {place} med omnejd rf",
                "{place} Region Mental Health Association"),),
        description=(
            "Mielenterveysjärjestö, joka tarjoaa {gen} seudulla kohtaamispaikan, vertaistukea ja "
            "kuntoutumista tukevaa toimintaa sekä tukea opiskeluun ja työhön.",
            "En organisation för psykisk hälsa som i {place} med omnejd erbjuder en mötesplats, "
            "kamratstöd och rehabiliterande verksamhet samt stöd i studier och arbete.",
            "A mental-health NGO in the {place} area offering a drop-in, peer support and "
            "recovery-oriented activities, and support with study and work."),
        services={"social_rehabilitation": 3, "peer_group": 3, "rehabilitative_work": 2,
                  "job_coaching": 1},
        business_id=1.0, titles=("director", "rehabilitation", "coordinator"),
    ),
    OrganisationType(
        kind="association", weight=3,
        names=(("{gen} monikulttuurinen yhdistys ry", "Mångkulturella föreningen i {place} rf",
                "{place} Multicultural Association"),
               ("Kansainvälinen kohtaamispaikka {brand}, {place}",
                "Internationella mötesplatsen {brand}, {place}",
                "{brand} International Meeting Place, {place}")),
        description=(
            "Järjestö, joka tukee maahanmuuttajien kotoutumista ja työllistymistä {gen} seudulla "
            "kieliryhmien, ohjauksen ja työelämäyhteistyön avulla.",
            "En organisation som stöder invandrares integration och sysselsättning i {place} med "
            "omnejd genom språkgrupper, vägledning och samarbete med arbetslivet.",
            "An NGO supporting immigrants' integration and employment in the {place} area through "
            "language groups, guidance and links with working life."),
        services={"integration": 3, "digital_help": 3, "peer_group": 2, "work_trial": 1},
        business_id=1.0, titles=("coordinator", "case_manager", "director"),
    ),
    OrganisationType(
        kind="association", weight=2,
        names=(("{gen} kylät ry", "Byarna i {place} rf", "{place} Villages Association"),),
        description=(
            "Kylä- ja asukasyhdistys, joka kehittää {gen} kyliä yhdessä asukkaiden kanssa ja "
            "tarjoaa työtä ja työtoimintaa kylätaloilla ja ympäristönhoidossa.",
            "En by- och invånarförening som utvecklar byarna i {place} tillsammans med invånarna och "
            "erbjuder arbete och arbetsverksamhet i bygdegårdar och miljövård.",
            "A village and residents' association developing the villages of {place} with local "
            "people and offering work and work activity at village halls and in environmental care."),
        services={"pay_subsidy": 2, "rehabilitative_work": 2, "peer_group": 1, "digital_help": 1},
        business_id=1.0, titles=("director", "coordinator", "work_coach"),
    ),
    OrganisationType(
        kind="municipal_employment", weight=9,
        names=(("{gen} työllisyyspalvelut", "Sysselsättningstjänsterna i {place}",
                "{place} Employment Services"),),
        description=(
            "{gen} työllisyyspalvelut tukevat työnhakijoita ja työnantajia: palveluohjaus, "
            "työkokeilut, palkkatuki ja yhteistyö järjestöjen ja oppilaitosten kanssa.",
            "Sysselsättningstjänsterna i {place} stöder arbetssökande och arbetsgivare: "
            "servicehandledning, arbetsprövning, lönesubvention och samarbete med organisationer "
            "och läroanstalter.",
            "{place} employment services support jobseekers and employers: case management, work "
            "trials, the pay subsidy and cooperation with NGOs and colleges."),
        services={"case_management": 4, "pay_subsidy": 2, "work_trial": 2, "employers": 2,
                  "rehabilitative_work": 1, "workshop": 1},
        business_id=0.0, titles=("adviser", "case_manager", "manager"),
    ),
    OrganisationType(
        kind="typ", weight=3,
        names=(("{gen} TYP", "TYP i {place}", "{place} TYP (multisectoral joint service)"),),
        description=(
            "Työllistymistä edistävä monialainen yhteispalvelu {gen} alueella: työllisyyspalvelut, "
            "Kela ja hyvinvointialue saman pöydän ääressä.",
            "Sektorsövergripande samservice som främjar sysselsättning i {place}: "
            "sysselsättningstjänsterna, FPA och välfärdsområdet vid samma bord.",
            "The multisectoral joint service promoting employment in {place}: the employment "
            "services, Kela and the wellbeing services county at one table."),
        services={"typ": 5, "work_ability": 1, "digital_help": 1},
        business_id=0.0, titles=("case_manager", "adviser", "rehabilitation"),
    ),
    OrganisationType(
        kind="ohjaamo", weight=3,
        names=(("Ohjaamo {place}", "Ohjaamo {place}", "Ohjaamo {place}"),),
        description=(
            "Alle 30-vuotiaiden matalan kynnyksen ohjaus- ja neuvontapiste {gen} alueella. "
            "Ohjaamossa samassa paikassa työskentelevät mm. työllisyyspalvelujen, nuorisotyön ja "
            "sosiaalityön ammattilaiset.",
            "En lågtröskelpunkt för vägledning och rådgivning för unga under 30 i {place}. På "
            "Ohjaamo arbetar bl.a. yrkesverksamma inom sysselsättningstjänster, ungdomsarbete och "
            "socialarbete på samma ställe.",
            "A low-threshold guidance and advice point for under-30s in {place}, where employment, "
            "youth work and social work professionals work under one roof."),
        services={"ohjaamo": 5, "coaching": 1, "digital_help": 1},
        business_id=0.0, titles=("coordinator", "youth_worker", "case_manager"),
    ),
    OrganisationType(
        kind="education", weight=4,
        names=(("{gen} ammattiopisto", "Yrkesinstitutet i {place}", "{place} Vocational College"),
               ("{gen} kansanopisto", "Folkhögskolan i {place}", "{place} Folk High School")),
        description=(
            "Oppilaitos, joka järjestää valmentavaa koulutusta ja ammatillisia tutkintoja {gen} "
            "seudulla ja tekee yhteistyötä työpajojen ja työllisyyspalvelujen kanssa.",
            "En läroanstalt som ordnar handledande utbildning och yrkesinriktade examina i {place} "
            "med omnejd och samarbetar med verkstäder och sysselsättningstjänster.",
            "A college providing preparatory education and vocational qualifications in the "
            "{place} area, working with youth workshops and employment services."),
        services={"preparatory": 4, "recognition": 2, "workshop": 1},
        business_id=0.7, titles=("study_counsellor", "coordinator", "manager"),
    ),
    OrganisationType(
        kind="social_health", weight=4,
        names=(("{gen} kuntoutuskeskus", "Rehabiliteringscentret i {place}",
                "{place} Rehabilitation Centre"),
               ("Klubitalo {brand}, {place}", "Klubbhuset {brand}, {place}", "{brand} Clubhouse, {place}")),
        description=(
            "Kuntoutuksen ja osallisuuden palveluja {gen} seudulla: sosiaalista kuntoutusta, "
            "kuntouttavaa työtoimintaa ja ammatillista kuntoutusta mielenterveys- ja "
            "päihdekuntoutujille sekä osatyökykyisille.",
            "Tjänster för rehabilitering och delaktighet i {place} med omnejd: social "
            "rehabilitering, arbetsverksamhet i rehabiliteringssyfte och yrkesinriktad "
            "rehabilitering för personer med psykisk ohälsa eller missbruk och med partiell "
            "arbetsförmåga.",
            "Rehabilitation and inclusion services in the {place} area: social rehabilitation, "
            "rehabilitative work activity and vocational rehabilitation for people recovering from "
            "mental-health or substance problems and people partially able to work."),
        services={"social_rehabilitation": 3, "rehabilitative_work": 2, "vocational_rehabilitation": 2,
                  "peer_group": 1, "job_coaching": 1},
        business_id=1.0, titles=("rehabilitation", "manager", "job_coach"),
    ),
    OrganisationType(
        kind="company", weight=3,
        names=(("{gen} Työvalmennus Oy", "{gen} Työvalmennus Oy", "{gen} Työvalmennus Oy"),
               ("{brand} Työpalvelut Oy", "{brand} Työpalvelut Oy", "{brand} Työpalvelut Oy")),
        description=(
            "Yhteiskunnallinen yritys, joka tuottaa työhönvalmennusta, työkyvyn arviointia ja "
            "rekrytointipalveluja {gen} seudulla kuntien, Kelan ja työnantajien toimeksiannosta.",
            "Ett socialt företag som producerar jobbcoachning, bedömning av arbetsförmågan och "
            "rekryteringstjänster i {place} med omnejd på uppdrag av kommuner, FPA och "
            "arbetsgivare.",
            "A social enterprise providing job coaching, work-ability assessment and recruitment "
            "services in the {place} area, commissioned by municipalities, Kela and employers."),
        services={"job_coaching": 2, "employers": 2, "work_ability": 1, "vocational_rehabilitation": 1},
        business_id=1.0, titles=("job_coach", "manager", "director"),
    ),
    OrganisationType(
        kind="other", weight=1.5,
        names=(("{gen} seudun työllisyysverkosto", "Sysselsättningsnätverket i {place} med omnejd",
                "{place} Region Employment Network"),),
        description=(
            "Työllisyys- ja nuorisotoimijoiden yhteistyöverkosto {gen} seudulla: yhteisiä "
            "tapaamisia, koulutusta ja tietoa alueen palveluista.",
            "Ett samarbetsnätverk för sysselsättnings- och ungdomsaktörer i {place} med omnejd: "
            "gemensamma träffar, utbildning och information om regionens tjänster.",
            "A cooperation network of employment and youth actors in the {place} area: joint "
            "meetings, training and information on local services."),
        services={"network": 3, "peer_group": 1},
        business_id=0.5, titles=("coordinator",),
    ),
)  # fmt: skip

REAL_KIND_TITLES: dict[str, tuple[str, ...]] = {
    "youth_workshop": ("work_coach", "personal_coach", "manager"),
    "outreach_youth_work": ("coordinator", "outreach"),
    "foundation": ("director", "job_coach", "coordinator"),
    "association": ("director", "coordinator", "work_coach"),
    "social_health": ("job_coach", "coordinator"),
    "employment_office": ("adviser", "case_manager"),
    "municipal_employment": ("adviser", "manager"),
    "typ": ("case_manager", "rehabilitation"),
    "education": ("study_counsellor",),
    "other": ("coordinator",),
}

FI_FIRST = (
    "Aino", "Anna", "Emma", "Helmi", "Iida", "Johanna", "Katja", "Laura", "Maria", "Minna", "Noora",
    "Päivi", "Riikka", "Sanna", "Satu", "Tiina", "Tuula", "Veera", "Hanna", "Elina", "Heidi",
    "Jenni", "Kaisa", "Marjo", "Outi", "Aleksi", "Antti", "Eero", "Heikki", "Janne", "Juha",
    "Jukka", "Kalle", "Lauri", "Markku", "Mikko", "Pekka", "Sami", "Timo", "Ville", "Tuomas",
    "Jari", "Petri", "Ossi", "Teemu", "Joonas", "Matti", "Ilkka",
)  # fmt: skip
FI_LAST = (
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
    "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
    "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Kettunen",
    "Oikarinen", "Huotari", "Kemppainen", "Kähkönen", "Pulkkinen", "Seppälä", "Kärkkäinen",
    "Leinonen", "Hiltunen",
)  # fmt: skip
SV_FIRST = (
    "Anna", "Emma", "Sara", "Ida", "Linnea", "Maria", "Johanna", "Camilla", "Jessica", "Annika",
    "Frida", "Elin", "Erik", "Johan", "Mikael", "Anders", "Fredrik", "Henrik", "Jonas", "Magnus",
    "Niklas", "Patrik", "Oskar", "Viktor",
)  # fmt: skip
SV_LAST = (
    "Andersson", "Johansson", "Karlsson", "Nyström", "Lindholm", "Holmström", "Lindqvist",
    "Björklund", "Backman", "Sjöberg", "Forsman", "Strand", "Granholm", "Berg", "Eriksson",
    "Lindberg", "Westerlund", "Sundqvist", "Åberg", "Grönroos",
)  # fmt: skip

# Weight of a municipality as a home of generated organisations (rough size); others get the default.
TOWN_WEIGHTS = {
    "Helsinki": 12, "Espoo": 6, "Tampere": 6, "Vantaa": 5, "Oulu": 5, "Turku": 5, "Jyväskylä": 4,
    "Kuopio": 3.5, "Lahti": 3.5, "Pori": 2.5, "Kouvola": 2.5, "Joensuu": 2.5, "Lappeenranta": 2.5,
    "Hämeenlinna": 2.2, "Vaasa": 2.2, "Seinäjoki": 2, "Rovaniemi": 2, "Kajaani": 2, "Mikkeli": 1.6,
    "Kotka": 1.6, "Salo": 1.6, "Porvoo": 1.5, "Kokkola": 1.5, "Lohja": 1.3, "Hyvinkää": 1.3,
    "Rauma": 1.2, "Kerava": 1.1, "Nurmijärvi": 1.1, "Järvenpää": 1.1, "Kirkkonummi": 1,
    "Kaarina": 1, "Tuusula": 1, "Kangasala": 1, "Ylöjärvi": 1, "Nokia": 1, "Raisio": 0.9,
    "Savonlinna": 1, "Riihimäki": 1, "Imatra": 0.9, "Raahe": 0.8, "Kemi": 0.8, "Tornio": 0.8,
    "Iisalmi": 0.8, "Varkaus": 0.8, "Pietarsaari": 0.8, "Forssa": 0.7, "Sotkamo": 0.6,
    "Kuhmo": 0.5, "Suomussalmi": 0.5, "Maarianhamina": 0.8,
}  # fmt: skip
_DEFAULT_TOWN_WEIGHT = 0.3
_ALAND_VILLAGE_WEIGHT = 0.08
_SAMI_HOMELAND = frozenset({"Enontekiö", "Inari", "Utsjoki", "Sodankylä"})
_SWEDISH_MAJORITY = frozenset({
    "Raasepori", "Inkoo", "Kemiönsaari", "Parainen", "Närpiö", "Korsnäs", "Maalahti", "Mustasaari",
    "Vöyri", "Uusikaarlepyy", "Pedersören kunta", "Luoto", "Kruunupyy", "Kristiinankaupunki",
    "Pietarsaari",
})  # fmt: skip
_IMMIGRANT_LANGUAGES = ("en", "ar", "so", "ru", "uk", "fa", "et")


# --- intermediate specs --------------------------------------------------------------------------


@dataclass(slots=True)
class ContactSpec:
    name: str
    title: Text
    email: str
    phone: str
    is_public: bool


@dataclass(slots=True)
class ServiceSpec:
    name: Text
    description: Text
    referral: Text
    cost: Text
    target_group_ids: list[int]
    way_ids: list[int]
    language_ids: list[int]
    municipality_ids: list[int]
    age_min: int | None
    age_max: int | None
    contact: int | None  # index into the organisation's contacts
    last_reviewed: dt.date
    is_published: bool


@dataclass(slots=True)
class OrganisationSpec:
    name: Text
    kind: str
    description: Text
    business_id: str
    municipality_ids: list[int]
    region_ids: list[int]
    website: str
    email: str
    phone: str
    state_aid: bool
    is_published: bool
    contacts: list[ContactSpec] = field(default_factory=list)
    services: list[ServiceSpec] = field(default_factory=list)


@dataclass
class Reference:
    """The managed lists and geography, loaded once."""

    municipalities: list[Municipality]
    by_name: dict[str, Municipality]
    by_region: dict[int, list[Municipality]]
    regions: list[Region]
    target_groups: dict[str, int]
    ways: dict[str, int]
    languages: dict[str, int]
    home_weights: list[float]

    @classmethod
    def load(cls) -> Reference:
        municipalities = list(Municipality.objects.select_related("region").order_by("code"))
        regions = list(Region.objects.order_by("code"))
        by_region: dict[int, list[Municipality]] = {r.pk: [] for r in regions}
        for m in municipalities:
            by_region[m.region_id].append(m)
        return cls(
            municipalities=municipalities,
            by_name={_name(m): m for m in municipalities},
            by_region=by_region,
            regions=regions,
            target_groups=dict(TargetGroup.objects.values_list("slug", "pk")),
            ways=dict(WayOfWorking.objects.values_list("slug", "pk")),
            languages=dict(Language.objects.values_list("code", "pk")),
            home_weights=[_home_weight(m) for m in municipalities],
        )

    def municipality(self, name: str) -> Municipality:
        try:
            return self.by_name[name]
        except KeyError:
            raise ValueError(f"Unknown municipality in demo data: {name!r}") from None


def _name(m: Municipality, lang: str = "fi") -> str:
    """A municipality's name in a language (modeltranslation fields; Finnish when missing)."""
    return getattr(m, f"name_{lang}", None) or getattr(m, "name_fi", None) or m.name


def _is_aland(m: Municipality) -> bool:
    return m.region.code == "MK21"


def _home_weight(m: Municipality) -> float:
    if _name(m) in TOWN_WEIGHTS:
        return TOWN_WEIGHTS[_name(m)]
    return _ALAND_VILLAGE_WEIGHT if _is_aland(m) else _DEFAULT_TOWN_WEIGHT


def _swedish_share(m: Municipality) -> float:
    """How likely people and services here work in Swedish."""
    if _is_aland(m):
        return 0.95
    if _name(m) in _SWEDISH_MAJORITY:
        return 0.7
    if _name(m, "sv") != _name(m):
        return 0.3
    return 0.03


class BusinessIds:
    """Unique, valid Y-tunnus values from the unissued 9xxxxxx range."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = taken

    @classmethod
    def from_db(cls, rng: random.Random) -> BusinessIds:
        taken = set(Organisation.objects.exclude(business_id="").values_list("business_id", flat=True))
        return cls(rng, taken)

    def next(self) -> str:
        while True:
            body = f"{self.rng.randint(9_000_000, 9_999_999):07d}"
            check = business_id_check_digit(body)
            if check is None:
                continue
            value = f"{body}-{check}"
            if value not in self.taken:
                self.taken.add(value)
                return value


# --- building specs ------------------------------------------------------------------------------


def _render(triple: Triple, contexts: dict[str, dict[str, str]]) -> Text:
    return {lang: text.format(**contexts[lang]) for lang, text in zip(LANGS, triple, strict=True)}


def _text(triple: Triple) -> Text:
    return dict(zip(LANGS, triple, strict=True))


def _join(*texts: Text) -> Text:
    return {lang: " ".join(t[lang] for t in texts) for lang in LANGS}


def _contexts(home: Municipality, rng: random.Random, brand: str = "") -> dict[str, dict[str, str]]:
    first, second = rng.sample(FIELDS, 2)
    places = {lang: _name(home, lang) for lang in LANGS}
    gen = genitive(_name(home))
    out = {}
    for i, lang in enumerate(LANGS):
        out[lang] = {
            "place": places[lang],
            "gen": gen,
            "brand": brand,
            "field": first[i],
            "Field": first[i][:1].upper() + first[i][1:],
            "field2": second[i],
        }
    return out


def _ascii(value: str) -> str:
    return slugify(value).replace("-", "")


def _contact(rng: random.Random, title_key: str, swedish: float, domain: str) -> ContactSpec:
    if rng.random() < swedish:
        first, last = rng.choice(SV_FIRST), rng.choice(SV_LAST)
    else:
        first, last = rng.choice(FI_FIRST), rng.choice(FI_LAST)
    return ContactSpec(
        name=f"{first} {last}",
        title=_text(TITLES[title_key]),
        email=f"{_ascii(first)}.{_ascii(last)}@{domain}",
        phone=f"040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        is_public=rng.random() < 0.7,
    )


def _contacts(rng: random.Random, titles: Sequence[str], swedish: float, domain: str) -> list[ContactSpec]:
    count = 1 + (rng.random() < 0.5) + (rng.random() < 0.2)
    return [_contact(rng, rng.choice(titles), swedish, domain) for _ in range(count)]


def _domain(name_fi: str) -> str:
    """A made-up domain from the first words of the name: "oulun-nuorten-tyopaja.example.org"."""
    words = slugify(name_fi.split(",")[0].split(" – ")[0]).split("-")
    words = [w for w in words if w not in {"ry", "rf", "oy", "ab"}][:3]
    return ("-".join(words)[:40].strip("-") or "demo") + ".example.org"


_LEGAL_SUFFIXES = (" ry", " rf", " Oy", " Ab")


def _with_brand(name: str, brand: str) -> str:
    """Tell two same-named organisations apart: "X ry" -> "X Silta ry", else "X - Silta"."""
    for suffix in _LEGAL_SUFFIXES:
        if name.endswith(suffix):
            return f"{name[: -len(suffix)]} {brand}{suffix}"
    return f"{name} – {brand}"


def _reviewed(rng: random.Random) -> dt.date:
    span = (_REVIEWED_TO - _REVIEWED_FROM).days
    return _REVIEWED_FROM + dt.timedelta(days=rng.randint(0, span))


def _service_languages(rng: random.Random, ref: Reference, home: Municipality, immigrant: bool) -> list[int]:
    swedish = _swedish_share(home)
    codes: list[str] = []
    if _is_aland(home):
        codes.append("sv")
        if rng.random() < 0.5:
            codes.append("fi")
    else:
        codes.append("fi")
        if rng.random() < swedish * 2:
            codes.append("sv")
    if immigrant:
        codes += rng.sample(_IMMIGRANT_LANGUAGES, rng.randint(2, 4))
    elif rng.random() < (0.5 if TOWN_WEIGHTS.get(_name(home), 0) >= 2 else 0.2):
        codes.append("en")
    if rng.random() < 0.1:
        codes.append("fi-x-selko")
    if _name(home) in _SAMI_HOMELAND and rng.random() < 0.6:
        codes.append("se")
    if rng.random() < 0.02:
        codes.append("fse")
    return sorted({ref.languages[c] for c in codes if c in ref.languages})


def _generated_service(
    rng: random.Random,
    ref: Reference,
    template: ServiceTemplate,
    home: Municipality,
    org_municipality_ids: list[int],
    contacts: int,
) -> ServiceSpec:
    ctx = _contexts(home, rng)
    name = _render(rng.choice(template.names), ctx)
    extras = [_text(t) for t in rng.sample(template.extras, rng.randint(1, 2))]
    pieces = [_render(rng.choice(template.openings), ctx), *extras]
    if template.area and rng.random() < 0.3:
        pieces.append(_render(AREA_SENTENCE, ctx))
    target_groups = list(template.target_groups)
    if template.extra_target_groups and rng.random() < 0.6:
        target_groups += rng.sample(
            template.extra_target_groups, rng.randint(1, min(2, len(template.extra_target_groups)))
        )
    ways = list(template.ways)
    if template.extra_ways and rng.random() < 0.5:
        ways.append(rng.choice(template.extra_ways))
    ages = rng.choice(template.ages)
    if rng.random() < 0.15 or len(org_municipality_ids) == 0:
        municipality_ids: list[int] = []  # inherits the organisation's area
    else:
        others = org_municipality_ids[1:]
        picked = rng.sample(others, rng.randint(0, min(len(others), 4)))
        municipality_ids = [org_municipality_ids[0], *picked]
    return ServiceSpec(
        name=name,
        description=_join(*pieces),
        referral=_text(rng.choice(template.referrals)),
        cost=_text(rng.choice(template.costs)),
        target_group_ids=sorted({ref.target_groups[s] for s in target_groups}),
        way_ids=sorted({ref.ways[s] for s in ways}),
        language_ids=_service_languages(rng, ref, home, template.immigrant_languages),
        municipality_ids=municipality_ids,
        age_min=ages[0] if ages else None,
        age_max=ages[1] if ages else None,
        contact=rng.randrange(contacts) if contacts and rng.random() < 0.8 else None,
        last_reviewed=_reviewed(rng),
        is_published=True,
    )


_TYPE_WEIGHTS = [t.weight for t in ORGANISATION_TYPES]


def _generated_organisation(
    rng: random.Random,
    ref: Reference,
    ids: BusinessIds,
    home: Municipality,
    used_names: set[str],
    service_count: int,
) -> OrganisationSpec:
    org_type = rng.choices(ORGANISATION_TYPES, weights=_TYPE_WEIGHTS)[0]
    ctx: dict[str, dict[str, str]] = {}
    name: Text = {}
    for _attempt in range(6):
        ctx = _contexts(home, rng, brand=rng.choice(BRANDS))
        name = _render(rng.choice(org_type.names), ctx)
        if name["fi"] not in used_names:
            break
    else:
        brand = rng.choice(BRANDS)
        name = {lang: _with_brand(value, brand) for lang, value in name.items()}
    used_names.add(name["fi"])

    region_mates = [m for m in ref.by_region[home.region_id] if m.pk != home.pk]
    if org_type.kind in {"typ", "other"} or rng.random() < 0.08:
        neighbours = region_mates  # the whole region
    else:
        neighbours = rng.sample(region_mates, min(len(region_mates), rng.choice((0, 0, 1, 2, 3, 4))))
    municipality_ids = [home.pk, *(m.pk for m in neighbours)]
    domain = _domain(name["fi"])
    swedish = _swedish_share(home)
    spec = OrganisationSpec(
        name=name,
        kind=org_type.kind,
        description=_render(org_type.description, ctx),
        business_id=ids.next() if rng.random() < org_type.business_id else "",
        municipality_ids=municipality_ids,
        region_ids=[home.region_id],
        website=f"https://{domain}",
        email=f"info@{domain}",
        phone=f"040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if rng.random() < 0.5 else "",
        state_aid=rng.random() < (0.7 if org_type.kind in {"youth_workshop", "outreach_youth_work"} else 0.1),
        is_published=True,
        contacts=_contacts(rng, org_type.titles, swedish, domain),
    )
    keys = list(org_type.services)
    weights = [org_type.services[k] for k in keys]
    chosen: list[str] = []
    for _ in range(service_count):
        # Prefer services the organisation does not offer yet; repeat only when all are taken.
        remaining = [(k, w) for k, w in zip(keys, weights, strict=True) if k not in chosen]
        pool = remaining or list(zip(keys, weights, strict=True))
        key = rng.choices([k for k, _ in pool], weights=[w for _, w in pool])[0]
        chosen.append(key)
        spec.services.append(
            _generated_service(rng, ref, SERVICE_TEMPLATES[key], home, municipality_ids, len(spec.contacts))
        )
    return spec


def _service_counts(rng: random.Random, organisations: int, services: int) -> list[int]:
    """How many services each organisation gets: one each first, the rest at random."""
    if organisations <= 0:
        return []
    counts = [1 if i < services else 0 for i in range(organisations)]
    rest = services - sum(counts)
    if rest > 0:
        for index in rng.choices(range(organisations), k=rest):
            counts[index] += 1
    return counts


def generated_organisations(
    rng: random.Random,
    ref: Reference,
    ids: BusinessIds,
    *,
    organisations: int,
    services: int,
    used_names: set[str] | None = None,
) -> list[OrganisationSpec]:
    """Plausible organisations: the first one in every region (so each region has some), then
    homes weighted by town size. About 3 % of organisations and of services are drafts."""
    used_names = set() if used_names is None else used_names
    counts = _service_counts(rng, organisations, services)
    specs: list[OrganisationSpec] = []
    region_order = [r for r in ref.regions if ref.by_region[r.pk]]
    for i in range(organisations):
        if i < len(region_order):
            members = ref.by_region[region_order[i].pk]
            home = rng.choices(members, weights=[_home_weight(m) for m in members])[0]
        else:
            home = rng.choices(ref.municipalities, weights=ref.home_weights)[0]
        specs.append(_generated_organisation(rng, ref, ids, home, used_names, counts[i]))
    _mark_drafts(rng, specs, protected=len(region_order))
    return specs


def _mark_drafts(rng: random.Random, specs: list[OrganisationSpec], *, protected: int) -> None:
    candidates = list(range(protected, len(specs)))
    if candidates:
        for i in rng.sample(candidates, max(1, round(len(candidates) * _DRAFT_SHARE))):
            specs[i].is_published = False
    services = [s for spec in specs for s in spec.services]
    if services:
        for service in rng.sample(services, max(1, round(len(services) * _DRAFT_SHARE))):
            service.is_published = False


def real_organisations(rng: random.Random, ref: Reference) -> list[OrganisationSpec]:
    """The organisations of verkosto.demo.data, all published, without business IDs."""
    specs = []
    for data in REAL_ORGANISATIONS:
        home = ref.municipality(data["municipality"])
        serves = data["serves"]
        if serves == "national":
            municipality_ids: list[int] = []
            region_ids = [r.pk for r in ref.regions]
        elif serves == "region":
            municipality_ids = [m.pk for m in ref.by_region[home.region_id]]
            region_ids = [home.region_id]
        else:
            names = [data["municipality"]] if serves == "municipality" else list(serves)
            served = [ref.municipality(n) for n in names]
            municipality_ids = [m.pk for m in served]
            region_ids = sorted({m.region_id for m in served})
        domain = f"{data['key']}.example.org"
        titles = REAL_KIND_TITLES.get(data["kind"], ("coordinator",))
        contacts = [
            _contact(rng, rng.choice(titles), 0.3 if data["key"] == "arpeeti" else 0.02, domain)
            for _ in range(rng.randint(1, 2))
        ]
        spec = OrganisationSpec(
            name=dict(data["name"]),
            kind=data["kind"],
            description=dict(data["description"]),
            business_id="",
            municipality_ids=municipality_ids,
            region_ids=region_ids,
            website=data.get("website", ""),
            email="",
            phone="",
            state_aid=data.get("state_aid", False),
            is_published=True,
            contacts=contacts,
        )
        for service in data["services"]:
            ages = service["ages"]
            spec.services.append(
                ServiceSpec(
                    name=dict(service["name"]),
                    description=dict(service["description"]),
                    referral=dict(service["referral"]),
                    cost=dict(service["cost"]),
                    target_group_ids=sorted(ref.target_groups[s] for s in service["target_groups"]),
                    way_ids=sorted(ref.ways[s] for s in service["ways"]),
                    language_ids=sorted(ref.languages[c] for c in service["languages"]),
                    municipality_ids=municipality_ids if isinstance(serves, list) else [],
                    age_min=ages[0] if ages else None,
                    age_max=ages[1] if ages else None,
                    contact=rng.randrange(len(contacts)),
                    last_reviewed=_reviewed(rng),
                    is_published=True,
                )
            )
        specs.append(spec)
    return specs


# --- writing -------------------------------------------------------------------------------------


def _translated(prefix: str, text: Text) -> dict[str, str]:
    return {f"{prefix}_{lang}": text[lang] for lang in LANGS}


def write(specs: Sequence[OrganisationSpec]) -> dict[str, int]:
    """Insert the organisations with their contacts, services and links; all marked demo."""
    with transaction.atomic():
        orgs = [
            Organisation(
                **_translated("name", s.name),
                **_translated("description", s.description),
                kind=s.kind,
                business_id=s.business_id,
                website=s.website,
                email=s.email,
                phone=s.phone,
                state_aid=s.state_aid,
                is_published=s.is_published,
                is_demo=True,
            )
            for s in specs
        ]
        Organisation.objects.bulk_create(orgs, batch_size=_BATCH)

        contacts = [
            ContactPerson(
                organisation_id=org.pk,
                name=c.name,
                **_translated("title", c.title),
                email=c.email,
                phone=c.phone,
                is_public=c.is_public,
            )
            for org, spec in zip(orgs, specs, strict=True)
            for c in spec.contacts
        ]
        ContactPerson.objects.bulk_create(contacts, batch_size=_BATCH)

        services: list[Service] = []
        service_specs: list[ServiceSpec] = []
        offset = 0
        for org, spec in zip(orgs, specs, strict=True):
            for s in spec.services:
                services.append(
                    Service(
                        organisation_id=org.pk,
                        **_translated("name", s.name),
                        **_translated("description", s.description),
                        **_translated("referral", s.referral),
                        **_translated("cost", s.cost),
                        age_min=s.age_min,
                        age_max=s.age_max,
                        contact_id=contacts[offset + s.contact].pk if s.contact is not None else None,
                        last_reviewed=s.last_reviewed,
                        is_published=s.is_published,
                        is_demo=True,
                    )
                )
                service_specs.append(s)
            offset += len(spec.contacts)
        Service.objects.bulk_create(services, batch_size=_BATCH)

        org_languages = []
        for org, spec in zip(orgs, specs, strict=True):
            codes = sorted({lang for s in spec.services for lang in s.language_ids})
            org_languages += [(org.pk, lang) for lang in codes]
        _link(
            Organisation.municipalities.through,
            "organisation_id",
            "municipality_id",
            ((o.pk, m) for o, s in zip(orgs, specs, strict=True) for m in s.municipality_ids),
        )
        _link(
            Organisation.regions.through,
            "organisation_id",
            "region_id",
            ((o.pk, r) for o, s in zip(orgs, specs, strict=True) for r in s.region_ids),
        )
        _link(Organisation.languages.through, "organisation_id", "language_id", org_languages)
        pairs = list(zip(services, service_specs, strict=True))
        _link(
            Service.target_groups.through,
            "service_id",
            "targetgroup_id",
            ((o.pk, t) for o, s in pairs for t in s.target_group_ids),
        )
        _link(
            Service.ways_of_working.through,
            "service_id",
            "wayofworking_id",
            ((o.pk, w) for o, s in pairs for w in s.way_ids),
        )
        _link(
            Service.languages.through,
            "service_id",
            "language_id",
            ((o.pk, lang) for o, s in pairs for lang in s.language_ids),
        )
        _link(
            Service.municipalities.through,
            "service_id",
            "municipality_id",
            ((o.pk, m) for o, s in pairs for m in s.municipality_ids),
        )
    return {"organisations": len(orgs), "services": len(services), "contacts": len(contacts)}


def _link(through: Any, left: str, right: str, pairs: Any) -> None:
    rows = [through(**{left: a, right: b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=_BATCH * 5)


# --- demo users ----------------------------------------------------------------------------------

DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("admin", RoleAssignment.Role.ADMINISTRATOR, "ylläpitäjä / administrator (staff, superuser)"),
    ("kansallinen", RoleAssignment.Role.NATIONAL_COORDINATOR,
     "valtakunnallinen koordinaattori / national coordinator"),
    ("alue", RoleAssignment.Role.REGIONAL_COORDINATOR,
     "alueellinen koordinaattori: Kainuu / regional coordinator: Kainuu"),
    ("toimittaja", RoleAssignment.Role.ORGANISATION_EDITOR,
     f"organisaation ylläpitäjä: {DEMO_EDITOR_ORGANISATION} / organisation editor"),
)  # fmt: skip


def demo_logins() -> list[tuple[str, str, str]]:
    return [(username, DEMO_PASSWORD, description) for username, _role, description in DEMO_USERS]


def create_demo_users() -> None:
    region = Region.objects.get(code=DEMO_REGION_CODE)
    organisation = Organisation.objects.filter(is_demo=True, name_fi=DEMO_EDITOR_ORGANISATION).first()
    for username, role, _description in DEMO_USERS:
        user, _created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org", "first_name": "Demo"}
        )
        user.set_password(DEMO_PASSWORD)
        if role == RoleAssignment.Role.ADMINISTRATOR:
            user.is_staff = True
            user.is_superuser = True
        user.save()
        scope: dict[str, Any] = {"region": None, "organisation": None}
        if role == RoleAssignment.Role.REGIONAL_COORDINATOR:
            scope["region"] = region
        elif role == RoleAssignment.Role.ORGANISATION_EDITOR:
            if organisation is None:
                continue
            scope["organisation"] = organisation
        RoleAssignment.objects.get_or_create(user=user, role=role, **scope)


# --- entry points --------------------------------------------------------------------------------


def demo_counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.filter(is_demo=True).count(),
        "services": Service.objects.filter(is_demo=True).count(),
        "contacts": ContactPerson.objects.filter(organisation__is_demo=True).count(),
    }


def load_demo(
    *,
    seed: int = 2025,
    organisations: int = 400,
    services: int = 1200,
    networks: bool = False,
    signals: bool = False,
    events: bool = False,
) -> dict[str, Any]:
    """Load the demo directory once: the real organisations, generated ones up to `organisations`
    and `services` in total, and the demo users. Does nothing when demo data already exists.
    With `networks`, the demo networks follow (verkosto.demo.networks, also loaded only once); with
    `signals` too, the demo signals and their themes (verkosto.demo.signals, written by the
    networks' people, also loaded only once); with `events`, a year of the networks' events with
    registrations, attendance and feedback (verkosto.demo.events, also loaded only once).

    Returns counts, whether anything was created, and the demo logins (username, password, role).
    """
    result = _load_directory(seed=seed, organisations=organisations, services=services)
    if networks:
        # Imported here: the networks loader builds on this module's names and people.
        from .networks import load_demo_networks, network_logins

        result["networks"] = load_demo_networks(seed=seed)
        result["logins"] = network_logins(result["logins"])
        if signals:
            from .signals import load_demo_signals

            result["signals"] = load_demo_signals(seed=seed)
        if events:
            from .events import load_events

            result["events"] = load_events(seed=seed)
    return result


def _load_directory(*, seed: int, organisations: int, services: int) -> dict[str, Any]:
    with translation.override("fi"):
        if Organisation.objects.filter(is_demo=True).exists():
            return {**demo_counts(), "indexed": None, "created": False, "logins": demo_logins()}
        rng = random.Random(seed)
        ref = Reference.load()
        specs = real_organisations(rng, ref)
        real_services = sum(len(s.services) for s in specs)
        specs += generated_organisations(
            rng,
            ref,
            BusinessIds.from_db(rng),
            organisations=max(organisations - len(specs), 0),
            services=max(services - real_services, 0),
            used_names={s.name["fi"] for s in specs},
        )
        counts = write(specs)
        create_demo_users()
        indexed = search_index_rebuild()
    return {**counts, "indexed": indexed, "created": True, "logins": demo_logins()}


def generate_directory(*, organisations: int, services: int, seed: int = 1) -> dict[str, Any]:
    """Add a large synthetic directory (benchmarks): `organisations` organisations with
    `services` services in total, all demo data. Existing rows are kept; the index is rebuilt."""
    started = time.perf_counter()
    with translation.override("fi"):
        rng = random.Random(seed)
        ref = Reference.load()
        specs = generated_organisations(
            rng, ref, BusinessIds.from_db(rng), organisations=organisations, services=services
        )
        generated = time.perf_counter()
        counts = write(specs)
        written = time.perf_counter()
        indexed = search_index_rebuild()
    finished = time.perf_counter()
    return {
        **counts,
        "indexed": indexed,
        "seconds": {
            "generate": round(generated - started, 2),
            "write": round(written - generated, 2),
            "index": round(finished - written, 2),
            "total": round(finished - started, 2),
        },
    }
