"""Demo silent signals: what front-line workers noticed over the last two years, in every region.

`load_demo_signals()` runs after the demo networks (it needs their people as authors) and writes
about 3,000 short signals in Finnish and, in the Swedish-speaking areas, Swedish. Texts are
composed from phrase parts (an observation, optional details, place, how widespread, a closing
remark), so that no two read alike, and they carry themes a reader recognises. How often each theme
occurs depends on the region and the month (`intensity`): some are steady, some fade, some are
clearly emerging in particular regions (synthetic drugs in Kymenlaakso and Päijät-Häme in the last
months, housing costs driving vocational drop-outs in Uusimaa and Pirkanmaa, transport to workshops
in Kainuu after bus lines were cut, and the waiting times after the TE services reform of
1.1.2025 nationwide). About 5% are one-off notes on nothing in particular.

A few texts contain fictional personal data (names, phone numbers, an e-mail address, an identity
code, a street address) to show the scrubber at work: every text passes through
`textanalytics.scrub` before it is stored, as in capture; the original is never written.
After writing, keyword counts are recorded and themes recomputed; the largest national themes are
published and Kainuu's coordinator escalates two regional themes, so that every demo role sees
something. `generate_signals()` writes many more with the same text generator, for benchmarks.

Everything is deterministic for the seed and `today` (UUIDs and creation times aside).
"""

# ruff: noqa: E501
# (one phrase per line: sentences split over lines would be hard to read and to edit)

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import Organisation, TargetGroup
from verkosto.observations.models import Escalation, Signal, Tag, Theme, ThemeComment
from verkosto.textanalytics import scrub as scrubber

from .generator import TOWN_WEIGHTS, genitive

_BATCH = 2000
DEMO_SIGNALS = 3000
MONTHS = 24  # the last two years, the current month included
OFF_TOPIC_SHARE = 0.05
PERSONAL_DATA_SHARE = 0.02
COORDINATOR_LOGIN = "alue"  # Kainuu's regional coordinator (verkosto.demo.generator)
NATIONAL_LOGIN = "kansallinen"
TE_REFORM = dt.date(2025, 1, 1)  # employment services moved to municipalities / employment areas


# --- phrase parts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrases:
    """One theme in one language: the observation (one sentence, may hold `{n}`) and details."""

    cores: tuple[str, ...]
    extras: tuple[str, ...]


@dataclass(frozen=True)
class SignalTheme:
    key: str
    base: float  # relative frequency before the region and month profile
    target_groups: tuple[str, ...]  # TargetGroup slugs, most typical first
    tags: tuple[str, ...]
    fi: Phrases
    sv: Phrases


