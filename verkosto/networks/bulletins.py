"""Bulletins: news a coordinator sends to chosen readers, what each reader has read, and the e-mail
digest of unread ones. Writes (`bulletin_*`, `digest_*`) check permission, validate and audit in
one transaction; reads are scoped to the reader and use a fixed number of queries.

Who reads a bulletin: its author, the coordinators of the network it was sent from, and its
audience:
- all networks: everyone who takes part in some network;
- chosen networks: the members of those networks;
- regions: the members of the networks that cover one of the regions (now: a network that starts
  to cover a region later also sees what was sent to the region before);
- one peer group: the group's members and the managers of its network;
- the national level: national coordinators (and administrators).
"Members" are those of `permissions.is_network_member`: people of the network's current member
organisations, and its managers (its coordinators, and national coordinators whose reach covers it).

Who sends: anyone who manages a network (`can_send_bulletins`). "All networks" is for national
coordinators alone. Chosen networks and regions may be any: sharing with other networks' members is
how regions learn from each other, and a bulletin cannot do harm there. A peer group must be one of
a network the sender manages, and a bulletin goes up to the national level from a network the sender
manages (its `source_network`, so the national level knows where it came from).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from verkosto.core.audit import audit_record, diff, snapshot
from verkosto.core.models import Region

from . import permissions
from .models import Bulletin, BulletinRead, DigestPreference, Network, PeerGroup

Audience = Bulletin.Audience
Frequency = DigestPreference.Frequency
BULLETIN_M2M = ("networks", "regions")

# The first digest of someone who just chose one covers one period, not every unread bulletin ever.
DIGEST_PERIODS: dict[str, datetime.timedelta] = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}


# --- who may send --------------------------------------------------------------------------------


def can_send_bulletins(user: Any) -> bool:
    """Manages some network: a network's coordinator, a national coordinator, an administrator."""
    if not getattr(user, "is_authenticated", False):
        return False
    if permissions.national_scope(user) is not None:
        return True
    return Network.objects.filter(coordinators=user).exists()


def audiences_for(user: Any) -> list[str]:
    """The audiences the user may choose, in the model's order."""
    if not can_send_bulletins(user):
        return []
    national = permissions.national_scope(user) is not None
    return [value for value in Audience.values if value != Audience.ALL_NETWORKS or national]


def networks_managed_by(user: Any) -> QuerySet[Network]:
    """The networks the user manages (as `permissions.can_manage_network`), in one query."""
    if not getattr(user, "is_authenticated", False):
        return Network.objects.none()
    scope = permissions.national_scope(user)
    if scope is not None and not scope:
        return Network.objects.all()
    managed = Q(coordinators=user)
    if scope:
        managed |= Q(coordinating_organisation_id__in=scope)
    return Network.objects.filter(pk__in=Network.objects.filter(managed).values("pk"))


def peer_groups_managed_by(user: Any) -> QuerySet[PeerGroup]:
    return PeerGroup.objects.filter(network__in=networks_managed_by(user).values("pk"))


# --- who reads -----------------------------------------------------------------------------------


def _member_networks(user: Any) -> QuerySet[Network]:
    """The networks the user takes part in (as `permissions.is_network_member`), as a subquery."""
    scope = permissions.national_scope(user)
    if scope is not None and not scope:
        return Network.objects.all()
    member = Q(coordinators=user)
    if scope:
        member |= Q(coordinating_organisation_id__in=scope)
    organisations = permissions.person_organisation_ids(user)
    if organisations:
        member |= Q(memberships__organisation_id__in=organisations, memberships__left_on__isnull=True)
    return Network.objects.filter(member)


def bulletins_visible_to(user: Any) -> QuerySet[Bulletin]:
    """Every bulletin the user may read. One SQL query (the user's roles are read once per request);
    each way of reaching the user is a subquery, so no join multiplies the rows."""
    if not getattr(user, "is_authenticated", False):
        return Bulletin.objects.none()
    member_networks = _member_networks(user).values("pk")
    managed_networks = networks_managed_by(user).values("pk")
    readable = (
        Q(author=user)
        | Q(source_network__in=Network.objects.filter(coordinators=user).values("pk"))
        | (Q(audience=Audience.ALL_NETWORKS) & Exists(member_networks))
        | Q(
            audience=Audience.NETWORKS,
            pk__in=Bulletin.objects.filter(networks__in=member_networks).values("pk"),
        )
        | Q(
            audience=Audience.REGIONS,
            pk__in=Bulletin.objects.filter(regions__networks__in=member_networks).values("pk"),
        )
        | Q(
            audience=Audience.PEER_GROUP,
            peer_group__in=PeerGroup.objects.filter(Q(members=user) | Q(network__in=managed_networks)).values(
                "pk"
            ),
        )
    )
    if permissions.national_scope(user) is not None:
        readable |= Q(audience=Audience.NATIONAL)
    return Bulletin.objects.filter(readable)


