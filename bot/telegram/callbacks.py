"""Button data: a version, a kind and a few ids ("1p:42:5"), nothing else; anything else decodes to None.

Telegram gives buttons 64 bytes and sends the data back verbatim, so anyone can forge it: data carries ids only,
the handler looks them up and checks that they belong to the person pressing. Bumping VERSION turns every
older button into a stale one instead of misreading it.

Handlers never see positions: each kind of button has a payload class with named fields (PageButton(search_id,
offset)), packed with pack() and unpacked once per update by the update context (bot.telegram.context). The
fields' order is the wire order, so buttons of messages sent before the payload classes existed still decode.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, fields
from enum import StrEnum
from typing import ClassVar

VERSION = "1"
MAX_BYTES = 64
_MAX_ID = 2**53  # larger numbers are forged: no id or offset of ours gets near
# Letters a-z were all taken by the listings' side; volunteers' ads use upper-case letters (A-K the ads
# themselves, L-Z the organisations' side of ads).
_PATTERN = re.compile(r"^(?P<version>\d)(?P<kind>[a-zA-Z]):?(?P<args>[0-9:]*)$")


class Kind(StrEnum):
    """What a button does; the letter is what travels."""

    PAGE = "p"  # search id, offset
    DETAILS = "d"  # search id, opportunity id
    BACK = "b"  # search id: the result page again
    REFINE = "r"  # search id, facet (see Facet)
    RADIUS = "k"  # search id, kilometres
    CATEGORY = "c"  # search id, category bit + 1 (0: every category)
    TIME = "t"  # search id, time tag index + 1 (0: any time)
    PLACE = "o"  # search id, index of the place candidate
    SAVE = "s"  # search id: save as alert
    FAVOURITE = "f"  # origin (see Origin), origin id, opportunity id
    UNFAVOURITE = "u"  # origin, origin id, opportunity id
    FAVOURITES = "m"  # offset into the favourites list
    FAVOURITE_DETAILS = "v"  # favourites offset, opportunity id
    LISTING = "l"  # opportunity id: its details as a new message (from alerts)
    STOP_ALERT = "x"  # saved search id, where (see Where)
    HOME = "h"  # search id, 1 remember / 0 do not
    SETTING = "e"  # setting (see Setting), value
    DELETE = "z"  # 1 delete everything / 0 keep it
    DRAFT_ANSWER = "a"  # step index, choice number (see bot.telegram.posting.buttons)
    DRAFT = "g"  # draft action (back, cancel, submit, edit ...), its argument
    OWN_LISTING = "j"  # /meineangebote action, opportunity id
    MODERATE = "n"  # moderation action, opportunity or organisation id
    INTEREST = "i"  # interest action, opportunity or interest report id
    BROADCAST = "w"  # broadcast id (0 before a draft exists), action (see BroadcastAction), value
    UNSUBSCRIBE = "q"  # under every announcement: turn announcements off
    REVIEW_QUEUE = "y"  # /pruefen page: state filter (admin1 code as a number, 0: all), offset
    AD = "A"  # /ichbiete: action (see bot.telegram.ads.keyboards.AdAction), ad id (0: none yet), value
    AD_REVIEW = "B"  # an admin's verdict on a volunteer's ad (index in bot.ads.review.VERDICTS), ad id
    # The organisations' side of volunteers' ads (bot.telegram.ad_search); A-K are the volunteers' side.
    AD_PAGE = "L"  # ad search id, offset
    AD_SAVE = "M"  # ad search id: be told of new ads
    AD_STOP = "N"  # ad search id: no more alerts
    AD_CONTACT = "O"  # ad id, organisation id: start a contact
    AD_ABOUT = "P"  # contact id, listing id + 1 (0: about no listing)
    AD_REPORT = "Q"  # ad id: an organisation's member reports an ad
    CONTACT_ANSWER = "R"  # person's action (see ContactAction), contact id
    CONTACT_REPLY = "S"  # organisation member's reply, contact id
    AD_SAVED = "T"  # ad search id: stop it from the list of saved ad searches (/freiwillige)


class Facet:
    """Which refinement menu a REFINE button opens."""

    RADIUS, CATEGORY, TIME = 0, 1, 2


class Origin:
    """Where a details view was opened from, so its back button and favourite button know where to return."""

    # FAVOURITES_LIST: a remove button in the Merkliste; RESULTS: a keep button under the result list itself.
    NONE, SEARCH, FAVOURITES, FAVOURITES_LIST, RESULTS = 0, 1, 2, 3, 4


class Where:
    """Which message a STOP_ALERT button sits in: an alert (or confirmation), or the /suchauftraege list."""

    ALERT, LIST = 0, 1


class Setting:
    """Which setting a SETTING button changes."""

    LANGUAGE, ALERT_MODE, ANNOUNCEMENTS, FORGET_HOME = 0, 1, 2, 3


class BroadcastAction:
    """What a BROADCAST button does in the admin's announcement flow (bot.telegram.announcements.handlers)."""

    NEW, GROUP, REGIONS, REGION, PLACE, RADIUS, DISTRICT, INTERESTS, INTEREST, MENU = range(10)
    PREVIEW, CONFIRM, SEND_NOW, LATER, DISCARD, STATUS, CANCEL = range(10, 17)


