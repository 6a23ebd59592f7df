"""/meinedaten and /loeschen: everything stored about a person, exported as JSON or deleted.

The tables are found through the metadata, not listed by hand, so a table added later is covered:
- personal rows: a column names the person (telegram_id, chat_id, or a foreign key to volunteers), or a
  foreign key leads to a personal row (alert_deliveries -> saved_searches -> volunteers). Exported, deleted.
- actions: a column records the person as the actor (actor_telegram_id, created_by, granted_by,
  status_chat_id). Exported; on deletion the column is set to NULL (or to ANONYMOUS where it cannot be NULL),
  so the record stays without the person: an admin's announcements and moderation decisions belong to the
  operator's history, not to the admin.
- what belongs to an organisation (its listings) stays with it. When the person was its last member, its
  waiting and published listings are paused (nobody could answer volunteers any more) and the report names the
  organisation, so the chat can tell the admins of its region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Table, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.domain import ModerationAction, OpportunityStatus
from bot.store.db import rows_affected
from bot.store.models import Base, ModerationEvent, Opportunity, Organisation, OrganisationMember
from bot.store.types import utcnow

EXPORT_FORMAT = "ehrenamt-bot/personal-data/1"
IDENTITY_NAMES = frozenset({"telegram_id", "chat_id"})
ACTOR_NAMES = frozenset({"created_by", "granted_by"})
# Friendly section names of the export for the tables people ask about most; every other table still appears.
SECTIONS = {
    "favourites": "favourites",
    "saved_searches": "saved_searches",
    "alert_deliveries": "alert_deliveries",
    "interest_reports": "interest_reports",
    "organisation_members": "organisation_memberships",
    "listing_drafts": "listing_drafts",
    "volunteer_ads": "ads",
    # Volunteers' ads, the organisations' side: contacts received, organisations blocked, searches of the ads.
    "ad_contacts": "ad_contacts",
    "organisation_blocks": "organisation_blocks",
    "ad_searches": "ad_searches",
}
ANONYMOUS = 0  # stands for "a person who deleted their data" in actor columns that cannot be NULL
PAUSED_REASON = "no member left: the last member deleted their data"
HOME_FIELDS = ("home_place_name", "home_lat", "home_lon", "home_state", "home_district", "home_consent_at")


@dataclass(frozen=True, slots=True)
class OrphanedOrganisation:
    """An organisation whose last member deleted their data, and how many of its listings were paused."""

    organisation_id: int
    name: str
    state: str | None
    district: str | None
    paused: int


@dataclass(frozen=True, slots=True)
class DeletionReport:
    """What deleting a person's data removed: rows per table, and actor columns set to NULL."""

    telegram_id: int
    deleted: dict[str, int] = field(default_factory=dict)
    anonymised: dict[str, int] = field(default_factory=dict)  # "table.column" -> rows
    orphaned: list[OrphanedOrganisation] = field(default_factory=list)  # left without any member

    @property
    def total(self) -> int:
        """Returns how many rows were deleted or anonymised."""
        return sum(self.deleted.values()) + sum(self.anonymised.values())


def is_identity_column(column: Column[Any]) -> bool:
    """Tells whether a column says whose row it is (the row is personal data)."""
    if column.name in IDENTITY_NAMES:
        return True
    return any(fk.column.table.name == "volunteers" for fk in column.foreign_keys)


def is_actor_column(column: Column[Any]) -> bool:
    """Tells whether a column records a person as the one who did something."""
    name = column.name
    return not is_identity_column(column) and (
        name in ACTOR_NAMES or name.endswith("_telegram_id") or name.endswith("_chat_id")
    )


def person_columns() -> list[Column[Any]]:
    """Returns every column in the schema that holds a person's Telegram id or volunteer id."""
    return [
        column
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if is_identity_column(column) or is_actor_column(column)
    ]


