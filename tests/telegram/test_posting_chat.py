"""/anbieten through the Application: every question, wrong answers, zurück, /abbrechen, resuming elsewhere."""

from __future__ import annotations

from datetime import date as date_type
from datetime import timedelta

from sqlalchemy import func, select
from tests.telegram.botchat import ANNA, Chat, Clock, OfflineBotApi
from tests.telegram.posting_script import ADMIN, CLUB, DESCRIPTION, LISTING, NEW_ORGANISATION, fill

from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import ListingDraft, Opportunity
from bot.telegram.app import build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import LocalRequest


async def test_a_new_club_posts_a_listing_that_waits_for_review(chat: Chat, database: Database) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    assert "<b>Vorschau</b>" in preview.text
    for part in ("<b>Gassi gehen mit Tierheimhunden</b>", "🏛 Tierfreunde Kassel", "Kassel", DESCRIPTION,
                 "Erika Beispiel", "erika@example.org", "8 Std. im Monat"):
        assert part in preview.text, part
    sent = await chat.press(CLUB, preview.button("Abschicken"))
    assert "wird kurz geprüft" in sent.text
    to_admin = [call for call in sent.calls if call.method == "sendMessage" and call.params["chat_id"] == ADMIN.id]
    assert len(to_admin) == 1 and "wartet auf Prüfung" in to_admin[0].text
    assert {b["text"] for b in to_admin[0].buttons} >= {"✅ Freigeben", "✖ Ablehnen"}
    async with database.read_only() as session:
        listing = (await session.execute(select(Opportunity).where(Opportunity.source == "bot"))).scalar_one()
        assert listing.status == "pending" and listing.categories == ["animals"]
        assert await session.scalar(select(func.count()).select_from(ListingDraft)) == 0


async def test_wrong_answers_get_a_specific_text_and_the_same_question(chat: Chat) -> None:
    kind = await fill(chat, CLUB, NEW_ORGANISATION[:1])
    typed = await chat.send(CLUB, "so ein Zusammenschluss halt")
    assert "Bitte nutz dafür die Knöpfe" in typed.text and "Was für eine Organisation" in typed.text
    await fill(chat, CLUB, ["⟨Verein⟩", "⟨Überspringen⟩", "info@tierfreunde.example.org", "Gassi gehen"], after=kind)
    short = await chat.send(CLUB, "Zu kurz.")
    assert "30 bis 2.000 Zeichen" in short.text and "deine hat 8" in short.text
    assert "Beschreib die Aufgabe" in short.text
    await fill(chat, CLUB, [DESCRIPTION, "⟨Fertig⟩"], after=short)
    place = await chat.send(CLUB, "Xyzzyborg")
    assert "Diesen Ort finde ich nicht" in place.text and "Wo findet es statt" in place.text
    slots = await fill(chat, CLUB, ["34117", "⟨regelmäßig⟩"], after=place)
    nothing = await chat.press(CLUB, slots.button("Fertig"))
    assert "mindestens eine Zeit" in nothing.text and "Wann wird Hilfe gebraucht" in nothing.text
    await fill(chat, CLUB, ["⟨am Wochenende⟩", "⟨Fertig⟩"], after=nothing)
    hours = await chat.send(CLUB, "acht")
    assert "Zahl zwischen 1 und 200" in hours.text
    await fill(chat, CLUB, ["8", "⟨Überspringen⟩", "⟨Fertig⟩", "⟨Nein⟩", "⟨Ja⟩", "Erika Beispiel"], after=hours)
    email = await chat.send(CLUB, "erika@beispiel")
    assert "Hinter dem @ in <i>erika@beispiel</i> fehlt die Endung" in email.text
    assert "Wie erreicht man diese Person" in email.text
    fixed = await chat.send(CLUB, "erika@example.org")
    assert "<b>Vorschau</b>" in fixed.text


