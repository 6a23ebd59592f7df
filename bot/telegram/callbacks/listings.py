"""The buttons of searching, favourites, alerts, settings, posting, moderation and announcements."""

from __future__ import annotations

from dataclasses import dataclass

from bot.telegram.callbacks.wire import Kind, Payload


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
class PageButton(Payload):
    """Another page of a stored search's results."""

    KIND = Kind.PAGE
    search_id: int
    offset: int


@dataclass(frozen=True, slots=True)
class SimilarButton(Payload):
    """A stored search's related listings, left out of its answer (bot.search.tiers), or back to those answering it."""

    KIND = Kind.SIMILAR
    search_id: int
    similar: int  # 1: the related ones; 0: the answer again


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
