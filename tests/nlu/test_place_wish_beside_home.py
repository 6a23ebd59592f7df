"""Issue 14, places: of two places named, the one the wish is said of is meant, not where one lives, works or
stays: a modal verb of the wish before it ("wohne in Kiel, will aber in Lübeck helfen"), after it ("In Lübeck würde
ich gern helfen") or pointing back to it ("bei meinen Eltern in Lübeck, da würd ich gern ...", "volunteer there").
Every sentence here is written for this test, none comes from a labelled set."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne in Kiel, will aber in Lübeck helfen, gern mit Tieren",
        "wohn in Kiel, würd aber gern in Lübeck helfen",
        "wohne zwar in Kiel, möchte mich aber in Lübeck engagieren",
        "Wohne in Kiel, mag aber in Lübeck mithelfen",
        "ich wohn in kiel aber will in lübeck was machen",
        "wohne in Kiel und würde gerne in Lübeck mithelfen",
        "I live in Kiel but I want to do something in Lübeck",
    ],
)
def test_a_wish_verb_before_the_place_outranks_home(text: str) -> None:
    assert place_name(text) == "Lübeck"


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne in Kiel. In Lübeck würde ich gern helfen.",
        "In Kiel wohne ich, in Lübeck möchte ich helfen",
    ],
)
def test_a_wish_after_the_place_outranks_home(text: str) -> None:
    assert place_name(text) == "Lübeck"


@pytest.mark.parametrize(
    "text",
    [
        "bin unter der Woche in Kiel, am Wochenende bei meinen Eltern in Lübeck, da würde ich gern im Tierheim helfen",
        "I study in Kiel but spend weekends at my parents' in Lübeck, could I help there with animals?",
        "I live in Kiel but my parents are in Lübeck and I'm there every weekend. Could I volunteer there?",
        "Ich wohne in Kiel, aber mein Freund wohnt in Lübeck und da bin ich oft, kann ich dort helfen?",
    ],
)
def test_a_wish_pointing_back_takes_the_place_named_last(text: str) -> None:
    assert place_name(text) == "Lübeck"


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne in Kiel, Lübeck würde ich nicht",  # no word of the wish after the modal verb
        "Ich wohne in Kiel, am Wochenende bin ich bei meiner Schwester in Lübeck, da bin ich nicht da",
    ],
)
def test_a_modal_without_a_wish_leaves_home_first(text: str) -> None:
    assert place_name(text) == "Kiel"