THEMES: tuple[SignalTheme, ...] = (
    SignalTheme(
        "housing", 1.0, ("students", "young-people"), ("asuminen", "opintojen keskeytys", "vuokra"),
        Phrases(
            (
                "Nuoret {kertovat|sanovat}, että vuokra vie koko {opintotuen|opintorahan} ja ammattikoulu jää kesken.",
                "{Ammattiopiston|Ammattikoulun} opiskelijoita on keskeyttänyt opintonsa, koska asumiskulut eivät mahdu opintorahaan.",
                "{n} nuorta on {tällä jaksolla|tänä lukuvuonna|viime kuukausina} jättänyt ammattikoulun kesken ja mennyt töihin vuokran takia.",
                "{Vuokrat|Asumiskulut} ovat nousseet niin, että nuoret muuttavat takaisin vanhemmilleen ja koulumatka venyy.",
                "Opiskelijoilla on vuokrarästejä ja häätöuhkia, ja koulunkäynti katkeaa.",
                "Asumistuen muutokset näkyvät: ammatillisesta koulutuksesta erotaan, kun rahat eivät riitä asumiseen.",
                "Nuoret yöpyvät kavereiden sohvilla, kun omaan vuokra-asuntoon ei ole varaa, eikä opiskelu suju.",
                "Pajalle tulee nuoria, jotka ovat keskeyttäneet toisen asteen opinnot asumiskulujen vuoksi.",
                "Opiskelija-asuntoja on liian vähän, ja yksityiset vuokrat ovat nuorille liian korkeita.",
                "Moni ammattikoululainen tekee iltaisin töitä maksaakseen vuokran, ja poissaolot kasvavat.",
                "Nuori joutui valitsemaan vuokran ja opiskelun välillä ja jätti ammattiopiston kesken.",
            ),
            (
                "Sähkölasku päälle, ja talous on kaatunut.",
                "Opinto-ohjaajat ovat huolissaan.",
                "Osa on hakenut toimeentulotukea ensimmäistä kertaa.",
                "Keskeyttäminen tapahtuu usein jo ensimmäisenä syksynä.",
                "Edullisia asuntoloita tarvittaisiin lisää.",
                "Vanhempien luo muuttaminen ei ole kaikille mahdollista.",
            ),
        ),
        Phrases(
            (
                "Unga {berättar|säger} att hyran tar hela studiepenningen och att de hoppar av yrkesutbildningen.",
                "Flera studerande vid yrkesinstitutet har avbrutit studierna för att boendekostnaderna blivit för höga.",
                "{n} unga har hoppat av andra stadiet den här terminen på grund av hyran.",
                "Hyrorna har stigit så mycket att unga flyttar hem igen och skolvägen blir lång.",
                "Studerande har hyresskulder och hotas av vräkning, och skolgången avbryts.",
                "Det finns för få studentbostäder och de privata hyrorna är för höga för unga.",
            ),
            (
                "Elräkningen gör inte saken bättre.",
                "Studiehandledarna är oroliga.",
                "En del har sökt utkomststöd för första gången.",
            ),
        ),
    ),
    SignalTheme(
        "te_reform", 1.0, ("unemployed", "young-people", "long-term-unemployed"),
        ("te-palvelut", "työllisyysalue", "jonot"),
        Phrases(
            (
                "TE-palvelujen siirryttyä kuntiin nuoret odottavat ensimmäistä tapaamista {viikkoja|kuukauden|jopa kaksi kuukautta}.",
                "{Työllisyysalueen palveluihin|Työllisyyspalveluihin} ei saa aikaa, ja nuoret jäävät odottamaan ilman suunnitelmaa.",
                "Nuoret eivät tiedä, kuka heidän asioitaan nyt hoitaa, kun työvoimapalvelut siirtyivät kunnalle.",
                "Työnhaun aloittaminen ja ensimmäinen haastattelu viivästyvät, jonot työllisyyspalveluihin ovat pitkiä.",
                "{n} asiakasta odottaa edelleen yhteydenottoa työllisyyspalveluista.",
                "Työllisyyspalvelujen {puhelinpalveluun|palvelunumeroon} ei pääse läpi, ja {nuoret|asiakkaat} luovuttavat.",
                "Työllisyyspalvelujen uudistuksen jälkeen nuorten asiat ovat jumissa ja vastuuhenkilö vaihtuu.",
                "Palkkatuki- ja työkokeilupäätökset ovat venyneet työllisyyspalvelujen kuntaan siirron jälkeen.",
                "Työpajajaksojen aloitukset ovat viivästyneet, kun ohjaukset työllisyysalueelta tulevat hitaasti.",
                "Nuorilla on epätietoisuutta työnhakuvelvollisuudesta ja siitä, mihin työllisyyspalveluissa pitäisi ottaa yhteyttä.",
            ),
            (
                "Uudistus toi uudet ihmiset ja järjestelmät, eikä tieto kulje.",
                "Etuus on vaarassa katketa, jos työnhaku ei ole voimassa.",
                "Yhteistyöpalaverit ovat vähentyneet.",
                "Ohjaus kulkee nyt monen mutkan kautta.",
                "Toivoisimme suoraa yhteyshenkilöä työllisyysalueelta.",
            ),
        ),
        Phrases(
            (
                "Efter att TE-tjänsterna flyttade till kommunerna väntar unga i {veckor|en månad} på ett första möte.",
                "Det går inte att få tid hos sysselsättningsområdet och unga blir sittande utan plan.",
                "Unga vet inte vem som sköter deras ärenden nu när arbetskraftstjänsterna flyttat till kommunen.",
                "{n} klienter väntar fortfarande på att sysselsättningstjänsterna ska höra av sig.",
                "Man kommer inte fram till sysselsättningstjänsterna per telefon och de unga ger upp.",
                "Besluten om lönesubvention och arbetsprövning har dragit ut på tiden efter reformen.",
            ),
            (
                "Informationen följer inte med när ärendet flyttar.",
                "Förmånen riskerar att avbrytas om arbetssökningen inte är i kraft.",
                "Vi skulle behöva en direkt kontaktperson.",
            ),
        ),
    ),
    SignalTheme(
        "loneliness", 0.9, ("young-people", "neet", "students"), ("yksinäisyys", "etäkoulu"),
        Phrases(
            (
                "Etäkoulun aikana yläkoulun käyneet nuoret ovat edelleen yksinäisiä eivätkä uskalla tulla ryhmiin.",
                "Nuoret {kertovat|sanovat}, ettei heillä ole yhtään ystävää {koulun ulkopuolella|lähellä}.",
                "Yksinäisyys näkyy: moni nuori viettää päivät yksin kotona, ja ryhmätoiminta jännittää.",
                "Sosiaalisten tilanteiden pelko on lisääntynyt nuorilla, jotka kävivät koulua etänä.",
                "{n} nuorta on kertonut, että ainoat kaverit ovat netissä.",
                "Ryhmään tuleminen on monelle yksinäiselle nuorelle liian iso askel, tarvitaan ensin yksilötapaamisia.",
                "Nuoret eivät ole oppineet olemaan toisten kanssa, kun lukio meni etäopetuksessa.",
                "Nuorisotalolla käy yksinäisiä nuoria, jotka eivät puhu kenellekään.",
            ),
            (
                "Kaverisuhteet katkesivat etäopetuksen aikana.",
                "Moni sanoo, ettei ole puhunut kenenkään kanssa päiviin.",
                "Pienryhmät toimivat paremmin kuin isot.",
                "Vertaistukea kaivattaisiin.",
            ),
        ),
        Phrases(
            (
                "Unga som gick högstadiet på distans är fortfarande ensamma och vågar inte komma till grupper.",
                "Unga berättar att de inte har en enda vän utanför skolan.",
                "Ensamheten syns: många unga sitter ensamma hemma hela dagarna.",
                "Rädslan för sociala situationer har ökat bland unga som hade distansundervisning.",
                "{n} unga säger att deras enda vänner finns på nätet.",
            ),
            ("Kamratrelationerna bröts under distansundervisningen.", "Små grupper fungerar bättre än stora."),
        ),
    ),
    SignalTheme(
        "mental_health", 1.1, ("substance-mental-health", "young-people"), ("mielenterveys", "jonot"),
        Phrases(
            (
                "{Nuorisopsykiatrialle|Nuorisopsykiatrian poliklinikalle} on kuukausien jono, ja nuoret jäävät ilman apua.",
                "Mielenterveyspalveluihin pääsy kestää liian kauan, ahdistus ja masennus pahenevat odottaessa.",
                "{Terapiaan|Psykoterapiaan} ohjattu nuori odottaa edelleen ensimmäistä käyntiä{| puolen vuoden jälkeen}.",
                "Hyvinvointialueen mielenterveyspalvelut eivät ehdi, ja nuoret oireilevat työpajalla.",
                "{n} nuorta odottaa psykiatrista arviota, osa on jo keskeyttänyt pajajakson.",
                "Matalan kynnyksen keskusteluapua ei ole saatavilla, kun nuori tarvitsisi sitä heti.",
                "Nuoret kertovat, että terapiatakuu ei näy arjessa ja mielenterveyspalvelujen jonot ovat pitkiä.",
                "Paniikkihäiriöt ja uupumus ovat lisääntyneet, mutta hoitoon pääsee vasta kuukausien päästä.",
            ),
            (
                "Koulukuraattorillekin on jonoa.",
                "Yksityiselle ei ole varaa.",
                "Odotusaikana tuki jää meidän varaamme.",
                "Lähetteet palautuvat takaisin.",
            ),
        ),
        Phrases(
            (
                "Det är {månader|ett halvår} i kö till ungdomspsykiatrin och unga blir utan hjälp.",
                "Det tar för lång tid att få mentalvårdstjänster, ångesten och depressionen förvärras under väntan.",
                "En ung som remitterats till terapi väntar fortfarande på första besöket.",
                "{n} unga väntar på psykiatrisk bedömning.",
                "Det finns inget samtalsstöd med låg tröskel när den unga behöver det genast.",
            ),
            ("Det finns inte råd med privat vård.", "Under väntetiden blir stödet vårt ansvar."),
        ),
    ),
    SignalTheme(
        "gaming", 0.8, ("young-people", "neet"), ("pelaaminen", "vuorokausirytmi"),
        Phrases(
            (
                "Nuoret pelaavat {öisin|koko yön} ja nukkuvat päivät, eivätkä jaksa tulla aamulla pajalle.",
                "Vuorokausirytmi on kääntynyt monella: pelaaminen jatkuu aamuun asti.",
                "Pelaaminen vie yöt, ja {aamun tapaamiset|aamupäivän ryhmät} jäävät väliin.",
                "Tapaamisia on jouduttu siirtämään iltapäivään, koska nuoret pelaavat yöt.",
                "{n} nuorta on jäänyt pois aamuryhmästä, kun pelit vievät yöt.",
                "Peliriippuvuus näkyy: nuori pelaa 12 tuntia päivässä eikä käy ulkona.",
                "Nuoret käyttävät rahaa pelien sisäisiin ostoksiin ja valvovat öitä.",
            ),
            (
                "Vanhemmat ovat neuvottomia.",
                "Unirytmin korjaaminen on ensimmäinen tavoite.",
                "Osa pelaa myös rahapelejä.",
                "Kotikäynneillä verhot ovat kiinni keskellä päivää.",
            ),
        ),
        Phrases(
            (
                "Unga spelar på nätterna och sover på dagarna och orkar inte komma till verkstaden på morgonen.",
                "Dygnsrytmen har vänts för många: spelandet fortsätter till morgonen.",
                "{n} unga har uteblivit från morgongruppen för att spelen tar nätterna.",
                "Vi har flyttat träffar till eftermiddagen eftersom de unga spelar hela natten.",
            ),
            ("Föräldrarna vet inte vad de ska göra.", "Först behöver dygnsrytmen rättas till."),
        ),
    ),
    SignalTheme(
        "debt", 0.8, ("young-people", "unemployed"), ("velat", "pikavipit", "talous"),
        Phrases(
            (
                "{Nuorilla|Monella asiakkaalla} on pikavippejä ja maksuhäiriömerkintöjä jo alle 20-vuotiaana.",
                "Kulutusluotot ja osamaksut kasautuvat, ja velat estävät oman asunnon saamisen.",
                "Nuoret ottavat pikavippejä arjen menoihin eivätkä tiedä, paljonko velkaa on.",
                "Maksuhäiriömerkintä on tullut yllättäen, kun laskut ovat menneet perintään.",
                "{n} nuorta on ohjattu talous- ja velkaneuvontaan viime viikkoina.",
                "Verkkokauppojen maksa myöhemmin -palvelut ajavat nuoria velkakierteeseen.",
                "Ulosotto vie osan palkasta, eikä työnteko tunnu velkaantuneesta nuoresta kannattavan.",
            ),
            (
                "Velkaneuvontaan on jonoa.",
                "Laskuja ei avata lainkaan.",
                "Rahankäytön taitoja pitäisi opettaa enemmän.",
            ),
        ),
        Phrases(
            (
                "Unga har snabblån och betalningsanmärkningar redan före 20 års ålder.",
                "Konsumtionskrediter och avbetalningar hopar sig och skulderna hindrar dem att få egen bostad.",
                "Unga tar snabblån till vardagsutgifter och vet inte hur mycket de är skyldiga.",
                "{n} unga har hänvisats till ekonomi- och skuldrådgivning de senaste veckorna.",
            ),
            ("Det är kö till skuldrådgivningen.", "Räkningarna öppnas inte alls."),
        ),
    ),
    SignalTheme(
        "digital", 0.7, ("long-term-unemployed", "immigrants", "partial-work-ability"),
        ("digipalvelut", "tunnistautuminen"),
        Phrases(
            (
                "{Nuorella|Asiakkaalla} ei ole verkkopankkitunnuksia, joten sähköinen asiointi ei onnistu.",
                "Vahva tunnistautuminen on este: ilman pankkitunnuksia ei pääse sähköisiin palveluihin.",
                "Sähköiset lomakkeet ovat liian vaikeita, ja asiakkaat tarvitsevat apua jokaisessa hakemuksessa.",
                "Osa asiakkaista ei saa pankkitunnuksia maksuhäiriön tai puuttuvan henkilöllisyystodistuksen takia.",
                "Digipalvelut olettavat, että kaikilla on toimiva puhelin ja sähköposti, mutta näin ei ole.",
                "{n} asiakasta on tarvinnut apua työnhakijaksi ilmoittautumisessa verkossa.",
                "Mobiilivarmenne ja sähköinen tunnistautuminen ovat monelle ylivoimaisia.",
            ),
            (
                "Asiointi paikan päällä on vähentynyt.",
                "Puhelimessa ei ole dataa.",
                "Passin hankkiminen maksaa.",
                "Autamme kädestä pitäen, mutta aika ei riitä.",
            ),
        ),
        Phrases(
            (
                "Den unga har inga nätbankskoder, så e-tjänsterna fungerar inte.",
                "Stark autentisering är ett hinder: utan bankkoder kommer man inte in i de elektroniska tjänsterna.",
                "De elektroniska blanketterna är för svåra och klienterna behöver hjälp med varje ansökan.",
                "{n} klienter har behövt hjälp att anmäla sig som arbetssökande på nätet.",
            ),
            ("Det finns inga kontor att besöka längre.", "Telefonen har ingen data."),
        ),
    ),
    SignalTheme(
        "language", 0.7, ("immigrants", "young-people"), ("kotoutuminen", "kielikoulutus"),
        Phrases(
            (
                "Maahanmuuttajanuoret odottavat {suomen kielen kurssille|kielikurssille} pääsyä {kuukausia|puoli vuotta}.",
                "Kotoutumiskoulutukseen on jonoa, eikä maahan muuttaneilla nuorilla ole tekemistä sillä välin.",
                "Kielikurssien odotusaika venyy, ja ammatilliseen koulutukseen hakeminen siirtyy vuodella.",
                "{n} maahan muuttanutta nuorta on jonossa kielikoulutukseen.",
                "Maahanmuuttajanuoret haluaisivat töihin, mutta kielitaito ei riitä eikä kurssille pääse.",
                "Valmistavaan koulutukseen ei ole paikkoja kaikille maahanmuuttajanuorille, jotka sitä tarvitsisivat.",
                "Kotoutumissuunnitelma on tehty, mutta kielikurssin aloitus on vasta ensi vuonna.",
            ),
            (
                "Vapaaehtoisten keskusteluryhmät paikkaavat vähän.",
                "Perheet ovat huolissaan.",
                "Tulkkia on vaikea saada.",
            ),
        ),
        Phrases(
            (
                "Invandrarungdomar väntar i månader på att komma in på en kurs i svenska eller finska.",
                "Det är kö till integrationsutbildningen och de unga har inget att göra under tiden.",
                "{n} unga invandrare står i kö till språkutbildning.",
                "De unga invandrarna vill arbeta, men språket räcker inte och de kommer inte in på kursen.",
            ),
            ("Frivilliga samtalsgrupper hjälper lite.", "Det är svårt att få tolk."),
        ),
    ),
    SignalTheme(
        "summer_jobs", 0.7, ("young-people", "students", "employers"), ("kesätyö", "työkokemus"),
        Phrases(
            (
                "Nuoret ovat hakeneet {kymmeniä|jopa 30} kesätöitä saamatta yhtään vastausta.",
                "Kesätyöpaikkoja on vähemmän kuin ennen, ja ensimmäistä työkokemusta on vaikea saada.",
                "Ilman aiempaa työkokemusta nuorta ei palkata edes kesätöihin.",
                "{n} nuorta on kysynyt apua kesätyöhakemuksen tekemiseen.",
                "Kunnan kesätyöseteleitä oli liian vähän, ja ne loppuivat heti.",
                "Kesätöitä saavat ne, joilla on suhteita, muut jäävät ilman.",
                "Nuoret eivät saa ensimmäistä työpaikkaa, koska kaikkialla vaaditaan kokemusta.",
            ),
            (
                "Hakemuksiin ei vastata lainkaan.",
                "Työnantajat kaipaavat tukea nuoren perehdyttämiseen.",
                "Kesätyöseteli auttaisi.",
            ),
        ),
        Phrases(
            (
                "Unga har sökt tiotals sommarjobb utan att få ett enda svar.",
                "Det finns färre sommarjobb än förr och det är svårt att få sin första arbetserfarenhet.",
                "{n} unga har bett om hjälp med ansökan till sommarjobb.",
                "Utan tidigare erfarenhet anställs unga inte ens för sommarjobb.",
            ),
            ("Kommunens sommarjobbssedlar tog slut direkt.", "Ansökningarna besvaras inte alls."),
        ),
    ),
    SignalTheme(
        "drugs", 0.45, ("substance-mental-health", "young-people"), ("päihteet", "huumeet"),
        Phrases(
            (
                "Nuorten {keskuudessa|parissa} liikkuu uusia synteettisiä huumeita, ja yliannostustilanteita on ollut.",
                "Synteettisiä kannabinoideja myydään nuorille sähkötupakoissa, eikä nuori tiedä, mitä käyttää.",
                "Huumeiden käyttö on lisääntynyt, ja aineita tilataan viestisovellusten kautta.",
                "{n} nuorta on {kertonut|myöntänyt} käyttäneensä uusia synteettisiä huumeita{| viime viikkoina}.",
                "Nuoret puhuvat avoimesti huumeista, ja käyttö on arkipäiväistä jo alaikäisillä.",
                "Vapeissa on ollut synteettisiä kannabinoideja, ja nuoria on viety päivystykseen.",
                "Huumeiden käyttö näkyy pajalla: poissaoloja, sekavuutta ja paniikkikohtauksia.",
                "Uudet synteettiset huumeet ovat halpoja ja helposti saatavilla, vanhemmat eivät tunnista oireita.",
                "Nuorten huumekokeilut ovat muuttuneet vaarallisemmiksi, aineiden vahvuutta ei tiedä kukaan.",
            ),
            (
                "Poliisin kanssa on sovittu yhteispalaveri.",
                "Päihdepalveluihin on vaikea päästä.",
                "Nuoret pelkäävät kertoa aikuisille.",
                "Tilanne on muuttunut nopeasti viime kuukausina.",
            ),
        ),
        Phrases(
            (
                "Nya syntetiska droger cirkulerar bland unga och det har förekommit överdoser.",
                "Syntetiska cannabinoider säljs till unga i e-cigaretter och de vet inte vad de använder.",
                "{n} unga har berättat att de använt nya syntetiska droger.",
                "Droganvändningen syns i verkstaden: frånvaro, förvirring och panikattacker.",
            ),
            ("Det är svårt att få plats i missbruksvården.", "Läget har förändrats snabbt de senaste månaderna."),
        ),
    ),
    SignalTheme(
        "sanctions", 0.7, ("unemployed", "long-term-unemployed", "young-people"),
        ("toimeentulo", "karenssi", "etuudet"),
        Phrases(
            (
                "Nuoret pelkäävät karenssia eivätkä siksi uskalla kieltäytyä mistään.",
                "{Työttömyysetuuden|Työmarkkinatuen} katkos on jättänyt nuoren ilman rahaa {kuukaudeksi|useaksi viikoksi}.",
                "Etuuspäätökset viipyvät, ja nuori jää etuuksien väliin ilman toimeentuloa.",
                "Karenssit tulevat yllätyksenä, kun nuori ei ole ymmärtänyt työnhakuvelvoitetta.",
                "{n} nuorta on hakenut ruoka-apua, kun etuus on katkennut.",
                "Toimeentulotuen perusosan alentaminen on uhannut useaa asiakasta.",
                "Asumistuen ja työmarkkinatuen leikkaukset näkyvät: rahat loppuvat kesken kuun.",
            ),
            (
                "Ruoka-avussa käy yhä nuorempia.",
                "Päätösten perustelut eivät aukea nuorille.",
                "Valitusaika on ehtinyt umpeutua.",
            ),
        ),
        Phrases(
            (
                "Unga är rädda för karens och vågar därför inte tacka nej till något.",
                "Ett avbrott i arbetslöshetsförmånen har lämnat en ung utan pengar i en månad.",
                "Förmånsbesluten dröjer och unga hamnar mellan förmånerna utan utkomst.",
                "{n} unga har sökt mathjälp när förmånen avbrutits.",
            ),
            ("Pengarna tar slut mitt i månaden.", "Motiveringarna till besluten är svåra att förstå."),
        ),
    ),
    SignalTheme(
        "transport", 0.6, ("young-people", "neet", "long-term-unemployed"), ("liikkuminen", "maaseutu"),
        Phrases(
            (
                "{Linja-autovuoroja|Bussivuoroja} on lakkautettu, eikä nuori pääse kylältä {pajalle|työpajalle}.",
                "Matka työpajalle on {30|40|60} kilometriä, eikä julkista liikennettä ole.",
                "Nuoret jäävät pois pajatoiminnasta, koska kyyditystä ei ole ja bussilippu on kallis.",
                "{n} nuorta ei pysty aloittamaan pajajaksoa kulkemisen takia.",
                "Haja-asutusalueella ilman ajokorttia on mahdotonta päästä töihin tai koulutukseen.",
                "Koulukyydit eivät koske täysi-ikäisiä nuoria, ja matkat pajalle maksetaan itse.",
                "Kulkeminen pajalle vie kaksi tuntia suuntaansa, kun bussivuoroja on vähennetty.",
            ),
            (
                "Mopoautoa ei kaikilla ole.",
                "Etätoiminta auttaa vain osittain.",
                "Kyytirinkiä on mietitty.",
                "Matkakorvaukset tulevat jälkikäteen.",
            ),
        ),
        Phrases(
            (
                "Busslinjer har dragits in och den unga kommer inte från byn till verkstaden.",
                "Resan till verkstaden är {30|40|50} kilometer och det finns ingen kollektivtrafik.",
                "{n} unga kan inte börja i verkstaden på grund av resorna.",
                "Utan körkort är det omöjligt att ta sig till jobb eller utbildning på landsbygden.",
            ),
            ("Distansverksamhet hjälper bara delvis.", "Resekostnaderna ersätts i efterhand."),
        ),
    ),
)  # fmt: skip
THEME_BY_KEY = {t.key: t for t in THEMES}

