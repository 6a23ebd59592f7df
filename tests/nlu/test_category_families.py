"""Category word families and constructions of the category round of issue 14 (branch t14-cat): wild animals by
name, woodcarving, shore clean-ups, ball games inside compounds, chosen grandparents, words that are no typo of an
interest word, one's own baby, fellow newcomers named by their language, a field shown to the young, "something
other than", and an emoji closing a clause. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("gibt es ein Projekt zum Schutz der Wölfe im Harz?", "animals"),
        ("ich würde gern beim Biber-Monitoring an der Elbe helfen", "animals"),
        ("ich kann schnitzen und würde das gern im Heimatverein zeigen", "culture"),
        ("Strandreinigung an der Nordsee, einmal im Monat", "environment"),
        ("Rollstuhltennis trainieren in Kassel", "sports"),
        ("Rollstuhltennis trainieren in Kassel", "disability_inclusion"),
        ("im Segelclub bei den Jugendtrainings helfen", "sports"),
        ("ich möchte gern Leihoma für eine Familie werden", "children_youth"),
        ("Wunschgroßeltern gesucht? Ich wäre dabei", "children_youth"),
        ("Kindern sorbische Lieder beibringen", "culture"),
        ("mei Handwerk möcht ich de jungen Leit zeigen", "children_youth"),
        ("I'd like to read to the little ones at a Kita", "children_youth"),
    ],
)
def test_word_families_name_their_field(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ich kann Rasen mähen und Hecken schneiden", "education"),  # mowing is no typo of a teaching word
        ("Schnitzel braten für das Vereinsfest", "culture"),  # food, not woodcarving
        ("wir wohnen in Wolfhagen und suchen was mit Kultur", "animals"),  # a town, not a wolf
        ("ich schiebe eh den Kinderwagen durch die Stadt, kann ich für Nachbarn einkaufen?", "children_youth"),
        ("I could bring the baby along while visiting old people", "children_youth"),
        ("Sport mit anderen gehörlosen Menschen", "refugees_integration"),  # a condition, not an origin
        ("etwas mit Computern oder Technik", "education"),  # Technik alone stays computing
    ],
)
def test_words_that_do_not_name_the_field(text: str, category: str) -> None:
    assert category not in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to support other Eritrean women with forms and letters",
        "ich will anderen arabischsprachigen Familien bei Briefen helfen",
        "help other Farsi speakers at the doctor's",
        "Landsleuten aus Eritrea beim Ankommen helfen",
    ],
)
def test_fellow_newcomers_named_by_origin_are_integration(text: str) -> None:
    assert "refugees_integration" in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "ich möchte Jugendlichen Technik näherbringen, vielleicht in einer AG",
        "Grundschulkindern Technik erklären, Lego-Roboter und so",
    ],
)
def test_technik_shown_to_the_young_is_education(text: str) -> None:
    categories = parse(text).categories
    assert "education" in categories
    assert "digital" not in categories


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        ("ich suche mal was ganz anderes als Pflege, vielleicht Tiere", "health_care", "animals"),
        ("something other than sports, maybe a choir", "sports", "culture"),
        ("bitte keine Senioren 🙈 Ich mag Tiere", "seniors", "animals"),
    ],
)
def test_something_other_than_and_an_emoji_bound_the_negation(text: str, ruled_out: str, wanted: str) -> None:
    query = parse(text)
    assert ruled_out in query.exclude_categories
    assert ruled_out not in query.categories
    assert wanted in query.categories


@pytest.mark.parametrize(
    ("text", "skill", "wish"),
    [
        ("ich möchte bei der Wasserwacht helfen. Schwimmen kann ich sehr gut.", "sports", "emergency_services"),
        ("Anyone need help at the mountain rescue? I ski a lot", "sports", "emergency_services"),
    ],
)
def test_a_skill_named_beside_the_wish_is_no_interest(text: str, skill: str, wish: str) -> None:
    query = parse(text)
    assert wish in query.categories
    assert skill not in query.categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Von zu Hause aus, Tabellen und Zahlen. Computer kann ich gut.", "digital"),  # alone, the skill is the wish
        ("Schwimmen kann ich mir gut vorstellen, gern mit Kindern", "sports"),  # "kann ich mir vorstellen" wishes
    ],
)
def test_a_skill_alone_or_a_wish_said_with_kann_ich_stays(text: str, category: str) -> None:
    assert category in parse(text).categories


def test_paperwork_about_benefits_is_poverty_work_not_neighbourhood() -> None:
    categories = parse("Ich kenne mich mit Formularen aus und würde bei Anträgen auf Wohngeld helfen").categories
    assert "poverty_homelessness" in categories
    assert "neighbourhood" not in categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich bin selbst als Flüchtling hergekommen, will jetzt anderen beim Ankommen helfen", "refugees_integration"),
        ("I had debts myself years ago and would like to help others in the same situation", "poverty_homelessness"),
    ],
)
def test_what_one_went_through_is_wanted_when_helping_others_through_it(text: str, category: str) -> None:
    assert category in parse(text).categories


def test_ones_job_stays_who_one_is_when_helping_others() -> None:
    query = parse("Ich bin Krankenpfleger und möchte anderen beim Deutschlernen helfen")
    assert "health_care" not in query.categories


def test_without_leaving_the_house_rules_nothing_out() -> None:
    query = parse("something for animal welfare without leaving my flat, maybe writing texts")
    assert "animals" in query.categories
    assert not query.exclude_categories
