"""Factories for the posting tests: services with the real gazetteer and a fixed clock."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.posting.drafts import PostingServices
from nlu.kernel.gazetteer import get_gazetteer
from nlu.query import ListingTags

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


def keyword_categorizer(title: str, description: str) -> ListingTags:
    """A test double for the NLU's suggestions: animals when the text speaks of animals, weekends on 'samstag'."""
    text = f"{title} {description}".lower()
    categories = [key for word, key in (("tier", "animals"), ("kind", "children_youth")) if word in text]
    return ListingTags(categories=categories, time=["regular", "weekend"] if "samstag" in text else [])


@pytest.fixture
def services() -> PostingServices:
    """Posting services with the real gazetteer, a keyword categorizer and a fixed clock."""
    return PostingServices(gazetteer=get_gazetteer(), categorize=keyword_categorizer, clock=lambda: NOW)