# One-off notes: real life in a signal box, about nothing that recurs.
OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "fi": (
        "Kiitos hyvästä verkostotapaamisesta, materiaalit tulivat perille.",
        "Pajan uusi kahvila avattiin tällä viikolla, ja asiakkaita kävi mukavasti.",
        "Testi, kokeilen lomaketta.",
        "Muistutus: koulutuspäivän ilmoittautuminen päättyy perjantaina.",
        "Toimistomme muuttaa uusiin tiloihin keväällä.",
        "Kävimme tutustumassa naapurikunnan työpajaan, saimme hyviä ideoita.",
        "Nuoret toivoivat lisää liikuntavuoroja, ja kuntosalivuoro järjestyi.",
        "Kesäleiri onnistui, palaute oli hyvää.",
        "Uusi työntekijä aloitti etsivässä nuorisotyössä.",
        "Tulostin ei toimi, tieto on viety eteenpäin.",
        "Pajan joulumyyjäiset keräsivät ennätysmäärän kävijöitä.",
        "Olisiko jollakulla vinkkiä hyvästä lautapelistä ryhmään?",
    ),
    "sv": (
        "Tack för ett bra nätverksmöte.",
        "Test, jag provar formuläret.",
        "Verkstadens nya café öppnade i veckan.",
        "Sommarlägret var lyckat och responsen god.",
        "Vi flyttar till nya lokaler i vår.",
    ),
}