async def test_back_returns_to_the_previous_question_and_keeps_the_answer(chat: Chat) -> None:
    title = await fill(chat, CLUB, NEW_ORGANISATION + ["Gassi gehen mit Tierheimhunden"])
    back = await chat.press(CLUB, title.button("Zurück"))
    assert "Wie soll dein Angebot heißen" in back.text and "Bisher: <i>Gassi gehen mit Tierheimhunden</i>" in back.text
    again = await chat.send(CLUB, "Hunde ausführen im Tierheim")
    assert "Beschreib die Aufgabe" in again.text
    requirements = await fill(chat, CLUB, [DESCRIPTION, "⟨Fertig⟩", "34117", "⟨regelmäßig⟩", "⟨am Wochenende⟩",
                                           "⟨Fertig⟩", "8"], after=again)
    hours = await chat.press(CLUB, requirements.button("Zurück"))
    assert "Bisher: <i>8</i>" in hours.text
    kept = await chat.press(CLUB, hours.button("So lassen"))
    assert "Gibt es Voraussetzungen" in kept.text


async def test_cancel_drops_the_draft_and_text_is_a_search_again(chat: Chat, database: Database) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION[:2])
    cancelled = await chat.send(CLUB, "/abbrechen")
    assert "Entwurf verworfen" in cancelled.text
    search = await chat.send(CLUB, "Tierheim in Kassel")
    assert "Angebote gefunden" in search.text
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(ListingDraft)) == 0


async def test_text_while_a_question_is_open_goes_to_the_draft_not_the_search(chat: Chat) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION)
    answer = await chat.send(CLUB, "Tierheim in Kassel")
    assert "Angebote gefunden" not in answer.text and "Beschreib die Aufgabe" in answer.text


async def test_a_second_bot_process_continues_the_draft(chat: Chat, database: Database, settings: Settings) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:3])
    api, clock = OfflineBotApi(), Clock()
    other = build_application(settings, request=LocalRequest(api), database=database, flood=FloodGuard(clock=clock))
    async with serving(other):
        second = Chat(other, api, clock)
        place = await second.send(CLUB, "34117")
        assert "einmalige Aktion oder etwas Regelmäßiges" in place.text
        resumed = await second.send(CLUB, "/anbieten")
        assert "Du hast einen Entwurf" in resumed.text
        continued = await second.press(CLUB, resumed.button("Weitermachen"))
        assert "einmalige Aktion" in continued.text
        preview = await fill(second, CLUB, LISTING[4:], after=continued)
        assert "<b>Vorschau</b>" in preview.text


async def test_start_over_throws_the_old_draft_away(chat: Chat) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION)
    resumed = await chat.send(CLUB, "/anbieten")
    fresh = await chat.press(CLUB, resumed.button("Neu anfangen"))
    assert "Wie heißt deine Organisation" in fresh.text


async def test_text_typed_at_weitermachen_is_held_beside_the_open_question(chat: Chat, database: Database) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION[:2])  # the website question is open
    await chat.send(CLUB, "/anbieten")
    held = await chat.send(CLUB, "Wasserwacht Kassel")
    assert "Wasserwacht Kassel" in held.text and "Hat sie eine Webseite" in held.text
    assert "Webadresse" not in held.text  # not taken as the answer to a question the person had not seen
    async with database.read_only() as session:
        organisation = (await session.execute(select(ListingDraft))).scalar_one().data["new_organisation"]
        assert isinstance(organisation, dict) and "website" not in organisation  # where the answer would stand
    taken = await chat.press(CLUB, held.button("als Antwort nehmen"))
    assert "Webadresse" in taken.text and "Hat sie eine Webseite" in taken.text  # taken now, and said why not


async def test_start_over_after_typing_a_name_takes_it_as_the_new_organisations_name(chat: Chat) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION)
    await chat.send(CLUB, "/anbieten")
    held = await chat.send(CLUB, "Wasserwacht Kassel")
    fresh = await chat.press(CLUB, held.button("Neu anfangen"))
    assert "Was für eine Organisation" in fresh.text  # the name was kept and answered the first question
    preview_free = await chat.press(CLUB, fresh.button("Verein"))
    assert "Webseite" in preview_free.text