@dataclass(frozen=True, slots=True)
class Callback:
    """Decoded button data."""

    kind: Kind
    args: tuple[int, ...]

    def arg(self, index: int) -> int:
        """Returns one argument."""
        return self.args[index]


@dataclass(frozen=True, slots=True)
class Payload:
    """What a button means, with named fields; the subclass says which kind of button it is."""

    KIND: ClassVar[Kind]


@dataclass(frozen=True, slots=True)
class PageButton(Payload):
    """Another page of a stored search's results."""

    KIND = Kind.PAGE
    search_id: int
    offset: int


@dataclass(frozen=True, slots=True)
class DetailsButton(Payload):
    """One result's details in place of the results."""

    KIND = Kind.DETAILS
    search_id: int
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class BackButton(Payload):
    """The result page again."""

    KIND = Kind.BACK
    search_id: int


@dataclass(frozen=True, slots=True)
class RefineButton(Payload):
    """Opens one refinement menu (see Facet)."""

    KIND = Kind.REFINE
    search_id: int
    facet: int


@dataclass(frozen=True, slots=True)
class RadiusButton(Payload):
    """Searches again within this radius."""

    KIND = Kind.RADIUS
    search_id: int
    km: int


@dataclass(frozen=True, slots=True)
class CategoryButton(Payload):
    """Searches again in one category: its bit + 1, or 0 for every category."""

    KIND = Kind.CATEGORY
    search_id: int
    number: int


@dataclass(frozen=True, slots=True)
class TimeButton(Payload):
    """Searches again for one time tag: its index + 1, or 0 for any time."""

    KIND = Kind.TIME
    search_id: int
    number: int


@dataclass(frozen=True, slots=True)
class PlaceButton(Payload):
    """Searches again around one of the same-named places offered."""

    KIND = Kind.PLACE
    search_id: int
    candidate: int


@dataclass(frozen=True, slots=True)
class SaveButton(Payload):
    """Saves the search as a Suchauftrag."""

    KIND = Kind.SAVE
    search_id: int


@dataclass(frozen=True, slots=True)
class FavouriteButton(Payload):
    """Keeps a listing on the Merkliste; origin and origin_id say where it was pressed (see Origin)."""

    KIND = Kind.FAVOURITE
    origin: int
    origin_id: int
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class UnfavouriteButton(Payload):
    """Takes a listing off the Merkliste; origin and origin_id say where it was pressed (see Origin)."""

    KIND = Kind.UNFAVOURITE
    origin: int
    origin_id: int
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class FavouritesButton(Payload):
    """A page of the Merkliste."""

    KIND = Kind.FAVOURITES
    offset: int


