"""The wire format of button data: version, kind letter, ids; the Payload base that each kind's class extends."""

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
    SIMILAR = "U"  # search id, 1 the related listings left out of the answer / 0 back to those answering it


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


# Filled by register() once every payload module is imported (bot.telegram.callbacks does it).
PAYLOADS: dict[Kind, type[Payload]] = {}
ARITY: dict[Kind, int] = {}


def register() -> None:
    """Maps each kind to its payload class and the number of ids it carries."""
    PAYLOADS.update({cls.KIND: cls for cls in Payload.__subclasses__()})
    ARITY.update({kind: len(fields(cls)) for kind, cls in PAYLOADS.items()})


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
