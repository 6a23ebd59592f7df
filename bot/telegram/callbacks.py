"""Button data: a version, a kind and a few ids ("1p:42:5"), nothing else; anything else decodes to None.

Telegram gives buttons 64 bytes and sends the data back verbatim, so anyone can forge it: data carries ids only,
the handler looks them up and checks that they belong to the person pressing. Bumping VERSION turns every
older button into a stale one instead of misreading it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

VERSION = "1"
MAX_BYTES = 64
_MAX_ID = 2**53  # larger numbers are forged: no id or offset of ours gets near
_PATTERN = re.compile(r"^(?P<version>\d)(?P<kind>[a-z]):?(?P<args>[0-9:]*)$")


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
    DRAFT_ANSWER = "a"  # step index, choice number (see bot.telegram.posting_buttons)
    DRAFT = "g"  # draft action (back, cancel, submit, edit ...), its argument
    OWN_LISTING = "j"  # /meineangebote action, opportunity id
    MODERATE = "n"  # moderation action, opportunity or organisation id
    INTEREST = "i"  # interest action, opportunity or interest report id
    BROADCAST = "w"  # broadcast id (0 before a draft exists), action (see BroadcastAction), value
    UNSUBSCRIBE = "q"  # under every announcement: turn announcements off
    REVIEW_QUEUE = "y"  # /pruefen page: state filter (admin1 code as a number, 0: all), offset


ARITY: dict[Kind, int] = {
    Kind.PAGE: 2, Kind.DETAILS: 2, Kind.BACK: 1, Kind.REFINE: 2, Kind.RADIUS: 2, Kind.CATEGORY: 2,
    Kind.TIME: 2, Kind.PLACE: 2, Kind.SAVE: 1, Kind.FAVOURITE: 3, Kind.UNFAVOURITE: 3, Kind.FAVOURITES: 1,
    Kind.FAVOURITE_DETAILS: 2, Kind.LISTING: 1, Kind.STOP_ALERT: 2, Kind.HOME: 2, Kind.SETTING: 2, Kind.DELETE: 1,
    Kind.DRAFT_ANSWER: 2, Kind.DRAFT: 2, Kind.OWN_LISTING: 2, Kind.MODERATE: 2, Kind.INTEREST: 2,
    Kind.BROADCAST: 3, Kind.UNSUBSCRIBE: 0, Kind.REVIEW_QUEUE: 2,
}


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
    """What a BROADCAST button does in the admin's announcement flow (bot.telegram.handlers.broadcast)."""

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