def personal_conditions(telegram_id: int) -> dict[Table, ColumnElement[bool]]:
    """Returns, per table, the condition that selects the person's rows (parents before children)."""
    conditions: dict[Table, ColumnElement[bool]] = {}
    for table in Base.metadata.sorted_tables:
        parts: list[ColumnElement[bool]] = []
        for column in table.columns:
            if column.name in IDENTITY_NAMES:
                parts.append(column == telegram_id)
            for fk in column.foreign_keys:
                parent = fk.column.table
                if parent in conditions:
                    parts.append(column.in_(select(fk.column).where(conditions[parent])))
        if parts:
            conditions[table] = or_(*parts)
    return conditions


async def export_volunteer_data(
    session: AsyncSession, telegram_id: int, *, now: datetime | None = None
) -> dict[str, Any]:
    """Returns everything stored about the person as a JSON-ready document."""
    personal: dict[str, list[dict[str, Any]]] = {}
    for table, condition in personal_conditions(telegram_id).items():
        rows = [_others_hidden(dict(row), table, telegram_id)
                for row in (await session.execute(select(table).where(condition))).mappings()]
        if rows:
            personal[table.name] = rows
    actions = await _actions(session, telegram_id)
    await _add_titles(session, [*personal.values(), *actions.values()])
    profile = next(iter(personal.pop("volunteers", [])), None)
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": (now or utcnow()).isoformat(),
        "telegram_id": telegram_id,
        "profile": _without(profile, HOME_FIELDS) if profile else None,
        "home_place": _home(profile),
    }
    for table_name, section in SECTIONS.items():
        document[section] = personal.pop(table_name, [])
    document["other"] = personal
    document["actions"] = actions
    ready: dict[str, Any] = _json_ready(document)
    return ready


async def delete_volunteer_data(session: AsyncSession, telegram_id: int) -> DeletionReport:
    """Deletes everything stored about the person; records of their actions keep no trace of them.

    Pending changes are flushed first; afterwards the session holds no loaded objects (they may be gone).
    """
    await session.flush()
    report = DeletionReport(telegram_id=telegram_id)
    memberships = set((await session.execute(
        select(OrganisationMember.organisation_id).where(OrganisationMember.telegram_id == telegram_id))).scalars())
    conditions = personal_conditions(telegram_id)
    # Children first: the conditions of children read their parents' rows, which must still exist then.
    for table in reversed(list(conditions)):
        deletion = delete(table).where(conditions[table])
        result = await session.execute(deletion.execution_options(synchronize_session=False))
        if rows_affected(result):
            report.deleted[table.name] = report.deleted.get(table.name, 0) + rows_affected(result)
    for column in _actor_columns():
        table = column.table
        if column.nullable:
            statement = update(table).where(column == telegram_id).values({column.name: None})
            result = await session.execute(statement.execution_options(synchronize_session=False))
            if rows_affected(result):
                report.anonymised[f"{table.name}.{column.name}"] = rows_affected(result)
        else:
            statement = update(table).where(column == telegram_id).values({column.name: ANONYMOUS})
            result = await session.execute(statement.execution_options(synchronize_session=False))
            if rows_affected(result):
                report.anonymised[f"{table.name}.{column.name}"] = rows_affected(result)
    report.orphaned.extend(await _pause_orphaned(session, memberships))
    session.expunge_all()  # loaded objects (the person's Volunteer) must not be written back at commit
    return report


async def _pause_orphaned(session: AsyncSession, organisation_ids: set[int]) -> list[OrphanedOrganisation]:
    """Pauses the live listings of organisations that have no member left; returns those organisations."""
    if not organisation_ids:
        return []
    still_staffed = set((await session.execute(
        select(OrganisationMember.organisation_id).where(OrganisationMember.organisation_id.in_(organisation_ids))
    )).scalars())
    orphaned = []
    for organisation in (await session.execute(
            select(Organisation).where(Organisation.id.in_(organisation_ids - still_staffed))
            .order_by(Organisation.id))).scalars():
        live = (await session.execute(select(Opportunity.id).where(
            Opportunity.organisation_id == organisation.id,
            Opportunity.status.in_((OpportunityStatus.PENDING.value, OpportunityStatus.PUBLISHED.value)),
        ))).scalars().all()
        if live:
            await session.execute(update(Opportunity).where(Opportunity.id.in_(live))
                                  .values(status=OpportunityStatus.PAUSED.value)
                                  .execution_options(synchronize_session=False))
            session.add_all(ModerationEvent(opportunity_id=id_, organisation_id=organisation.id,
                                            action=ModerationAction.PAUSED.value, reason=PAUSED_REASON)
                            for id_ in live)
        orphaned.append(OrphanedOrganisation(organisation.id, organisation.name, organisation.state,
                                             organisation.district, len(live)))
    await session.flush()
    return orphaned


