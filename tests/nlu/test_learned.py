"""The trained category component (nlu/learned): it loads once with the pipeline, revises the rules' categories only
as its combination says, classifies clear phrasings right, and its training script reproduces the shipped model."""

from __future__ import annotations

import pytest

from nlu.api import analysed, parse
from nlu.kernel.resources import data_dir
from nlu.kernel.taxonomy import category_keys
from nlu.learned import train
from nlu.learned.component import LEARNED, rule_categories
from nlu.learned.features import message_features, vector
from nlu.learned.model import MODEL_DIR, WEIGHTS_FILE, Combination, shipped_model
from nlu.pipeline import LEARNED_COMPONENT, pipelines, rule_pipelines


def test_the_component_is_in_both_pipelines_and_the_model_is_small() -> None:
    for nlp in pipelines().values():
        assert LEARNED_COMPONENT in nlp.pipe_names
        assert nlp.pipe_names.index(LEARNED_COMPONENT) > nlp.pipe_names.index("ehrenamt_negation")
    for nlp in rule_pipelines().values():
        assert LEARNED_COMPONENT not in nlp.pipe_names
    shipped = shipped_model()
    assert shipped.model.keys == category_keys()
    assert data_dir().joinpath(*MODEL_DIR, WEIGHTS_FILE).stat().st_size < 5_000_000
    assert shipped_model() is shipped  # read once per process


def test_a_parsed_message_carries_the_model_revision() -> None:
    with analysed("Ich würde gern im Tierheim in Kassel mit Hunden spazieren gehen") as doc:
        added, dropped = doc._.get(LEARNED)
        wanted, _ = rule_categories(doc)
    assert "animals" in wanted and "animals" not in dropped
    assert not set(added) & wanted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich würde gern im Tierheim in Kassel mit Hunden spazieren gehen", {"animals"}),
        ("would love to coach a youth football team on weekends in Leipzig", {"sports", "children_youth"}),
        ("Suche was bei der freiwilligen Feuerwehr in Fulda", {"emergency_services"}),
        ("I could help older people in a care home with their smartphones", {"seniors", "health_care", "digital"}),
        ("Hausaufgabenhilfe für Grundschüler in Marburg, nachmittags", {"education", "children_youth"}),
    ],
)
def test_clear_phrasings_keep_their_categories(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected
    model = shipped_model().model
    with analysed(text, nlps=rule_pipelines()) as doc:
        probabilities = model.probabilities(*vector(*message_features(doc), model.buckets))
    assert all(probabilities[key] >= 0.5 for key in expected)
    assert all(p < 0.5 for key, p in probabilities.items() if key not in expected)


def test_the_combination_adds_only_when_confident_and_never_what_was_ruled_out() -> None:
    combination = Combination(add_at=0.6, drop_below=0.2)
    probabilities = {"animals": 0.9, "sports": 0.7, "culture": 0.55, "seniors": 0.1, "digital": 0.3}
    decided = combination.decide({"seniors", "digital"}, {"sports"}, probabilities, {"seniors", "digital"})
    assert decided == {"animals", "digital"}  # sports was ruled out, culture too unsure, seniors dropped
    # found by a word the model never saw: the rules keep it
    assert combination.decide({"seniors"}, set(), probabilities, set()) == {"seniors", "animals", "sports"}


def test_a_category_found_by_an_unseen_word_is_not_droppable() -> None:
    model = shipped_model().model
    assert model.known_triggers(["r:word:animals:tierheim"]) == {"animals"}
    assert model.known_triggers(["r:word:animals:qqqxyzzy fellnasenhotel"]) == set()


@pytest.mark.slow
def test_training_reproduces_the_shipped_model() -> None:
    examples = train.read_examples(train.training_paths())
    meta = shipped_model().meta
    assert set(meta["trained_on"]) == {e.set_name for e in examples}
    assert not any("blind" in name for name in meta["trained_on"])
    model = train.train(examples)
    combination = shipped_model().combination
    dev = [e for e in examples if e.set_name == "natural_dev"]
    figures = train.score(dev, train.combined(dev, train.predict(model, dev), combination)).row()
    assert abs(figures["f1"] - meta["in_sample"]["natural_dev"]["f1"]) <= 0.005
    assert abs(figures["all_slots"] - meta["in_sample"]["natural_dev"]["all_slots"]) <= 0.01
    assert train.check_shipped(examples) == 0


def _rule_view(text: str) -> tuple[set[str], set[str], set[str], dict[str, float]]:
    """The rules' wanted and ruled-out categories, the ones the model may drop, and its probabilities."""
    model = shipped_model().model
    with analysed(text, nlps=rule_pipelines()) as doc:
        features, rules = message_features(doc)
        wanted, ruled_out = rule_categories(doc)
    return wanted, ruled_out, model.known_triggers(rules), model.probabilities(*vector(features, rules, model.buckets))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ich kümmere mich gern um Alpakas", "animals"),
        ("Bei der Eselhilfe mithelfen", "animals"),
        ("Ich würde gern Ponys striegeln", "animals"),  # "Schafe" is trained on since natural_dev32
        ("Seniorenfrühstück ausrichten", "seniors"),
    ],
)
def test_a_category_found_by_a_word_never_trained_on_is_never_dropped(text: str, key: str) -> None:
    wanted, ruled_out, droppable, probabilities = _rule_view(text)
    assert key in wanted and key not in droppable  # the model never saw this trigger word
    # even a combination that drops whatever it may keeps it, and so does the shipped one
    assert key in Combination(add_at=1.01, drop_below=1.01).decide(wanted, ruled_out, probabilities, droppable)
    assert key in parse(text).categories


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Gern was mit Kindern, aber bitte nichts mit Sport", "sports"),
        ("Tiere ja, aber keine Senioren bitte", "seniors"),
        ("Am liebsten Umweltschutz, kein Tierheim", "animals"),
        ("something with refugees, but no sports please", "sports"),
        ("I like animals but nothing with children", "children_youth"),
    ],
)
def test_a_ruled_out_category_is_never_added(text: str, key: str) -> None:
    wanted, ruled_out, droppable, probabilities = _rule_view(text)
    assert key in ruled_out
    # even a combination that adds whatever the model names leaves it out, and so does the shipped one
    assert key not in Combination(add_at=0.0, drop_below=0.0).decide(wanted, ruled_out, probabilities, droppable)
    assert key not in parse(text).categories