# Said before the observation. Finnish: a time adverbial (the observation follows with a lower-case
# first word) or a label; Swedish would need inverted word order after an adverbial, so labels only.
OPENERS: dict[str, tuple[str, ...]] = {
    "fi": ("Viime aikoina", "Viime viikkoina", "Tällä viikolla", "Yhä useammin", "Taas kerran"),
    "sv": (),
}
LABELS: dict[str, tuple[str, ...]] = {
    "fi": ("Havainto:", "Pajalta:", "Etsivästä nuorisotyöstä:", "Ohjaamosta:", "Huomio:"),
    "sv": ("Observation:", "Från verkstaden:", "Från det uppsökande arbetet:"),
}
PLACES: dict[str, tuple[str, ...]] = {
    "fi": (
        "Koskee erityisesti {gen} seutua.",
        "Näkyy etenkin {gen} alueella.",
        "{gen} seudulla tätä on paljon.",
        "Sama tilanne {gen} lähikunnissa.",
    ),
    "sv": ("Gäller särskilt {place} med omnejd.", "Syns tydligt i {place}."),
}
SPREADS: dict[str, dict[str, tuple[str, ...]]] = {
    "fi": {
        "one": ("Yksittäinen tapaus toistaiseksi.", "Yksi nuori, mutta kannattaa seurata."),
        "several": (
            "Samaa on kuultu useammalta nuorelta.",
            "Useampi tapaus viime viikoilta.",
            "Sama toistuu monella asiakkaalla.",
        ),
        "many": ("Tätä on todella paljon.", "Koskee lähes kaikkia asiakkaitamme.", "Tämä on jo arkipäivää."),
    },
    "sv": {
        "one": ("Ett enskilt fall än så länge.",),
        "several": ("Vi har hört samma sak från flera unga.", "Flera fall de senaste veckorna."),
        "many": ("Det här är mycket vanligt nu.", "Gäller nästan alla våra klienter."),
    },
}
CLOSERS: dict[str, tuple[str, ...]] = {
    "fi": (
        "Tästä olisi hyvä puhua verkostossa.",
        "Onko muilla samaa?",
        "Seuraamme tilannetta.",
        "Yhteistyökumppanit ovat huomanneet saman.",
        "Tarvitaan yhteistä keskustelua.",
    ),
    "sv": ("Har andra sett samma sak?", "Vi följer läget.", "Det här borde tas upp i nätverket."),
}
# Fictional personal data, as a hurried worker might write it: the scrubber must take it out.
PERSONAL_DATA: dict[str, tuple[str, ...]] = {
    "fi": (
        "Liisa Virtaselle varattiin jo toinen aika.",
        "Asiakas Mikko Korhonen (puh. 040 718 2394) pyysi soittoa.",
        "Juttelin Anna Mäkisen kanssa pitkään.",
        "Pekka Niemiseltä tuli viesti osoitteesta pekka.nieminen@example.com.",
        "Nuoren henkilötunnus 131052-308T oli lomakkeessa väärin.",
        "Äiti soitti numerosta 050 432 1987 ja kertoi samaa.",
        "Jussi Heikkisen kanssa sovittiin jatkosta.",
        "Asiakas asuu osoitteessa Rantakatu 12 B 4.",
        "Laura Laineelle lähetin linkin osoitteeseen laura.laine@example.org.",
    ),
    "sv": (
        "Johan Lindholm ringde från 040 552 8812.",
        "Jag pratade länge med Emma Sjöberg.",
        "Klienten bor på Strandvägen 5 A 3.",
        "Kontakt via anna.holm@example.com.",
    ),
}
# The planted identifying strings: none of them may survive scrubbing (tests check).
PLANTED = (
    "Liisa", "Virtaselle", "Korhonen", "Mäkisen", "Niemiseltä", "pekka.nieminen", "131052-308T",
    "432 1987", "718 2394", "Heikkisen", "Rantakatu", "Laineelle", "laura.laine", "Lindholm",
    "552 8812", "Sjöberg", "Strandvägen", "anna.holm",
)  # fmt: skip

