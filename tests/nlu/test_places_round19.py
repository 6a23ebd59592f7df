"""Places of the nineteenth round (issue 14): a typo guessed without a cue names a town, not a village that an
ordinary or dialect word resembles; a one-letter plate code after a wish, or as a message's only word, is a town."""

from __future__ import annotations

import pytest

from nlu.api import parse


def _town(text: str) -> str | None:
    """Returns the name of the place the message is read to mean, or None."""
    place = parse(text).place
    return None if place is None else place.name


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Mit de Alde spaziere gehe, des wär was. Wohn in Gießen.", "Gießen"),
        ("Grüßle an alle! Tiere wären schön, gern in Marburg", "Marburg"),
        ("Würde im Frauenhaus mithelfen oder im Jugendtreff. Landkreis Fulda", "Fulda"),
    ],
)
def test_a_word_without_a_cue_is_no_typo_of_a_village(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    "text",
    [
        "Kann Instagram, Photoshop, Canva. Gern was für einen Verein von zuhause.",
        "Mit de Alde was mache, des wär schee",
    ],
)
def test_an_uncued_word_like_a_village_gives_no_place(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Suche Tafel, Hepenheim", "Heppenheim (Bergstraße)"),
        ("Ich möcht bei der Tafel helfen, bin aus Markleeberg", "Markkleeberg"),
    ],
)
def test_a_typo_of_a_town_is_still_read_without_a_cue(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Kleiderkammer C, samstags", "Chemnitz"),
        ("Seniorenbesuche Z, nachmittags", "Zwickau"),
        ("🐶🐱 DD", "Dresden"),
        ("🌳 L", "Leipzig"),
    ],
)
def test_a_plate_after_a_wish_or_alone_is_a_town(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    "text",
    ["Nachhilfe M, abends", "Fußball E, am Samstag", "Programmieren C, abends", "ALLES OK", "HI!", "HI 👋", "DA"],
)
def test_a_letter_that_a_wish_grades_is_no_town(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Tafel in Leipzig oder Halle, Halle wäre mir lieber", "Halle (Saale)"),
        ("Kassel oder Baunatal, Baunatal ist mir am liebsten", "Baunatal"),
        ("Tierheim in Fulda or Hünfeld, Hünfeld would be better for me", "Hünfeld"),
        ("Tafel in Kassel oder Baunatal, Kassel ist mir lieber", "Kassel"),
    ],
)
def test_a_place_said_preferred_after_its_name_is_the_wish(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Viele Grüße aus Hanau! Gern was mit Kindern, zur Not auch in Frankfurt.", "Hanau"),
        ("grüß gott aus freiberg, bergwacht? dresden geht auch", "Freiberg"),
    ],
)
def test_a_greeting_from_a_place_is_no_origin(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Der Große ist zum Studium nach Dresden gezogen, und ich sitz jetzt hier in Zwickau. Was mit Senioren?",
         "Zwickau"),
        ("Bin letztes Jahr nach Niesky gezogen, Tierheim?", "Niesky"),
        ("Wir sind nach Lahntal umgezogen und suchen was mit Tieren", "Lahntal"),
    ],
)
def test_a_move_said_of_someone_else_is_not_the_writers_home(text: str, town: str) -> None:
    assert _town(text) == town
