"""The real organisations named in the background articles, as plain data for the demo directory.

Names are the organisations' own; the descriptions are short summaries written for this demo from
what the articles say and from what is generally known about each actor. No business IDs (Y-tunnus)
and no real people: the demo loader leaves `business_id` empty for these and invents its contact
people. Websites are listed only where the address is the organisation's long-standing public one.

Each organisation:
    key           stable identifier used by the loader and the tests
    name          {"fi", "sv", "en"}
    kind          an Organisation.Kind value
    municipality  home municipality (Finnish name of a 2025 municipality)
    serves        "municipality" (home only), "region" (home region), "national" (every region),
                  or a list of municipality names (home first)
    description   {"fi", "sv", "en"}
    services      1-3 services: name, description, target_groups (slugs), ways (slugs),
                  languages (codes), ages (min, max) or None, referral, cost
"""

from __future__ import annotations

from typing import Any

FREE = {"fi": "Maksuton.", "sv": "Avgiftsfri.", "en": "Free of charge."}
FREE_FOR_CLIENT = {
    "fi": "Maksuton asiakkaalle; ostopalveluna hinta sopimuksen mukaan.",
    "sv": "Avgiftsfri för klienten; som köpt tjänst enligt avtal.",
    "en": "Free for the client; as a purchased service, priced by agreement.",
}
FREE_FOR_MEMBERS = {
    "fi": "Maksuton jäsenyhteisöille; osa koulutuksista maksullisia.",
    "sv": "Avgiftsfri för medlemsorganisationer; en del utbildningar är avgiftsbelagda.",
    "en": "Free for member organisations; some training is charged for.",
}

YOUTH = (15, 29)
ADULT = (18, None)