# Finnish names that stay capitalised after an opener (proper nouns, acronyms).
_KEEP_CAPITAL = frozenset({"TE-palvelujen", "Kelan", "Kela"})


_ALTERNATIVES_RE = re.compile(r"\{([^{}]*\|[^{}]*)\}")


def _vary(rng: random.Random, sentence: str) -> str:
    """Choose one wording of every "{a|b|c}" in the sentence."""
    return _ALTERNATIVES_RE.sub(lambda m: rng.choice(m.group(1).split("|")), sentence)


def _decapitalise(sentence: str) -> str:
    first = sentence.split(" ", 1)[0]
    if first in _KEEP_CAPITAL or len(first) < 2 or not first[1:].islower():
        return sentence
    return sentence[0].lower() + sentence[1:]


def compose(
    rng: random.Random,
    theme: str | None,
    lang: str,
    *,
    spread: str = "one",
    place_gen: str = "",
    place_sv: str = "",
    personal_data: bool = False,
) -> str:
    """One signal text of a theme (None: a one-off note) in Finnish or Swedish, 1-3 sentences."""
    if theme is None:
        text = rng.choice(OFF_TOPIC[lang])
        return text + (" " + rng.choice(PERSONAL_DATA[lang]) if personal_data else "")
    phrases: Phrases = getattr(THEME_BY_KEY[theme], lang)
    core = _vary(rng, rng.choice(phrases.cores)).replace("{n}", str(rng.randint(2, 9)))
    roll = rng.random()
    if roll < 0.22 and OPENERS[lang] and not core[0].isdigit():
        core = f"{rng.choice(OPENERS[lang])} {_decapitalise(core)}"
    elif roll < 0.34 and ":" not in core:
        core = f"{rng.choice(LABELS[lang])} {_decapitalise(core)}"
    optional: list[Callable[[], str]] = [
        lambda: rng.choice(phrases.extras),
        lambda: rng.choice(phrases.extras),
        lambda: rng.choice(SPREADS[lang][spread]),
        lambda: rng.choice(CLOSERS[lang]),
    ]
    if place_gen or place_sv:
        optional.append(lambda: rng.choice(PLACES[lang]).format(gen=place_gen, place=place_sv))
    wanted = rng.choices((0, 1, 2), weights=(25, 50, 25))[0]
    sentences = [core]
    for make in rng.sample(optional, k=min(wanted, len(optional))):
        sentence = make()
        if sentence not in sentences:
            sentences.append(sentence)
    if personal_data:
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(PERSONAL_DATA[lang]))
    text = " ".join(sentences)
    if rng.random() < 0.05:  # typed on a phone: no full stop
        text = text.rstrip(".")
    return text


# --- where and when ------------------------------------------------------------------------------

