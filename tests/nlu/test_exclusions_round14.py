"""Exclusions, issue 14 (branch t14-slots): a preference ("lieber X als Y") rules nothing out; too much to bear,
said after the thing ("ist mir zu viel", "would break my heart"), rules it out. Sentences written for these tests."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("lieber mit Hunden als mit Kindern, Kassel", "animals"),
        ("I'd rather help seniors than kids", "seniors"),
        ("eher Sport als Kultur, abends", "sports"),
        ("dann lieber Tafel als Krankenhaus", "poverty_homelessness"),
    ],
)
def test_a_preference_rules_nothing_out(text: str, wanted: str) -> None:
    query = parse(text)
    assert query.categories == (wanted,)
    assert query.exclude_categories == ()


def test_a_preferred_time_keeps_only_that_time() -> None:
    assert parse("lieber einmalig als jede Woche").time == ("one_off",)


def test_no_still_rules_out_after_the_preference_change() -> None:
    assert parse("lieber nicht mit Kindern").exclude_categories == ("children_youth",)


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Feuerwehr ist mir zu anstrengend, lieber Tiere", "emergency_services"),
        ("Pflege wäre mir zu belastend, eher was mit Sport", "health_care"),
        ("kids are too exhausting for me, maybe seniors?", "children_youth"),
        ("animal rescue would break my heart, so maybe something with kids", "animals"),
        ("Tierheim ist mir viel zu traurig. Lieber Senioren in Kassel", "animals"),
    ],
)
def test_too_much_to_bear_after_the_thing_rules_it_out(text: str, excluded: str) -> None:
    assert parse(text).exclude_categories == (excluded,)


@pytest.mark.parametrize(
    "text",
    [
        "bin arbeitslos und hab zu viel zeit. irgendwas mit Tieren",
        "Tiere, weil ich zu viel allein bin",
        "Im Tierheim ist zu viel los? egal, Tiere",
        "Ich habe jedes Jahr viel zu viel Obst, Tafel?",
    ],
)
def test_too_much_going_on_in_its_clause_rules_nothing_out(text: str) -> None:
    assert parse(text).exclude_categories == ()


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        ("I'm allergic to cats, so nothing with animals please", (), ("animals",)),
        ("allergisch gegen Hunde, Senioren besuchen wäre schön", ("seniors", "neighbourhood"), ("animals",)),
        ("scared of dogs, maybe something with kids in Fulda", ("children_youth",), ("animals",)),
        # a field wanted beside a fear of part of it stays wanted (the conventions: wanted wins)
        ("Tierheim gern, hab aber Angst vor großen Hunden", ("animals",), ()),
    ],
)
def test_an_allergy_or_a_fear_names_what_is_ruled_out(
    text: str, wanted: tuple[str, ...], excluded: tuple[str, ...]
) -> None:
    query = parse(text)
    assert query.categories == wanted
    assert query.exclude_categories == excluded


@pytest.mark.parametrize(
    "text",
    [
        "keine Angst vor Hunden, Tierheim Kassel",
        "Kinder, die Angst vor Hunden haben, im Tierheim begleiten",
        "I want to help at a food bank so nothing gets wasted",
    ],
)
def test_no_fear_the_fear_of_others_and_a_purpose_rule_nothing_out(text: str) -> None:
    assert parse(text).exclude_categories == ()


@pytest.mark.parametrize("text", [
    "Kinder sind in Not, ich will helfen in Kassel",
    "ich möchte Kindern in Not helfen, Leipzig",
    "Jugendliche in akuter Not begleiten, Fulda",
])
def test_the_german_noun_not_rules_nothing_out(text: str) -> None:
    query = parse(text)
    assert "children_youth" in query.categories and not query.exclude_categories


def test_the_english_not_still_rules_out() -> None:
    assert parse("not with kids, animals in Kassel").exclude_categories == ("children_youth",)