async def test_weitermachen_after_a_held_text_asks_the_open_question_and_then_takes_answers(chat: Chat) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION[:2])
    await chat.send(CLUB, "/anbieten")
    held = await chat.send(CLUB, "Wasserwacht Kassel")
    continued = await chat.press(CLUB, held.button("Weitermachen"))
    assert "Hat sie eine Webseite" in continued.text
    answered = await chat.send(CLUB, "www.tierfreunde.example.org")
    assert "Wie erreicht man die Organisation" in answered.text


async def test_a_too_long_description_is_kept_and_its_beginning_taken_with_a_press(
        chat: Chat, database: Database) -> None:
    asked = await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:1])
    assert "Beschreib die Aufgabe" in asked.text
    long = await chat.send(CLUB, (DESCRIPTION + " ") * 55)  # about 4,000 characters
    assert "30 bis 2.000 Zeichen" in long.text and "behalten" in long.text
    taken = await chat.press(CLUB, long.button("Zeichen nehmen"))
    assert "Zu welchen Bereichen" in taken.text
    async with database.read_only() as session:
        data = (await session.execute(select(ListingDraft))).scalar_one().data
    description = str(data["description"])
    assert 1000 < len(description) <= 2000 and description.startswith(DESCRIPTION)
    assert "long_description" not in data


async def test_editing_a_field_from_the_preview_returns_to_the_preview(chat: Chat) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    asked = await chat.press(CLUB, preview.button("✏️ Titel"))
    assert "Wie soll dein Angebot heißen" in asked.text
    again = await chat.send(CLUB, "Hundespaziergänge am Wochenende")
    assert "<b>Vorschau</b>" in again.text and "<b>Hundespaziergänge am Wochenende</b>" in again.text


async def test_a_near_duplicate_is_pointed_out_before_submitting(chat: Chat) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    await chat.press(CLUB, preview.button("Abschicken"))
    second = await fill(chat, CLUB, ["⟨Tierfreunde Kassel⟩", *LISTING])
    held = await chat.press(CLUB, second.button("Abschicken"))
    assert "sehr ähnliches Angebot" in held.text
    anyway = await chat.press(CLUB, held.button("Trotzdem einreichen"))
    assert "wird kurz geprüft" in anyway.text


async def test_another_person_pressing_draft_buttons_only_touches_their_own_draft(chat: Chat) -> None:
    kind = await fill(chat, CLUB, NEW_ORGANISATION[:1])
    await chat.send(ANNA, "/start")
    forged = await chat.press(ANNA, kind.button("Verein"))
    assert forged.answers == ["Dieses Ergebnis ist nicht mehr aktuell."]
    still = await chat.send(CLUB, "x")
    assert "Was für eine Organisation" in still.text


async def test_places_by_shared_location_or_among_same_named_towns_and_a_one_off_date(chat: Chat) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:3])
    shared = await chat.share(CLUB, 51.3167, 9.5)
    assert "einmalige Aktion" in shared.text
    await chat.press(CLUB, shared.button("Zurück"))
    which = await chat.send(CLUB, "Frankfurt")
    assert "gibt es mehrmals" in which.text and "'Frankfurt (Oder)'" in str(which.buttons)  # its brackets name it
    kind = await chat.press(CLUB, which.button("Frankfurt (Oder)"))
    date = await chat.press(CLUB, kind.button("einmalig"))
    assert "An welchem Tag" in date.text
    past = await chat.send(CLUB, "01.01.2020")
    assert "nicht in der Vergangenheit" in past.text
    day = (date_type.today() + timedelta(days=30)).strftime("%d.%m.%Y")
    preview = await fill(chat, CLUB, [day, *LISTING[5:]], after=past)
    assert "Frankfurt (Oder)" in preview.text and day in preview.text and "einmalig" in preview.text


async def test_cancel_at_the_preview_drops_the_draft_and_menu_labels_stay_menu_buttons(chat: Chat) -> None:
    title = await fill(chat, CLUB, NEW_ORGANISATION)
    menu = await chat.send(CLUB, "⭐ Merkliste")
    assert "Merkliste ist noch leer" in menu.text
    preview = await fill(chat, CLUB, LISTING, after=title)
    assert "<b>Gassi gehen mit Tierheimhunden</b>" in preview.text  # the label did not become the title
    assert "Entwurf verworfen" in (await chat.send(CLUB, "/abbrechen")).text
    assert "Wie heißt deine Organisation" in (await chat.send(CLUB, "/anbieten")).text


