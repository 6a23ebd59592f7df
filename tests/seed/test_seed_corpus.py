"""The demo corpus in data/demo/: checked on load, every sentence usable in both registers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.categories import categories
from bot.seed.corpus import _activity, load_corpus
from bot.seed.register import RegisterError, formal

ACTIVITY = {"titles": ["Helfer:in"], "categories": ["animals"], "tasks": ["Du hilfst."], "time": ["weekend daytime"],
            "hours": [2, 4]}


def test_every_category_is_offered_by_some_activity_of_some_organisation() -> None:
    corpus = load_corpus()
    offered = {key for kind in corpus.organisation_types.values() for key in kind.activities}
    assert offered | set(corpus.offices) == set(corpus.activities)
    reachable = {c for key in offered for c in corpus.activities[key].categories}
    assert reachable == set(categories())


def test_club_offices_take_the_field_of_organisations_that_have_one() -> None:
    corpus = load_corpus()
    assert {"treasurer", "bookkeeping", "press_officer", "website_care"} <= set(corpus.offices)
    fields = {kind.key: kind.field for kind in corpus.organisation_types.values() if kind.field}
    assert {"sports_club": "sports", "animal_shelter": "animals", "choir": "culture", "tafel": "poverty_homelessness",
            "fire_brigade": "emergency_services", "integration": "refugees_integration"}.items() <= fields.items()
    assert corpus.activities["treasurer"].categories == ()
    assert corpus.activities["website_care"].categories == ("digital",)  # web work is digital wherever it is
    with pytest.raises(ValueError, match="has no category"):
        _activity("x", {**ACTIVITY, "categories": []}, Path("x.toml"))


def test_a_typo_in_a_category_or_time_word_fails_when_loading() -> None:
    with pytest.raises(ValueError, match="unknown category 'anmials'"):
        _activity("x", {**ACTIVITY, "categories": ["anmials"]}, Path("x.toml"))
    with pytest.raises(ValueError, match="bad time option"):
        _activity("x", {**ACTIVITY, "time": ["weekend nachts"]}, Path("x.toml"))


def test_du_sentences_become_formal() -> None:
    assert formal("Du begleitest ältere Menschen und hilfst beim Einkaufen.") == \
        "Sie begleiten ältere Menschen und helfen beim Einkaufen."
    assert formal("Im Sprachcafé unterhältst du dich mit Menschen aus aller Welt.") == \
        "Im Sprachcafé unterhalten Sie sich mit Menschen aus aller Welt."
    assert formal("Wir zeigen dir, wie es geht – deine Fragen beantworten wir gern.") == \
        "Wir zeigen Ihnen, wie es geht – Ihre Fragen beantworten wir gern."
    assert formal("Die Kinder lieben es. Du liest vor.") == "Die Kinder lieben es. Sie lesen vor."


def test_a_du_sentence_with_an_unknown_verb_is_refused() -> None:
    with pytest.raises(RegisterError, match="jonglierst"):
        formal("Du jonglierst mit drei Bällen.")


def test_every_corpus_sentence_can_be_made_formal() -> None:
    corpus = load_corpus()
    sentences = [text for activity in corpus.activities.values()
                 for text in (*activity.tasks, *activity.requirements, *activity.impact, *activity.titles)]
    time = corpus.phrases["time"]
    sentences += time["regular"] + time["flexible"] + time["one_day"] + time["several_days"]
    for sentence in sentences:
        made = formal(sentence)
        assert " du " not in f" {made.lower()} ", made
