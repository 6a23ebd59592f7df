"""A button's label typed instead of pressed: "Verein", "ja", "Tiere, Umwelt", "fertig" answer as the buttons do.

People on their phone often type what they see under the question. At a step whose answer is one of fixed buttons,
typed words that name exactly one button (in German or English, emoji and ticks left out, a small typo forgiven)
count as pressing it. Anything else still gets the friendly "use the buttons" text, so nothing is guessed.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from bot.posting.answers import Answer
from bot.posting.steps import ORDER, Step
from bot.telegram.callbacks import DraftAnswerButton
from bot.search.smalltalk import is_yes
from bot.telegram.posting.buttons import DONE, DraftAction, answer_of, choice_labels
from bot.texts import LANGUAGES, t
from nlu.kernel.text import PLAIN_WORD, fold, plain_words

# Steps where several buttons may be ticked: "Tiere und Umwelt" presses two, "fertig" ends the step.
TOGGLES = frozenset({Step.CATEGORIES, Step.TIME_SLOTS, Step.LANGUAGES})
# Steps answered by a button only: a typed text there is never an answer of its own.
BUTTONS_ONLY = frozenset({Step.ORG_KIND, Step.TIME_KIND, Step.ACCESSIBILITY, Step.NEWCOMERS}) | TOGGLES
_PARTS = re.compile(r"\s*(?:[,;/+&]|\bund\b|\band\b|\bsowie\b)\s*")
_TYPO = 85  # rapidfuzz ratio: "Kirchengemiende" is Kirchengemeinde, "Kinder" is not "Kommune"
_SHORTEST = 2  # "ja" and "no" are answers, one letter is not
_SIGNIFICANT = 4  # shorter words ("ein", "am", "die") say nothing about which button
# Words that may come with a label's words ("ein Verein", "bitte Sport"); any other word makes it a sentence.
_FILLER = frozenset("ein eine einen einer der die das den dem bitte nur auch a an the please just only also".split())
# A negation turns a label's words into the opposite wish: such text is never a press.
_NEGATIONS = frozenset("nicht nie kein keine keinen keinem keiner nein no not never none without ohne".split())
MAX_TYPED = 200  # a longer text is a description, not a button


# The draft field a toggle step fills: a typed choice already ticked stays ticked (typing "Tiere" means yes).
_TICKED = {Step.CATEGORIES: "categories", Step.TIME_SLOTS: "time_slots", Step.LANGUAGES: "languages"}


def typed_choices(step: Step, text: str, data: dict[str, Any]) -> list[Answer] | None:
    """Returns the answers a typed text gives at a step, in order; None when it names no button unmistakably.

    At a skippable step (website, hours, requirements) only the skip button's whole label counts: anything else
    typed there is the answer itself. At a toggle step a button already ticked is not pressed again (typing
    "Tiere" where Tiere was preselected keeps it), so the list may be empty.
    """
    if step not in BUTTONS_ONLY and not _only_skip(step):
        return None
    if len(text) > MAX_TYPED:
        return None
    parts = [part for part in _PARTS.split(fold(text)) if part.strip()] if step in TOGGLES else [fold(text)]
    numbers = [_button(step, part) for part in parts]
    if not numbers or any(number is None for number in numbers):
        return None
    if _only_skip(step) and numbers != [DONE]:
        return None
    index = ORDER.index(step)
    distinct = list(dict.fromkeys(number for number in numbers if number is not None))  # "Kinder & Jugend": one
    if DONE in distinct and step in TOGGLES:  # "fertig, Tiere": the choice first, then the step is done
        distinct = [number for number in distinct if number != DONE] + [DONE]
    answers = [found[1] for found in (answer_of(DraftAnswerButton(index, number)) for number in distinct)
               if found is not None]
    ticked = set(data.get(_TICKED[step]) or ()) if step in _TICKED else set()
    return [answer for answer in answers if answer.choice not in ticked]


def _only_skip(step: Step) -> bool:
    """Tells whether the step takes typed answers and has a skip button."""
    return step not in BUTTONS_ONLY and bool(choice_labels(step, "de"))


def _button(step: Step, typed: str) -> int | None:
    """Returns the one button number the typed words name, or None (nothing, several, or said with a "not")."""
    words = PLAIN_WORD.findall(typed)
    if not words or len("".join(words)) < _SHORTEST:
        return None
    said = " ".join(words)
    labels = {(number, " ".join(plain_words(label)))
              for lang in ("de", "en") for label, number in choice_labels(step, lang)}
    exact = {number for number, label in labels if label == said}
    if exact:
        return exact.pop() if len(exact) == 1 else None
    if _only_skip(step) or _NEGATIONS & set(words):
        # at a step answered in words only the skip label as such is a press; a label said with a negation
        # ("nie am Wochenende", "not regular", "gar nicht") means the opposite, and is no press either
        return None
    # a label's words said with at most a few filler words ("ein Verein" for "Verein (e. V.)", "Tiere" for "🐾 Tiere")
    named = {number for number, label in labels if _names(set(words), set(label.split()))}
    if not named:  # a small typo of a whole label ("Kirchengemiende"); "unregelmäßig" is another word, not a typo
        named = {number for number, label in labels
                 if fuzz.ratio(said, label) >= _TYPO and said[0] == label[0] and label not in said}
    return named.pop() if len(named) == 1 else None


def _names(said: set[str], label: set[str]) -> bool:
    """Tells whether typed words name a label: a word of it long enough to tell, and nothing else but filler."""
    shared = said & label
    return any(len(word) >= _SIGNIFICANT for word in shared) and said - label <= _FILLER


# The buttons of "weitermachen?" (posting.resume, posting.resume_held), by what they do.
_RESUME = (("posting.button_take_held", DraftAction.TAKE_HELD), ("posting.button_continue", DraftAction.CONTINUE),
           ("posting.button_restart", DraftAction.RESTART))


def typed_resume(text: str, *, held: bool) -> int | None:
    """Returns the press a text typed at "weitermachen?" means: a yes takes the held text as the answer ("Soll
    deine Nachricht die Antwort sein?" – "ja") or, with none held, goes on ("Möchtest du weitermachen?" – "ja");
    a button's label typed presses it. None for other texts (a no is the caller's: is_decline)."""
    if is_yes(text):
        return DraftAction.TAKE_HELD if held else DraftAction.CONTINUE
    typed = plain_words(text)
    for key, action in _RESUME:
        if (held or action != DraftAction.TAKE_HELD) and any(
                plain_words(t(lang, key)) == typed for lang in LANGUAGES):
            return action
    return None