async def test_coming_back_hours_later_asks_to_continue_before_taking_the_text(chat: Chat, database: Database) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION)
    async with database.unit_of_work() as session:
        draft = (await session.execute(select(ListingDraft))).scalar_one()
        draft.updated_at = draft.updated_at - timedelta(hours=5)
    asked = await chat.send(CLUB, "Tierheim in Kassel")
    assert "Du hast einen Entwurf" in asked.text
    async with database.read_only() as session:
        assert "title" not in (await session.execute(select(ListingDraft))).scalar_one().data
    continued = await chat.press(CLUB, asked.button("Weitermachen"))
    assert "Wie soll dein Angebot heißen" in continued.text
    answered = await chat.send(CLUB, "Gassi gehen mit Tierheimhunden")
    assert "Beschreib die Aufgabe" in answered.text


async def test_categories_and_times_read_in_the_description_come_preselected(chat: Chat) -> None:
    described = await fill(chat, CLUB, NEW_ORGANISATION + [
        "Lesepate an der Grundschule",
        "Du liest mit Grundschulkindern der zweiten Klasse, jeden Dienstag von 14 bis 15 Uhr in der Bücherei.",
    ])
    assert "vorausgewählt" in described.text
    assert any(b["text"].startswith("✅") and "Kinder" in b["text"] for b in described.buttons)
    kind = await chat.press(CLUB, described.button("Fertig"))
    place = await chat.send(CLUB, "Wasserturmstraße 5, 34117 Kassel") if "Wo findet" in kind.text else kind
    assert "vorausgewählt" in place.text and any(b["text"] == "✅ regelmäßig" for b in place.buttons)
    slots = await chat.press(CLUB, place.button("regelmäßig"))
    assert "vorausgewählt" in slots.text
    assert {b["text"] for b in slots.buttons} >= {"✅ unter der Woche", "✅ tagsüber"}
    changed = await chat.press(CLUB, slots.button("abends"))  # the club's own choice now: no "preselected" note
    assert "✅ abends" in {b["text"] for b in changed.buttons} and "vorausgewählt" not in changed.text
    back = await chat.press(CLUB, changed.button("abends"))
    assert "vorausgewählt" in back.text  # as suggested again


async def test_a_street_address_is_taken_and_shown_in_the_preview(chat: Chat) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + [
        "Gassi gehen mit Tierheimhunden", DESCRIPTION, "⟨Fertig⟩", "Wasserturmstraße 5, 34117 Kassel",
        "⟨regelmäßig⟩", "⟨am Wochenende⟩", "⟨Fertig⟩", "8", "⟨Überspringen⟩", "⟨Fertig⟩", "⟨Nein⟩", "⟨Ja⟩",
        "Erika Beispiel", "0151 0000 4711, erika@example.org",
    ])
    assert "<b>Vorschau</b>" in preview.text and "Wasserturmstraße 5" in preview.text


async def test_a_typed_zurueck_goes_back_and_is_not_the_contact_name(chat: Chat) -> None:
    name = await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:-2])
    assert "Wer ist Ansprechperson" in name.text
    back = await chat.send(CLUB, "Zurück")
    assert "wenig Deutsch" in back.text
    again = await chat.press(CLUB, back.button("Ja"))
    assert "Wer ist Ansprechperson" in again.text and "Bisher" not in again.text


async def test_the_preview_shows_the_organisations_website_and_phone(chat: Chat) -> None:
    organisation = ["Tierfreunde Kassel", "⟨Verein⟩", "tierfreunde-kassel.example.org",
                    "+49 30 1234 5678, info@tierfreunde.example.org"]
    accessibility = await fill(chat, CLUB, organisation + LISTING[:-4])
    assert "Weiß nicht" in {b["text"] for b in accessibility.buttons}
    preview = await fill(chat, CLUB, ["⟨Weiß nicht⟩", "⟨Ja⟩", "Erika Beispiel", "erika@example.org"],
                         after=accessibility)
    assert "<b>Vorschau</b>" in preview.text
    assert "tierfreunde-kassel.example.org" in preview.text and "+49 30 1234 5678" in preview.text


