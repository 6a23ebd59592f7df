"""Categories the writer did not ask for, by causes that recur across authors (issue 14, messages; t14-precision):
the writer's own arrival in the country, "the community" as the public one serves, one's own children said to be at
school without an owner word or counted. Sentences of their own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

NEWCOMERS = "refugees_integration"


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Just arrived from Eritrea three weeks ago, anything with animals near Gießen?", "animals"),
        ("Recently moved to Germany from Brazil, I'd love to help at a sports club in Kiel", "sports"),
        ("Newcomer from Somalia in Fulda. I want to help with old people.", "seniors"),
        ("Gerade angekommen aus Syrien, suche was mit Sport in Kassel", "sports"),
        ("Since my husband and I retired and moved to Germany we have time, maybe a nature group in Lübeck?",
         "environment"),
    ],
)
def test_own_arrival_is_who_one_is(text: str, wanted: str) -> None:
    for read in (parse, parse_with_rules):
        categories = read(text).categories
        assert wanted in categories
        assert NEWCOMERS not in categories


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to help people who just arrived from Syria, Kassel",
        "Newly arrived families need support in Gießen, can I help?",
        "Ich möchte Menschen helfen, die gerade angekommen sind, in Erfurt",
        "I came to Germany in 2016 and now I want to help refugees in Jena",
        "Refugee from Afghanistan, I'd like to help other refugees in Marburg",
        "We help families that recently moved to Germany, any group in Hanau?",
        "Something for my aunt (70) who just came from Afghanistan to live with us in Gießen?",
    ],
)
def test_others_arrival_stays_the_field(text: str) -> None:
    assert NEWCOMERS in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("We'd like to give something back to the community, ideally with teenagers, Kassel", "children_youth"),
        ("Want to help in the community on Sundays, maybe with elderly people, Erfurt", "seniors"),
    ],
)
def test_the_community_beside_a_group_is_no_field(text: str, wanted: str) -> None:
    categories = parse_with_rules(text).categories
    assert wanted in categories
    assert "neighbourhood" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Anything for the local community in Fulda?",
        "Looking for a community centre in Marburg that needs volunteers",
        "Is there a community project in my village near Kassel?",
    ],
)
def test_community_alone_stays_neighbourhood(text: str) -> None:
    assert "neighbourhood" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Hi, dad of two in Jena. Kids are at school till 2, so mornings, something with animals?", "animals"),
        ("Nur vormittags, wenn die Großen in Schule und Kita sind. Was mit Senioren in Gera?", "seniors"),
        ("Kinder sind im Kindergarten bis 12, davor hätte ich Zeit für die Tafel in Zwickau", "poverty_homelessness"),
    ],
)
def test_own_children_at_school_without_an_owner_word(text: str, wanted: str) -> None:
    categories = parse_with_rules(text).categories
    assert wanted in categories
    assert "children_youth" not in categories
    assert "education" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Kids are my passion, anything in Kassel?",
        "Kinder sind in unserem Viertel oft allein, ich möchte helfen, Leipzig",
        "Kids at school need reading help, I could do Tuesdays in Halle",
        "Kinder sind in Not in unserer Stadt, ich will helfen, Halle",
    ],
)
def test_children_who_need_or_are_wanted_stay(text: str) -> None:
    assert "children_youth" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich Mann aus Syrien, 4 Kinder. Ich möchte helfen beim Sport, Gera", "sports"),
        ("bin alleinerziehend mit 2 Kindern und suche was mit Tieren, Fulda", "animals"),
        ("hab zwei kleine Kinder, gern was im Umweltschutz am Wochenende, Marburg", "environment"),
        ("Single dad, three kids, looking for something with old people on Sundays in Halle", "seniors"),
    ],
)
def test_counted_children_are_ones_own(text: str, wanted: str) -> None:
    categories = parse_with_rules(text).categories
    assert wanted in categories
    assert "children_youth" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte Kindern vorlesen, Kassel",
        "Nachhilfe für Kinder aus armen Familien, zwei Nachmittage die Woche, Gießen",
        "I'd love to coach kids, two evenings a week, Leipzig",
        "Ich könnte zwei Kinder bei den Hausaufgaben begleiten, Gera",
    ],
)
def test_children_not_counted_stay_wanted(text: str) -> None:
    assert "children_youth" in parse_with_rules(text).categories