# Rough relative number of front-line workers filing signals, by region (population and services).
REGION_WEIGHTS = {
    "MK01": 5.0, "MK02": 2.8, "MK04": 1.8, "MK05": 1.4, "MK06": 3.0, "MK07": 1.6, "MK08": 1.5,
    "MK09": 1.2, "MK10": 1.2, "MK11": 1.9, "MK12": 1.4, "MK13": 2.1, "MK14": 1.6, "MK15": 1.6,
    "MK16": 0.9, "MK17": 2.8, "MK18": 2.0, "MK19": 1.5, "MK21": 0.6,
}  # fmt: skip
# Share of signals written in Swedish, by region (the Swedish-speaking and bilingual areas).
SWEDISH_SHARE = {"MK21": 0.95, "MK15": 0.5, "MK01": 0.1, "MK02": 0.1, "MK16": 0.12}
# Municipalities (Finnish names) where the Swedish signals of a bilingual region come from.
SWEDISH_MUNICIPALITIES = frozenset({
    "Helsinki", "Espoo", "Porvoo", "Raasepori", "Loviisa", "Inkoo", "Siuntio", "Kirkkonummi",
    "Sipoo", "Hanko", "Lapinjärvi", "Turku", "Parainen", "Kemiönsaari", "Vaasa", "Mustasaari",
    "Närpiö", "Pietarsaari", "Pedersören kunta", "Uusikaarlepyy", "Kristiinankaupunki",
    "Maalahti", "Korsnäs", "Luoto", "Vöyri", "Kruunupyy", "Kokkola",
})  # fmt: skip
RURAL = frozenset({"MK10", "MK11", "MK12", "MK14", "MK16", "MK18", "MK19"})


def months_back(today: dt.date, count: int = MONTHS) -> list[dt.date]:
    """The first days of the last `count` months, oldest first, the current month last."""
    out = []
    year, month = today.year, today.month
    for _ in range(count):
        out.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _ramp(months_ago: int, span: int, peak: float) -> float:
    """1 before the last `span` months, rising to `peak` in the current month."""
    if months_ago >= span:
        return 1.0
    return 1.0 + (peak - 1.0) * (span - months_ago) / span


def intensity(theme: str, region: str, month: dt.date, months_ago: int) -> float:
    """How often a theme is noticed in a region in a month, relative to its base rate."""
    if theme == "housing":
        return _ramp(months_ago, 6, 6.0) if region in ("MK01", "MK06") else 1.0
    if theme == "te_reform":
        if month < TE_REFORM:
            return 0.25
        since = (month.year - TE_REFORM.year) * 12 + month.month - TE_REFORM.month
        return 0.9 + 2.4 * 0.9**since
    if theme == "loneliness":
        return 0.3 + 1.8 * months_ago / MONTHS  # fading
    if theme == "gaming":
        return 1.25 if month.month in (11, 12, 1, 2) else 1.0
    if theme == "debt":
        return 0.8 + 0.4 * (MONTHS - months_ago) / MONTHS
    if theme == "digital":
        return 1.3 if month >= TE_REFORM else 1.0
    if theme == "language":
        return {"MK01": 2.2, "MK02": 1.6, "MK06": 1.4, "MK15": 1.5, "MK17": 1.2}.get(
            region, 0.6 if region in RURAL else 1.0
        )
    if theme == "summer_jobs":
        return {2: 2.0, 3: 2.6, 4: 2.6, 5: 2.0, 6: 1.0, 7: 0.4, 8: 0.4}.get(month.month, 0.3)
    if theme == "drugs":
        if region in ("MK08", "MK07"):  # about one a month, then a sharp rise
            return 2.4 * _ramp(months_ago, 6, 18.0)
        if region == "MK09":  # spreading next door in the last two months
            return 0.6 * _ramp(months_ago, 2, 30.0)
        return 0.6
    if theme == "sanctions":
        return 1.2 if month >= dt.date(2025, 4, 1) else 0.9
    if theme == "transport":
        rural = 2.0 if region in RURAL else (0.3 if region == "MK01" else 0.8)
        return rural * (_ramp(months_ago, 5, 10.0) if region == "MK18" else 1.0)
    return 1.0


@dataclass(frozen=True)
class PlannedSignal:
    theme: str | None  # None: a one-off note
    region: str
    observed_on: dt.date


def plan(rng: random.Random, count: int, today: dt.date) -> list[PlannedSignal]:
    """`count` (theme, region, day) triples over the last two years, by theme, region and month."""
    first_day = today - dt.timedelta(days=730)
    months = [
        m for m in months_back(today) if m.replace(day=calendar.monthrange(m.year, m.month)[1]) >= first_day
    ]
    cells: list[tuple[str | None, str, dt.date]] = []
    weights: list[float] = []
    for i, month in enumerate(months):
        months_ago = len(months) - 1 - i
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        days = (min(last, today) - max(month, first_day)).days + 1
        share = days / calendar.monthrange(month.year, month.month)[1]
        for region, region_weight in REGION_WEIGHTS.items():
            for spec in THEMES:
                cells.append((spec.key, region, month))
                weights.append(
                    spec.base * region_weight * share * intensity(spec.key, region, month, months_ago)
                )
            cells.append((None, region, month))
            weights.append(region_weight * share)
    topical = [w if c[0] else 0.0 for c, w in zip(cells, weights, strict=True)]
    noise = [w if c[0] is None else 0.0 for c, w in zip(cells, weights, strict=True)]
    off = round(count * OFF_TOPIC_SHARE)
    chosen = rng.choices(cells, weights=topical, k=count - off) + rng.choices(cells, weights=noise, k=off)
    out = []
    for theme, region, month in chosen:
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        start, end = max(month, first_day), min(last, today)
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        out.append(PlannedSignal(theme, region, day))
    out.sort(key=lambda p: (p.observed_on, p.region, p.theme or ""))
    return out


# --- the people and places -----------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    user_id: int | None
    organisation_id: int | None
    municipality_ids: tuple[int, ...]  # the organisation's municipalities in the region
    swedish: bool


@dataclass
class Reference:
    regions: dict[str, int]
    municipalities: dict[str, list[tuple[int, str, str, float]]]  # region -> (pk, fi, sv, weight)
    authors: dict[str, list[Author]]
    target_groups: dict[str, int]
    coordinators: dict[str, int]  # region code -> a regional coordinator's user id

    @classmethod
    def load(cls) -> Reference:
        regions = dict(Region.objects.values_list("code", "pk"))
        code_of = {pk: code for code, pk in regions.items()}
        municipalities: dict[str, list[tuple[int, str, str, float]]] = defaultdict(list)
        region_of_municipality = {}
        for pk, region_id, fi, sv in Municipality.objects.order_by("code").values_list(
            "pk", "region_id", "name_fi", "name_sv"
        ):
            municipalities[code_of[region_id]].append((pk, fi, sv or fi, float(TOWN_WEIGHTS.get(fi, 1))))
            region_of_municipality[pk] = code_of[region_id]
        through: Any = Organisation.regions.through
        org_regions: dict[int, set[str]] = defaultdict(set)
        for org_id, region_id in through.objects.values_list("organisation_id", "region_id"):
            org_regions[org_id].add(code_of[region_id])
        org_municipalities: dict[int, list[int]] = defaultdict(list)
        through = Organisation.municipalities.through
        for org_id, m_id in through.objects.order_by("pk").values_list("organisation_id", "municipality_id"):
            org_municipalities[org_id].append(m_id)
        through = Organisation.languages.through
        swedish = set(through.objects.filter(language__code="sv").values_list("organisation_id", flat=True))
        authors: dict[str, list[Author]] = defaultdict(list)
        people = RoleAssignment.objects.filter(
            role__in=(RoleAssignment.Role.ORGANISATION_MEMBER, RoleAssignment.Role.ORGANISATION_EDITOR),
            organisation__isnull=False,
        ).order_by("user_id", "organisation_id")
        for user_id, org_id in people.values_list("user_id", "organisation_id").distinct():
            regions_of_org = org_regions.get(org_id, set())
            if not 0 < len(regions_of_org) <= 3:  # national organisations: no regional front line
                continue
            for code in sorted(regions_of_org):
                local = tuple(
                    m for m in org_municipalities.get(org_id, []) if region_of_municipality[m] == code
                )
                authors[code].append(Author(user_id, org_id, local, org_id in swedish))
        target_groups = dict(TargetGroup.objects.values_list("slug", "pk"))
        coordinators: dict[str, int] = {}
        for user_id, region_id in (
            RoleAssignment.objects.filter(role=RoleAssignment.Role.REGIONAL_COORDINATOR, region__isnull=False)
            .order_by("pk")
            .values_list("user_id", "region_id")
        ):
            coordinators.setdefault(code_of[region_id], user_id)
        return cls(regions, dict(municipalities), dict(authors), target_groups, coordinators)


