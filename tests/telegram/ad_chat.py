"""People and steps shared by the chat tests of the organisations' side of volunteers' ads."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.db import Database
from tests.factories.ad_contacts import make_club, make_offer
from tests.telegram.botchat import Chat, Person, Reply

JANA = Person(id=601, first_name="Jana", language_code="de")  # member of a verified organisation
MEHMET = Person(id=602, first_name="Mehmet", language_code="de")  # has an ad
EMMA = Person(id=603, first_name="Emma", language_code="en")  # member, writes in English
JOHN = Person(id=604, first_name="John", language_code="en")  # has an ad, reads English
NOBODY = Person(id=605, first_name="Lea", language_code="de")  # no organisation
ADMIN = Person(id=1000, first_name="Admin", language_code="de")  # ADMIN_IDS of the test settings
QUERY = "jemand für Hausaufgabenhilfe in Kassel nachmittags"


@dataclass
class Stage:
    organisation_id: int
    ad_id: int
    listing_title: str


async def set_the_stage(database: Database, member: Person, person: Person, *, name: str, lang: str = "de") -> Stage:
    async with database.unit_of_work() as session:
        club = await make_club(session, name=name, member=member.id)
        offer = await make_offer(session, telegram_id=person.id, language=lang)
    return Stage(club.organisation_id, offer.ad_id, club.listing_title)


def sent_to(reply: Reply, chat_id: int) -> list[str]:
    """Returns the texts the bot sent to one chat in a reply."""
    return [call.text for call in reply.messages if call.params.get("chat_id") == chat_id]


async def contact_through(chat: Chat, member: Person, text: str, query: str = QUERY) -> Reply:
    found = await chat.send(member, f"/freiwillige {query}")
    chosen = await chat.press(member, found.button("Kontakt" if member.language_code == "de" else "Contact"))
    about = await chat.press(member, chosen.buttons[0]["callback_data"])
    assert about.messages and about.messages[-1].params.get("chat_id") == member.id
    return await chat.send(member, text)


