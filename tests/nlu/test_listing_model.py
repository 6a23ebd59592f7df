"""The listing model's yardstick (nlu/listing_model): what it sees of a listing, that fitting is deterministic and
learns a clear kind, and that its validation never touches a blind set."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlu.api import listing_features
from nlu.kernel.taxonomy import category_keys
from nlu.listing_model.features import RULE_FEATURES
from nlu.listing_model.linear import Settings, fit
from nlu.listing_model.loso import main, rules_decision, with_additions

_TRAINING = [
    ("Gassigehen mit Tierheimhunden", "<p>Aufgaben:</p><ul><li>Hunde ausführen</li></ul>", ["animals"]),
    ("Katzen im Tierheim betreuen", "<p>Füttern, streicheln, Gehege sauber machen.</p>", ["animals"]),
    ("Trainer*in Fußballjugend", "<p>Training der C-Jugend zweimal pro Woche.</p>", ["sports", "children_youth"]),
    ("Übungsleitung Turnen", "<p>Turnstunde für Erwachsene, Sporthalle Nord.</p>", ["sports"]),
    ("Bäume pflanzen im Stadtwald", "<p>Aufforstung und Pflege junger Bäume.</p>", ["environment"]),
    ("Müllsammelaktion am Flussufer", "<p>Wir sammeln Müll und schützen die Natur.</p>", ["environment"]),
]


def _column(name: str) -> int:
    return RULE_FEATURES.index(name)


def test_the_features_say_where_a_listing_names_a_field() -> None:
    features = listing_features("Gassigehen mit Tierheimhunden", "<p>Über uns:</p><p>Unser Verein.</p>")
    animals = features.rules[category_keys().index("animals")]
    assert animals[_column("titled")] == 1.0
    assert animals[_column("kept")] == 1.0
    assert "t:tierheimhunden" in features.words
    assert rules_decision(features) == ["animals"]


def test_fitting_is_deterministic_and_learns_a_clear_kind() -> None:
    listings = [listing_features(title, text) for title, text, _ in _TRAINING]
    labels = [keys for _, _, keys in _TRAINING]
    first = fit(listings, labels, category_keys(), Settings(steps=150))
    second = fit(listings, labels, category_keys(), Settings(steps=150))
    assert np.array_equal(first.rule_weights, second.rule_weights)
    assert np.array_equal(first.word_weights, second.word_weights)
    unseen = listing_features("Hunde im Tierheim ausführen", "<p>Samstags, einmal im Monat.</p>")
    assert first.decide(unseen) == ["animals"]


def test_the_validation_refuses_blind_sets(tmp_path: Path) -> None:
    blind = tmp_path / "listings_blind.jsonl"
    blind.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(tmp_path / "listings_dev.jsonl"), str(blind)])


def test_the_combination_keeps_the_rules_and_adds_only_what_the_model_holds_confidently() -> None:
    listings = [listing_features(title, text) for title, text, _ in _TRAINING]
    model = fit(listings, [keys for _, _, keys in _TRAINING], category_keys(), Settings(steps=150))
    features = listing_features("Hunde ausführen", "<p>Samstags im Tierheim, einmal im Monat.</p>")
    rules = rules_decision(features)
    assert with_additions(model, features, 1.01) == rules
    everything = with_additions(model, features, 0.0)
    assert everything[: len(rules)] == rules
    assert sorted(everything) == sorted(category_keys())