@dataclass(frozen=True, slots=True)
class FavouriteDetailsButton(Payload):
    """One listing of the Merkliste in place of the list."""

    KIND = Kind.FAVOURITE_DETAILS
    offset: int
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class ListingButton(Payload):
    """A listing's details as a new message (under alerts)."""

    KIND = Kind.LISTING
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class StopAlertButton(Payload):
    """Stops a Suchauftrag; where says which message the button sits in (see Where)."""

    KIND = Kind.STOP_ALERT
    saved_search_id: int
    where: int


@dataclass(frozen=True, slots=True)
class HomeButton(Payload):
    """Answers "remember this place?": remember 1 yes, 0 no."""

    KIND = Kind.HOME
    search_id: int
    remember: int


@dataclass(frozen=True, slots=True)
class SettingButton(Payload):
    """Changes one setting (see Setting) to a value."""

    KIND = Kind.SETTING
    setting: int
    value: int


@dataclass(frozen=True, slots=True)
class DeleteButton(Payload):
    """Answers /loeschen: confirmed 1 deletes everything, 0 keeps it."""

    KIND = Kind.DELETE
    confirmed: int


@dataclass(frozen=True, slots=True)
class DraftAnswerButton(Payload):
    """A choice for the draft's question: the step's index and the choice's number."""

    KIND = Kind.DRAFT_ANSWER
    step: int
    choice: int


@dataclass(frozen=True, slots=True)
class DraftButton(Payload):
    """A draft action (see bot.telegram.posting.buttons.DraftAction) and its argument."""

    KIND = Kind.DRAFT
    action: int
    argument: int


@dataclass(frozen=True, slots=True)
class OwnListingButton(Payload):
    """An action of /meineangebote on a listing (see OwnAction)."""

    KIND = Kind.OWN_LISTING
    action: int
    opportunity_id: int


@dataclass(frozen=True, slots=True)
class ModerateButton(Payload):
    """A moderation action (see ModerationAction) on a listing or an organisation."""

    KIND = Kind.MODERATE
    action: int
    target_id: int


@dataclass(frozen=True, slots=True)
class InterestButton(Payload):
    """An interest action (see InterestAction) on a listing or an interest report."""

    KIND = Kind.INTEREST
    action: int
    target_id: int


@dataclass(frozen=True, slots=True)
class BroadcastButton(Payload):
    """A step of the announcement flow: the broadcast (0 before a draft exists), the action, its value."""

    KIND = Kind.BROADCAST
    broadcast_id: int
    action: int
    value: int


@dataclass(frozen=True, slots=True)
class UnsubscribeButton(Payload):
    """Under every announcement: turns announcements off."""

    KIND = Kind.UNSUBSCRIBE


@dataclass(frozen=True, slots=True)
class ReviewQueueButton(Payload):
    """A page of /pruefen: the state filter (its admin1 code as a number, 0 for all) and the offset."""

    KIND = Kind.REVIEW_QUEUE
    state_code: int
    offset: int


@dataclass(frozen=True, slots=True)
class AdButton(Payload):
    """A step of /ichbiete or an action on one's own ad: the action, the ad (0 before one exists), a value."""

    KIND = Kind.AD
    action: int
    ad_id: int
    value: int


@dataclass(frozen=True, slots=True)
class AdReviewButton(Payload):
    """An admin's verdict on a volunteer's ad (its index in bot.ads.review.VERDICTS)."""

    KIND = Kind.AD_REVIEW
    verdict: int
    ad_id: int


@dataclass(frozen=True, slots=True)
class AdPageButton(Payload):
    """Another page of an organisation member's ad search."""

    KIND = Kind.AD_PAGE
    search_id: int
    offset: int