def _read_by(user: Any) -> QuerySet[BulletinRead]:
    """The user's read mark of the bulletin of the outer query (for Exists)."""
    return BulletinRead.objects.filter(bulletin=OuterRef("pk"), user=user)


def _with_read_flag(bulletins: QuerySet[Bulletin], user: Any) -> QuerySet[Bulletin]:
    return bulletins.annotate(is_read=Exists(_read_by(user)))


def _for_display(bulletins: QuerySet[Bulletin]) -> QuerySet[Bulletin]:
    return bulletins.select_related("author", "source_network", "peer_group__network").prefetch_related(
        "networks", "regions"
    )


def bulletin_feed(*, user: Any, unread_only: bool = False) -> QuerySet[Bulletin]:
    """What the user may read, newest first, each with `is_read`. Whatever its length, a page of
    it costs four queries: the count, the bulletins, their networks and their regions."""
    bulletins = _with_read_flag(bulletins_visible_to(user), user)
    if unread_only:
        bulletins = bulletins.filter(~Exists(_read_by(user)))
    return _for_display(bulletins).order_by("-published_at", "-pk")


def bulletin_get_for_view(*, user: Any, pk: int) -> Bulletin:
    """One bulletin for its reader; 404 for anyone outside its audience (as if it did not exist)."""
    bulletin = _for_display(_with_read_flag(bulletins_visible_to(user), user)).filter(pk=pk).first()
    if bulletin is None:
        raise Http404
    return bulletin


