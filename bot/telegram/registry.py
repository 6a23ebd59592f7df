"""Every handler of the bot in one ordered list: the first match in a group wins, so the order is the design."""

from __future__ import annotations

from typing import TypeVar

from telegram import Message, Update
from telegram.ext import (
    Application, BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, TypeHandler, filters,
)

from bot.telegram import fallback
from bot.telegram.ad_search import contact as ad_contact
from bot.telegram.ad_search import handlers as ad_search
from bot.telegram.ads import handlers as ads
from bot.telegram.ads import review as ad_review
from bot.telegram.alerts import handlers as alerts
from bot.telegram.announcements import handlers as broadcast
from bot.telegram.announcements.steps import QUESTIONS as ANNOUNCEMENT_QUESTIONS
from bot.telegram.answers import AnswerRoute
from bot.telegram.callbacks import (
    AdAboutButton, AdButton, AdContactButton, AdPageButton, AdReportButton, AdReviewButton, AdSaveButton,
    AdSavedButton, AdStopButton, BackButton, BroadcastButton, CategoryButton, ContactAnswerButton, ContactReplyButton,
    DeleteButton, DetailsButton, DraftAnswerButton, DraftButton,
    FavouriteButton, FavouriteDetailsButton, FavouritesButton, HomeButton, InterestButton, ListingButton,
    ModerateButton, OwnListingButton, ReviewQueueButton, PageButton, Payload, PlaceButton, RadiusButton, RefineButton,
    SaveButton, SettingButton, SimilarButton, StopAlertButton, TimeButton, UnfavouriteButton, UnsubscribeButton,
    kind_of,
)
from bot.telegram.context import ButtonHandler, TurnHandler, adapt, adapt_button
from bot.telegram.errors import on_error
from bot.telegram.listings import handlers as listings
from bot.telegram.moderation import handlers as moderation
from bot.telegram.posting import handlers as posting
from bot.telegram.posting import interest, my_listings
from bot.telegram.privacy import handlers as privacy
from bot.telegram.search import handlers as search
from bot.telegram.search import location
from bot.telegram.settings import handlers as settings
from bot.telegram.start import handlers as start
from bot.texts import LANGUAGES, t

B = TypeVar("B", bound=Payload)
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
# Group -2 runs before everything else and may stop an update (the flood limit).
GUARD_GROUP = -2
# A private message may answer a question the bot asked (a draft's step, a rejection reason, an announcement):
# the handlers of texts, locations, photos and /abbrechen ask these flows first, in the same unit of work, so
# the search never sees answers meant for the draft.
ANSWERS = AnswerRoute(draft=posting.take_draft_answer, left=ads.take_left, awaiting=[
    (lambda awaiting: awaiting.startswith(moderation.REJECTING), moderation.take_rejection_reason),
    (lambda awaiting: awaiting in ANNOUNCEMENT_QUESTIONS, broadcast.take_answer),
    (lambda awaiting: awaiting.startswith(ad_review.WARNING), ad_review.take_warning),
    (lambda awaiting: awaiting.startswith("ad_"), ads.take_answer),  # /ichbiete: the ad's text or place
    (lambda awaiting: awaiting == ad_search.ASKING, ad_search.take_query),
    (lambda awaiting: awaiting.startswith(ad_contact.QUESTIONS), ad_contact.take_answer),
])


def register_handlers(application: Application) -> None:  # type: ignore[type-arg]
    """Registers the flood guard, all handlers in order, and the error handler."""
    application.add_handler(TypeHandler(Update, fallback.flood_guard), group=GUARD_GROUP)
    application.add_handlers(handlers())
    application.add_error_handler(on_error)


def handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Returns the handlers of group 0, most specific first; the catch-alls come last."""
    return [
        # Commands, German first with the English alias; /start reads deep-link payloads itself.
        _command("start", start.start),
        _command(["suche", "search"], search.search_command, private=False),  # in groups too, for the searcher only
        _command(["merkliste", "favourites"], listings.favourites_command),
        _command(["suchauftraege", "alerts"], alerts.alerts_command),
        _command(["standort", "location"], location.location_command),
        _command(["einstellungen", "settings"], settings.settings_command),
        _command(["sprache", "language"], settings.language_command),
        _command(["hilfe", "help"], start.help_command),
        _command(["datenschutz", "privacy"], privacy.privacy_command),
        _command(["meinedaten", "mydata"], privacy.my_data_command),
        _command(["loeschen", "delete"], privacy.delete_command),
        # /abbrechen drops an open draft (the answer route) before it closes the search's question.
        CommandHandler(["abbrechen", "cancel"], adapt(start.cancel, answers=ANSWERS), filters=PRIVATE),
        _command(["rundschreiben", "broadcast"], broadcast.broadcast_command, admin=True),  # admins only
        _command(["anbieten", "post"], posting.post_command),
        _command(["meineangebote", "mylistings"], my_listings.my_listings_command),
        _command(["pruefen", "review"], moderation.review_command, admin=True),
        _command(["anzeige", "ad"], ad_review.ad_command, admin=True),  # an ad by its id, after a report
        _command(["ichbiete", "offerhelp"], ads.offer_command),  # a volunteer's own ads
        _command(["freiwillige", "volunteers"], ad_search.volunteers_command),  # organisations' members
        # The main keyboard sends its labels as text; they must win over the free-text search below, and they
        # keep working while a question is open (they never become an answer).
        MessageHandler(PRIVATE & _labels("menu.button_guided"), adapt(search.guided_search)),
        MessageHandler(PRIVATE & _labels("menu.button_favourites"), adapt(listings.favourites_command)),
        MessageHandler(PRIVATE & _labels("menu.button_alerts"), adapt(alerts.alerts_command)),
        MessageHandler(PRIVATE & _labels("menu.button_settings"), adapt(settings.settings_command)),
        MessageHandler(PRIVATE & _labels("menu.button_help"), adapt(start.help_command)),
        # Buttons: one handler per payload class, decoded and checked once by the update context.
        # own_chat: pressed only in the presser's private chat (refused as foreign elsewhere); the search's
        # buttons work in groups and check that the stored search is the presser's own.
        _button(PageButton, search.turn_page),
        _button(SimilarButton, search.show_similar),
        _button(BackButton, search.back_to_results),
        _button(RefineButton, search.open_refinement),
        _button(RadiusButton, search.choose_radius),
        _button(CategoryButton, search.choose_category),
        _button(TimeButton, search.choose_time),
        _button(PlaceButton, search.choose_place),
        _button(DetailsButton, listings.show_details),
        _button(ListingButton, listings.show_listing, own_chat=True),
        _button(FavouriteButton, listings.keep_listing),  # where it may be pressed depends on its origin
        _button(UnfavouriteButton, listings.drop_listing),
        _button(FavouritesButton, listings.favourites_page, own_chat=True),
        _button(FavouriteDetailsButton, listings.show_favourite, own_chat=True),
        _button(SaveButton, alerts.save_alert),
        _button(StopAlertButton, alerts.stop_alert),
        _button(HomeButton, location.answer_home_question, own_chat=True),
        _button(SettingButton, settings.change_setting, own_chat=True),
        _button(DeleteButton, privacy.confirm_delete, person=False),  # never creates the record it deletes
        _button(BroadcastButton, broadcast.press, admin=True),  # the use cases check the scope's region
        _button(UnsubscribeButton, broadcast.unsubscribe),
        _button(DraftAnswerButton, posting.answer_button),  # the draft is the presser's own, looked up by their id
        _button(DraftButton, posting.draft_action),
        _button(OwnListingButton, my_listings.own_listing_button),  # members only: the use cases check
        _button(ModerateButton, moderation.moderate_button, admin=True),  # admins of the listing's region only
        _button(ReviewQueueButton, moderation.review_queue_button, admin=True),  # pages of /pruefen
        _button(InterestButton, interest.interest_button),
        _button(AdButton, ads.ad_button, own_chat=True),  # the ad is the presser's own, looked up by their id
        _button(AdReviewButton, ad_review.review_button, admin=True),  # admins of the ad's region only
        # Volunteers' ads, the organisations' side: the use cases check membership, access and ownership.
        _button(AdPageButton, ad_search.turn_page, own_chat=True),
        _button(AdSaveButton, ad_search.save_search, own_chat=True),
        _button(AdStopButton, ad_search.stop_search, own_chat=True),
        _button(AdSavedButton, ad_search.stop_listed, own_chat=True),
        _button(AdContactButton, ad_contact.start_contact, own_chat=True),
        _button(AdAboutButton, ad_contact.choose_listing, own_chat=True),
        _button(AdReportButton, ad_contact.report_ad, own_chat=True),
        _button(ContactAnswerButton, ad_contact.person_button, own_chat=True),  # the person behind the ad only
        _button(ContactReplyButton, ad_contact.reply_button, own_chat=True),
        # Messages in a private chat: a shared location is a place, an edit is searched again, text is a search;
        # each is first offered to an open question.
        MessageHandler(PRIVATE & filters.LOCATION, adapt(location.location_shared, answers=ANSWERS)),
        MessageHandler(PRIVATE & filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND,
                       adapt(search.search_edited)),
        MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       adapt(search.search_text, answers=ANSWERS)),
        MessageHandler(PRIVATE & filters.COMMAND, adapt(fallback.unknown_command)),
        # Groups: only /suche works there (above); /start, /hilfe, mentions and replies get the invitation.
        MessageHandler(GROUPS & (filters.COMMAND | _ADDRESSED), fallback.group_hint),
        # Catch-alls, last: anything else in a private chat (stickers, voice, ...; a photo may be an
        # announcement) and unknown buttons.
        MessageHandler(PRIVATE & filters.UpdateType.MESSAGE, adapt(fallback.media, answers=ANSWERS)),
        CallbackQueryHandler(fallback.stale_button),
    ]


def _command(
    names: str | list[str], handler: TurnHandler, *, private: bool = True, admin: bool = False
) -> CommandHandler:  # type: ignore[type-arg]
    """Returns a command handler (private chats only unless said otherwise)."""
    return CommandHandler(names, adapt(handler, admin=admin), filters=PRIVATE if private else None)


def _button(
    payload: type[B], handler: ButtonHandler[B], *, own_chat: bool = False, admin: bool = False, person: bool = True
) -> CallbackQueryHandler:  # type: ignore[type-arg]
    """Returns the handler of one kind of button: the data's kind letter routes, the update context decodes."""
    def matches(data: object) -> bool:
        return kind_of(data) is payload.KIND

    return CallbackQueryHandler(adapt_button(payload, handler, own_chat=own_chat, admin=admin, person=person),
                                pattern=matches)


class _AddressedToBot(filters.MessageFilter):
    """Messages in a group that mention the bot or reply to one of its messages."""

    def filter(self, message: Message) -> bool:
        """Tells whether the bot is spoken to."""
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        mention = f"@{bot.username}".lower()
        return any(text.lower() == mention for text in message.parse_entities(["mention"]).values())


_ADDRESSED = _AddressedToBot()


def _labels(key: str) -> filters.BaseFilter:
    """Returns a filter for a main-keyboard label in any language."""
    return filters.Text([t(lang, key) for lang in LANGUAGES])

