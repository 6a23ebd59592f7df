"""Walking a club through /anbieten in the chat tests: the answers, and who the admins are."""

from __future__ import annotations

from tests.telegram.botchat import Chat, Person, Reply

ADMIN = Person(id=1000, first_name="Ada", language_code="de")  # ADMIN_IDS of the test settings
CLUB = Person(id=601, first_name="Erika", language_code="de")
DESCRIPTION = "Unsere Hunde im Tierheim freuen sich über Spaziergänge rund um Kassel."


async def say(chat: Chat, person: Person, last: Reply, answer: str) -> Reply:
    """Presses the button of the last reply whose label is the answer ('⟨label⟩'), or sends it as text."""
    if answer.startswith("⟨") and answer.endswith("⟩"):
        return await chat.press(person, last.button(answer[1:-1]))
    return await chat.send(person, answer)


async def fill(chat: Chat, person: Person, answers: list[str], *, after: Reply | None = None) -> Reply:
    """Starts /anbieten (or goes on after a reply) and gives each answer in turn; returns the last reply."""
    last = after if after is not None else await chat.send(person, "/anbieten")
    for answer in answers:
        last = await say(chat, person, last, answer)
    return last


NEW_ORGANISATION = ["Tierfreunde Kassel", "⟨Verein⟩", "⟨Überspringen⟩", "info@tierfreunde.example.org"]
LISTING = [
    "Gassi gehen mit Tierheimhunden", DESCRIPTION, "⟨Fertig⟩", "34117", "⟨regelmäßig⟩", "⟨am Wochenende⟩",
    "⟨Fertig⟩", "8", "⟨Überspringen⟩", "⟨Fertig⟩", "⟨Nein⟩", "⟨Ja⟩", "Erika Beispiel",
    "0151 0000 4711, erika@example.org",
]
