"""Two sayings only one's own children fit: they have left home, or they tell the writer what to do
(data/nlu/interests.toml own_children_idioms; branch nlu22). Every sentence here is written for this test; the
rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin 60, Kinder sind aus dem Haus, und ich suche was im Naturschutz in Kassel",
        "bin 49, Kinder längst aus dem Haus, Hund ist tot. Tafel in Gera?",
        "Our kids have all moved out, so I have time. Food bank in Bonn?",
        "Die Kinder sagen, ich soll mal rauskommen. Was gibt es in Weimar für Naturschutz?",
        "Meine Kinder meinen ich soll mir ein Hobby suchen. Tafel in Halle?",
        "My kids keep telling me to get out more. Anything with animals in Erfurt?",
    ],
)
def test_own_children_in_a_saying_about_the_writer_are_no_wish(text: str) -> None:
    assert "children_youth" not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Kinder aus dem Haus holen und mit ihnen in den Wald gehen, Kassel",  # the clause goes on: whom to take out
        "Ich möchte Kindern sagen, dass sie wichtig sind. Hausaufgabenhilfe in Gera",  # no owner word before them
        "Kinder in Not brauchen Hilfe, ich würde gern in Leipzig helfen",
        # the children say or tell something that is not about the writer: they are the ones to help
        "The kids said they loved the reading hour last week, more of that in Bonn please",
        "I want to help the children tell their stories, Erfurt",
        "Ich will, dass die Kinder sagen können, was sie denken, Jena",
    ],
)
def test_children_to_help_stay_the_wish(text: str) -> None:
    assert "children_youth" in parse_with_rules(text).categories
