"""Every handler of the bot in one ordered list: the first match in a group wins, so the order is the design."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import (
    Application, BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, TypeHandler, filters,
)

from bot.telegram.callbacks import Kind, decode
from bot.telegram.handlers import (
    alerts, fallback, interest, listings, location, moderation, my_listings, posting, privacy, search, settings, start,
)
from bot.telegram.handlers import broadcast, questions
from bot.telegram.handlers.errors import on_error
from bot.telegram.keyboards import MENU_KEYS
from bot.texts import LANGUAGES, t

PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS
# Group -2 runs before everything else and may stop an update (the flood limit).
GUARD_GROUP = -2
# Group -1 then gives an open question (a draft's step, a rejection reason, an announcement) its answer, stopping the update;
# with none open the message goes on to group 0, so the search never sees answers meant for the draft.
OPEN_QUESTION_GROUP = -1


def register_handlers(application: Application) -> None:  # type: ignore[type-arg]
    """Registers the flood guard, all handlers in order, and the error handler."""
    application.add_handler(TypeHandler(Update, fallback.flood_guard), group=GUARD_GROUP)
    application.add_handler(MessageHandler(
        PRIVATE & filters.UpdateType.MESSAGE & ~_MENU_LABELS
        & ((filters.TEXT & ~filters.COMMAND) | filters.LOCATION | filters.PHOTO
           | filters.Regex(r"^/(abbrechen|cancel)(@\w+)?$")),
        questions.route_answer), group=OPEN_QUESTION_GROUP)
    # Buttons of someone the bot holds nothing about (after /loeschen): said so, never a new profile.
    application.add_handler(CallbackQueryHandler(fallback.unknown_presser), group=OPEN_QUESTION_GROUP)
    application.add_handlers(handlers())
    application.add_error_handler(on_error)


def handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Returns the handlers of group 0, most specific first; the catch-alls come last."""
    return [
        # Commands, German first with the English alias; /start reads deep-link payloads itself.
        CommandHandler("start", start.start, filters=PRIVATE),
        CommandHandler(["suche", "search"], search.search_command),  # works in groups too, for the searcher only
        CommandHandler(["merkliste", "favourites"], listings.favourites_command, filters=PRIVATE),
        CommandHandler(["suchauftraege", "alerts"], alerts.alerts_command, filters=PRIVATE),
        CommandHandler(["standort", "location"], location.location_command, filters=PRIVATE),
        CommandHandler(["einstellungen", "settings"], settings.settings_command, filters=PRIVATE),
        CommandHandler(["hilfe", "help"], start.help_command, filters=PRIVATE),
        CommandHandler(["datenschutz", "privacy"], privacy.privacy_command, filters=PRIVATE),
        CommandHandler(["meinedaten", "mydata"], privacy.my_data_command, filters=PRIVATE),
        CommandHandler(["loeschen", "delete"], privacy.delete_command, filters=PRIVATE),
        CommandHandler(["abbrechen", "cancel"], start.cancel, filters=PRIVATE),
        CommandHandler(["rundschreiben", "broadcast"], broadcast.broadcast_command, filters=PRIVATE),  # admins only
        CommandHandler(["anbieten", "post"], posting.post_command, filters=PRIVATE),
        CommandHandler(["meineangebote", "mylistings"], my_listings.my_listings_command, filters=PRIVATE),
        CommandHandler(["pruefen", "review"], moderation.review_command, filters=PRIVATE),
        # The main keyboard sends its labels as text; they must win over the free-text search below.
        MessageHandler(PRIVATE & _labels("menu.button_favourites"), listings.favourites_command),
        MessageHandler(PRIVATE & _labels("menu.button_alerts"), alerts.alerts_command),
        MessageHandler(PRIVATE & _labels("menu.button_settings"), settings.settings_command),
        MessageHandler(PRIVATE & _labels("menu.button_help"), start.help_command),
        # Buttons: one handler per kind of button data; ids are checked against the presser inside.
        _button(Kind.PAGE, search.turn_page),
        _button(Kind.BACK, search.back_to_results),
        _button(Kind.REFINE, search.open_refinement),
        _button(Kind.RADIUS, search.choose_radius),
        _button(Kind.CATEGORY, search.choose_category),
        _button(Kind.TIME, search.choose_time),
        _button(Kind.PLACE, search.choose_place),
        _button(Kind.DETAILS, listings.show_details),
        _button(Kind.LISTING, listings.show_listing),
        _button(Kind.FAVOURITE, listings.keep_listing),
        _button(Kind.UNFAVOURITE, listings.drop_listing),
        _button(Kind.FAVOURITES, listings.favourites_page),
        _button(Kind.FAVOURITE_DETAILS, listings.show_favourite),
        _button(Kind.SAVE, alerts.save_alert),
        _button(Kind.STOP_ALERT, alerts.stop_alert),
        _button(Kind.HOME, location.answer_home_question),
        _button(Kind.SETTING, settings.change_setting),
        _button(Kind.DELETE, privacy.confirm_delete),
        _button(Kind.BROADCAST, broadcast.press),  # the presser's admin scope is checked by the use cases
        _button(Kind.UNSUBSCRIBE, broadcast.unsubscribe),
        _button(Kind.DRAFT_ANSWER, posting.answer_button),  # the draft is the presser's own, looked up by their id
        _button(Kind.DRAFT, posting.draft_action),
        _button(Kind.OWN_LISTING, my_listings.own_listing_button),  # members only: the use cases check
        _button(Kind.MODERATE, moderation.moderate_button),  # admins of the listing's region only
        _button(Kind.REVIEW_QUEUE, moderation.review_queue_button),  # pages of /pruefen; the scope is looked up
        _button(Kind.INTEREST, interest.interest_button),
        # Messages in a private chat: a shared location is a place, an edit is searched again, text is a search.
        MessageHandler(PRIVATE & filters.LOCATION, location.location_shared),
        MessageHandler(PRIVATE & filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND,
                       search.search_edited),
        # Any other text is a search (answers to open questions were taken in group -1).
        MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, search.search_text),
        MessageHandler(PRIVATE & filters.COMMAND, fallback.unknown_command),
        # Groups: only /suche works there (above); /start, /hilfe, mentions and replies get the invitation.
        MessageHandler(GROUPS & (filters.COMMAND | _ADDRESSED), fallback.group_hint),
        # Catch-alls, last: anything else in a private chat (stickers, photos, voice, ...) and unknown buttons.
        MessageHandler(PRIVATE & filters.UpdateType.MESSAGE, fallback.media),
        CallbackQueryHandler(fallback.stale_button),
    ]


def _button(kind: Kind, callback) -> CallbackQueryHandler:  # type: ignore[no-untyped-def, type-arg]
    """Returns a handler for buttons whose data decodes to this kind."""
    def matches(data: object) -> bool:
        decoded = decode(data)
        return decoded is not None and decoded.kind is kind

    return CallbackQueryHandler(callback, pattern=matches)


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


# The main keyboard's labels keep working while a question is open; they never become an answer.
_MENU_LABELS = filters.Text([t(lang, key) for lang in LANGUAGES for key in MENU_KEYS])
