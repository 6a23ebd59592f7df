"""Slots other than categories on natural messages, by cause (issue 14, eighth session: natural_dev8 and 9).

Places in dialect or split by speech-to-text, corrections, where one grew up or moved to, an area before its towns,
a plate heading a note; short days and clock hours, the job's duty rota, team days; little German, help by phone;
a negation with its own object. Sentences written for these tests, none taken from the dev sets.
"""

from __future__ import annotations

import pytest

from nlu.api import parse
from nlu.dialect import dialect_town, sound_key


def _place(text: str) -> str | None:
    place = parse(text).place
    return place.name if place else None


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Suche was mit Hunden in Frankfodd", "Frankfurt am Main"),  # Hessian: r before a consonant, d for t
        ("Wissbade, Tafel, dienstags", "Wiesbaden"),  # Hessian: the final -n dropped
        ("Darmstadd, was mit Kunst", "Darmstadt"),
        ("Drääsdn, Senioren besuchen", "Dresden"),  # Saxon: vowels stretched, the -en swallowed
        ("Leipzsch, Tierheim am Wochenende", "Leipzig"),  # Saxon: -ig spoken -isch
    ],
)
def test_a_town_written_as_it_is_spoken_is_that_town(text: str, town: str) -> None:
    assert _place(text) == town


def test_the_sound_key_forgets_what_dialects_change() -> None:
    assert sound_key("frankfodd") == sound_key("frankfurt")
    assert sound_key("leipzsch") == sound_key("leipzig")
    assert sound_key("offebach") == sound_key("offenbach")


@pytest.mark.parametrize("word", ["Pohlheim", "Sterzhausen", "Schmidt", "Kassel"])
def test_a_name_the_gazetteer_lacks_or_knows_is_no_dialect_guess(word: str) -> None:
    # Pulheim (Rhineland) and Sondershausen (Thuringia) are outside the start region and under 100,000 people
    assert dialect_town(word) == ()


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("wir suchen was mit tieren in frei tal", "Freital"),
        ("gibt es in wies baden einen besuchsdienst", "Wiesbaden"),
    ],
)
def test_a_town_split_by_speech_to_text_is_joined(text: str, town: str) -> None:
    assert _place(text) == town


@pytest.mark.parametrize(
    "text",
    [
        "nach der arbeit will ich anderen helfen, selbsthilfe, raum Bautzen",  # "will ich" is no Willich
        "My wife got a job in Jena, I'd like to help with nature",  # "got a" is no Gotha
    ],
)
def test_two_small_words_are_no_joined_town(text: str) -> None:
    assert _place(text) in ("Bautzen", "Jena")


def test_a_correction_with_ach_nee_names_the_meant_town() -> None:
    assert _place("Kassel, ach nee, Baunatal natürlich, was mit Kindern") == "Baunatal"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Bin in Fulda aufgewachsen, lebe aber inzwischen in Kassel. Was mit Tieren?", "Kassel"),
        ("Ich war lange in Köln gewesen und bin jetzt nach Marburg gezogen. Tafel?", "Marburg"),
        ("I grew up in Hanau but live in Gelnhausen now, anything with sports?", "Gelnhausen"),
    ],
)
def test_where_one_grew_up_or_was_yields_to_where_one_lives(text: str, town: str) -> None:
    assert _place(text) == town


def test_an_area_wished_for_hands_the_wish_to_the_towns_named_after_it() -> None:
    assert _place("nicht in Zwickau, lieber im Vogtland, Plauen oder Auerbach") == "Plauen"


def test_a_plate_heading_a_short_note_of_interests_is_the_town() -> None:
    assert _place("MR tiere") == "Marburg"


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zeit hätte ich Di bis Fr. Was mit Kindern in Kassel?", ("weekday",)),  # "Fr." is the tokenizer's "Frau"
        ("Tierheim Fulda am Sa. oder So.", ("weekend",)),
        ("Tafel in Gießen, am liebsten Sa oder So", ("weekend",)),
        ("Kassel Tierheim WE", ("weekend",)),
        ("Fulda tafel sa", ("weekend",)),
        ("nach der Frühschicht, so ab 13 Uhr, was mit Sport", ("daytime",)),
        ("nach der Spätschicht ab 22 Uhr hätte ich Zeit", ("evening",)),
        ("Ich würde gern am Heiligabend bei der Tafel helfen", ("evening", "one_off")),
        ("Our company wants a team volunteering day with nature", ("one_off",)),
        ("Hab am Wocheend Zeit für die Tafel", ("weekend",)),
        ("Hospiz gern, aba ned nachts", ("daytime",)),
        ("Senioren, aber ni am Wochenende", ("weekday",)),
        ("Nachhilfe für Kinder, just not on Mondays", ()),  # one working day ruled out leaves four
        ("Tafel gern, nur nicht sonntags", ("weekday",)),  # a weekend day ruled out leaves the working week
    ],
)
def test_short_days_clock_hours_and_dialect_times(text: str, expected: tuple[str, ...]) -> None:
    assert parse(text).time == expected


@pytest.mark.parametrize(
    "text",
    [
        "nach 20 Jahren im Beruf will ich was Neues, Tiere in Kassel",  # years, not eight o'clock
        "Good afternoon, I would like to help with animals in Kassel",  # a greeting
        "Ich bin Busfahrer mit wechselnden Schichten und will Kindern vorlesen",  # the job's rota
        "Bin Pfleger, arbeite meist Nachtdienste, suche was mit Tieren",
        "I have a part-time job at night, looking for something with kids",
    ],
)
def test_the_jobs_hours_and_greetings_are_no_availability(text: str) -> None:
    assert parse(text).time == ()


def test_a_shouted_we_is_the_pronoun() -> None:
    assert "weekend" not in parse("WE WANT TO HELP IN KASSEL").time


# ---------------------------------------------------------------- languages, remote, negation


@pytest.mark.parametrize(
    "text",
    [
        "Anything in Kassel where I don't need much German? I speak Farsi",
        "I speak Arabic and English, German a little bit. Kassel",
        "Tigrinya, English, German beginner. Anything with kids?",
        "My German is little. I like gardening.",
    ],
)
def test_little_german_said_in_chat_english(text: str) -> None:
    assert parse(text).needs_little_german


def test_some_german_is_enough_german() -> None:
    assert not parse("I'm Greek, speak Greek, English and some German. Animals?").needs_little_german


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Gibt es Telefonpatenschaften für einsame Menschen?", True),
        ("Can I volunteer via chat or phone? I can't leave the house", True),
        ("Any environmental groups? Max 5 km from home, Fulda", False),
    ],
)
def test_help_by_phone_is_remote_and_a_distance_from_home_is_not(text: str, remote: bool) -> None:
    assert parse(text).remote is remote


def test_a_negation_with_its_own_object_rules_out_nothing_before_it() -> None:
    parsed = parse("I'd like to help with animals but not with big groups, Kassel")
    assert "animals" in parsed.categories
    assert parsed.exclude_categories == ()


def test_people_without_something_are_whom_to_help_not_an_exclusion() -> None:
    parsed = parse("Ich könnte Kindern ohne Schwimmabzeichen das Schwimmen beibringen, Fulda")
    assert parsed.exclude_categories == ()


def test_a_far_village_named_like_a_large_city_of_the_start_region_is_the_city_misheard() -> None:
    # Kemnitz (Vorpommern, 1,300 people) sounds like Chemnitz; Kamenz (Saxony) is a town of its own
    assert _place("suche was mit tieren in kemnitz") == "Chemnitz"
    assert _place("suche was mit tieren in kamenz") == "Kamenz"