@dataclass(frozen=True, slots=True)
class AdSaveButton(Payload):
    """Keeps an ad search, to be told of new ads that match it."""

    KIND = Kind.AD_SAVE
    search_id: int


@dataclass(frozen=True, slots=True)
class AdStopButton(Payload):
    """Stops the alerts of a saved ad search."""

    KIND = Kind.AD_STOP
    search_id: int


@dataclass(frozen=True, slots=True)
class AdSavedButton(Payload):
    """Stops a saved ad search from the list /freiwillige shows, which then shows the rest."""

    KIND = Kind.AD_SAVED
    search_id: int


@dataclass(frozen=True, slots=True)
class AdContactButton(Payload):
    """'Kontakt aufnehmen' under an ad, in the name of one organisation (the presser's membership is checked)."""

    KIND = Kind.AD_CONTACT
    ad_id: int
    organisation_id: int


@dataclass(frozen=True, slots=True)
class AdAboutButton(Payload):
    """The listing a draft contact is about: its id + 1, or 0 for none."""

    KIND = Kind.AD_ABOUT
    contact_id: int
    listing: int


@dataclass(frozen=True, slots=True)
class AdReportButton(Payload):
    """An organisation's member reports an ad to the admins."""

    KIND = Kind.AD_REPORT
    ad_id: int


@dataclass(frozen=True, slots=True)
class ContactAnswerButton(Payload):
    """The person behind an ad acts on a contact (see ContactAction): answer, decline, block, report ..."""

    KIND = Kind.CONTACT_ANSWER
    action: int
    contact_id: int


@dataclass(frozen=True, slots=True)
class ContactReplyButton(Payload):
    """An organisation's member replies to a person who answered."""

    KIND = Kind.CONTACT_REPLY
    contact_id: int


PAYLOADS: dict[Kind, type[Payload]] = {cls.KIND: cls for cls in Payload.__subclasses__()}
ARITY: dict[Kind, int] = {kind: len(fields(cls)) for kind, cls in PAYLOADS.items()}


def pack(payload: Payload) -> str:
    """Returns the data string of a button."""
    return encode(payload.KIND, *astuple(payload))


def unpack(data: object) -> Payload | None:
    """Returns the typed meaning of button data, or None for data that is forged, malformed or outdated."""
    decoded = decode(data)
    return None if decoded is None else PAYLOADS[decoded.kind](*decoded.args)


def kind_of(data: object) -> Kind | None:
    """Returns the kind a button's data claims, without checking the rest (routing only; unpack checks)."""
    if not isinstance(data, str) or len(data) < 2 or data[0] != VERSION:
        return None
    try:
        return Kind(data[1])
    except ValueError:
        return None


def encode(kind: Kind, *args: int) -> str:
    """Returns the data string for a button; refuses what would not come back intact."""
    if len(args) != ARITY[kind] or any(not 0 <= arg < _MAX_ID for arg in args):
        raise ValueError(f"button {kind.name} takes {ARITY[kind]} non-negative ids, got {args}")
    data = f"{VERSION}{kind.value}" + "".join(f":{arg}" for arg in args)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"button data longer than {MAX_BYTES} bytes: {data}")
    return data


def decode(data: object) -> Callback | None:
    """Returns the button's meaning, or None for data that is forged, malformed or from an older version."""
    if not isinstance(data, str) or len(data) > MAX_BYTES:
        return None
    match = _PATTERN.match(data)
    if not match or match["version"] != VERSION:
        return None
    try:
        kind = Kind(match["kind"])
    except ValueError:
        return None
    parts = match["args"].split(":") if match["args"] else []
    # Only the canonical form is accepted ("007" is not an id we ever wrote): decoding inverts encoding exactly.
    if len(parts) != ARITY[kind] or any(not part or len(part) > 16 or part != str(int(part)) for part in parts):
        return None
    args = tuple(int(part) for part in parts)
    if any(arg >= _MAX_ID for arg in args):
        return None
    return Callback(kind, args)
