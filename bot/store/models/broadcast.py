"""Admin announcements and their durable outbox: one delivery row per recipient."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain import BroadcastStatus, DeliveryState
from bot.store.models.base import Base, Timestamps
from bot.store.types import Id, Json, UTCDateTime


class Broadcast(Timestamps, Base):
    """An announcement to an audience, possibly scheduled; progress is counted from its deliveries."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    parse_mode: Mapped[str | None] = mapped_column(String(12))
    photo_file_id: Mapped[str | None] = mapped_column(String(300))
    audience: Mapped[dict[str, object]] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(String(12), default=BroadcastStatus.DRAFT.value)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # True once every recipient row is written, so a restarted process knows whether to resume the audience.
    audience_complete: Mapped[bool] = mapped_column(default=False)
    status_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status_message_id: Mapped[int | None] = mapped_column(Integer)


class BroadcastDelivery(Base):
    """One recipient of one broadcast; the unique key makes a second row for the same chat impossible."""

    __tablename__ = "broadcast_deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "chat_id"),
        Index("ix_broadcast_deliveries_queue", "broadcast_id", "state", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(10), default=DeliveryState.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(String(300))
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class BroadcastPacing(Base):
    """The send time reserved by every process on one PostgreSQL, so they share Telegram's per-bot limit.

    One row (id 1). Times are seconds of the database's clock (epoch), so processes on different hosts agree.
    """

    __tablename__ = "broadcast_pacing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_slot: Mapped[float] = mapped_column(Float, default=0.0)  # the first send time nobody has reserved
    paused_until: Mapped[float] = mapped_column(Float, default=0.0)  # flood control: nobody sends before
