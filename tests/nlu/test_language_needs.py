"""Little German said as a level, a manner or a condition, and languages written as codes or named as the listing's
(issue 14, slots round). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    [
        "Bin seit März in Zwickau. Deutsch A2. Würde gern im Garten helfen",
        "Could I help at a sports club with my German at A1?",
        "I'd love to help at the museum. My German is getting better slowly (A2).",
        "Meine Deutschkenntnisse: A1, Englisch fließend",
    ],
)
def test_a_beginners_level_said_of_german_is_little_german(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "Deutsch B2, Englisch A2, suche was mit Tieren",  # the A2 grades English
        "Wir helfen auf der A2 bei Unfällen, ich bin bei der Feuerwehr in Hannover",  # a motorway
    ],
)
def test_a_level_that_grades_another_language_or_is_a_road_is_not(text: str) -> None:
    assert not parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "i speak german badly but i can cook",
        "I know Polish and English, German only a little.",
        "my deutsch is still very bad, sorry",
        "we dont speak much german yet, any ideas for weekends?",
        "Is there volunteering where you don't have to speak German?",
    ],
)
def test_little_german_said_by_manner_or_amount(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    ["I speak good German and some Arabic", "I speak enough German to help out", "Ich spreche gut Deutsch"],
)
def test_enough_german_is_not_little_german(text: str) -> None:
    assert not parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "Any food bank in Kassel where English is fine?",
        "Reicht Englisch? Ich würde gern im Tierheim helfen",
        "something with kids where English alone is enough",
    ],
)
def test_another_language_said_to_be_enough_is_little_german_and_not_listed(text: str) -> None:
    parsed = parse(text)
    assert parsed.needs_little_german
    assert "en" not in parsed.languages


def test_german_and_another_language_both_fine_is_no_need() -> None:
    parsed = parse("Ich kann Vereinen bei der Website helfen. Deutsch oder Englisch geht.")
    assert not parsed.needs_little_german


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Übersetzungen AR/EN, gern online", ("ar", "en")),
        ("could proofread flyers, DE-FR", ("fr",)),
        ("Sprachen: RU / UK / DE", ("ru", "uk")),
    ],
)
def test_language_codes_written_as_a_pair_are_languages(text: str, expected: tuple[str, ...]) -> None:
    assert parse(text).languages == expected


def test_a_code_alone_is_no_language() -> None:
    assert parse("Ich mache IT für einen Verein in Kassel").languages == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I speak Kannada and Tamil", "kn"),
        ("Ich spreche Katalanisch", "ca"),
        ("English and Afrikaans, looking for a rescue service", "af"),
    ],
)
def test_less_common_languages_are_known(text: str, code: str) -> None:
    assert code in parse(text).languages


def test_a_relief_organisation_named_after_malta_is_no_language() -> None:
    assert parse("Ich möchte bei den Maltesern Besuchsdienst machen").languages == ()


@pytest.mark.parametrize(
    "text",
    ["mein deutsch ist noch nich so gut", "ich kann nicht so gut Deutsch", "German: basic", "Deutsch – Anfängerin"],
)
def test_colloquial_and_listed_levels_are_little_german(text: str) -> None:
    assert parse(text).needs_little_german


def test_a_course_for_beginners_to_teach_is_no_level() -> None:
    assert not parse("I could teach a German beginner course on Mondays").needs_little_german


@pytest.mark.parametrize(
    "text", ["I have A2 in German, can I help at a Tafel?", "A2-Niveau in Deutsch, gern mit Tieren"]
)
def test_a_level_before_the_language_it_grades_is_little_german(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "little"),
    [
        ("i speak turkish and english only. looking for something with kids", True),
        ("Russisch nur, Deutsch lerne ich gerade nicht", True),
        ("I can teach German only on Saturdays", False),
    ],
)
def test_another_language_closed_by_only_means_little_german(text: str, little: bool) -> None:
    assert parse(text).needs_little_german is little
