"""Job-search help in a listing for adults out of work: mentoring job seekers, helping with their applications and
preparing them for interviews ("Mentor*in für Arbeitsuchende", "Bewerbungshilfe", "Jobpate") is work against
poverty, not schooling; an application course is teaching ("Bewerbungstraining"), and young people are schooled into
work ("Mentor/in für junge Menschen auf Jobsuche")."""

from __future__ import annotations

from spacy.tokens import Span

from nlu.listing_layout import ListingLayout
from nlu.listing_rules import listing_rules

_EDUCATION = "education"
_POVERTY = "poverty_homelessness"
_YOUNG = "children_youth"
_SERVING_KINDS = frozenset({"title", "lead", "task"})  # not the blurb, the offer or the wishes: whom the task serves
_TASK_KINDS = frozenset({"title", "task"})  # a lead often lists the organisation's fields ("Kitas, Suchtberatung")


def without_job_coaching(mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]) -> list[Span]:
    """Drops the education mentions made only of job-search words ("Arbeitsuchende", "Bewerbungsunterlagen",
    "Vorstellungsgespräche", "Mentoring") when the title, lead or tasks name poverty and neither the title nor the
    tasks name children or youth; a course word among them ("Bewerbungstraining") keeps its mention."""
    rules = listing_rules()

    def serving(label: str, kinds: frozenset[str]) -> bool:
        return any(span.label_ == label and layout.kind(starts[span.start]) in kinds for span in mentions)

    if not serving(_POVERTY, _SERVING_KINDS) or serving(_YOUNG, _TASK_KINDS):
        return mentions

    def job_word(norm: str) -> bool:
        parts = [part for part in norm.split("-") if part]
        return any(part.startswith(rules.job_search) for part in [*parts, norm.replace("-", "")]) and not any(
            taught in norm for taught in rules.job_search_taught
        )

    return [span for span in mentions if not (span.label_ == _EDUCATION and any(job_word(t.norm_) for t in span))]