async def test_a_buttons_label_typed_instead_of_pressed_counts_as_the_press(chat: Chat, database: Database) -> None:
    """On the phone people type what they see under the question: "ein Verein", "Tiere und Umwelt", "fertig"."""
    kind = await fill(chat, CLUB, NEW_ORGANISATION[:1])
    website = await chat.send(CLUB, "ein Verein")
    assert "Hat sie eine Webseite" in website.text
    contact = await chat.send(CLUB, "überspringen")
    assert "Wie erreicht man die Organisation" in contact.text
    categories = await fill(chat, CLUB, ["info@tierfreunde.example.org", "Gassi gehen", DESCRIPTION], after=contact)
    assert "✅ 🐾 Tiere" in {b["text"] for b in categories.buttons}  # preselected from the description
    both = await chat.send(CLUB, "Tiere und Umwelt")  # Tiere stays ticked: typing it means yes
    assert {"✅ 🐾 Tiere", "✅ 🌳 Umwelt & Natur"} <= {b["text"] for b in both.buttons}
    place = await chat.send(CLUB, "fertig")
    assert "Wo findet es statt" in place.text
    await fill(chat, CLUB, ["34117", "regelmässig", "am Wochenende, abends", "Fertig", "8", "⟨Überspringen⟩",
                            "⟨Fertig⟩", "weiß nicht", "ja", "Erika Beispiel", "erika@example.org"], after=place)
    async with database.read_only() as session:
        draft = (await session.execute(select(ListingDraft))).scalar_one()
    organisation = draft.data["new_organisation"]
    assert draft.step == "preview" and isinstance(organisation, dict) and organisation["kind"] == "e_v"
    assert draft.data["categories"] == ["animals", "environment"] and draft.data["time_kind"] == "regular"
    assert draft.data["time_slots"] == ["weekend", "evening"]
    assert draft.data["accessible"] is None and draft.data["newcomer_friendly"] is True
    assert kind.text != website.text


async def test_the_contact_person_may_be_reached_as_the_organisation_is(chat: Chat, database: Database) -> None:
    # A new organisation gave its e-mail a few questions before; typing it again for the contact person is needless.
    asked = await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:-1])
    offered = [b["text"] for b in asked.buttons]
    assert "↩ Wie die Organisation: info@tierfreunde.example.org" in offered
    preview = await chat.press(CLUB, asked.button("Wie die Organisation"))
    assert "<b>Vorschau</b>" in preview.text and "info@tierfreunde.example.org" in preview.text
    await chat.press(CLUB, preview.button("Abschicken"))
    async with database.read_only() as session:
        listing = (await session.execute(select(Opportunity).where(Opportunity.source == "bot"))).scalar_one()
    assert (listing.contact_name, listing.contact_email, listing.contact_phone) == (
        "Erika Beispiel", "info@tierfreunde.example.org", None)
    # An organisation of one's own, chosen for the next listing: its stored contact is offered the same way;
    # typing a number instead still works
    again = await fill(chat, CLUB, ["⟨Tierfreunde Kassel⟩", *LISTING[:-1]])
    assert any(b["text"].endswith("info@tierfreunde.example.org") for b in again.buttons)
    typed = await chat.send(CLUB, "0151 0000 4711")
    assert "<b>Vorschau</b>" in typed.text and "0151 0000 4711" in typed.text


async def test_weiter_at_the_title_question_is_asked_again_kindly(chat: Chat) -> None:
    title = await fill(chat, CLUB, NEW_ORGANISATION)
    assert "Wie soll dein Angebot heißen" in title.text
    for said in ("weiter", "ok", "Ja!"):
        again = await chat.send(CLUB, said)
        assert f"„{said}“ ist eine Antwort an mich, noch kein Titel" in again.text
        assert "Wie soll dein Angebot heißen" in again.text
    described = await chat.send(CLUB, "Weiterbildung: Gassi gehen lernen")
    assert "Beschreib die Aufgabe" in described.text