async def _actions(session: AsyncSession, telegram_id: int) -> dict[str, list[dict[str, Any]]]:
    """Returns rows that record the person as an actor, per table (a row naming them twice appears once)."""
    by_table: dict[Table, list[Column[Any]]] = {}
    for column in _actor_columns():
        by_table.setdefault(column.table, []).append(column)
    found: dict[str, list[dict[str, Any]]] = {}
    for table, columns in by_table.items():
        condition = or_(*(column == telegram_id for column in columns))
        rows = [_volunteers_hidden(dict(row), table)
                for row in (await session.execute(select(table).where(condition))).mappings()]
        if rows:
            found[table.name] = rows
    return found


def _volunteers_hidden(row: dict[str, Any], table: Table) -> dict[str, Any]:
    """Blanks, in a record of the person's action, the volunteer another row belongs to: a contact a member
    started is the organisation's record, but who received it is not the member's to take home."""
    for column in table.columns:
        if any(fk.column.table.name == "volunteers" for fk in column.foreign_keys):
            row[column.name] = None
    return row


def _others_hidden(row: dict[str, Any], table: Table, telegram_id: int) -> dict[str, Any]:
    """Blanks the ids of other people in one of the person's rows: a contact they received names the member who
    wrote it, a report about their ad names who reported it, the notice of their ad names the admin's chat it
    was shown in; none is the person's to see."""
    for column in table.columns:
        names_someone = is_actor_column(column) or column.name in IDENTITY_NAMES
        if names_someone and row.get(column.name) not in (None, telegram_id):
            row[column.name] = None
    return row


def _actor_columns() -> list[Column[Any]]:
    """Returns the actor columns of every table."""
    return [column for column in person_columns() if is_actor_column(column)]


async def _add_titles(session: AsyncSession, groups: list[list[dict[str, Any]]]) -> None:
    """Adds listing titles and organisation names next to their ids, so the export reads without the database."""
    rows = [row for group in groups for row in group]
    listing_ids = {row["opportunity_id"] for row in rows if row.get("opportunity_id") is not None}
    organisation_ids = {row["organisation_id"] for row in rows if row.get("organisation_id") is not None}
    titles = await _names(session, Opportunity.id, Opportunity.title, listing_ids)
    names = await _names(session, Organisation.id, Organisation.name, organisation_ids)
    for row in rows:
        if row.get("opportunity_id") in titles:
            row["opportunity_title"] = titles[row["opportunity_id"]]
        if row.get("organisation_id") in names:
            row["organisation_name"] = names[row["organisation_id"]]


async def _names(session: AsyncSession, key: Any, label: Any, ids: set[int]) -> dict[int, str]:
    """Looks up labels for ids in chunks."""
    found: dict[int, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        rows = await session.execute(select(key, label).where(key.in_(ordered[start : start + 500])))
        found.update({id_: text for id_, text in rows})
    return found


def _home(profile: dict[str, Any] | None) -> dict[str, Any] | None:
    """Returns the home place part of the profile, or None when none is stored."""
    if not profile or profile.get("home_lat") is None:
        return None
    return {name.removeprefix("home_"): profile.get(name) for name in HOME_FIELDS}


def _without(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """Returns a copy of a row without some fields."""
    return {key: value for key, value in row.items() if key not in names}


def _json_ready(value: Any) -> Any:
    """Turns dates and datetimes into ISO strings, recursively; everything else is already JSON."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(item) for item in value]
    return value
