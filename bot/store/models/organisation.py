"""Organisations (clubs, initiatives, municipalities) and the people who may act for them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.domain import OrganisationKind
from bot.store.models.base import Base, Timestamps
from bot.store.types import Id


class Organisation(Timestamps, Base):
    """A body that offers opportunities; verified ones publish without moderation."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("source", "external_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default=OrganisationKind.ASSOCIATION.value)
    website: Mapped[str | None] = mapped_column(String(500))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    contact_phone: Mapped[str | None] = mapped_column(String(50))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    place_name: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str | None] = mapped_column(String(60))
    district: Mapped[str | None] = mapped_column(String(120))
    # Where the record came from ("demo", "bot", a feed name) and its id there, for re-imports.
    source: Mapped[str] = mapped_column(String(60), default="bot")
    external_id: Mapped[str | None] = mapped_column(String(200))

    members: Mapped[list[OrganisationMember]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )


class OrganisationMember(Timestamps, Base):
    """A Telegram user who may post and manage an organisation's listings."""

    __tablename__ = "organisation_members"
    __table_args__ = (UniqueConstraint("organisation_id", "telegram_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    role: Mapped[str] = mapped_column(String(20), default="owner")

    organisation: Mapped[Organisation] = relationship(back_populates="members")
