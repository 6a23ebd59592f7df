"""A retiree asking for something for retirees asks for themself (issue 14/15, branch self20): "Ehrenamt für
Rentner?", "Rentnerin aus ... sucht", the dialect "mir sinn" (dev7, dev14, dev16, dev18, dev24, dev25 and the Dresden
search set); whoever wants to be with retirees keeps the seniors. Sentences of their own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

SENIORS = "seniors"


@pytest.mark.parametrize(
    "text",
    [
        "Ehrenamt für Rentner in Zwickau? Ich kann gut mit Holz",
        "Gibt es was für Rentnerinnen in Gera? Gern draußen im Garten",
        "Was gibt's in Meißen für Rentner? Ich bin noch fit",
        "Hat jemand eine Aufgabe für einen Rentner, der gut kochen kann? Tafel vielleicht, Riesa",
        "Rentnerin aus Zittau sucht eine Gruppe, die für Obdachlose näht",
        "mir sinn zwee Rentner und wolle was im Wald mache, Darmstadt",
        "any volunteering for retirees in Bonn? I like gardening",
    ],
)
def test_retiree_asking_wants_no_seniors(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert SENIORS not in read(text).categories, (read.__name__, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Rentner und möchte Senioren im Heim besuchen, Plauen",
        "Ich möchte Rentner aus dem Pflegeheim besuchen, Gera",
        "Ich würde gern mit Rentnern Karten spielen, Zwickau",
    ],
)
def test_retirees_to_be_with_keep_seniors(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert SENIORS in read(text).categories, (read.__name__, text)
