"""Open Referral HSDS 3.0 for the directory: what the exporter and the importer agree on.

Stable ids, the taxonomies our managed lists become, and the national code lists we point to.
`hsds_export` builds documents, `hsds_import` reads them back, `hsds_schema` validates them, and
`hsds_views` publishes them under /api/v1/hsds/. See docs/hsds.md for the field mapping.

Every id in a document is stable: organisations and services use their `uuid` field; everything
that has no uuid of its own (a phone, a service area, a taxonomy term...) gets a name-based uuid5
from its owner's uuid and what it is, so that the same data always gives the same document.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

HSDS_VERSION = "3.0"
LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"

# Fixed forever: every derived id is computed from it. Changing it would give every phone,
# service area and taxonomy term a new id and break consumers that keep them.
NAMESPACE = uuid.UUID("6f1b7a52-3c1e-5b8e-9a57-0d4c2e8b7f10")

# org-id.guide / IATI code of the Finnish Patent and Registration Office (PRH), which issues the
# Y-tunnus together with the Tax Administration.
BUSINESS_ID_SCHEME = "FI-PRO"
BUSINESS_ID_TYPE = "Y-tunnus"

# Statistics Finland's classifications as published in the national code list service
# (koodistot.suomi.fi); the 2025 versions match verkosto/core/data/municipalities-2025.csv.
MUNICIPALITY_CODE_LIST = "http://uri.suomi.fi/codelist/jhs/kunta_1_20250101"
REGION_CODE_LIST = "http://uri.suomi.fi/codelist/jhs/maakunta_1_20250101"

# How the state-aid flag is published: a funding source with one of these names.
STATE_AID_SOURCE = {"fi": "Valtionavustus", "sv": "Statsunderstöd", "en": "State grant"}


def derived_id(*parts: object) -> str:
    """A stable uuid5 for something that has no uuid of its own, named by its owner and role."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def municipality_uri(code: str) -> str:
    return f"{MUNICIPALITY_CODE_LIST}/code/{code}"


def region_uri(code: str) -> str:
    """MK18 -> .../maakunta_1_20250101/code/18 (the code list has no "MK" prefix)."""
    return f"{REGION_CODE_LIST}/code/{code.upper().removeprefix('MK')}"


def translated(instance: Any, field: str, lang: str) -> str:
    """The field in `lang`, else in the first other language that has it (fi, sv, en)."""
    for candidate in (lang, *(other for other in LANGUAGES if other != lang)):
        value = getattr(instance, f"{field}_{candidate}", None)
        if value:
            return str(value)
    return ""


@dataclass(frozen=True)
class Taxonomy:
    """One of our lists published as an HSDS taxonomy; terms are keyed by a stable code."""

    key: str
    link_type: str
    names: dict[str, str]
    descriptions: dict[str, str]
    # An external code list (Statistics Finland) or None for our own lists.
    uri: str | None = None
    version: str = "1"

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.key)

    def term_id(self, code: str) -> str:
        return derived_id("taxonomy", self.key, "term", code)

    def term_uri(self, code: str) -> str | None:
        if self.key == "municipalities":
            return municipality_uri(code)
        if self.key == "regions":
            return region_uri(code)
        return None


TARGET_GROUPS = Taxonomy(
    key="target-groups",
    link_type="audience",
    names={"fi": "Kohderyhmät", "sv": "Målgrupper", "en": "Target groups"},
    descriptions={
        "fi": "Verkoston kohderyhmät: kenelle palvelu on tarkoitettu.",
        "sv": "Verkostos målgrupper: vem tjänsten är avsedd för.",
        "en": "Verkosto's target groups: whom a service is for.",
    },
)
WAYS_OF_WORKING = Taxonomy(
    key="ways-of-working",
    link_type="delivery_method",
    names={"fi": "Työtavat", "sv": "Arbetssätt", "en": "Ways of working"},
    descriptions={
        "fi": "Verkoston työtavat: miten palvelu kohtaa asiakkaansa.",
        "sv": "Verkostos arbetssätt: hur tjänsten möter sina klienter.",
        "en": "Verkosto's ways of working: how a service meets its clients.",
    },
)
ORGANISATION_KINDS = Taxonomy(
    key="organisation-kinds",
    link_type="organization_type",
    names={"fi": "Toimijatyypit", "sv": "Aktörstyper", "en": "Kinds of organisation"},
    descriptions={
        "fi": "Verkoston toimijatyypit (työpaja, etsivä nuorisotyö, Ohjaamo...).",
        "sv": "Verkostos aktörstyper (verkstad, uppsökande ungdomsarbete, Ohjaamo...).",
        "en": "Verkosto's kinds of organisation (youth workshop, outreach youth work, Ohjaamo...).",
    },
)
WORKING_LANGUAGES = Taxonomy(
    key="languages",
    link_type="language",
    names={"fi": "Työkielet", "sv": "Arbetsspråk", "en": "Working languages"},
    descriptions={
        "fi": "Kielet, joilla organisaatio palvelee (BCP 47 -tunnisteet).",
        "sv": "Språk som organisationen betjänar på (BCP 47-koder).",
        "en": "Languages the organisation works in (BCP 47 tags).",
    },
)
MUNICIPALITIES = Taxonomy(
    key="municipalities",
    link_type="area_served",
    names={"fi": "Kunnat 2025", "sv": "Kommuner 2025", "en": "Municipalities 2025"},
    descriptions={
        "fi": "Tilastokeskuksen kuntaluokitus 2025.",
        "sv": "Statistikcentralens kommunindelning 2025.",
        "en": "Statistics Finland's classification of municipalities, 2025.",
    },
    uri=MUNICIPALITY_CODE_LIST,
    version="2025",
)
REGIONS = Taxonomy(
    key="regions",
    link_type="area_served",
    names={"fi": "Maakunnat 2025", "sv": "Landskap 2025", "en": "Regions 2025"},
    descriptions={
        "fi": "Tilastokeskuksen maakuntaluokitus 2025.",
        "sv": "Statistikcentralens landskapsindelning 2025.",
        "en": "Statistics Finland's classification of regions, 2025.",
    },
    uri=REGION_CODE_LIST,
    version="2025",
)

TAXONOMIES: dict[str, Taxonomy] = {
    t.key: t
    for t in (TARGET_GROUPS, WAYS_OF_WORKING, ORGANISATION_KINDS, WORKING_LANGUAGES, MUNICIPALITIES, REGIONS)
}
TAXONOMIES_BY_ID: dict[str, Taxonomy] = {t.id: t for t in TAXONOMIES.values()}
