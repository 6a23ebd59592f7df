"""Finds wishes to help online / from home, and to be on site (patterns in data/nlu/remote.toml)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import matched_spans, pattern_matcher, set_group
from nlu.extensions import REMOTE, register_extensions
from nlu.lexicon import remote_rules


@Language.factory("ehrenamt_remote", assigns=["doc.spans"], requires=["token.norm"])
def make_remote_matcher(nlp: Language, name: str) -> RemoteMatcher:
    """Creates the remote matcher for one pipeline."""
    return RemoteMatcher(nlp, name)


class RemoteMatcher:
    """Writes doc.spans["remote"] with labels "remote" and "on_site"."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        rules = remote_rules()
        self.matcher, self.unusable = pattern_matcher(
            nlp, {"remote": rules.remote, "on_site": rules.on_site, "topic": rules.topic, "near": rules.near}
        )

    def __call__(self, doc: Doc) -> Doc:
        """Matches both pattern sets; a remote mention inside an on-site one ("nicht online") is dropped. Near one's
        home ("nicht weit von zu Hause") stays as a "near" span: its words are taken, but it asks for no remote."""
        spans = matched_spans(doc, self.matcher)
        on_site = [s for s in spans if s.label_ in ("on_site", "topic", "near")]
        remote = [s for s in spans if s.label_ == "remote"]
        kept = [
            s for s in spans
            if (s.label_ == "near" or (s.label_ == "on_site" and not _inside_longer(s, remote)))
            or (s.label_ == "remote" and not any(o.start <= s.start < o.end for o in on_site))
        ]
        set_group(doc, REMOTE, kept)
        return doc


def _inside_longer(span: Span, others: list[Span]) -> bool:
    """Tells whether a longer span holds this one: "nicht vor Ort" is a remote wish, not an on-site one."""
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in others)