# --- building and writing ------------------------------------------------------------------------


@dataclass
class Built:
    signal: Signal
    theme: str | None
    region: str
    target_group_ids: list[int]
    tags: list[str]


def _choose_municipality(
    rng: random.Random, ref: Reference, region: str, author: Author | None, swedish: bool
) -> tuple[int, str, str]:
    options = ref.municipalities[region]
    if swedish:
        options = [m for m in options if m[1] in SWEDISH_MUNICIPALITIES or region == "MK21"] or options
    if author and author.municipality_ids and rng.random() < 0.8:
        local = [m for m in options if m[0] in author.municipality_ids]
        if local:
            pk, fi, sv, _weight = rng.choice(local)
            return pk, fi, sv
    pk, fi, sv, _weight = rng.choices(options, weights=[m[3] for m in options])[0]
    return pk, fi, sv


class Scrubber:
    """Scrubs each distinct text once (composed texts repeat at scale); keeps nothing else."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, str], str] = {}
        self.placeholders = 0

    def __call__(self, text: str, lang: str) -> str:
        key = (text, lang)
        if key not in self._done:
            result = scrubber.scrub(text, lang)
            self._done[key] = result.text
            self.placeholders += sum(result.found.values())
        return self._done[key]


def build(
    rng: random.Random, planned: Sequence[PlannedSignal], ref: Reference, *, scrub: Scrubber | None = None
) -> list[Built]:
    """Signals (unsaved, demo data) for the planned (theme, region, day) triples, texts scrubbed."""
    scrub = scrub or Scrubber()
    out = []
    for p in planned:
        swedish = rng.random() < SWEDISH_SHARE.get(p.region, 0.0)
        lang = "sv" if swedish else "fi"
        pool = ref.authors.get(p.region, [])
        if swedish and pool:
            pool = [a for a in pool if a.swedish] or pool
        author = rng.choice(pool) if pool else None
        entry = Signal.Entry.SINGLE
        user_id = author.user_id if author else None
        organisation_id = author.organisation_id if author else None
        coordinator = ref.coordinators.get(p.region)
        if coordinator and rng.random() < 0.12:  # typed in from a network meeting's flip chart
            entry, user_id, organisation_id = Signal.Entry.BULK, coordinator, None
        municipality_id, fi_name, sv_name = _choose_municipality(rng, ref, p.region, author, swedish)
        spread = rng.choices(("one", "several", "many"), weights=(45, 40, 15))[0]
        text = compose(
            rng,
            p.theme,
            lang,
            spread=spread,
            place_gen=genitive(fi_name),
            place_sv=sv_name,
            personal_data=rng.random() < PERSONAL_DATA_SHARE,
        )
        theme = THEME_BY_KEY.get(p.theme or "")
        groups = ["young-people"]
        if theme:
            groups = [theme.target_groups[0]]
            if rng.random() < 0.4 and len(theme.target_groups) > 1:
                groups.append(rng.choice(theme.target_groups[1:]))
        tags = []
        if theme and rng.random() < 0.55:
            tags = rng.sample(theme.tags, k=min(len(theme.tags), rng.choice((1, 1, 2))))
        signal = Signal(
            text=scrub(text, lang)[:1000],
            language=lang,
            observed_on=p.observed_on,
            municipality_id=municipality_id,
            region_id=ref.regions[p.region],
            spread=spread,
            source=rng.choices(("own", "clients", "partners"), weights=(45, 40, 15))[0],
            author_id=user_id,
            organisation_id=organisation_id,
            entry=entry,
            is_demo=True,
        )
        target_group_ids = [ref.target_groups[g] for g in groups if g in ref.target_groups]
        out.append(Built(signal, p.theme, p.region, target_group_ids, tags))
    return out


def write(
    built: Sequence[Built],
    *,
    today: dt.date,
    rng: random.Random | None = None,
    coordinators: dict[str, int] | None = None,
) -> list[Signal]:
    """Insert the signals with their target groups and tags (inside the caller's transaction).

    With `rng`, creation times follow the observation dates (a day or two later, like a worker
    filing at the end of the week) and the region's coordinator has reviewed signals older than
    three weeks; without, creation is now and nothing is reviewed (benchmark data)."""
    signals = [b.signal for b in built]
    Signal.objects.bulk_create(signals, batch_size=_BATCH)
    names = sorted({t for b in built for t in b.tags})
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    Tag.objects.bulk_create([Tag(name=n) for n in names if n not in existing], batch_size=_BATCH)
    tag_ids = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    through: Any = Signal.target_groups.through
    through.objects.bulk_create(
        [through(signal_id=b.signal.pk, targetgroup_id=g) for b in built for g in b.target_group_ids],
        batch_size=_BATCH * 2,
    )
    through = Signal.tags.through
    through.objects.bulk_create(
        [through(signal_id=b.signal.pk, tag_id=tag_ids[t]) for b in built for t in b.tags],
        batch_size=_BATCH * 2,
    )
    if rng is not None:
        _backdate(built, today, rng, coordinators or {})
    return signals


def _backdate(
    built: Sequence[Built], today: dt.date, rng: random.Random, coordinators: dict[str, int]
) -> None:
    now = timezone.now()
    tz = timezone.get_current_timezone()
    reviewed = []
    for b in built:
        s = b.signal
        filed = s.observed_on + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 6)))
        created = dt.datetime.combine(filed, dt.time(rng.randint(8, 16), rng.randint(0, 59)), tz)
        s.created_at = min(created, now)
        coordinator = coordinators.get(b.region)
        if coordinator and (today - s.observed_on).days > 21 and rng.random() < 0.9:
            s.reviewed_by_id = coordinator
            s.reviewed_at = min(s.created_at + dt.timedelta(days=rng.randint(2, 14)), now)
            reviewed.append(s)
    Signal.objects.bulk_update([b.signal for b in built], ["created_at"], batch_size=500)
    Signal.objects.bulk_update(reviewed, ["reviewed_by", "reviewed_at"], batch_size=500)


# --- after writing: counts, themes, the flow of knowledge ----------------------------------------


def _counts_and_themes(signals: Sequence[Signal]) -> dict[str, Any]:
    # Imported here: both build on the observations app's own modules, loaded only when used.
    from verkosto.observations import keywords, themes

    started = time.perf_counter()
    keywords.record_signals(signals)
    counted = time.perf_counter()
    runs = themes.recompute_all(seed=0)
    finished = time.perf_counter()
    return {
        "runs": len(runs),
        "seconds_keywords": round(counted - started, 2),
        "seconds_themes": round(finished - counted, 2),
    }


def publish_national_themes(*, finnish: int = 5, swedish: int = 1) -> list[Theme]:
    """Publish the largest national themes of each language, so that every worker sees some."""
    published = []
    for lang, count in (("fi", finnish), ("sv", swedish)):
        top = list(
            Theme.objects.filter(region__isnull=True, language=lang, status=Theme.Status.ACTIVE)
            .exclude(signal_count=0)
            .order_by("-signal_count", "pk")[:count]
        )
        for theme in top:
            theme.is_published = True
        Theme.objects.bulk_update(top, ["is_published"])
        published += top
    return published


def _regional_theme_of(built: Sequence[Built], region: str, theme: str) -> Theme | None:
    """The regional theme most of a region's signals of one demo theme were grouped into."""
    ids = [
        b.signal.pk for b in built if b.region == region and b.theme == theme and b.signal.language == "fi"
    ]
    counts = Counter(
        Signal.objects.filter(pk__in=ids, regional_theme__isnull=False).values_list(
            "regional_theme_id", flat=True
        )
    )
    if not counts:
        return None
    theme_id = counts.most_common(1)[0][0]
    return Theme.objects.filter(pk=theme_id, status=Theme.Status.ACTIVE).first()


ESCALATIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "transport",
        "Kulkeminen työpajoille",
        "Kainuussa on viime kuukausina lakkautettu useita linja-autovuoroja. Nyt yhä useampi nuori ei pääse "
        "kyliltä työpajoille eikä koulutukseen: signaaleja on tullut viime kuukausina moninkertaisesti "
        "aiempaan verrattuna. Pyydämme valtakunnallista keskustelua kyyditysten ja matkakorvausten "
        "ratkaisuista harvaan asutuilla alueilla.",
        "",
    ),
    (
        "te_reform",
        "Odotusajat työllisyyspalveluissa",
        "Työllisyyspalvelujen siirryttyä kuntiin 1.1.2025 nuoret odottavat ensimmäistä tapaamista "
        "viikkoja, ja pajajaksojen aloitukset viivästyvät. Sama näkyy kaikissa Kainuun kunnissa.",
        "Kiitos. Sama viesti tulee useasta maakunnasta; asia on työllisyysalueiden yhteistyöryhmän "
        "seuraavan kokouksen asialistalla.",
    ),
)