def bulletin_unread_count(*, user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return bulletins_visible_to(user).filter(~Exists(_read_by(user))).count()


def bulletins_for_network(*, user: Any, network: Network, limit: int = 5) -> list[Bulletin]:
    """The newest bulletins that reached the network's members or were sent from it, of those the
    user may read, each with `is_read`: for a network page's list of titles, in one query (their
    networks and regions are not fetched)."""
    if not getattr(user, "is_authenticated", False):
        return []
    reached = (
        Q(source_network=network)
        | Q(audience=Audience.ALL_NETWORKS)
        | Q(audience=Audience.NETWORKS, networks=network)
        | Q(audience=Audience.REGIONS, regions__networks=network)
        | Q(audience=Audience.PEER_GROUP, peer_group__network=network)
    )
    ids = Bulletin.objects.filter(reached).values("pk")
    bulletins = _with_read_flag(bulletins_visible_to(user).filter(pk__in=ids), user)
    return list(bulletins.select_related("source_network").order_by("-published_at", "-pk")[:limit])


# --- writing and reading -------------------------------------------------------------------------


@transaction.atomic
def bulletin_create(
    *,
    actor: Any,
    title: str,
    body: str,
    audience: str,
    networks: Iterable[Network] = (),
    regions: Iterable[Region] = (),
    peer_group: PeerGroup | None = None,
    source_network: Network | None = None,
) -> Bulletin:
    """Send a bulletin. Targets that do not belong to the chosen audience are ignored (a form may
    post the networks ticked before the sender chose "regions"). Refused with every reason at once,
    next to its field, and nothing saved: an audience the sender may not use, and one that would
    reach no one."""
    if not can_send_bulletins(actor):
        raise PermissionDenied(_("Only coordinators of networks may send bulletins."))
    networks = list(networks) if audience == Audience.NETWORKS else []
    regions = list(regions) if audience == Audience.REGIONS else []
    if audience != Audience.PEER_GROUP:
        peer_group = None
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if audience == Audience.ALL_NETWORKS and permissions.national_scope(actor) is None:
        refuse("audience", _("Only national coordinators may send a bulletin to all networks."))
    elif audience == Audience.NETWORKS and not networks:
        refuse("networks", _("Choose at least one network to send the bulletin to."))
    elif audience == Audience.REGIONS:
        if not regions:
            refuse("regions", _("Choose at least one region to send the bulletin to."))
        elif not Network.objects.filter(regions__in=regions).exists():
            refuse("regions", _("No network covers the chosen regions: the bulletin would reach no one."))
    elif audience == Audience.PEER_GROUP:
        if peer_group is None:
            refuse("peer_group", _("Choose the peer group to send the bulletin to."))
        elif not permissions.can_manage_network(actor, peer_group.network):
            refuse("peer_group", _("You may send bulletins only to peer groups of networks you coordinate."))
    if source_network is not None and not permissions.can_manage_network(actor, source_network):
        refuse("source_network", _("You may send bulletins only from networks you coordinate."))
    elif audience == Audience.NATIONAL and source_network is None:
        refuse("source_network", _("Choose the network that sends the bulletin to the national level."))

    if source_network is None and peer_group is not None:
        source_network = peer_group.network
    bulletin = Bulletin(
        author=actor,
        title=title,
        body=body,
        audience=audience,
        peer_group=peer_group,
        source_network=source_network,
    )
    try:
        # Fields refused above are left out, so that the model does not repeat their errors (the
        # peer-group check constraint would, as a general one).
        bulletin.full_clean(exclude=list(errors))
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    bulletin.save()
    bulletin.networks.set(networks)
    bulletin.regions.set(regions)
    # The author has read what they wrote: it is not news to them, in the feed or in a digest.
    BulletinRead.objects.create(bulletin=bulletin, user=actor)
    audit_record(
        actor=actor, action="create", instance=bulletin, changes=diff({}, snapshot(bulletin, BULLETIN_M2M))
    )
    return bulletin


def bulletin_mark_read(*, user: Any, bulletin: Bulletin) -> None:
    """`bulletin` comes from a reader's read (`bulletin_get_for_view`), so the user may read it.
    Idempotent, also when two requests race (the unique constraint keeps one row)."""
    BulletinRead.objects.bulk_create([BulletinRead(bulletin=bulletin, user=user)], ignore_conflicts=True)


def bulletin_mark_all_read(*, user: Any) -> int:
    """Marks every bulletin the user may read as read; returns how many were unread."""
    unread = list(bulletins_visible_to(user).filter(~Exists(_read_by(user))).values_list("pk", flat=True))
    BulletinRead.objects.bulk_create(
        [BulletinRead(bulletin_id=pk, user=user) for pk in unread], ignore_conflicts=True
    )
    return len(unread)


# --- the e-mail digest ---------------------------------------------------------------------------


def digest_preference_get(*, user: Any) -> DigestPreference:
    """The user's choice; "no e-mail" (unsaved) for someone who never chose."""
    preference = DigestPreference.objects.filter(user=user).first()
    return preference or DigestPreference(user=user, frequency=Frequency.NEVER)


@transaction.atomic
def digest_preference_update(*, actor: Any, frequency: str, language: str = "") -> DigestPreference:
    """A person's own setting: nobody else's to change, and not audited (it is not shared data)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    preference, _created = DigestPreference.objects.select_for_update().get_or_create(user=actor)
    if preference.frequency == Frequency.NEVER and frequency != Frequency.NEVER:
        # Switched on (again): the first digest covers one period, not everything since the last
        # digest of long ago.
        preference.last_sent_at = None
    preference.frequency = frequency
    if language:
        preference.language = language
    preference.full_clean()
    preference.save(update_fields=["frequency", "language", "last_sent_at"])
    return preference


def digest_recipients(*, frequency: str) -> list[int]:
    """Users who chose this frequency and can receive e-mail."""
    return list(
        DigestPreference.objects.filter(frequency=frequency, user__is_active=True)
        .exclude(user__email="")
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def _digest_language(preference: DigestPreference) -> str:
    return preference.language or settings.LANGUAGE_CODE


def _site_url() -> str:
    # E-mail needs absolute links; there is no request to take the host from.
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/")


def digest_send(*, user_id: int, frequency: str) -> int:
    """E-mail one user the bulletins they have not read, published since their last digest (the
    first digest: within one period). Returns how many were listed; 0: nothing sent.

    The digest is claimed first by moving `last_sent_at` on with a compare-and-set, so two runs at
    once do not both send it; if sending fails, the old time is put back for the next run."""
    preference = (
        DigestPreference.objects.select_related("user")
        .filter(user_id=user_id, frequency=frequency, user__is_active=True)
        .exclude(user__email="")
        .first()
    )
    if preference is None or frequency not in DIGEST_PERIODS:
        return 0
    user = preference.user
    now = timezone.now()
    previous = preference.last_sent_at
    since = previous or now - DIGEST_PERIODS[frequency]
    bulletins = list(
        bulletin_feed(user=user, unread_only=True).filter(published_at__gt=since, published_at__lte=now)
    )
    if not bulletins:
        return 0
    claimed = DigestPreference.objects.filter(pk=preference.pk, last_sent_at=previous).update(
        last_sent_at=now
    )
    if not claimed:
        return 0
    try:
        _digest_message(user, bulletins, _digest_language(preference)).send()
    except Exception:
        DigestPreference.objects.filter(pk=preference.pk, last_sent_at=now).update(last_sent_at=previous)
        raise
    return len(bulletins)


def _digest_message(user: Any, bulletins: list[Bulletin], language: str) -> EmailMultiAlternatives:
    site = _site_url()
    with translation.override(language):
        context = {
            "user": user,
            "bulletins": [
                (bulletin, site + reverse("networks:bulletin", args=[bulletin.pk])) for bulletin in bulletins
            ],
            "feed_url": site + reverse("networks:bulletin_feed"),
            "settings_url": site + reverse("networks:digest_settings"),
            "language": language,
        }
        subject = ngettext(
            "Verkosto: %(count)d unread bulletin", "Verkosto: %(count)d unread bulletins", len(bulletins)
        ) % {"count": len(bulletins)}
        text = render_to_string("networks/email/digest.txt", context)
        html = render_to_string("networks/email/digest.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email])
    message.attach_alternative(html, "text/html")
    return message
