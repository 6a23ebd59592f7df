"""Who comes along and what ties the writer (issue 14, messages: people volunteering together or under constraints,
branch s16-groups): a relative the writer cares for, a bracket describing their own group or children, a sentence
asking about an organisation ("Hat das Tierheim ...?") and the thing searched for one's class name no field; caring
for others, children described as whom to help and the organisation asked about stay. Sentences of their own, not
the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

CHILDREN = "children_youth"
CARE = "health_care"


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("Weil ich meinen Opa pflege, kann ich nur abends, gern was mit Katzen. Gotha", {"animals"}, {CARE}),
        ("Ich pflege meine Schwiegermutter, Nachhilfe online ginge aber. Zwickau", {"education"}, {CARE}),
        ("Ich kann nur von daheim, da ich meinen Vater pflege. Gern Bäume pflanzen, Gera", {"environment"}, {CARE}),
        ("Wir sind eine Familie (Eltern und drei Kinder zwischen 8 und 14) und suchen was mit Tieren, Erfurt",
         {"animals"}, {CHILDREN}),
        ("Meine Klasse (Grundschule, 22 Schüler) möchte Bäume pflanzen, Weimar", {"environment"},
         {CHILDREN, "education"}),
        ("Mit den Kindern (6, 9) zusammen Vogelhäuser bauen, das wär schön! Suhl", {"animals"}, {CHILDREN}),
    ],
)
def test_what_ties_the_writer_is_no_field(text: str, wanted: set[str], not_wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        categories = set(read(text).categories)
        assert wanted <= categories and not categories & not_wanted, (read.__name__, categories)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Hat das Tierheim in Gotha noch Bedarf? Ich hätte sonntags Zeit.", {"animals"}),  # asked about, not owned
        ("Hallo! Haben die Tafeln in Jena noch Bedarf an Fahrern?", {"poverty_homelessness"}),
        ("Ich bin Lehrer und suche für meine Klasse 9 einen Einsatz im Altenheim, Gera", {"seniors"}),
    ],
)
def test_what_is_asked_about_or_searched_for_the_group_stays(text: str, wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        assert wanted <= set(read(text).categories), read.__name__


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich möchte gern alte Menschen pflegen und betreuen, in Gera", {"seniors"}),  # others cared for
        ("Ich möchte Kinder (6-10 Jahre) bei den Hausaufgaben betreuen, Jena", {CHILDREN}),  # an age range: whom
        ("Wir haben einen Hund und suchen was mit Senioren, Erfurt", {"seniors"}),  # a possession stays one
        ("Ich würde gern pflegende Angehörige entlasten, meine Mutter ist im Pflegeheim. Suhl", {CARE}),
    ],
)
def test_others_cared_for_and_children_to_help_stay(text: str, wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        assert wanted <= set(read(text).categories), read.__name__


def test_a_possession_is_still_read_after_a_bracket_closes_a_clause() -> None:
    """Only a sentence opened by "hat" asks: after a bracket "hat" says what someone has."""
    text = "Mein Bruder (40) hat eine Lernbehinderung und sucht was mit Pferden, Jena"
    for read in (parse, parse_with_rules):
        categories = set(read(text).categories)
        assert "animals" in categories and "disability_inclusion" not in categories, read.__name__


def test_a_condition_one_struggles_with_is_ones_own() -> None:
    """"struggling with" keeps the writer as the owner of the condition; helping people who struggle wishes."""
    own = "I've been struggling with depression lately, maybe something with cats in Jena?"
    others = "I want to help people struggling with depression in Jena."
    for read in (parse, parse_with_rules):
        assert set(read(own).categories) == {"animals"}, read.__name__
        assert CARE in read(others).categories, read.__name__


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("Wir, die E-Jugend vom SV Gera, wollen für die Tafel Kuchen backen.", {"poverty_homelessness"}, {CHILDREN}),
        ("We, the staff of a kindergarten in Jena, would like to help at an animal shelter.", {"animals"}, {CHILDREN}),
    ],
)
def test_an_apposition_to_the_writer_says_who_they_are(text: str, wanted: set[str], not_wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        categories = set(read(text).categories)
        assert wanted <= categories and not categories & not_wanted, (read.__name__, categories)


def test_children_after_a_comma_without_the_writer_stay() -> None:
    text = "Wir möchten, dass die Kinder im Viertel einen Spielplatz bekommen, Gera."
    for read in (parse, parse_with_rules):
        assert CHILDREN in read(text).categories, read.__name__
