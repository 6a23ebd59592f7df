"""Words for a field, a time and a greeting that several authors of the natural sets use and the rules missed
(session 16, branch s16-nlu): dialect spellings of "alte Leute", people named by the home they lack, data work for an
organisation, "jeden" before a day's short form, more greetings. Sentences of their own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

POVERTY = "poverty_homelessness"


@pytest.mark.parametrize(
    "text",
    [
        "Gibt's in Hanau was, wo mer de aldde Leit helfe kann?",
        "Ich geh gern mit de ahlen Leude spaziern, Raum Kassel",
        "was mit ahle leit in plauen",
        "Ich würd gern de Ollen beim Einkoofen helfen, mit de ollen Leute hab ich's gut. Zwickau",
    ],
)
def test_dialect_old_people_are_seniors(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert "seniors" in read(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich nähe gern, vielleicht Schlafsäcke für Leute ohne Wohnung? Halle",
        "I'd like to bring hot tea to people who live on the streets in Leipzig",
        "Can I help men sleeping rough in winter? Dresden",
        "Mit Menschen, die keine Wohnung haben, einen Kaffee trinken, in Kassel",
        "wo ick for leute die keen zuhause ham kochen kann, berlin",
    ],
)
def test_people_without_a_home_are_homelessness(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert POVERTY in read(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Die Wohnung ist mir zu klein, ich suche was mit Hunden in Gießen",
        "Ich lebe in einer Straße ohne Bus und möchte im Chor singen. Fulda",
        "Ich habe keine Wohnung in Jena gefunden und wohne in Weimar, gern Naturschutz",
    ],
)
def test_a_flat_or_street_of_ones_own_is_no_homelessness(text: str) -> None:
    assert POVERTY not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Kann ich einem Tierschutzverein bei seiner Database helfen? Remote",
        "Ich könnte für einen Umweltverein Messwerte und Daten auswerten",
        "I could help a food bank with their data, from home",
    ],
)
def test_data_work_for_an_organisation_is_digital(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert "digital" in read(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("jeden mi nachmittags hausaufgabenhilfe gießen", {"weekday", "daytime", "regular"}),
        ("Jeden So. im Tierheim Leipzig", {"weekend", "regular"}),
        ("jeden fr abends kochen in der suppenküche, dresden", {"weekday", "evening", "regular"}),
    ],
)
def test_every_short_day_is_regular(text: str, wanted: set[str]) -> None:
    assert set(parse_with_rules(text).time) == wanted


def test_a_short_day_without_every_is_no_regular_wish() -> None:
    got = parse_with_rules("am sa tierheim leipzig")
    assert "regular" not in got.time
    assert "weekend" in got.time


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Gude! Ich such was mit Hunden in Offenbach", "gude"),
        ("Salam, I want to help with homework for kids in Kassel", "salam"),
        ("Merhaba, ich möchte Senioren vorlesen in Gießen", "merhaba"),
        ("heyy, was mit pferden in marburg?", "heyy"),
        ("Huhu, gibts was mit Katzen in Fulda?", "huhu"),
    ],
)
def test_a_greeting_is_no_search_word(text: str, greeting: str) -> None:
    got = parse_with_rules(text)
    assert greeting not in got.keywords
    assert got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Nachtdienst-Pflegerin und hätte vormittags frei. Lesepatin in Zeitz?",
        "Bin Krankenpfleger im Nachtdienst, gern was mit Tieren, vormittags, Pirna",
    ],
)
def test_ones_role_on_the_night_rota_is_no_evening(text: str) -> None:
    assert set(parse_with_rules(text).time) == {"daytime"}


def test_night_duty_offered_stays_evening() -> None:
    assert "evening" in parse_with_rules("Nachtdienste im Hospiz würde ich übernehmen, Kassel").time


@pytest.mark.parametrize(
    "text",
    [
        "Back home in Accra I sang in a choir every week. Now I live in Halle",
        "In Porto I spent every Saturday at a cat shelter, now I'm in Jena",
        "I used to coach kids every weekend back in Ohio. Kassel?",
    ],
)
def test_a_habit_of_the_past_is_no_time(text: str) -> None:
    assert parse_with_rules(text).time == ()


def test_every_week_of_the_wish_stays_regular_beside_a_past() -> None:
    got = parse_with_rules("I volunteered in Leeds before. Now I want to help every week in Kassel")
    assert "regular" in got.time


@pytest.mark.parametrize(
    "text",
    [
        "hi, from Peru, german is bad, can I help with animals in Jena?",
        "My German: almost none. Anything with kids in Kassel?",
        "I speak Urdu and English, German only basics. Frankfurt",
        "learning German (A2), want to help in a garden in Marburg",
        "spreche deutsch so lala, was mit hunden in gera",
    ],
)
def test_little_german_said_plainly(text: str) -> None:
    assert parse_with_rules(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "My German is fine, anything with kids in Kassel?",
        "I teach German to refugees in Kassel",
        "German: fluent. Tierheim Kassel",
    ],
)
def test_good_german_is_no_little_german(text: str) -> None:
    assert not parse_with_rules(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann Kalligrafie und würde das gern im Seniorentreff zeigen, Gera",
        "I could run a calligraphy workshop for teens in Jena",
    ],
)
def test_calligraphy_is_culture(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert "culture" in read(text).categories
