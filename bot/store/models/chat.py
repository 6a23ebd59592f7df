"""What the chat needs to remember: searches shown to people, the question asked last, the command menu set.

Kept in the database, not in process memory, so buttons keep working after a restart and when the next
update reaches another bot process (ConversationHandler state is per process).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models.base import Base
from bot.store.types import Id, Json, UTCDateTime, utcnow


class ChatSearch(Base):
    """A search shown in a result message: the text, the button filters and the page, addressed by id in buttons."""

    __tablename__ = "chat_searches"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    query_text: Mapped[str] = mapped_column(String(4096), default="")
    refinement: Mapped[dict[str, object]] = mapped_column(Json, default=dict)  # Refinement.to_dict()
    offset: Mapped[int] = mapped_column(Integer, default=0)
    # Places of the same name the person can choose from (PlaceRef.to_dict() each), when the text was ambiguous.
    candidates: Mapped[list[dict[str, object]]] = mapped_column(Json, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Made in the person's own chat (False: in a group); messages go on only from searches of the same kind.
    private: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    lang: Mapped[str | None] = mapped_column(String(8))  # the language the search was answered in
    # False when the text said nothing the search could use ("🐶🐱"): no search for a follow-up to go on from.
    understood: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ChatState(Base):
    """The question the bot asked a person last and is waiting for an answer to (a place, say)."""

    __tablename__ = "chat_states"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    awaiting: Mapped[str | None] = mapped_column(String(20))
    search_id: Mapped[int | None] = mapped_column(ForeignKey("chat_searches.id", ondelete="SET NULL"))
    # The ad a text went past while it waited for its buttons (bot.ads.left): kept apart from `awaiting`, which the
    # search that text started may take for its own question. Deleting the ad forgets it (migration 0023).
    left_ad_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="SET NULL"), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class ChatMenu(Base):
    """The version of the command menu last set in one person's own chat (admins and organisations' members).

    People with only the common menu have no row. Kept so that a restart sends nothing for menus already right
    (nor to chats that are gone), and so that a menu is taken back when the person loses the rights it showed.
    """

    __tablename__ = "chat_menus"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    version: Mapped[str] = mapped_column(String(16))  # bot.menus.commands.Menu.version
    set_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # When Telegram refused this version (the person blocked the bot or never opened it): it is not sent again
    # until the menu changes or the person writes /start.
    skipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
