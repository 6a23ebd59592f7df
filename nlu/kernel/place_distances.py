"""Distances that decide when a place, or a word naming one, is the same place as another or only near it. Each
meaning has one value here; every module that asks the question uses it."""

from __future__ import annotations

# Same-named places closer than this are one town (the chat, the web's place field, posting, ads, a follow-up's
# place words): farther apart, the person picks between them ("Neustadt"), and a word naming a place this close to
# the last search's place ("ffm" for Frankfurt am Main, "Neustadt" beside Dresden) names that place.
SAME_TOWN_KM = 25.0
# A word of a request naming a place this close to the searched place says where, not what: part of how the place
# was written ("Ffm", "Hansestadt") or a town named beside it ("zwischen Gießen und Marburg"). Wider than
# SAME_TOWN_KM: it only keeps a word out of the search words, it never decides which place is searched.
TOWN_BESIDE_KM = 40.0
