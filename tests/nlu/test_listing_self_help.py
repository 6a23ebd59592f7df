"""Self-help in a listing (issue 14, listing round listing-cats): a self-help group is care, but "Hilfe zur
Selbsthilfe" and self-help joined to what is repaired are doing one's repairs oneself. Texts of their own, not from
the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.listing_rules import listing_rules
from nlu.listing_things import repairs_oneself
from nlu.pipeline import pipelines


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Schrauber*innen für die offene Radwerkstatt",
         "<p>Bei uns reparieren Nachbarn ihre Räder selbst.</p><ul><li>Hilfe zur Selbsthilfe beim Flicken</li></ul>"),
        ("Anleiter*in: Fahrrad-Selbsthilfe", "<p>Du zeigst, wie man Bremsen einstellt und Schläuche flickt.</p>"),
        ("Helfer*in in der Werkstatt", "<p>Anleitung bei der Selbsthilfe-Reparatur von Rädern und Toastern.</p>"),
    ],
)
def test_self_help_with_repairs_is_no_health_care(title: str, description: str) -> None:
    assert "health_care" not in categorize(title, description).categories


def test_a_self_help_group_stays_health_care() -> None:
    got = categorize(
        "Moderation unserer Selbsthilfegruppe", "<p>Menschen mit Depression treffen sich alle zwei Wochen.</p>"
    )
    assert "health_care" in got.categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Hilfe zur Selbsthilfe", True), ("Fahrrad-Selbsthilfe", True), ("Selbsthilfe-Werkstatt", True),
     ("zur Selbsthilfegruppe", False), ("Sucht-Selbsthilfe", False), ("Selbsthilfe", False)],
)
def test_repairs_oneself_reads_the_idiom_and_the_repaired_thing(text: str, expected: bool) -> None:
    doc = pipelines()["de"].make_doc(text)
    for token in doc:
        token.norm_ = token.lower_
    last = doc[len(doc) - 1 : len(doc)]
    assert repairs_oneself(last, listing_rules()) is expected
