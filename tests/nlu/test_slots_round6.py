"""Plate letters next to a wish or a time, "am we" as German, the writer's own role in a relative clause, being
"not good in German", night shifts offered and counts of times (slots round 6). Every sentence here is written for
this test; the rules are read without the trained component so that a failure points at them."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules
from nlu.langid import detect_language


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("hundeschule ks am we", "Kassel"),  # small letters right after the wish, a time after them
        ("Kleiderkammer MR abends?", "Marburg"),  # capitals after the wish, a time after them
        ("tafel gi", "Gießen"),  # small letters closing a message after the wish
        ("DA nachmittags Hausaufgabenhilfe", "Darmstadt"),  # heading a short note, a time after it
        ("FD abends Chor", "Fulda"),
    ],
)
def test_plate_letters_beside_a_wish_or_a_time_are_the_town(text: str, town: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None and got.place.name == town


@pytest.mark.parametrize(
    "text",
    [
        "ich mach das so am we mit meinem hund",  # "so" is no code
        "Sport da abends",  # "da" written small is a word, not Darmstadt
        "Nachhilfe in Mathe am Wochenende, bin in der 10. Klasse",
        "ES IST EGAL WANN, ABENDS GEHT",  # a shouted message has no telling capitals
    ],
)
def test_ordinary_short_words_stay_words(text: str) -> None:
    assert parse_with_rules(text).place is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("hunde gassi am we?", "de"),
        ("übers we was mit kids", "de"),
        ("jedes zweite we tierheim", "de"),
        ("we would like to help on weekends", "en"),  # the pronoun opening an English message
        ("can we help at a food bank?", "en"),
    ],
)
def test_we_after_a_german_preposition_is_the_weekend(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Can I help at the food bank as a student who doesnt speak much German?",
        "Could I join as someone who doesn't really speak German yet?",
        "Ich würde gern als jemand, der kaum Deutsch spricht, im Garten mithelfen",
    ],
)
def test_a_relative_clause_on_the_writers_role_is_the_writers_german(text: str) -> None:
    assert parse_with_rules(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to help people who don't speak much German with forms",
        "Ich möchte Leuten helfen, die kaum Deutsch sprechen",
    ],
)
def test_a_relative_clause_on_the_people_one_helps_is_still_theirs(text: str) -> None:
    assert not parse_with_rules(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "little"),
    [
        ("ich bin nicht so gut in deutsch, aber ich koche gern", True),
        ("bin noch schwach im Deutschen, kann aber gut rechnen", True),
        ("ich bin gut in Deutsch und Mathe, Nachhilfe?", False),
        ("Nachhilfe in Deutsch für Grundschüler", False),
        ("English only tbh. anything outdoors?", True),
        ("English only works for me? or German too", False),
    ],
)
def test_german_level_said_as_a_school_subject_or_english_only(text: str, little: bool) -> None:
    assert parse_with_rules(text).needs_little_german is little


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Kältebus, Nachtschicht geht auch", {"evening"}),
        ("Nachtdienste gehen klar, Bahnhofsmission", {"evening"}),
        ("night shifts would work for me, homeless shelter", {"evening"}),
        ("I work night shifts too, so only mornings", {"daytime"}),  # one's own job
        ("arbeite Nachtschicht, vormittags hab ich Zeit", {"daytime"}),
    ],
)
def test_night_shifts_offered_are_evening_and_ones_own_are_not(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("just once or twice, I'm only here till May", {"one_off"}),
        ("ein- oder zweimal würde ich gern beim Stadtfest helfen", {"one_off"}),
        ("einmal oder zweimal aushelfen reicht mir", {"one_off"}),
        ("once or twice a month would be great", {"regular"}),
        ("ein oder zwei mal im Monat vorlesen", {"regular"}),
        ("ein- oder zweimal pro Woche", {"regular"}),
    ],
)
def test_a_count_of_times_is_one_off_unless_per_period(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    ("text", "not_keyword", "keyword"),
    [
        ("Guten Abend zusammen, ich suche was mit Büchern", "abend", "buechern"),
        ("Nabend! Repair Café in der Nähe?", "nabend", "repair"),
        ("Guten Morgen, ich würde gern beim Foodsharing mitmachen", "morgen", "foodsharing"),
        ("Ich arbeite Nachtschicht, tagsüber hätte ich Zeit für Gartenarbeit", "nachtschicht", "gartenarbeit"),
    ],
)
def test_what_only_looks_like_a_time_is_no_search_word(text: str, not_keyword: str, keyword: str) -> None:
    got = parse_with_rules(text)
    assert not_keyword not in got.keywords
    assert keyword in got.keywords


def test_nabend_alone_is_a_greeting_not_the_evening() -> None:
    assert parse_with_rules("Nabend, ich könnte bei Reparaturen helfen").time == ()


@pytest.mark.parametrize(
    ("text", "name", "keyword"),
    [
        ("Hallo, ich bin die Sabine und würde gern vorlesen", "sabine", "vorlesen"),
        ("Servus, i bin der Sepp, Bergwacht wär was", "sepp", "bergwacht"),
        ("Hier ist die Petra, gibt es ein Repair Café?", "petra", "repair"),
    ],
)
def test_a_name_with_its_article_is_the_writers_not_a_search_word(text: str, name: str, keyword: str) -> None:
    got = parse_with_rules(text)
    assert name not in got.keywords
    assert name in got.writer_words
    assert keyword in got.keywords


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("tafel ehrenamtlich in l", "Leipzig"),
        ("hundeschule gassi gehen raum f", "Frankfurt am Main"),
        ("wohne in z.", "Zwickau"),
    ],
)
def test_one_small_letter_closing_a_cued_small_letter_message_is_the_town(text: str, town: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None and got.place.name == town


@pytest.mark.parametrize(
    "text",
    [
        "kindern programmieren beibringen in c",  # a programming language
        "Tafel in l und dann?",  # more follows the letter
        "Ich bin in c",  # capitals elsewhere: the writer would have written C
    ],
)
def test_one_small_letter_otherwise_is_no_town(text: str) -> None:
    assert parse_with_rules(text).place is None
