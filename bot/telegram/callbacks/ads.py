"""The buttons of volunteers' ads: the volunteer's side, admins' verdicts, organisations' search and contacts."""

from __future__ import annotations

from dataclasses import dataclass

from bot.telegram.callbacks.wire import Kind, Payload


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
