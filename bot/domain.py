"""The domain's small vocabulary: statuses, kinds and time tags, shared by store, use cases and chat."""

from __future__ import annotations

from collections.abc import Iterable

from enum import StrEnum

# The radii a chat search offers ("📏 Umkreis"), narrowest first; "weiter weg" and "näher dran" step along them.
RADIUS_CHOICES_KM: tuple[int, ...] = (5, 15, 30, 50, 100)


class OpportunityStatus(StrEnum):
    """Where a listing is in its life: only PUBLISHED ones are found by volunteers."""

    DRAFT = "draft"
    PENDING = "pending"
    PUBLISHED = "published"
    PAUSED = "paused"
    EXPIRED = "expired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # its feed's latest snapshot no longer holds it; comes back when the feed does


class AdStatus(StrEnum):
    """Where a volunteer's own ad is in its life: only PUBLISHED ones are found by organisations."""

    DRAFT = "draft"  # being written or edited in /ichbiete: nobody sees it
    PENDING = "pending"  # waiting for review (a person's first ad, unless ADS_REVIEW=none)
    PUBLISHED = "published"
    PAUSED = "paused"  # by its person
    EXPIRED = "expired"  # AD_TTL_DAYS passed without a renewal
    REJECTED = "rejected"  # by an admin in review
    REMOVED = "removed"  # by an admin after publication


class PlacePrecision(StrEnum):
    """How precisely a listing's coordinates place it (best first); QUARTER and TOWN are approximate."""

    POINT = "point"  # the feed's own coordinates
    POSTAL_CODE = "postal_code"  # the postal code's centre (a street without a geocoder counts here too)
    QUARTER = "quarter"  # the centre of a city quarter
    TOWN = "town"  # the centre of a town

    @property
    def approximate(self) -> bool:
        """Tells whether the point stands for a whole quarter or town rather than the place itself."""
        return self in (PlacePrecision.QUARTER, PlacePrecision.TOWN)


APPROXIMATE_PRECISIONS = ("quarter", "town")


class OrganisationKind(StrEnum):
    """What sort of body offers the listing."""

    ASSOCIATION = "e_v"  # eingetragener Verein
    INITIATIVE = "initiative"
    MUNICIPALITY = "municipality"
    CHURCH = "church"
    FOUNDATION = "foundation"
    CHARITY = "charity"  # Wohlfahrtsverband: DRK, Caritas, Diakonie, AWO ...
    OTHER = "other"


class TimeTag(StrEnum):
    """When and how often a volunteer can help; a query and a listing both carry a set of these."""

    WEEKDAY = "weekday"
    WEEKEND = "weekend"
    DAYTIME = "daytime"
    EVENING = "evening"
    ONE_OFF = "one_off"
    REGULAR = "regular"


TIME_BITS: dict[str, int] = {tag.value: 1 << index for index, tag in enumerate(TimeTag)}


class AlertMode(StrEnum):
    """How a volunteer wants saved-search alerts."""

    IMMEDIATE = "immediate"
    DAILY = "daily"
    OFF = "off"


class DeliveryState(StrEnum):
    """One broadcast recipient's state in the outbox; SENT, BLOCKED and FAILED are final."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"


class BroadcastStatus(StrEnum):
    """A broadcast's life: composed, maybe scheduled, running, then done or cancelled."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


class ModerationAction(StrEnum):
    """What a moderation event records."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    EDITED = "edited"
    PAUSED = "paused"
    RESUMED = "resumed"
    RENEWED = "renewed"
    EXPIRED = "expired"
    DELETED = "deleted"
    ORGANISATION_VERIFIED = "organisation_verified"
    WARNED = "warned"  # a person was warned about their ad
    BLOCKED = "blocked"  # a person may post no more ads


def time_mask(tags: Iterable[object] | None) -> int:
    """Returns the bitmask of a collection of time tags (unknown tags are ignored)."""
    mask = 0
    for tag in tags or ():
        mask |= TIME_BITS.get(str(tag), 0)
    return mask


# The longest text the chat takes as a search (longer texts are letters, not searches; the NLU is not made for
# them). `parse` and `search` on the command line keep to the same limit, so a tool sees what a person would.
MAX_QUERY_CHARS = 500

# The languages besides German that people volunteering here speak most (English, then those of the largest groups
# who came to Germany), in the order every language button offers them first: a volunteer's ad (/ichbiete) and a
# club's listing (the posting chat) alike.
COMMON_LANGUAGES = ("en", "ar", "uk", "ru", "tr", "fa", "fr", "es", "pl")
