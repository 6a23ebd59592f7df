"""Slots misread by causes that recur in the sets of three or more authors (issue 14, messages; branch
message-categories): care refused as a verb, "not also" and a clause about the thing sought; one's age before one's
state; the level of German said in more words; where one is at a time instead of being busy; a German double
nationality with both languages. Sentences of their own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

CARE = "health_care"
POVERTY = "poverty_homelessness"


@pytest.mark.parametrize(
    "text",
    [
        "Bin Altenpflegerin und will nach Feierabend nicht pflegen, lieber was mit Hunden in Kassel",
        "Im Altenheim vorlesen ja, aber nicht pflegen. Marburg",
        "Ich will auf keinen Fall wieder pflegen, vielleicht Natur in Jena?",
        "Nach 30 Jahren als Krankenschwester möchte ich nie mehr pflegen, gern Kultur in Gotha",
        "Bin Pfleger, will in der Freizeit nicht auch noch was mit Pflege machen. Sport in Fulda?",
        "Ich suche eine Aufgabe, die nichts mit Pflege zu tun hat, in Erfurt",
        "I'm a nurse, so no care work please, maybe animals in Bonn",
    ],
)
def test_care_refused_is_ruled_out(text: str) -> None:
    for read in (parse, parse_with_rules):
        got = read(text)
        assert CARE in got.exclude_categories
        assert CARE not in got.categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich will Streuobstwiesen pflegen, Raum Kassel", "environment"),
        ("Ich möchte nicht nur Beete pflegen, auch mit Kindern gärtnern. Gießen", "environment"),
        ("I would like to do care work in a hospice in Bremen", CARE),
        ("Leuten helfen, die mit ihren Schulden nicht klarkommen, Kassel", POVERTY),
    ],
)
def test_care_of_things_and_others_lack_stay(text: str, wanted: str) -> None:
    got = parse_with_rules(text)
    assert wanted in got.categories
    assert CARE not in got.exclude_categories
    assert not got.exclude_categories


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Ich suche ein Ehrenamt, das nichts mit Kindern zu tun hat. Dresden", "children_youth"),
        ("Ich suche was, das keine Pflege ist, Kassel", CARE),
    ],
)
def test_a_clause_about_the_thing_sought_rules_out(text: str, refused: str) -> None:
    assert refused in parse_with_rules(text).exclude_categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich suche ein Ehrenamt, wo Senioren nicht allein sind, in Kassel", "seniors"),
        ("Ich suche etwas, wo Kinder nicht allein gelassen werden", "children_youth"),
        ("Ich suche eine Aufgabe, die Kindern hilft, die nicht lesen können. Jena", "children_youth"),
        ("Ich suche was, wo Tiere nicht mehr leiden müssen, Gera", "animals"),
    ],
)
def test_a_clause_describing_the_thing_sought_keeps_its_people(text: str, wanted: str) -> None:
    for read in (parse, parse_with_rules):
        got = read(text)
        assert wanted not in got.exclude_categories


def test_not_also_keeps_its_scope() -> None:
    got = parse_with_rules("Bin Lehrerin und will abends nicht auch noch Kinder betreuen, lieber Tiere in Halle")
    assert "children_youth" in got.exclude_categories
    assert "animals" in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin 61, arbeitslos und will was tun. Was gibt es in Zwickau?",
        "ich bin 49 und arbeitslos, irgendwas in Gera",
        "I'm 52 and unemployed, anything useful in Leipzig?",
        "Ich bin 57 Jahre, erwerbslos, und hab Zeit. Bautzen",
        "Bin 54 und arbeitslos seit letztem Jahr, was gibt es in Plauen?",
        "I'm 50, unemployed since March and bored. Halle?",
    ],
)
def test_a_state_after_ones_age_is_who_one_is(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert POVERTY not in read(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin 40 und möchte Arbeitslosen bei Bewerbungen helfen, Kassel",
        "I'm 30 and would like to support unemployed people in Jena",
    ],
)
def test_the_unemployed_to_help_stay(text: str) -> None:
    assert POVERTY in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich bin 30 und Rentner sind mir wichtig", "seniors"),
        ("Ich bin 35, Rentnerinnen und Rentner im Heim besuchen wäre schön", "seniors"),
        ("Ich bin 40, Arbeitslose brauchen Hilfe bei Bewerbungen", POVERTY),
        ("I'm 45 and unemployed people need help", POVERTY),
        ("Ich bin 28 und Arbeitslosen helfen fände ich gut, Kassel", POVERTY),
        ("I'm 33, unemployed folks deserve support in Jena", POVERTY),
    ],
)
def test_people_named_after_ones_age_are_the_wish(text: str, wanted: str) -> None:
    assert wanted in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Moved to Kassel last month, my German is pretty much zero. Anything with animals?",
        "Expat in Jena, German is pretty much nonexistent, sorry. Something outdoors?",
        "I speak Tigrinya and some English, German very very little. I can cook.",
        "I'd like to help at a food bank, but German is still very basic. Erfurt",
        "my German is not so fit yet, English is better. Kids or sports in Bonn?",
        "Is there volunteering in Halle without speaking much German?",
        "Exchange student in Gießen, anything with plants. English only sorry",
    ],
)
def test_little_german_said_in_more_words(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "My German is very good, I'd like to help refugees in Kassel",
        "German is still very important to me, I'd like to teach it to newcomers",
        "Can I help people without much German find their way in Jena?",
    ],
)
def test_good_german_and_german_for_others_stay(text: str) -> None:
    assert not parse(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Student in Jena, only weekends, I have lectures during the week. Anything with animals?", {"weekend"}),
        ("Ich pendle unter der Woche nach Frankfurt, am Wochenende hätte ich in Fulda Zeit für Kinder", {"weekend"}),
        ("Nur unter der Woche, am Wochenende bin ich bei meinen Eltern. Sport in Kassel", {"weekday"}),
        ("Unter der Woche hab ich Berufsschule, samstags ginge was mit Tieren", {"weekend"}),
    ],
)
def test_where_one_is_at_a_time_is_busy(text: str, time: set[str]) -> None:
    assert set(parse(text).time) == time


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Am Wochenende bin ich mit meiner Familie gern im Tierheim in Kassel", "weekend"),
        ("Am Samstag bin ich mit meiner Familie frei und wir wollen zusammen helfen", "weekend"),
        ("Am Wochenende bin ich mit meinem Partner aktiv und wir suchen ein Ehrenamt", "weekend"),
        ("Abends bin ich mit meinen Kindern gern draußen, was mit Natur in Jena?", "evening"),
    ],
)
def test_time_with_ones_family_stays_wanted(text: str, time: str) -> None:
    got = parse(text).time
    assert time in got
    assert len(got) == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I'm German-American, fully bilingual, and would like to tutor kids in Kassel", "en"),
        ("German-Canadian, fluent in both. Sports with teens in Jena?", "en"),
        ("I'm British-German, bilingual, anything with refugees in Halle?", "en"),
        ("German-Italian here, I speak both, help at a museum in Erfurt?", "it"),
    ],
)
def test_a_german_double_nationality_with_both_languages(text: str, code: str) -> None:
    assert code in parse(text).languages


@pytest.mark.parametrize(
    "text",
    [
        "I'm German-American, German is fine. Climate group in Leipzig?",
        "My friend is German-American and bilingual, I only speak German",
        "I'm German-American, both my kids go to school here",
        "German-American school, I'd like to help bilingual kids",
        "Our neighbour is German-British, we'd both like to help at a food bank in Kassel",
    ],
)
def test_a_double_nationality_alone_names_no_language(text: str) -> None:
    assert not parse(text).languages


@pytest.mark.parametrize(
    "text",
    [
        "Ich backe gern und würde für Leute backen, die nichts haben. Kassel",
        "Ich möchte Familien helfen, die ihre Miete nicht mehr bezahlen können, in Jena",
        "Gibt es in Gera Menschen, die mit ihrem Geld nicht zurechtkommen? Ich war Buchhalterin",
        "I'd like to help families who can't pay their bills in Bonn",
        "Retired banker, happy to help people struggling with their finances in Halle",
    ],
)
def test_money_trouble_in_other_words_is_poverty(text: str) -> None:
    assert POVERTY in parse_with_rules(text).categories


def test_finances_of_clubs_are_no_poverty() -> None:
    assert POVERTY not in parse_with_rules("Ich kann Vereinen bei den Finanzen helfen, Kassel").categories


@pytest.mark.parametrize(
    "text",
    [
        "Meine Tochter ist Autistin, ich möchte Eltern in ähnlicher Lage unterstützen. Gießen",
        "Mein Sohn sitzt im Rollstuhl und ich würde gern anderen Familien in der gleichen Situation helfen, Erfurt",
        "My son has autism and I'd like to support families in a similar situation in Kassel",
    ],
)
def test_a_relatives_condition_shared_with_others_is_the_field(text: str) -> None:
    assert "disability_inclusion" in parse_with_rules(text).categories


def test_a_relatives_condition_alone_is_who_one_is() -> None:
    got = parse_with_rules("Mein Sohn ist Autist. Ich suche was mit Tieren in Fulda")
    assert "disability_inclusion" not in got.categories


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'd like to help blind kids or adults learn braille in Kassel", "disability_inclusion"),
        ("Could teach guitar to adults or teens in Jena", "culture"),
        ("Schwimmen beibringen, Kinder oder Erwachsene, egal. Halle", "sports"),
    ],
)
def test_the_young_as_a_choice_with_adults_name_no_age_group(text: str, kept: str) -> None:
    categories = parse_with_rules(text).categories
    assert kept in categories
    assert "children_youth" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Keine Kinder oder Erwachsene, lieber Tiere",
        "Ich möchte Tiere, nicht mit Erwachsenen oder Kindern",
        "Bitte nichts mit Erwachsenen oder Jugendlichen, eher Natur in Gera",
    ],
)
def test_the_young_refused_with_adults_are_ruled_out(text: str) -> None:
    got = parse_with_rules(text)
    assert "children_youth" in got.exclude_categories
    assert "children_youth" not in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Schwimmkurs für Kinder und Erwachsene in Jena",
        "Ich möchte mit Kindern arbeiten, nicht mit Erwachsenen. Kassel",
    ],
)
def test_the_young_beside_adults_stay(text: str) -> None:
    assert "children_youth" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Die Beete will ich nicht pflegen, lieber Tiere",
        "Ich will den Garten nicht so pflegen, eher Tiere",
        "Ich will meine Kontakte nicht mehr pflegen müssen",
        "Die Homepage möchte ich nicht pflegen, aber gern Sport mit Jugendlichen in Halle",
    ],
)
def test_things_not_cared_for_rule_out_no_care(text: str) -> None:
    for read in (parse, parse_with_rules):
        got = read(text)
        assert CARE not in got.exclude_categories
        assert "environment" not in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Senioren will ich nicht pflegen, lieber vorlesen in Kassel",
        "Ich möchte nach der Arbeit nicht noch pflegen, lieber Tiere in Jena",
        "Ich will in der Freizeit nicht auch noch pflegen, Sport in Gera?",
    ],
)
def test_people_not_cared_for_rule_out_care(text: str) -> None:
    assert CARE in parse_with_rules(text).exclude_categories
