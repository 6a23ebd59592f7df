"""Volunteering asked for someone described (issue 14, messages: people describing themselves, branch t14-self): the
person after "für"/"for" will help, so the words describing them (a wheelchair, a disability, children of their own,
a pupil's age) name no field; a field wished for them, and people one wants to help, stay. Sentences of their own,
not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

DISABILITY = "disability_inclusion"
CHILDREN = "children_youth"


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("Gibt es ein Ehrenamt für jemanden im Rollstuhl? Ich mag Tiere. Marburg", {"animals"}, {DISABILITY}),
        ("Suche ein Ehrenamt für eine Rollstuhlfahrerin, gern mit Hunden, Jena", {"animals"}, {DISABILITY}),
        ("Any opportunities for a family with two teenagers in Fulda? We like nature.", {"environment"}, {CHILDREN}),
        ("anything for a wheelchair user? good with websites, Bonn", set(), {DISABILITY}),
        ("suche für meinen Bewohner (50, Lernbehinderung) eine Aufgabe mit Pferden, Gera", {"animals"}, {DISABILITY}),
        ("Ehrenamt für Schülerin 15 Jahre in Gotha?", set(), {CHILDREN, "education"}),
        ("Is there something for a couple with kids? Weekends, Erfurt", set(), {CHILDREN}),
    ],
)
def test_the_person_asked_for_is_who_helps(text: str, wanted: set[str], not_wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        categories = set(read(text).categories)
        assert wanted <= categories and not categories & not_wanted, (read.__name__, categories)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Suche ein Ehrenamt für Senioren in Jena", {"seniors"}),  # no person of the kind: whom to help
        ("volunteering for people with disabilities in Bonn", {DISABILITY}),
        ("Suche ein Ehrenamt für eine geflüchtete Familie in Gera", {"refugees_integration"}),
        ("Ich möchte etwas für eine Frau mit Behinderung tun, Jena", {DISABILITY}),  # a deed for them
        ("I want to do something for a deaf person in Bonn", {DISABILITY}),
        ("anything for a wheelchair user who would like to coach kids? Bonn", {CHILDREN}),  # what they are to do
        ("Looking for something for a children's charity in Bonn", {CHILDREN}),  # an organisation, no person
        ("Ich sitze im Rollstuhl und möchte andere Rollstuhlfahrer beraten, Gera", {DISABILITY}),
    ],
)
def test_people_to_help_and_wishes_stay(text: str, wanted: set[str]) -> None:
    for read in (parse, parse_with_rules):
        assert wanted <= set(read(text).categories), read.__name__


@pytest.mark.parametrize(
    "text",
    [
        "Rollstuhlfahrerin, 41, suche was mit Katzen in Jena",
        "Rollstuhlfahrerin aus Gera, suche was mit Katzen",
    ],
)
def test_a_wheelchair_user_opening_the_message_describes_the_writer(text: str) -> None:
    for read in (parse, parse_with_rules):
        categories = set(read(text).categories)
        assert "animals" in categories and DISABILITY not in categories, (read.__name__, categories)


def test_wheelchair_users_to_accompany_stay_the_field() -> None:
    assert DISABILITY in parse_with_rules("Rollstuhlfahrerin begleiten, Gera").categories
