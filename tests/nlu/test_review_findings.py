"""Review findings on message understanding (issue 14 review): each a rule of the language, with the cases that
must keep working. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte nichts anderes als Tieren helfen",
        "nothing else than animals",
        "nichts lieber als mit Tieren",
        "ich will nichts außer Tieren",
        "nothing but animals please",
    ],
)
def test_nothing_but_x_wants_x(text: str) -> None:
    parsed = parse(text)
    assert "animals" in parsed.categories
    assert "animals" not in parsed.exclude_categories


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("mal was ganz anderes als Kinder", "children_youth"),
        ("something other than animals", "animals"),
        ("nichts mit Tieren", "animals"),
        ("alles andere als Tiere, in Kassel", "animals"),  # "anything but animals"
    ],
)
def test_other_than_x_still_rules_x_out(text: str, excluded: str) -> None:
    assert excluded in parse(text).exclude_categories


@pytest.mark.parametrize(
    "text",
    [
        "was in der Nähe von zu Hause, wohne in Leipzig-Gohlis, Kinder",
        "nicht weit von zu Hause, Kinder",
        "something close to home with kids",
        "near my home, helping seniors",
        "gern in der Nähe vom Zuhause mit Senioren",
    ],
)
def test_near_home_is_where_not_from_home(text: str) -> None:
    parsed = parse(text)
    assert not parsed.remote
    assert not {"hause", "home", "zuhause"} & set(parsed.keywords)


@pytest.mark.parametrize("text", ["von zu Hause aus, am Computer", "near my home or online", "from home please, kids"])
def test_from_home_stays_remote(text: str) -> None:
    assert parse(text).remote


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Nachhilfe für Kinder und Schüler", "schueler"),
        ("Nachhilfe für Kinder, Jugendliche und Schüler", "schueler"),
        ("Ich möchte Senioren und Rentner besuchen", "rentner"),
        ("Geflüchtete und Ausländer unterstützen", "auslaender"),
        ("ich will Schüler beim Lernen unterstützen", "schueler"),
        ("Ich möchte Arbeitslose bei Bewerbungen unterstützen", "arbeitslose"),
        ("Ich möchte Witwen und Witwer besuchen", "witwer"),
        ("Ich möchte Witwen und Witwer besuchen", "witwen"),
    ],
)
def test_a_status_word_naming_whom_to_help_stays_a_search_word(text: str, word: str) -> None:
    assert word in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ich bin Rentner und will Kindern helfen", "rentner"),
        ("ich bin Schüler und möchte Tieren helfen", "schueler"),
        ("ich möchte als Rentnerin Kindern vorlesen", "rentnerin"),
        ("Ich möchte im Ruhestand etwas mit Tieren machen", "ruhestand"),
        ("Ich bin arbeitslos und möchte Tieren helfen", "arbeitslos"),
        ("Ich möchte helfen, bin Studentin", "studentin"),
    ],
)
def test_a_status_word_said_of_oneself_stays_no_search_word(text: str, word: str) -> None:
    assert word not in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ich möchte Menschen helfen, die aus dem Gefängnis kommen", "gefaengnis"),
        ("help people who came from Ukraine", "ukraine"),
        ("Ich möchte Menschen helfen, die aus der Ukraine kommen", "ukraine"),
        ("Ich will Leuten helfen, die aus der Haft kommen", "haft"),
        ("Ich helfe gern Kindern, die kommen aus der Ukraine", "ukraine"),
    ],
)
def test_an_origin_in_a_relative_clause_is_of_the_people_to_help(text: str, word: str) -> None:
    assert word in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ich komme aus Syrien und will Kindern helfen", "syrien"),
        ("I came from Ukraine and want to help kids", "ukraine"),
        ("Ich möchte Leuten helfen, die wie ich aus Syrien kommen", "syrien"),
        ("weil mein Vater aus dem Libanon kommt, will ich Geflüchteten helfen", "libanon"),
    ],
)
def test_the_writers_origin_stays_no_search_word(text: str, word: str) -> None:
    assert word not in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ich möchte in meiner Kirchengemeinde helfen", "kirchengemeinde"),
        ("in meinem dorf was mit senioren", "dorf"),
        ("Ich möchte in meinem Dorf Senioren helfen", "dorf"),
        ("meine hobbys schach und lesen", "schach"),
    ],
)
def test_mein_owns_no_place_to_help_and_no_listed_word(text: str, word: str) -> None:
    assert word in parse(text).keywords


def test_a_group_after_my_place_stays_wanted() -> None:
    assert "seniors" in parse("Ich möchte in meinem Dorf Senioren helfen").categories


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("mein Sohn ist 8 und ich will im Tierheim helfen", "sohn"),
        ("mein Auto ist kaputt, aber ich will im Tierheim helfen", "auto"),
        ("ich möchte bei meiner Mutter in der Nähe helfen, Tiere", "mutter"),
    ],
)
def test_mein_still_owns_family_and_belongings(text: str, word: str) -> None:
    assert word not in parse(text).keywords


def test_own_children_stay_family() -> None:
    assert "children_youth" not in parse("meine Kinder sind groß, ich will Tieren helfen").categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich möchte Senioren regelmäßig besuchen und mit Kindern basteln", {"seniors", "children_youth"}),
        ("Ich will im Tierheim viel helfen, gern auch mit Kindern", {"animals", "children_youth"}),
        ("Hunde regelmäßig ausführen oder was mit Kindern", {"animals", "children_youth"}),
        ("I want to visit seniors a lot and also help with kids", {"seniors", "children_youth"}),
        ("I want to walk dogs regularly and also help kids", {"animals", "children_youth"}),
    ],
)
def test_a_frequency_word_after_a_wish_keeps_it_wanted(text: str, wanted: set[str]) -> None:
    assert wanted <= set(parse(text).categories)


@pytest.mark.parametrize(
    "text",
    ["ich klettere viel und möchte bei der Bergwacht mitmachen", "ich schwimme oft, suche aber was mit Senioren"],
)
def test_ones_own_habit_beside_another_wish_stays_a_skill(text: str) -> None:
    assert "sports" not in parse(text).categories
