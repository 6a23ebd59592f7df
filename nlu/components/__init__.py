"""spaCy components of the NLU; importing this package registers their factories."""

from nlu.components import (
    interests, keywords, languages, negation, places, radius, remote, time_choice, time_firmness, times,
)

__all__ = ["interests", "keywords", "languages", "negation", "places", "radius", "remote", "time_choice",
           "time_firmness", "times"]
