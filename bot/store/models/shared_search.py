"""Prepared searches behind deep links that are too long to fit into a Telegram start parameter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models.base import Base
from bot.store.types import Json, UTCDateTime, utcnow


class SharedSearch(Base):
    """A search a municipality or club links to; the code is a hash of its content, so links are stable.

    Holds no personal data: who created the link is not recorded.
    """

    __tablename__ = "shared_searches"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    text: Mapped[str] = mapped_column(String(4096))
    refinement: Mapped[dict[str, object]] = mapped_column(Json, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