REAL_ORGANISATIONS: list[dict[str, Any]] = [
    # --- Kainuu: the partner associations visited in article 5 ------------------------------------
    {
        "key": "kainuun-nuotta",
        "name": {"fi": "Kainuun Nuotta ry", "sv": "Kainuun Nuotta rf", "en": "Kainuun Nuotta ry"},
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "region",
        "website": "https://www.kainuunkylat.fi",
        "state_aid": False,
        "description": {
            "fi": "Kainuun maakunnallinen kylä- ja asukastoiminnan yhdistys. Nuotta tukee kyliä ja "
            "asuinalueita niiden omassa kehittämistyössä ja tarjoaa kylien kautta työtä, "
            "työkokeiluja ja osallistumisen paikkoja myös työttömille kainuulaisille.",
            "sv": "Landskapsförening för by- och invånarverksamhet i Kajanaland. Nuotta stöder byar "
            "och bostadsområden i deras eget utvecklingsarbete och erbjuder via byarna arbete, "
            "arbetsprövning och möjligheter att delta även för arbetslösa.",
            "en": "The regional village and residents' association of Kainuu. Nuotta supports villages "
            "and neighbourhoods in their own development work and, through the villages, offers "
            "jobs, work trials and ways to take part to unemployed people as well.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työtä ja työkokeiluja kylillä",
                    "sv": "Arbete och arbetsprövning i byarna",
                    "en": "Work and work trials in the villages",
                },
                "description": {
                    "fi": "Palkkatuettua työtä ja työkokeiluja kylätaloilla, ympäristönhoidossa ja "
                    "tapahtumissa eri puolilla Kainuuta. Työhön perehdytetään, ja työntekijää tuetaan "
                    "jatkopolun suunnittelussa.",
                    "sv": "Lönesubventionerat arbete och arbetsprövning i bygdegårdar, miljövård och "
                    "evenemang runt om i Kajanaland. Arbetet introduceras och den anställda får stöd "
                    "med att planera nästa steg.",
                    "en": "Wage-subsidised jobs and work trials at village halls, in environmental "
                    "care and at events around Kainuu. New workers are inducted and supported in "
                    "planning their next step.",
                },
                "target_groups": ["long-term-unemployed", "unemployed"],
                "ways": ["workplace", "individual"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista tai TYP:stä; myös oma yhteydenotto.",
                    "sv": "Hänvisning från sysselsättningstjänsterna eller TYP; man kan också ta "
                    "kontakt själv.",
                    "en": "Referral from the employment services or TYP; people may also contact us "
                    "themselves.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Kylien kehittämisneuvonta",
                    "sv": "Rådgivning för byutveckling",
                    "en": "Village development advice",
                },
                "description": {
                    "fi": "Neuvontaa ja koulutusta kyläyhdistyksille: kyläsuunnitelmat, hankkeiden "
                    "valmistelu ja yhteistyö kuntien ja järjestöjen kanssa.",
                    "sv": "Rådgivning och utbildning för byföreningar: byplaner, förberedelse av "
                    "projekt och samarbete med kommuner och organisationer.",
                    "en": "Advice and training for village associations: village plans, preparing "
                    "projects and working with municipalities and NGOs.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi"],
                "ages": None,
                "referral": {
                    "fi": "Yhdistykset ottavat yhteyttä suoraan.",
                    "sv": "Föreningar kontaktar oss direkt.",
                    "en": "Associations contact us directly.",
                },
                "cost": FREE_FOR_MEMBERS,
            },
        ],
    },
    {
        "key": "nakertaja-hetteenmaki",
        "name": {
            "fi": "Nakertaja Hetteenmäen kyläyhdistys ry",
            "sv": "Nakertaja Hetteenmäen kyläyhdistys rf",
            "en": "Nakertaja Hetteenmäki Village Association",
        },
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "municipality",
        "state_aid": False,
        "description": {
            "fi": "Kajaanin Nakertajan ja Hetteenmäen asuinalueen yhdistys. Ylläpitää asukastupaa, "
            "järjestää yhteistä tekemistä ja tarjoaa alueen työttömille työ- ja "
            "työtoimintapaikkoja lähellä kotia.",
            "sv": "Förening för bostadsområdet Nakertaja–Hetteenmäki i Kajana. Driver en invånarstuga, "
            "ordnar gemensam verksamhet och erbjuder arbetslösa i området arbete och "
            "arbetsverksamhet nära hemmet.",
            "en": "The residents' association of the Nakertaja–Hetteenmäki area of Kajaani. It runs a "
            "residents' drop-in, organises shared activities and offers unemployed locals jobs "
            "and work activity close to home.",
        },
        "services": [
            {
                "name": {
                    "fi": "Asukastupa ja arjen tuki",
                    "sv": "Invånarstuga och stöd i vardagen",
                    "en": "Residents' drop-in and everyday support",
                },
                "description": {
                    "fi": "Matalan kynnyksen kohtaamispaikka, jossa voi tavata naapureita, saada "
                    "apua arjen asioihin ja osallistua ryhmiin. Kaikki alueen asukkaat ovat "
                    "tervetulleita.",
                    "sv": "En lågtröskelmötesplats där man kan träffa grannar, få hjälp med "
                    "vardagsärenden och delta i grupper. Alla invånare i området är välkomna.",
                    "en": "A low-threshold meeting place to meet neighbours, get help with everyday "
                    "matters and join groups. Everyone living in the area is welcome.",
                },
                "target_groups": ["long-term-unemployed", "immigrants"],
                "ways": ["group"],
                "languages": ["fi", "fi-x-selko"],
                "ages": None,
                "referral": {
                    "fi": "Ei ohjausta; tule paikan päälle aukioloaikoina.",
                    "sv": "Ingen remiss; kom på plats under öppettiderna.",
                    "en": "No referral; just drop in during opening hours.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Kuntouttava työtoiminta ja palkkatukityö",
                    "sv": "Arbetsverksamhet i rehabiliteringssyfte och lönesubventionerat arbete",
                    "en": "Rehabilitative work activity and wage-subsidised work",
                },
                "description": {
                    "fi": "Työtehtäviä asukastuvalla, keittiössä ja pihapiirissä. Päivien rytmi ja "
                    "työyhteisö tukevat toimintakykyä ja valmistavat kohti työelämää.",
                    "sv": "Arbetsuppgifter i invånarstugan, i köket och på gården. Dagsrytmen och "
                    "arbetsgemenskapen stärker funktionsförmågan och förbereder för arbetslivet.",
                    "en": "Tasks in the drop-in, the kitchen and the yard. A daily rhythm and a work "
                    "community build up functional capacity and prepare for working life.",
                },
                "target_groups": ["long-term-unemployed", "partial-work-ability"],
                "ways": ["workplace", "group"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Kuntouttavaan työtoimintaan ohjaa hyvinvointialueen sosiaalityö; "
                    "palkkatukityöhön työllisyyspalvelut.",
                    "sv": "Till arbetsverksamhet i rehabiliteringssyfte hänvisar välfärdsområdets "
                    "socialarbete; till lönesubventionerat arbete sysselsättningstjänsterna.",
                    "en": "The wellbeing services county's social work refers clients to "
                    "rehabilitative work activity; the employment services to wage-subsidised work.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "etnika-kainuu",
        "name": {"fi": "Etnika Kainuu ry", "sv": "Etnika Kainuu rf", "en": "Etnika Kainuu"},
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "region",
        "state_aid": False,
        "description": {
            "fi": "Kainuun maahanmuuttajien ja monikulttuurisen toiminnan yhdistys. Tukee "
            "kotoutumista vertaistuella, kieliryhmillä ja ohjauksella sekä tuo maahanmuuttajien "
            "ääntä maakunnan järjestöyhteistyöhön.",
            "sv": "Förening för invandrare och mångkulturell verksamhet i Kajanaland. Stöder "
            "integrationen med kamratstöd, språkgrupper och handledning och för fram invandrarnas "
            "röst i landskapets organisationssamarbete.",
            "en": "An association for immigrants and multicultural work in Kainuu. It supports "
            "integration through peer support, language groups and guidance, and brings "
            "immigrants' voices into the region's NGO cooperation.",
        },
        "services": [
            {
                "name": {
                    "fi": "Kotoutumista tukeva kohtaamispaikka",
                    "sv": "Mötesplats som stöder integrationen",
                    "en": "Integration drop-in",
                },
                "description": {
                    "fi": "Suomen kielen keskusteluryhmiä, apua asiointiin ja lomakkeisiin sekä "
                    "vertaistukea maahanmuuttajille ja heidän perheilleen.",
                    "sv": "Samtalsgrupper i finska, hjälp med ärenden och blanketter samt kamratstöd "
                    "för invandrare och deras familjer.",
                    "en": "Finnish conversation groups, help with official errands and forms, and "
                    "peer support for immigrants and their families.",
                },
                "target_groups": ["immigrants"],
                "ways": ["group", "individual"],
                "languages": ["fi", "en", "ar", "so", "ru", "uk", "fa"],
                "ages": None,
                "referral": {
                    "fi": "Tule paikan päälle tai ota yhteyttä; ammattilaiset voivat ohjata asiakkaita "
                    "suoraan.",
                    "sv": "Kom på plats eller ta kontakt; yrkesverksamma kan hänvisa klienter direkt.",
                    "en": "Drop in or get in touch; professionals may refer clients directly.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Työelämään tutustuminen maahanmuuttajille",
                    "sv": "Bekanta sig med arbetslivet för invandrare",
                    "en": "Getting to know Finnish working life",
                },
                "description": {
                    "fi": "Työnhaun ja työelämän pelisääntöjen ryhmä sekä tuki työkokeilu- ja "
                    "harjoittelupaikan löytämiseen yhdessä työllisyyspalvelujen kanssa.",
                    "sv": "En grupp om jobbsökning och arbetslivets spelregler samt stöd att hitta en "
                    "plats för arbetsprövning eller praktik tillsammans med sysselsättningstjänsterna.",
                    "en": "A group on job seeking and the ground rules of working life, plus help in "
                    "finding a work-trial or placement together with the employment services.",
                },
                "target_groups": ["immigrants", "unemployed"],
                "ways": ["group", "workplace"],
                "languages": ["fi", "en", "ar", "so"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista tai oma yhteydenotto.",
                    "sv": "Hänvisning från sysselsättningstjänsterna eller egen kontakt.",
                    "en": "Referral from the employment services or contact us yourself.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kajaanin-tyovoimayhdistys",
        "name": {
            "fi": "Kajaanin työvoimayhdistys ry",
            "sv": "Kajaanin työvoimayhdistys rf",
            "en": "Kajaani Labour Association",
        },
        "kind": "association",
        "municipality": "Kajaani",
        "serves": ["Kajaani", "Paltamo", "Sotkamo"],
        "state_aid": False,
        "description": {
            "fi": "Kajaanilainen työllistävä yhdistys, joka tarjoaa työttömille työnhakijoille "
            "palkkatuettua työtä, työkokeiluja ja kuntouttavaa työtoimintaa sekä tukea työnhakuun "
            "avoimille työmarkkinoille.",
            "sv": "En sysselsättande förening i Kajana som erbjuder arbetslösa arbetssökande "
            "lönesubventionerat arbete, arbetsprövning och arbetsverksamhet i "
            "rehabiliteringssyfte samt stöd i jobbsökningen till den öppna arbetsmarknaden.",
            "en": "An employing association in Kajaani that offers unemployed jobseekers "
            "wage-subsidised work, work trials and rehabilitative work activity, and helps them "
            "look for work on the open labour market.",
        },
        "services": [
            {
                "name": {
                    "fi": "Palkkatuettu työ ja työkokeilu",
                    "sv": "Lönesubventionerat arbete och arbetsprövning",
                    "en": "Wage-subsidised work and work trials",
                },
                "description": {
                    "fi": "Työtehtäviä mm. kiinteistöhuollossa, kierrätyksessä ja "
                    "asiakaspalvelussa. Työvalmentaja tukee työssä ja kokoaa osaamisesta "
                    "todistuksen.",
                    "sv": "Arbetsuppgifter bl.a. inom fastighetsskötsel, återvinning och "
                    "kundservice. En arbetshandledare stöder i arbetet och sammanställer ett intyg "
                    "över kunnandet.",
                    "en": "Tasks in property maintenance, recycling and customer service, among "
                    "others. A work coach supports you on the job and documents the skills gained.",
                },
                "target_groups": ["long-term-unemployed", "unemployed", "partial-work-ability"],
                "ways": ["workplace", "individual"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista; kysy myös suoraan vapaista paikoista.",
                    "sv": "Hänvisning från sysselsättningstjänsterna; fråga också direkt om lediga platser.",
                    "en": "Referral from the employment services; you may also ask us directly about "
                    "open places.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Työnhaun tuki",
                    "sv": "Stöd i jobbsökningen",
                    "en": "Job-search support",
                },
                "description": {
                    "fi": "Yksilöllistä apua CV:n ja hakemusten tekemiseen, työpaikkojen "
                    "etsimiseen ja haastatteluihin valmistautumiseen.",
                    "sv": "Individuell hjälp med cv och ansökningar, att hitta lediga jobb och att "
                    "förbereda sig för intervjuer.",
                    "en": "One-to-one help with CVs and applications, finding vacancies and "
                    "preparing for interviews.",
                },
                "target_groups": ["unemployed"],
                "ways": ["individual", "remote"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Varaa aika puhelimitse tai tule paikan päälle.",
                    "sv": "Boka tid per telefon eller kom på plats.",
                    "en": "Book a time by phone or drop in.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kapova",
        "name": {"fi": "Kapova ry", "sv": "Kapova rf", "en": "Kapova"},
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "region",
        "website": "https://kapova.fi",
        "state_aid": False,
        "description": {
            "fi": "Kainuun kansanterveys-, potilas- ja vammaisjärjestöjen yhdistys. Kapova on "
            "jäsenjärjestöjensä yhteistyöelin, tarjoaa niille kokoontumistiloja ja järjestää "
            "kaikille kainuulaisille avointa päivätoimintaa.",
            "sv": "Samarbetsförening för folkhälso-, patient- och handikapporganisationer i "
            "Kajanaland. Kapova samordnar sina medlemsorganisationer, erbjuder dem möteslokaler "
            "och ordnar dagverksamhet som är öppen för alla i Kajanaland.",
            "en": "The Kainuu association of public-health, patient and disability organisations. "
            "Kapova coordinates its member organisations, offers them meeting rooms and runs day "
            "activities open to everyone in Kainuu.",
        },
        "services": [
            {
                "name": {
                    "fi": "Avoin päivätoiminta",
                    "sv": "Öppen dagverksamhet",
                    "en": "Open day activities",
                },
                "description": {
                    "fi": "Virkistystä, ryhmiä ja yhdessäoloa arkipäivisin. Toiminta sopii myös "
                    "kuntoutujille ja osatyökykyisille, jotka kaipaavat päivään rytmiä.",
                    "sv": "Rekreation, grupper och samvaro på vardagar. Verksamheten passar också "
                    "rehabiliteringsklienter och personer med partiell arbetsförmåga som behöver "
                    "rytm i vardagen.",
                    "en": "Recreation, groups and company on weekdays. Also suits people in "
                    "rehabilitation and people partially able to work who want rhythm in their day.",
                },
                "target_groups": ["disabled", "substance-mental-health", "partial-work-ability"],
                "ways": ["group"],
                "languages": ["fi", "fi-x-selko"],
                "ages": None,
                "referral": {
                    "fi": "Ei ohjausta; tule mukaan.",
                    "sv": "Ingen remiss; kom med.",
                    "en": "No referral needed; just come along.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Järjestöjen yhteistyö ja kokoontumistilat",
                    "sv": "Organisationssamarbete och möteslokaler",
                    "en": "NGO cooperation and meeting rooms",
                },
                "description": {
                    "fi": "Jäsenjärjestöjen yhteiset tapahtumat, tiedonvälitys ja edullisia "
                    "kokoontumistiloja yhdistyksille.",
                    "sv": "Gemensamma evenemang och information för medlemsorganisationerna samt "
                    "förmånliga möteslokaler för föreningar.",
                    "en": "Joint events and information for member organisations, and low-cost "
                    "meeting rooms for associations.",
                },
                "target_groups": ["professionals"],
                "ways": ["group"],
                "languages": ["fi"],
                "ages": None,
                "referral": {
                    "fi": "Yhdistykset ottavat yhteyttä suoraan.",
                    "sv": "Föreningar kontaktar oss direkt.",
                    "en": "Associations contact us directly.",
                },
                "cost": {
                    "fi": "Tiloista peritään käyttökorvaus.",
                    "sv": "För lokalerna tas en användningsavgift ut.",
                    "en": "A usage fee is charged for the rooms.",
                },
            },
        ],
    },
    {
        "key": "spartak-kajaani",
        "name": {"fi": "Spartak Kajaani ry", "sv": "Spartak Kajaani rf", "en": "Spartak Kajaani"},
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "region",
        "website": "https://www.spartakkajaani.com",
        "state_aid": False,
        "description": {
            "fi": "Kajaanilainen yhdistys, joka tekee ennaltaehkäisevää nuorisotyötä ja "
            "erityisnuorisotyötä. Harrastus-, urheilu- ja pajatoiminta ovat keinoja tukea nuoria "
            "aikuisia, myös päihde- ja rikostaustaisia, kohti arjen hallintaa, opiskelua ja työtä.",
            "sv": "En förening i Kajana som gör förebyggande ungdomsarbete och specialungdomsarbete. "
            "Hobby-, idrotts- och verkstadsverksamhet är sätt att stödja unga vuxna, även med "
            "missbruks- eller brottsbakgrund, mot en fungerande vardag, studier och arbete.",
            "en": "A Kajaani association doing preventive and targeted youth work. Hobbies, sport and "
            "hands-on workshops are its tools for helping young adults, including those with a "
            "substance-use or criminal background, towards everyday control, study and work.",
        },
        "services": [
            {
                "name": {
                    "fi": "Erityisnuorisotyö ja rinnalla kulkeminen",
                    "sv": "Specialungdomsarbete och att gå vid sidan",
                    "en": "Targeted youth work and walking alongside",
                },
                "description": {
                    "fi": "Yksilöllistä tukea 18–29-vuotiaille nuorille aikuisille: asioiden "
                    "hoitamista, vertaistukea ja ohjausta opiskelu- tai työpaikan hakuun. "
                    "Kokemusasiantuntijat mukana työssä.",
                    "sv": "Individuellt stöd för unga vuxna 18–29 år: att sköta ärenden, kamratstöd "
                    "och vägledning till studie- eller arbetsplats. Erfarenhetsexperter deltar i "
                    "arbetet.",
                    "en": "One-to-one support for young adults aged 18–29: sorting out practical "
                    "matters, peer support and guidance towards a study place or job. Experts by "
                    "experience take part in the work.",
                },
                "target_groups": ["young-people", "substance-mental-health", "neet"],
                "ways": ["individual", "outreach"],
                "languages": ["fi"],
                "ages": (18, 29),
                "referral": {
                    "fi": "Nuori voi ottaa itse yhteyttä; myös sosiaalityö, Rikosseuraamuslaitos ja "
                    "etsivä nuorisotyö ohjaavat.",
                    "sv": "Den unga kan själv ta kontakt; även socialarbetet, Brottspåföljdsmyndigheten "
                    "och uppsökande ungdomsarbete hänvisar.",
                    "en": "Young people may contact us themselves; social work, the Criminal "
                    "Sanctions Agency and outreach youth workers also refer.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Harrastus- ja pajatoiminta nuorille",
                    "sv": "Hobby- och verkstadsverksamhet för unga",
                    "en": "Hobby and workshop activities for young people",
                },
                "description": {
                    "fi": "Autotallipaja, bänditoiminta ja matalan kynnyksen liikuntaryhmät. "
                    "Tekemisen kautta vahvistetaan luottamusta omiin kykyihin ja arjen rytmiä.",
                    "sv": "Garageverkstad, bandverksamhet och idrottsgrupper med låg tröskel. Genom "
                    "att göra saker stärks tilliten till den egna förmågan och vardagsrytmen.",
                    "en": "A garage workshop, band activities and low-threshold sports groups. "
                    "Doing things together builds confidence and a daily rhythm.",
                },
                "target_groups": ["young-people"],
                "ways": ["group", "workshop"],
                "languages": ["fi"],
                "ages": YOUTH,
                "referral": {
                    "fi": "Tule mukaan tai ota yhteyttä.",
                    "sv": "Kom med eller ta kontakt.",
                    "en": "Come along or get in touch.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kumppaniksi",
        "name": {"fi": "Kumppaniksi ry", "sv": "Kumppaniksi rf", "en": "Kumppaniksi"},
        "kind": "association",
        "municipality": "Kajaani",
        "serves": "municipality",
        "state_aid": False,
        "description": {
            "fi": "Kajaanilainen yhdistys ja TE-palvelujen sekä kaupungin yhteistyökumppani, joka "
            "tarjoaa työelämän ulkopuolella oleville aikuisille mielekästä tekemistä, "
            "työtoimintaa ja yhteisön tukea.",
            "sv": "En förening i Kajana och samarbetspartner till sysselsättningstjänsterna och "
            "staden, som erbjuder vuxna utanför arbetslivet meningsfull sysselsättning, "
            "arbetsverksamhet och stöd från en gemenskap.",
            "en": "A Kajaani association and partner of the employment services and the city, "
            "offering adults outside working life meaningful things to do, work activity and the "
            "support of a community.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työtoiminta ja yhteisöllinen tuki",
                    "sv": "Arbetsverksamhet och gemenskapsstöd",
                    "en": "Work activity and community support",
                },
                "description": {
                    "fi": "Käytännön työtehtäviä pienissä ryhmissä ohjaajan tuella. Tavoitteena "
                    "toimintakyvyn vahvistuminen ja seuraava askel kohti työtä tai koulutusta.",
                    "sv": "Praktiska arbetsuppgifter i små grupper med stöd av en handledare. Målet "
                    "är bättre funktionsförmåga och nästa steg mot arbete eller utbildning.",
                    "en": "Practical tasks in small groups with an instructor's support, aiming at "
                    "stronger functional capacity and a next step towards work or training.",
                },
                "target_groups": ["long-term-unemployed", "partial-work-ability"],
                "ways": ["group", "workshop"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista tai hyvinvointialueen sosiaalityöstä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna eller välfärdsområdets socialarbete.",
                    "en": "Referral from the employment services or the wellbeing services county's "
                    "social work.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "klubitalo-tonari",
        "name": {
            "fi": "Nuorten ystävien Klubitalo Tönäri",
            "sv": "Nuorten Ystävät klubbhus Tönäri",
            "en": "Nuorten Ystävät Clubhouse Tönäri",
        },
        "kind": "social_health",
        "municipality": "Kajaani",
        "serves": "region",
        "state_aid": False,
        "description": {
            "fi": "Kansainväliseen klubitalomalliin perustuva yhteisö Kajaanissa. Jäsenet ovat "
            "aikuisia, jotka kaipaavat tukea arkeen, opiskeluun tai työelämään, usein "
            "mielenterveyden haasteiden jälkeen. Jäsenyys on vapaaehtoista ja maksutonta.",
            "sv": "En gemenskap i Kajana som bygger på den internationella klubbhusmodellen. "
            "Medlemmarna är vuxna som behöver stöd i vardagen, studierna eller arbetslivet, ofta "
            "efter psykisk ohälsa. Medlemskapet är frivilligt och avgiftsfritt.",
            "en": "A community in Kajaani based on the international Clubhouse model. Members are "
            "adults who want support with everyday life, study or work, often after mental-health "
            "difficulties. Membership is voluntary and free.",
        },
        "services": [
            {
                "name": {
                    "fi": "Klubitalon työpainotteinen päivä",
                    "sv": "Klubbhusets arbetsinriktade dag",
                    "en": "The Clubhouse work-ordered day",
                },
                "description": {
                    "fi": "Jäsenet ja henkilökunta pyörittävät taloa yhdessä: keittiö, toimisto, "
                    "viestintä. Yhteisössä harjoitellaan työ- ja opiskelutaitoja omaan tahtiin.",
                    "sv": "Medlemmar och personal driver huset tillsammans: kök, kontor, "
                    "kommunikation. I gemenskapen övar man arbets- och studiefärdigheter i egen takt.",
                    "en": "Members and staff run the house together: kitchen, office, "
                    "communications. Work and study skills are practised at one's own pace.",
                },
                "target_groups": ["substance-mental-health", "partial-work-ability"],
                "ways": ["group", "workshop"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ei lähetettä; tule tutustumaan.",
                    "sv": "Ingen remiss; kom och bekanta dig.",
                    "en": "No referral; come and have a look.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Tuettu työllistyminen ja siirtymätyö",
                    "sv": "Stödd sysselsättning och övergångsarbete",
                    "en": "Supported employment and transitional employment",
                },
                "description": {
                    "fi": "Tuetun työllistymisen mallin mukaista työhönvalmennusta: työpaikan "
                    "etsiminen yhdessä, työnantajayhteistyö ja tuki työssä pysymiseen.",
                    "sv": "Jobbcoachning enligt modellen för stödd sysselsättning: att tillsammans "
                    "hitta en arbetsplats, samarbete med arbetsgivare och stöd för att stanna kvar i "
                    "arbetet.",
                    "en": "Job coaching following the supported employment model: finding a job "
                    "together, working with employers and support for staying in work.",
                },
                "target_groups": ["substance-mental-health", "partial-work-ability", "employers"],
                "ways": ["individual", "workplace"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Klubitalon jäsenille; jäseneksi voi liittyä itse.",
                    "sv": "För klubbhusets medlemmar; man kan själv bli medlem.",
                    "en": "For Clubhouse members; anyone may join.",
                },
                "cost": FREE,
            },
        ],
    },
    # --- Youth workshops and foundations from article 1 ------------------------------------------
    {
        "key": "arpeeti",
        "name": {
            "fi": "Kyrönmaan työpaja Arpeeti",
            "sv": "Kyrönmaan työpaja Arpeeti",
            "en": "Arpeeti Youth Workshop, Kyrönmaa",
        },
        "kind": "youth_workshop",
        "municipality": "Vaasa",
        "serves": ["Vaasa", "Laihia", "Isokyrö"],
        "state_aid": True,
        "description": {
            "fi": "Vaasan kaupungin ylläpitämä nuorten työpaja Vähäkyrössä, Kyrönmaan alueella. "
            "Puu-, kiinteistö- ja palvelutöiden lisäksi Arpeeti tarjoaa yksilövalmennusta ja "
            "tukee nuoria koulutukseen ja työhön.",
            "sv": "En ungdomsverkstad i Lillkyro, Kyroland, som drivs av Vasa stad. Utöver trä-, "
            "fastighets- och servicearbete erbjuder Arpeeti individuell coachning och stöder unga "
            "mot utbildning och arbete.",
            "en": "A youth workshop in Vähäkyrö in the Kyrönmaa area, run by the City of Vaasa. "
            "Besides woodwork, property and service tasks, Arpeeti offers personal coaching and "
            "helps young people into training and work.",
        },
        "services": [
            {
                "name": {
                    "fi": "Nuorten työpajajakso",
                    "sv": "Verkstadsperiod för unga",
                    "en": "Youth workshop period",
                },
                "description": {
                    "fi": "Työpajajakso puupajalla tai palvelutehtävissä työvalmentajan ohjauksessa. "
                    "Jakson aikana harjoitellaan työelämätaitoja ja suunnitellaan jatkoa.",
                    "sv": "En verkstadsperiod i snickeriet eller i serviceuppgifter under ledning av "
                    "en arbetshandledare. Under perioden övas arbetslivsfärdigheter och nästa steg "
                    "planeras.",
                    "en": "A workshop period in the wood workshop or in service tasks, led by a work "
                    "coach. Working-life skills are practised and the next step is planned.",
                },
                "target_groups": ["young-people", "neet"],
                "ways": ["workshop", "individual"],
                "languages": ["fi"],
                "ages": YOUTH,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista, etsivästä nuorisotyöstä tai oppilaitoksesta; "
                    "nuori voi myös ottaa itse yhteyttä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna, uppsökande ungdomsarbete eller "
                    "läroanstalten; den unga kan också själv ta kontakt.",
                    "en": "Referral from the employment services, outreach youth work or a school; "
                    "young people may also contact us themselves.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Yksilövalmennus",
                    "sv": "Individuell coachning",
                    "en": "Personal coaching",
                },
                "description": {
                    "fi": "Henkilökohtaista tukea arjen hallintaan, opiskelun aloittamiseen ja "
                    "työnhakuun. Tapaamiset sovitaan nuoren tarpeen mukaan.",
                    "sv": "Personligt stöd med vardagen, att börja studera och att söka arbete. "
                    "Träffarna ordnas enligt den ungas behov.",
                    "en": "Personal support with everyday life, starting studies and looking for "
                    "work. Meetings are arranged as the young person needs.",
                },
                "target_groups": ["young-people", "neet"],
                "ways": ["individual"],
                "languages": ["fi", "sv"],
                "ages": YOUTH,
                "referral": {
                    "fi": "Ota yhteyttä työpajalle.",
                    "sv": "Kontakta verkstaden.",
                    "en": "Contact the workshop.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kaarinan-pajamestarit",
        "name": {
            "fi": "Kaarinan Pajamestarit ry",
            "sv": "Kaarinan Pajamestarit rf",
            "en": "Kaarinan Pajamestarit",
        },
        "kind": "youth_workshop",
        "municipality": "Kaarina",
        "serves": ["Kaarina", "Turku", "Lieto", "Paimio"],
        "state_aid": True,
        "description": {
            "fi": "Kaarinalainen työpajayhdistys, joka valmentaa nuoria ja aikuisia työpajoilla "
            "kohti koulutusta ja työtä. Aktiivinen Varsinais-Suomen työpajaverkostossa ja "
            "työpajojen edunvalvonnassa.",
            "sv": "En verkstadsförening i S:t Karins som med hjälp av verkstäder coachar unga och "
            "vuxna mot utbildning och arbete. Aktiv i verkstadsnätverket i Egentliga Finland och "
            "i verkstädernas intressebevakning.",
            "en": "A workshop association in Kaarina that coaches young people and adults towards "
            "training and work. Active in the Southwest Finland workshop network and in advocacy "
            "for workshops.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työpajavalmennus",
                    "sv": "Verkstadscoachning",
                    "en": "Workshop coaching",
                },
                "description": {
                    "fi": "Valmennusta puu-, metalli- ja kierrätyspajoilla. Työvalmentaja ja "
                    "yksilövalmentaja tukevat tavoitteiden asettamisessa ja jatkopolulla.",
                    "sv": "Coachning i trä-, metall- och återvinningsverkstäder. En arbetshandledare "
                    "och en individuell coach stöder i att sätta mål och hitta nästa steg.",
                    "en": "Coaching in wood, metal and recycling workshops. A work coach and a "
                    "personal coach help set goals and find the next step.",
                },
                "target_groups": ["young-people", "neet", "long-term-unemployed"],
                "ways": ["workshop", "individual"],
                "languages": ["fi"],
                "ages": (16, None),
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista, sosiaalityöstä tai etsivästä nuorisotyöstä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna, socialarbetet eller uppsökande "
                    "ungdomsarbete.",
                    "en": "Referral from the employment services, social work or outreach youth work.",
                },
                "cost": FREE_FOR_CLIENT,
            },
            {
                "name": {
                    "fi": "Opinnollistaminen ja osaamisen tunnistaminen",
                    "sv": "Att göra arbete till studier och identifiera kunnande",
                    "en": "Recognising skills learned at the workshop",
                },
                "description": {
                    "fi": "Työpajalla opittu kirjataan tutkinnon osien mukaisesti yhteistyössä "
                    "oppilaitosten kanssa, jolloin osaaminen voidaan tunnustaa opinnoissa.",
                    "sv": "Det man lärt sig i verkstaden dokumenteras enligt examensdelar i samarbete "
                    "med läroanstalter, så att kunnandet kan erkännas i studierna.",
                    "en": "What is learned at the workshop is documented against vocational "
                    "qualification units with colleges, so the skills can be credited in studies.",
                },
                "target_groups": ["young-people", "students"],
                "ways": ["workshop"],
                "languages": ["fi"],
                "ages": YOUTH,
                "referral": {
                    "fi": "Sovitaan työpajajakson aikana.",
                    "sv": "Avtalas under verkstadsperioden.",
                    "en": "Agreed during the workshop period.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "raina-saatio",
        "name": {"fi": "Raina-säätiö", "sv": "Raina-stiftelsen", "en": "Raina Foundation"},
        "kind": "foundation",
        "municipality": "Raisio",
        "serves": ["Raisio", "Naantali", "Turku"],
        "state_aid": False,
        "description": {
            "fi": "Turun seudulla toimiva säätiö, joka on vuosikymmenten ajan tukenut "
            "vaikeasti työllistyviä ja osatyökykyisiä työhön. Palveluihin kuuluvat "
            "työhönvalmennus, työtoiminta ja työkyvyn arviointi.",
            "sv": "En stiftelse i Åboregionen som i årtionden har stött personer med svag ställning "
            "på arbetsmarknaden och partiell arbetsförmåga till arbete. Tjänsterna omfattar "
            "jobbcoachning, arbetsverksamhet och bedömning av arbetsförmågan.",
            "en": "A foundation in the Turku region that has for decades helped people who find it "
            "hard to get work, and people partially able to work, into jobs. Services include job "
            "coaching, work activity and work-ability assessment.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työhönvalmennus osatyökykyisille",
                    "sv": "Jobbcoachning för personer med partiell arbetsförmåga",
                    "en": "Job coaching for people partially able to work",
                },
                "description": {
                    "fi": "Työhönvalmentaja etsii yhdessä asiakkaan kanssa sopivan työpaikan, "
                    "sopii työnantajan kanssa työn mukautuksista ja tukee alkuvaiheessa työpaikalla.",
                    "sv": "En jobbcoach söker tillsammans med klienten en lämplig arbetsplats, kommer "
                    "överens med arbetsgivaren om anpassningar och ger stöd på arbetsplatsen i början.",
                    "en": "A job coach finds a suitable workplace together with the client, agrees "
                    "adjustments with the employer and gives on-site support at the start.",
                },
                "target_groups": ["partial-work-ability", "disabled", "employers"],
                "ways": ["individual", "workplace"],
                "languages": ["fi", "sv"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista, Kelasta tai hyvinvointialueelta.",
                    "sv": "Hänvisning från sysselsättningstjänsterna, FPA eller välfärdsområdet.",
                    "en": "Referral from the employment services, Kela or the wellbeing services county.",
                },
                "cost": FREE_FOR_CLIENT,
            },
            {
                "name": {
                    "fi": "Työ- ja toimintakyvyn arviointi",
                    "sv": "Bedömning av arbets- och funktionsförmåga",
                    "en": "Work and functional capacity assessment",
                },
                "description": {
                    "fi": "Käytännön työtehtävissä tehtävä arviointijakso, jonka tuloksena "
                    "laaditaan kirjallinen arvio ja suositus jatkosta.",
                    "sv": "En bedömningsperiod i praktiska arbetsuppgifter som resulterar i ett "
                    "skriftligt utlåtande och en rekommendation om fortsättningen.",
                    "en": "An assessment period in practical work tasks, ending in a written "
                    "assessment and a recommendation for next steps.",
                },
                "target_groups": ["partial-work-ability", "long-term-unemployed"],
                "ways": ["workshop", "individual"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ostopalveluna työllisyyspalveluilta tai hyvinvointialueelta.",
                    "sv": "Som köpt tjänst från sysselsättningstjänsterna eller välfärdsområdet.",
                    "en": "Purchased by the employment services or the wellbeing services county.",
                },
                "cost": FREE_FOR_CLIENT,
            },
        ],
    },
    {
        "key": "omnian-tyopajat",
        "name": {
            "fi": "Espoon Omnian työpajat",
            "sv": "Omnias verkstäder i Esbo",
            "en": "Omnia Youth Workshops, Espoo",
        },
        "kind": "youth_workshop",
        "municipality": "Espoo",
        "serves": ["Espoo", "Kauniainen", "Kirkkonummi"],
        "website": "https://www.omnia.fi",
        "state_aid": True,
        "description": {
            "fi": "Koulutuskuntayhtymä Omnian nuorten työpajat Espoossa. Pajoilla on mm. "
            "tekstiili-, media-, kahvila- ja kiinteistötöitä, ja työpajalla voi suorittaa "
            "ammatillisten tutkintojen osia.",
            "sv": "Utbildningssamkommunen Omnias ungdomsverkstäder i Esbo. Verkstäderna har bl.a. "
            "textil-, medie-, café- och fastighetsarbete, och man kan avlägga delar av "
            "yrkesinriktade examina i verkstaden.",
            "en": "The youth workshops of the Omnia education consortium in Espoo, with textile, "
            "media, café and property work among others; parts of vocational qualifications can "
            "be completed at the workshop.",
        },
        "services": [
            {
                "name": {
                    "fi": "Nuorten työpajat",
                    "sv": "Ungdomsverkstäder",
                    "en": "Youth workshops",
                },
                "description": {
                    "fi": "Työpajajakso oikeissa töissä: tekstiili, media, kahvila tai "
                    "kiinteistöhuolto. Työvalmentaja ohjaa, yksilövalmentaja tukee arjessa.",
                    "sv": "En verkstadsperiod i riktigt arbete: textil, media, café eller "
                    "fastighetsskötsel. En arbetshandledare leder, en individuell coach stöder i "
                    "vardagen.",
                    "en": "A workshop period in real work: textiles, media, café or property "
                    "maintenance. A work coach instructs; a personal coach supports everyday life.",
                },
                "target_groups": ["young-people", "neet"],
                "ways": ["workshop", "individual", "group"],
                "languages": ["fi", "en"],
                "ages": (16, 29),
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista, Ohjaamosta tai etsivästä nuorisotyöstä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna, Ohjaamo eller uppsökande "
                    "ungdomsarbete.",
                    "en": "Referral from the employment services, Ohjaamo or outreach youth work.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Tutkinnon osia työpajalla",
                    "sv": "Examensdelar i verkstaden",
                    "en": "Qualification units at the workshop",
                },
                "description": {
                    "fi": "Omnian opiskelija voi suorittaa tutkinnon osia työpajalla, kun "
                    "oppilaitosympäristö ei sovi. Osaaminen osoitetaan näytöllä.",
                    "sv": "En studerande vid Omnia kan avlägga examensdelar i verkstaden när "
                    "skolmiljön inte passar. Kunnandet visas i ett yrkesprov.",
                    "en": "Omnia students can complete qualification units at the workshop when a "
                    "classroom does not suit them; skills are shown in a skills demonstration.",
                },
                "target_groups": ["students", "young-people"],
                "ways": ["workshop"],
                "languages": ["fi"],
                "ages": (16, 29),
                "referral": {
                    "fi": "Sovitaan opinto-ohjaajan kanssa.",
                    "sv": "Avtalas med studiehandledaren.",
                    "en": "Arranged with your study counsellor.",
                },
                "cost": FREE,
            },
        ],
    },
    # --- National and regional actors (articles 1-4) ---------------------------------------------
    {
        "key": "kiipula",
        "name": {"fi": "Kiipula", "sv": "Kiipula", "en": "Kiipula"},
        "kind": "foundation",
        "municipality": "Janakkala",
        "serves": ["Janakkala", "Hämeenlinna", "Lahti", "Tampere", "Nokia"],
        "website": "https://www.kiipula.fi",
        "state_aid": False,
        "description": {
            "fi": "Kiipulasäätiön koulutus- ja kuntoutuspalvelut. Kiipula järjestää vaativan "
            "erityisen tuen ammatillista koulutusta, kuntoutusta ja työllistymistä tukevia "
            "palveluja Hämeessä ja Pirkanmaalla.",
            "sv": "Kiipulastiftelsens utbildnings- och rehabiliteringstjänster. Kiipula ordnar "
            "yrkesutbildning med krävande särskilt stöd, rehabilitering och tjänster som stöder "
            "sysselsättning i Tavastland och Birkaland.",
            "en": "The training and rehabilitation services of the Kiipula Foundation: vocational "
            "education with demanding special support, rehabilitation and employment support in "
            "Häme and Pirkanmaa.",
        },
        "services": [
            {
                "name": {
                    "fi": "Valmentava koulutus ja vaativa erityinen tuki",
                    "sv": "Handledande utbildning och krävande särskilt stöd",
                    "en": "Preparatory education with demanding special support",
                },
                "description": {
                    "fi": "TUVA- ja TELMA-koulutus sekä ammatilliset perustutkinnot opiskelijoille, "
                    "jotka tarvitsevat paljon tukea oppimiseen ja arkeen.",
                    "sv": "Utbildning som handleder för examensutbildning (Hux) och för arbete och "
                    "självständigt liv samt yrkesinriktade grundexamina för studerande som behöver "
                    "mycket stöd.",
                    "en": "Preparatory programmes (TUVA, TELMA) and vocational qualifications for "
                    "students who need a great deal of support in learning and everyday life.",
                },
                "target_groups": ["students", "disabled", "young-people"],
                "ways": ["group", "individual"],
                "languages": ["fi", "fi-x-selko"],
                "ages": (16, None),
                "referral": {
                    "fi": "Haku yhteishaussa tai jatkuvassa haussa.",
                    "sv": "Ansökan i den gemensamma ansökan eller i den kontinuerliga ansökan.",
                    "en": "Apply through the joint application or continuous application.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Täsmätyö ja työllistymisen tuki",
                    "sv": "Precisionsarbete och stöd till sysselsättning",
                    "en": "Tailored jobs and employment support",
                },
                "description": {
                    "fi": "Osatyökykyisten työllistymistä tukeva valmennus: työkyvyn arviointi, "
                    "työtehtävien räätälöinti ja yhteistyö työnantajien ja oppilaitosten kanssa.",
                    "sv": "Coachning för personer med partiell arbetsförmåga: bedömning av "
                    "arbetsförmågan, skräddarsydda arbetsuppgifter och samarbete med arbetsgivare "
                    "och läroanstalter.",
                    "en": "Coaching for people partially able to work: work-ability assessment, "
                    "job carving and cooperation with employers and colleges.",
                },
                "target_groups": ["partial-work-ability", "employers", "students"],
                "ways": ["individual", "workplace"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista tai oppilaitoksesta.",
                    "sv": "Hänvisning från sysselsättningstjänsterna eller läroanstalten.",
                    "en": "Referral from the employment services or a college.",
                },
                "cost": FREE_FOR_CLIENT,
            },
        ],
    },
    {
        "key": "vates",
        "name": {"fi": "Vates-säätiö", "sv": "Vates-stiftelsen", "en": "Vates Foundation"},
        "kind": "foundation",
        "municipality": "Helsinki",
        "serves": "national",
        "website": "https://www.vates.fi",
        "state_aid": False,
        "description": {
            "fi": "Valtakunnallinen asiantuntijaorganisaatio, joka edistää vammaisten ja "
            "osatyökykyisten työllistymistä. Vates kokoaa työllisyystoimijoita alueellisiin "
            "verkostoihin ja koordinoi työhönvalmennuksen kehittämistä.",
            "sv": "En riksomfattande expertorganisation som främjar sysselsättningen för personer "
            "med funktionsnedsättning och partiell arbetsförmåga. Vates samlar "
            "sysselsättningsaktörer i regionala nätverk och samordnar utvecklingen av "
            "jobbcoachningen.",
            "en": "A national expert organisation promoting the employment of disabled people and "
            "people partially able to work. Vates brings employment actors together in regional "
            "networks and coordinates the development of job coaching.",
        },
        "services": [
            {
                "name": {
                    "fi": "Aluetoiminta työllisyystoimijoille",
                    "sv": "Regional verksamhet för sysselsättningsaktörer",
                    "en": "Regional activity for employment actors",
                },
                "description": {
                    "fi": "Maakunnallisia verkostotilaisuuksia, webinaareja ja koulutusta "
                    "järjestöille, kunnille ja työllisyyspalveluille. Tavoitteena yhteistyö ja "
                    "hyvien käytäntöjen jakaminen yli sektorirajojen.",
                    "sv": "Landskapsvisa nätverksträffar, webbinarier och utbildning för "
                    "organisationer, kommuner och sysselsättningstjänster. Målet är samarbete och "
                    "att dela goda praxis över sektorsgränserna.",
                    "en": "Regional network events, webinars and training for NGOs, municipalities "
                    "and employment services, to build cooperation and share good practice across "
                    "sectors.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi", "sv"],
                "ages": None,
                "referral": {
                    "fi": "Ilmoittaudu tilaisuuksiin verkkosivuilla.",
                    "sv": "Anmäl dig till evenemangen på webbplatsen.",
                    "en": "Sign up for events on the website.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Työhönvalmennuksen kehittämisryhmä",
                    "sv": "Utvecklingsgruppen för jobbcoachning",
                    "en": "Job coaching development group",
                },
                "description": {
                    "fi": "Valtakunnallinen vertaisryhmä työhönvalmentajille: teemapäivät, "
                    "ajankohtaiset lakimuutokset ja työnantajayhteistyön menetelmät.",
                    "sv": "En riksomfattande kamratgrupp för jobbcoacher: temadagar, aktuella "
                    "lagändringar och metoder för samarbete med arbetsgivare.",
                    "en": "A national peer group for job coaches: theme days, current changes in "
                    "legislation and methods for working with employers.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi"],
                "ages": None,
                "referral": {
                    "fi": "Ota yhteyttä Vatesiin.",
                    "sv": "Kontakta Vates.",
                    "en": "Contact Vates.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "tpy",
        "name": {
            "fi": "Valtakunnallinen työpajayhdistys ry",
            "sv": "Valtakunnallinen työpajayhdistys rf",
            "en": "National Workshop Association (TPY)",
        },
        "kind": "association",
        "municipality": "Helsinki",
        "serves": "national",
        "website": "https://www.tpy.fi",
        "state_aid": True,
        "description": {
            "fi": "Työpajatoimijoiden valtakunnallinen yhdistys ja työpajatoiminnan "
            "osaamiskeskus (TPY). Koordinoi työpajojen alueellisia ALU-verkostoja, kouluttaa "
            "työpajojen henkilöstöä ja tekee edunvalvontaa.",
            "sv": "Den riksomfattande föreningen för verkstadsaktörer och kompetenscentrum för "
            "verkstadsverksamhet (TPY). Samordnar verkstädernas regionala ALU-nätverk, utbildar "
            "personalen och bevakar verkstädernas intressen.",
            "en": "The national association of workshop organisations and the centre of expertise "
            "for youth workshops (TPY). It coordinates the workshops' regional ALU networks, trains "
            "workshop staff and advocates for the sector.",
        },
        "services": [
            {
                "name": {
                    "fi": "ALU-verkostot: työpajojen alueellinen verkostotoiminta",
                    "sv": "ALU-nätverken: verkstädernas regionala nätverk",
                    "en": "ALU networks: regional networks of youth workshops",
                },
                "description": {
                    "fi": "Alueelliset verkostot ja koordinaattorit kokoavat työpajat yhteen "
                    "vertaistukeen, kehittämiseen ja vaikuttamistyöhön. Myös ruotsin- ja "
                    "kaksikielisillä työpajoilla on oma verkostonsa.",
                    "sv": "Regionala nätverk och koordinatorer samlar verkstäderna för kamratstöd, "
                    "utveckling och påverkansarbete. Svensk- och tvåspråkiga verkstäder har ett eget "
                    "nätverk.",
                    "en": "Regional networks and coordinators bring workshops together for peer "
                    "support, development and advocacy. Swedish-speaking and bilingual workshops "
                    "have a network of their own.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi", "sv"],
                "ages": None,
                "referral": {
                    "fi": "Jäsenorganisaatioille; ota yhteyttä oman alueesi koordinaattoriin.",
                    "sv": "För medlemsorganisationer; kontakta koordinatorn i din region.",
                    "en": "For member organisations; contact your region's coordinator.",
                },
                "cost": FREE_FOR_MEMBERS,
            },
            {
                "name": {
                    "fi": "Koulutus työpajojen henkilöstölle",
                    "sv": "Utbildning för verkstädernas personal",
                    "en": "Training for workshop staff",
                },
                "description": {
                    "fi": "Koulutuksia työvalmentajille, yksilövalmentajille ja esihenkilöille: "
                    "valmennuksen menetelmät, opinnollistaminen ja vaikuttavuuden osoittaminen.",
                    "sv": "Utbildningar för arbetshandledare, individuella coacher och chefer: "
                    "coachningsmetoder, att göra arbete till studier och att visa effekter.",
                    "en": "Courses for work coaches, personal coaches and managers: coaching "
                    "methods, recognising learning and showing impact.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi"],
                "ages": None,
                "referral": {
                    "fi": "Ilmoittautuminen koulutuskalenterin kautta.",
                    "sv": "Anmälan via utbildningskalendern.",
                    "en": "Sign up through the training calendar.",
                },
                "cost": FREE_FOR_MEMBERS,
            },
        ],
    },
    {
        "key": "etsivan-osaamiskeskus",
        "name": {
            "fi": "Etsivän nuorisotyön osaamiskeskus",
            "sv": "Kompetenscentret för uppsökande ungdomsarbete",
            "en": "Centre of Expertise for Outreach Youth Work",
        },
        "kind": "outreach_youth_work",
        "municipality": "Helsinki",
        "serves": "national",
        "state_aid": True,
        "description": {
            "fi": "Valtakunnallinen nuorisotyön osaamiskeskus, joka tukee etsivää nuorisotyötä "
            "koko maassa: alueelliset verkostot, koulutus, tutkimustieto ja menetelmien "
            "kehittäminen.",
            "sv": "Ett riksomfattande kompetenscentrum för ungdomsarbete som stöder det uppsökande "
            "ungdomsarbetet i hela landet: regionala nätverk, utbildning, forskningsdata och "
            "metodutveckling.",
            "en": "A national centre of expertise supporting outreach youth work across Finland: "
            "regional networks, training, research-based knowledge and method development.",
        },
        "services": [
            {
                "name": {
                    "fi": "Etsivän nuorisotyön alueelliset verkostot",
                    "sv": "Regionala nätverk för uppsökande ungdomsarbete",
                    "en": "Regional outreach youth work networks",
                },
                "description": {
                    "fi": "Alueelliset koordinaattorit kokoavat etsivät nuorisotyöntekijät "
                    "vertaistukeen ja yhteiseen kehittämiseen sekä välittävät tietoa alueiden ja "
                    "valtakunnan tason välillä.",
                    "sv": "Regionala koordinatorer samlar uppsökande ungdomsarbetare för kamratstöd "
                    "och gemensam utveckling och förmedlar information mellan regionerna och den "
                    "nationella nivån.",
                    "en": "Regional coordinators bring outreach youth workers together for peer "
                    "support and joint development, and pass knowledge between the regions and the "
                    "national level.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi", "sv"],
                "ages": None,
                "referral": {
                    "fi": "Etsivän nuorisotyön tekijöille; ota yhteyttä alueesi koordinaattoriin.",
                    "sv": "För uppsökande ungdomsarbetare; kontakta koordinatorn i din region.",
                    "en": "For outreach youth workers; contact your region's coordinator.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Perehdytys ja koulutus etsiville",
                    "sv": "Introduktion och utbildning för uppsökande arbetare",
                    "en": "Induction and training for outreach workers",
                },
                "description": {
                    "fi": "Uusien etsivien nuorisotyöntekijöiden perehdytys sekä täydennyskoulutus "
                    "esimerkiksi jalkautuvasta työstä ja digitaalisesta nuorisotyöstä.",
                    "sv": "Introduktion för nya uppsökande ungdomsarbetare och fortbildning till "
                    "exempel om mobilt arbete och digitalt ungdomsarbete.",
                    "en": "Induction for new outreach youth workers and further training, for "
                    "example on street-based work and digital youth work.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi"],
                "ages": None,
                "referral": {
                    "fi": "Ilmoittautuminen koulutuksiin verkossa.",
                    "sv": "Anmälan till utbildningarna på webben.",
                    "en": "Sign up for courses online.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kainuun-te-toimisto",
        "name": {
            "fi": "Kainuun TE-toimisto",
            "sv": "Arbets- och näringsbyrån i Kajanaland",
            "en": "Kainuu TE Office",
        },
        "kind": "employment_office",
        "municipality": "Kajaani",
        "serves": "region",
        "state_aid": False,
        "description": {
            "fi": "Kainuun työ- ja elinkeinotoimisto palveli työnhakijoita ja työnantajia koko "
            "maakunnassa. Vuoden 2025 alusta TE-palvelut siirtyivät kuntien työllisyysalueille; "
            "tiedot ovat mukana yhteistyöverkoston historian vuoksi.",
            "sv": "Arbets- och näringsbyrån i Kajanaland betjänade arbetssökande och arbetsgivare i "
            "hela landskapet. Från början av 2025 övergick arbets- och näringstjänsterna till "
            "kommunernas sysselsättningsområden; uppgifterna finns kvar för nätverkets historik.",
            "en": "The Kainuu Employment and Economic Development Office served jobseekers and "
            "employers across the region. From the start of 2025 TE services moved to municipal "
            "employment areas; the entry is kept for the network's history.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työnhakijan palvelut",
                    "sv": "Tjänster för arbetssökande",
                    "en": "Services for jobseekers",
                },
                "description": {
                    "fi": "Työnhaun aloittaminen, työllistymissuunnitelma, ohjaus koulutukseen ja "
                    "työllistymistä edistäviin palveluihin.",
                    "sv": "Att inleda jobbsökningen, sysselsättningsplan, vägledning till utbildning "
                    "och till tjänster som främjar sysselsättning.",
                    "en": "Registering as a jobseeker, an employment plan, and guidance to training "
                    "and employment-promoting services.",
                },
                "target_groups": ["unemployed", "long-term-unemployed", "immigrants"],
                "ways": ["individual", "remote"],
                "languages": ["fi", "sv", "en"],
                "ages": None,
                "referral": {
                    "fi": "Asiakkaaksi ilmoittaudutaan verkossa.",
                    "sv": "Man anmäler sig som klient på webben.",
                    "en": "Register as a client online.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Työnantajapalvelut",
                    "sv": "Tjänster för arbetsgivare",
                    "en": "Employer services",
                },
                "description": {
                    "fi": "Rekrytointiapu, palkkatuki ja tieto työvoiman saatavuudesta Kainuussa.",
                    "sv": "Hjälp med rekrytering, lönesubvention och information om tillgången på "
                    "arbetskraft i Kajanaland.",
                    "en": "Recruitment help, the pay subsidy and information on labour availability "
                    "in Kainuu.",
                },
                "target_groups": ["employers"],
                "ways": ["individual", "remote"],
                "languages": ["fi", "en"],
                "ages": None,
                "referral": {
                    "fi": "Työnantajat ottavat yhteyttä suoraan.",
                    "sv": "Arbetsgivare kontaktar oss direkt.",
                    "en": "Employers contact us directly.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "kainuun-ely",
        "name": {
            "fi": "Kainuun ELY-keskus",
            "sv": "NTM-centralen i Kajanaland",
            "en": "Kainuu ELY Centre",
        },
        "kind": "other",
        "municipality": "Kajaani",
        "serves": "region",
        "state_aid": False,
        "description": {
            "fi": "Valtion alueviranomainen, joka rahoittaa ja kehittää työllisyyttä, osaamista ja "
            "kotoutumista edistäviä hankkeita Kainuussa ja kokoaa alueen toimijoita yhteen.",
            "sv": "Statlig regional myndighet som finansierar och utvecklar projekt för "
            "sysselsättning, kompetens och integration i Kajanaland och samlar regionens aktörer.",
            "en": "The state's regional authority funding and developing projects for employment, "
            "skills and integration in Kainuu, and bringing the region's actors together.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työllisyyshankkeiden rahoitus ja kehittäminen",
                    "sv": "Finansiering och utveckling av sysselsättningsprojekt",
                    "en": "Funding and developing employment projects",
                },
                "description": {
                    "fi": "Neuvontaa hankerahoituksesta, hankkeiden ohjausta ja "
                    "verkostotapaamisia työllisyyttä edistäville toimijoille.",
                    "sv": "Rådgivning om projektfinansiering, styrning av projekt och "
                    "nätverksträffar för aktörer som främjar sysselsättning.",
                    "en": "Advice on project funding, project steering and network meetings for "
                    "organisations promoting employment.",
                },
                "target_groups": ["professionals"],
                "ways": ["group", "remote"],
                "languages": ["fi", "sv"],
                "ages": None,
                "referral": {
                    "fi": "Ota yhteyttä hankeneuvontaan.",
                    "sv": "Kontakta projektrådgivningen.",
                    "en": "Contact project advice.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Kotoutumisen edistäminen alueella",
                    "sv": "Främjande av integration i regionen",
                    "en": "Promoting integration in the region",
                },
                "description": {
                    "fi": "Alueellinen kotoutumisen yhteistyö kuntien, järjestöjen ja "
                    "oppilaitosten kanssa sekä tieto maahanmuuttajille suunnatuista palveluista.",
                    "sv": "Regionalt integrationssamarbete med kommuner, organisationer och "
                    "läroanstalter samt information om tjänster för invandrare.",
                    "en": "Regional integration cooperation with municipalities, NGOs and colleges, "
                    "and information on services for immigrants.",
                },
                "target_groups": ["professionals", "immigrants"],
                "ways": ["group"],
                "languages": ["fi", "en"],
                "ages": None,
                "referral": {
                    "fi": "Ammattilaiset ottavat yhteyttä suoraan.",
                    "sv": "Yrkesverksamma kontaktar oss direkt.",
                    "en": "Professionals contact us directly.",
                },
                "cost": FREE,
            },
        ],
    },
    # --- Others named in the articles ------------------------------------------------------------
    {
        "key": "kainuun-typ",
        "name": {
            "fi": "Kainuun TYP – työllistymistä edistävä monialainen yhteispalvelu",
            "sv": "Sektorsövergripande samservice som främjar sysselsättning (TYP) i Kajanaland",
            "en": "Kainuu TYP – Multisectoral Joint Service Promoting Employment",
        },
        "kind": "typ",
        "municipality": "Kajaani",
        "serves": "region",
        "state_aid": False,
        "description": {
            "fi": "Työllisyyspalvelujen, Kelan ja hyvinvointialueen yhteinen palvelu pitkään "
            "työttömänä olleille, jotka tarvitsevat samanaikaisesti useamman tahon tukea.",
            "sv": "En gemensam tjänst från sysselsättningstjänsterna, FPA och välfärdsområdet för "
            "långtidsarbetslösa som behöver stöd från flera aktörer samtidigt.",
            "en": "A joint service of the employment services, Kela and the wellbeing services "
            "county for long-term unemployed people who need support from several bodies at once.",
        },
        "services": [
            {
                "name": {
                    "fi": "Monialainen palveluohjaus",
                    "sv": "Sektorsövergripande servicehandledning",
                    "en": "Multisectoral case management",
                },
                "description": {
                    "fi": "Työllisyys-, sosiaali-, terveys- ja kuntoutuspalvelut sovitetaan yhteen "
                    "yhdessä laaditussa suunnitelmassa. Asiakkaalla on oma vastuutyöntekijä.",
                    "sv": "Sysselsättnings-, social-, hälso- och rehabiliteringstjänster samordnas i "
                    "en gemensam plan. Klienten har en egen ansvarsperson.",
                    "en": "Employment, social, health and rehabilitation services are combined in a "
                    "jointly drawn-up plan, with one named worker responsible.",
                },
                "target_groups": ["long-term-unemployed", "partial-work-ability"],
                "ways": ["individual"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista, Kelasta tai sosiaalityöstä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna, FPA eller socialarbetet.",
                    "en": "Referral from the employment services, Kela or social work.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "tampereen-tyollisyyspalvelut",
        "name": {
            "fi": "Tampereen kaupungin työllisyys- ja kasvupalvelut",
            "sv": "Tammerfors stads sysselsättnings- och tillväxttjänster",
            "en": "City of Tampere Employment and Growth Services",
        },
        "kind": "municipal_employment",
        "municipality": "Tampere",
        "serves": ["Tampere", "Kangasala", "Lempäälä", "Nokia", "Pirkkala", "Vesilahti", "Ylöjärvi"],
        "website": "https://www.tampere.fi",
        "state_aid": False,
        "description": {
            "fi": "Tampereen seudun työllisyysalueen palvelut työnhakijoille ja työnantajille: "
            "työnhaun tuki, koulutukseen ohjaus, yrityspalvelut ja yhteistyö järjestöjen ja "
            "oppilaitosten kanssa.",
            "sv": "Tammerforsregionens sysselsättningsområdes tjänster för arbetssökande och "
            "arbetsgivare: stöd i jobbsökningen, vägledning till utbildning, företagstjänster och "
            "samarbete med organisationer och läroanstalter.",
            "en": "The Tampere region employment area's services for jobseekers and employers: "
            "job-search support, guidance to training, business services and cooperation with "
            "NGOs and colleges.",
        },
        "services": [
            {
                "name": {
                    "fi": "Työnhakijan palveluohjaus",
                    "sv": "Servicehandledning för arbetssökande",
                    "en": "Case management for jobseekers",
                },
                "description": {
                    "fi": "Henkilökohtainen asiantuntija, työllistymissuunnitelma ja ohjaus "
                    "työkokeiluun, koulutukseen tai palkkatukityöhön.",
                    "sv": "En personlig expert, en sysselsättningsplan och vägledning till "
                    "arbetsprövning, utbildning eller lönesubventionerat arbete.",
                    "en": "A personal adviser, an employment plan and guidance to work trials, "
                    "training or wage-subsidised work.",
                },
                "target_groups": ["unemployed", "long-term-unemployed", "immigrants", "young-people"],
                "ways": ["individual", "remote"],
                "languages": ["fi", "en", "ar", "ru", "uk"],
                "ages": None,
                "referral": {
                    "fi": "Ilmoittaudu työnhakijaksi verkossa.",
                    "sv": "Anmäl dig som arbetssökande på webben.",
                    "en": "Register as a jobseeker online.",
                },
                "cost": FREE,
            },
            {
                "name": {
                    "fi": "Työnantajapalvelut ja rekrytointituki",
                    "sv": "Arbetsgivartjänster och rekryteringsstöd",
                    "en": "Employer services and recruitment support",
                },
                "description": {
                    "fi": "Apua rekrytointiin, rekrytointikoulutuksiin ja palkkatukeen sekä "
                    "osatyökykyisten työllistämiseen.",
                    "sv": "Hjälp med rekrytering, rekryteringsutbildningar och lönesubvention samt "
                    "med att anställa personer med partiell arbetsförmåga.",
                    "en": "Help with recruiting, recruitment training and the pay subsidy, and with "
                    "employing people partially able to work.",
                },
                "target_groups": ["employers"],
                "ways": ["individual", "workplace"],
                "languages": ["fi", "en"],
                "ages": None,
                "referral": {
                    "fi": "Työnantajat ottavat yhteyttä suoraan.",
                    "sv": "Arbetsgivare kontaktar oss direkt.",
                    "en": "Employers contact us directly.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "pellon-tyollisyyspalvelut",
        "name": {
            "fi": "Pellon kunnan työllisyyspalvelut",
            "sv": "Pello kommuns sysselsättningstjänster",
            "en": "Municipality of Pello Employment Services",
        },
        "kind": "municipal_employment",
        "municipality": "Pello",
        "serves": "municipality",
        "state_aid": True,
        "description": {
            "fi": "Pellon kunnan työllisyyspalvelut ja nuorten työpajatoiminta Tornionlaaksossa. "
            "Pienessä kunnassa palvelut ovat lähellä ja yhteistyö eri toimijoiden välillä tiivistä.",
            "sv": "Pello kommuns sysselsättningstjänster och ungdomsverkstad i Tornedalen. I en liten "
            "kommun finns tjänsterna nära och samarbetet mellan aktörerna är tätt.",
            "en": "The employment services and youth workshop of the municipality of Pello in the "
            "Torne Valley. In a small municipality services are close at hand and cooperation is "
            "close.",
        },
        "services": [
            {
                "name": {
                    "fi": "Nuorten työpaja ja työllisyysneuvonta",
                    "sv": "Ungdomsverkstad och sysselsättningsrådgivning",
                    "en": "Youth workshop and employment advice",
                },
                "description": {
                    "fi": "Työpajajaksoja, kesätyöpaikkoja nuorille ja neuvontaa työnhakuun ja "
                    "koulutusvaihtoehtoihin.",
                    "sv": "Verkstadsperioder, sommarjobb för unga och rådgivning om jobbsökning och "
                    "utbildningsalternativ.",
                    "en": "Workshop periods, summer jobs for young people and advice on job seeking "
                    "and training options.",
                },
                "target_groups": ["young-people", "unemployed"],
                "ways": ["workshop", "individual"],
                "languages": ["fi"],
                "ages": YOUTH,
                "referral": {
                    "fi": "Ota yhteyttä kunnan työllisyyspalveluihin.",
                    "sv": "Kontakta kommunens sysselsättningstjänster.",
                    "en": "Contact the municipality's employment services.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "liedon-tyollisyyspalvelut",
        "name": {
            "fi": "Liedon kunnan työllisyyspalvelut",
            "sv": "Lundo kommuns sysselsättningstjänster",
            "en": "Municipality of Lieto Employment Services",
        },
        "kind": "municipal_employment",
        "municipality": "Lieto",
        "serves": "municipality",
        "state_aid": False,
        "description": {
            "fi": "Liedon kunnan työllisyyspalvelut tukevat työttömiä liedolaisia työhön ja "
            "koulutukseen ja tekevät yhteistyötä Varsinais-Suomen työpajaverkoston kanssa.",
            "sv": "Lundo kommuns sysselsättningstjänster stöder arbetslösa i Lundo mot arbete och "
            "utbildning och samarbetar med verkstadsnätverket i Egentliga Finland.",
            "en": "The municipality of Lieto's employment services help unemployed residents into "
            "work and training and work with the Southwest Finland workshop network.",
        },
        "services": [
            {
                "name": {
                    "fi": "Kuntouttava työtoiminta ja työllisyysvalmennus",
                    "sv": "Arbetsverksamhet i rehabiliteringssyfte och sysselsättningscoachning",
                    "en": "Rehabilitative work activity and employment coaching",
                },
                "description": {
                    "fi": "Ryhmä- ja yksilövalmennusta, työtoimintaa ja ohjausta jatkopalveluihin "
                    "pitkään työttömänä olleille.",
                    "sv": "Grupp- och individuell coachning, arbetsverksamhet och vägledning till "
                    "fortsatta tjänster för långtidsarbetslösa.",
                    "en": "Group and individual coaching, work activity and guidance to further "
                    "services for the long-term unemployed.",
                },
                "target_groups": ["long-term-unemployed", "partial-work-ability"],
                "ways": ["group", "individual"],
                "languages": ["fi"],
                "ages": ADULT,
                "referral": {
                    "fi": "Ohjaus työllisyyspalveluista tai sosiaalityöstä.",
                    "sv": "Hänvisning från sysselsättningstjänsterna eller socialarbetet.",
                    "en": "Referral from the employment services or social work.",
                },
                "cost": FREE,
            },
        ],
    },
    {
        "key": "turun-ammatti-instituutti",
        "name": {
            "fi": "Turun ammatti-instituutti",
            "sv": "Åbo yrkesinstitut",
            "en": "Turku Vocational Institute",
        },
        "kind": "education",
        "municipality": "Turku",
        "serves": ["Turku", "Kaarina", "Raisio", "Naantali", "Lieto"],
        "state_aid": False,
        "description": {
            "fi": "Turun kaupungin ammatillinen oppilaitos. Tekee yhteistyötä työpajojen kanssa "
            "työpajoilla hankitun osaamisen tunnistamiseksi ja tarjoaa valmentavaa koulutusta.",
            "sv": "Åbo stads yrkesläroanstalt. Samarbetar med verkstäderna för att identifiera "
            "kunnande som förvärvats i verkstäderna och erbjuder handledande utbildning.",
            "en": "The City of Turku's vocational college. It works with youth workshops to "
            "recognise skills learned there and offers preparatory education.",
        },
        "services": [
            {
                "name": {
                    "fi": "Tutkintokoulutukseen valmentava koulutus (TUVA)",
                    "sv": "Utbildning som handleder för examensutbildning (Hux)",
                    "en": "Preparatory education for upper secondary studies (TUVA)",
                },
                "description": {
                    "fi": "Enintään vuoden mittainen koulutus, jossa kokeillaan eri aloja, "
                    "vahvistetaan opiskelutaitoja ja haetaan sopiva ammatillinen koulutus.",
                    "sv": "En högst ettårig utbildning där man prövar olika branscher, stärker "
                    "studiefärdigheterna och söker en passande yrkesutbildning.",
                    "en": "Up to one year of trying out fields, strengthening study skills and "
                    "applying for a suitable vocational programme.",
                },
                "target_groups": ["students", "young-people", "immigrants"],
                "ways": ["group", "individual"],
                "languages": ["fi", "fi-x-selko"],
                "ages": (16, None),
                "referral": {
                    "fi": "Haku jatkuvassa haussa; ota yhteyttä opinto-ohjaukseen.",
                    "sv": "Ansökan i den kontinuerliga ansökan; kontakta studiehandledningen.",
                    "en": "Apply through continuous application; contact study guidance.",
                },
                "cost": FREE,
            },
        ],
    },
]

REAL_NAMES_FI: tuple[str, ...] = tuple(org["name"]["fi"] for org in REAL_ORGANISATIONS)
