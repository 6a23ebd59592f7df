"""Typed words at a button step: a label named plainly is a press; a negation, a sentence or a free answer never is."""

from __future__ import annotations

import pytest

from bot.posting.steps import Step
from bot.telegram.posting.buttons import DraftAction
from bot.telegram.posting.typed import typed_choices, typed_resume


def choices(step: Step, text: str, data: dict[str, object] | None = None) -> list[str | None] | None:
    """Returns the pressed choices, or None when the text is no press."""
    found = typed_choices(step, text, data or {})
    return None if found is None else [answer.choice for answer in found]


@pytest.mark.parametrize(("step", "text", "expected"), [
    (Step.ORG_KIND, "ein Verein", ["e_v"]),
    (Step.ORG_KIND, "Kirchengemiende", ["church"]),  # a small typo of the whole label
    (Step.TIME_KIND, "regelmäßig", ["regular"]),
    (Step.TIME_SLOTS, "am Wochenende, abends", ["weekend", "evening"]),
    (Step.CATEGORIES, "Tiere und Umwelt", ["animals", "environment"]),
    (Step.CATEGORIES, "Kinder & Jugend", ["children_youth"]),  # one label, not two presses that cancel out
    (Step.CATEGORIES, "fertig, Tiere", ["animals", "done"]),  # the choice before the step ends
    (Step.LANGUAGES, "Arabisch und Englisch", ["ar", "en"]),
    (Step.ACCESSIBILITY, "weiß nicht", ["unknown"]),
    (Step.ACCESSIBILITY, "don't know", ["unknown"]),
    (Step.NEWCOMERS, "No", ["no"]),
    (Step.ORG_WEBSITE, "überspringen", ["skip"]),
])
def test_a_label_named_plainly_presses_its_button(step: Step, text: str, expected: list[str]) -> None:
    assert choices(step, text) == expected


@pytest.mark.parametrize(("step", "text"), [
    (Step.TIME_KIND, "unregelmäßig"), (Step.TIME_KIND, "irregular"), (Step.TIME_KIND, "not regular"),
    (Step.TIME_SLOTS, "nie am Wochenende"), (Step.TIME_SLOTS, "no evenings"), (Step.CATEGORIES, "no sports"),
    (Step.CATEGORIES, "bloß keine Tiere"), (Step.ACCESSIBILITY, "gar nicht"), (Step.ACCESSIBILITY, "Ja weiß ich"),
    (Step.ACCESSIBILITY, "I know"), (Step.ORG_KIND, "so ein Zusammenschluss halt"),
    (Step.CATEGORIES, "Tiere und irgendwas"),  # one part names nothing: no part is pressed
    (Step.ORG_WEBSITE, "www.skip.de"), (Step.ORG_WEBSITE, "keine"), (Step.HOURS, "8"),
    (Step.TITLE, "Sport"), (Step.PLACE, "Online"),  # answered in words: never taken for a button here
    (Step.CATEGORIES, "Tiere " * 60),  # a description, not a button
])
def test_a_negation_a_sentence_or_a_free_answer_is_no_press(step: Step, text: str) -> None:
    assert choices(step, text) is None


def test_typing_a_choice_already_ticked_keeps_it_ticked() -> None:
    assert choices(Step.CATEGORIES, "Tiere und Umwelt", {"categories": ["animals"]}) == ["environment"]
    assert choices(Step.CATEGORIES, "Tiere", {"categories": ["animals"]}) == []


@pytest.mark.parametrize(("text", "held", "expected"), [
    ("ja", True, DraftAction.TAKE_HELD), ("Yes please", True, DraftAction.TAKE_HELD),
    ("ja", False, DraftAction.CONTINUE), ("weitermachen", True, DraftAction.CONTINUE),
    ("Continue", False, DraftAction.CONTINUE), ("neu anfangen", True, DraftAction.RESTART),
    ("Start over", False, DraftAction.RESTART), ("Ja, als Antwort nehmen", True, DraftAction.TAKE_HELD),
    ("Ja, als Antwort nehmen", False, None),  # nothing held to take
    ("nein", True, None), ("Tierheim in Kassel", True, None), ("ja, aber später", True, None),
])
def test_a_yes_or_a_label_typed_at_weitermachen_is_the_press_it_means(
        text: str, held: bool, expected: int | None) -> None:
    assert typed_resume(text, held=held) == expected