def escalate_demo_themes(built: Sequence[Built]) -> list[Escalation]:
    """Kainuu's coordinator escalates two regional themes; the national coordinator answers one."""
    coordinator = User.objects.filter(username=COORDINATOR_LOGIN).first()
    region = Region.objects.filter(code="MK18").first()
    if coordinator is None or region is None:
        return []
    national = User.objects.filter(username=NATIONAL_LOGIN).first()
    made = []
    now = timezone.now()
    for theme_key, label, summary, response in ESCALATIONS:
        theme = _regional_theme_of(built, "MK18", theme_key)
        if theme is None or Escalation.objects.filter(theme=theme, region=region).exists():
            continue
        if not theme.custom_label:
            theme.custom_label = label
            theme.summary = summary
            theme.save(update_fields=["custom_label", "summary", "updated_at"])
        escalation = Escalation.objects.create(
            theme=theme, region=region, summary=summary, created_by=coordinator
        )
        if response and national:
            escalation.status = Escalation.Status.ACKNOWLEDGED
            escalation.response = response
            escalation.handled_by = national
            escalation.handled_at = now
            escalation.save(update_fields=["status", "response", "handled_by", "handled_at"])
        ThemeComment.objects.create(
            theme=theme,
            author=coordinator,
            body="Nostettu valtakunnalliseen käsittelyyn; käsitellään myös seuraavassa verkostotapaamisessa.",
        )
        made.append(escalation)
    return made


# --- entry points --------------------------------------------------------------------------------


def signal_counts() -> dict[str, int]:
    demo = Signal.objects.filter(is_demo=True)
    return {
        "signals": demo.count(),
        "swedish": demo.filter(language="sv").count(),
        "regions": demo.values("region").distinct().count(),
        "themes": Theme.objects.filter(status=Theme.Status.ACTIVE).count(),
        "published_themes": Theme.objects.filter(is_published=True).count(),
        "escalations": Escalation.objects.count(),
    }


def load_demo_signals(
    *, seed: int = 2025, today: dt.date | None = None, count: int = DEMO_SIGNALS, themes: bool = True
) -> dict[str, Any]:
    """Load the demo signals once, after the demo networks; does nothing when they exist.

    With `themes`, keyword counts are recorded and themes recomputed, the largest national themes
    published and two Kainuu themes escalated. Returns counts, timings and whether anything was made.
    """
    with translation.override("fi"):
        if Signal.objects.filter(is_demo=True).exists():
            return {**signal_counts(), "created": False}
        started = time.perf_counter()
        today = today or timezone.localdate()
        rng = random.Random(seed)
        ref = Reference.load()
        built = build(rng, plan(rng, count, today), ref)
        with transaction.atomic():
            signals = write(built, today=today, rng=rng, coordinators=ref.coordinators)
            written = time.perf_counter()
            extra: dict[str, Any] = {}
            if themes:
                extra = _counts_and_themes(signals)
                publish_national_themes()
                escalate_demo_themes(built)
        finished = time.perf_counter()
    return {
        **signal_counts(),
        **extra,
        "created": True,
        "seconds": round(finished - started, 2),
        "seconds_write": round(written - started, 2),
    }


def generate_signals(
    *, count: int, seed: int = 1, today: dt.date | None = None, batch: int = 10_000
) -> dict[str, Any]:
    """Add `count` synthetic signals (benchmarks) in every region over the last two years, written in
    batches and scrubbed like the demo's; keyword counts are rebuilt once at the end. Marked as demo
    data like the generated directory; themes are not recomputed (that is what is measured)."""
    from verkosto.observations import keywords

    started, cpu = time.perf_counter(), time.process_time()
    today = today or timezone.localdate()
    rng = random.Random(seed)
    with translation.override("fi"):
        ref = Reference.load()
        planned = plan(rng, count, today)
        scrub = Scrubber()
        timings = {"generate": 0.0, "write": 0.0}
        written = 0
        for start in range(0, len(planned), batch):
            clock = time.perf_counter()
            built = build(rng, planned[start : start + batch], ref, scrub=scrub)
            timings["generate"] += time.perf_counter() - clock
            clock = time.perf_counter()
            with transaction.atomic():
                write(built, today=today)
            timings["write"] += time.perf_counter() - clock
            written += len(built)
        clock = time.perf_counter()
        keyword_rows = keywords.rebuild_keyword_counts()
        timings["keywords"] = time.perf_counter() - clock
    timings["total"] = time.perf_counter() - started
    timings["cpu"] = time.process_time() - cpu  # this process only; the machine may be busy
    return {
        "signals": written,
        "keyword_counts": keyword_rows,
        "seconds": {k: round(v, 2) for k, v in timings.items()},
    }
