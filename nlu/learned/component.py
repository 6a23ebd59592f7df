"""The spaCy component that lets the trained model revise the rules' categories of a message."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlu.extensions import INTERESTS, spans
from nlu.learned.features import message_features, vector
from nlu.learned.model import ShippedModel, shipped_model

LEARNED = "learned_categories"  # Doc extension: (added, dropped) category keys, or None when the model did not run


@Language.factory("ehrenamt_learned_categories", assigns=[f"doc._.{LEARNED}"], requires=["doc.spans"])
def make_learned_categories(nlp: Language, name: str) -> LearnedCategories:
    """Creates the component; the model is read once per process, when the pipeline is built."""
    return LearnedCategories(name, shipped_model())


def register() -> None:
    """Registers the Doc extension unless done already."""
    if not Doc.has_extension(LEARNED):
        Doc.set_extension(LEARNED, default=None)


def rule_categories(doc: Doc) -> tuple[set[str], set[str]]:
    """Returns the categories the rules found wanted and ruled out (a category both wanted and ruled out is wanted)."""
    wanted = {s.label_ for s in spans(doc, INTERESTS) if not s._.neutral and not s._.negated}
    ruled_out = {s.label_ for s in spans(doc, INTERESTS) if not s._.neutral and s._.negated} - wanted
    return wanted, ruled_out


class LearnedCategories:
    """Sets doc._.learned_categories to the categories the model adds to and drops from the rules' answer."""

    def __init__(self, name: str, shipped: ShippedModel) -> None:
        register()
        self.name = name
        self.shipped = shipped

    def __call__(self, doc: Doc) -> Doc:
        """Scores the message and records the model's changes; listings keep the rules' answer."""
        if doc.user_data.get("ehrenamt_listing"):
            return doc
        text, rules = message_features(doc)
        model = self.shipped.model
        probabilities = model.probabilities(*vector(text, rules, model.buckets))
        wanted, ruled_out = rule_categories(doc)
        decided = self.shipped.combination.decide(wanted, ruled_out, probabilities, model.known_triggers(rules))
        doc._.set(LEARNED, (tuple(sorted(decided - wanted)), tuple(sorted(wanted - decided))))
        return doc
