"""Reading back what a test wrote: a row the test expects to exist, or a clear failure."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Base

Row = TypeVar("Row", bound=Base)


async def stored(session: AsyncSession, model: type[Row], id_: int | None) -> Row:
    """Returns the row of this model and id; fails the test when the id is None or the row is missing."""
    assert id_ is not None, f"no {model.__name__} id"
    row = await session.get(model, id_)
    assert row is not None, f"{model.__name__} {id_} is not stored"
    return row
