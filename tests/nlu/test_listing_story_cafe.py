"""An Erzählcafé with witnesses of history is culture, not a neighbourly café (listkinds20)."""

from __future__ import annotations

from nlu import categorize


def test_a_story_cafe_with_witnesses_of_history_is_culture_not_neighbourhood() -> None:
    witnesses = categorize(
        "Erzählcafé mit Zeitzeugen", "<p>Ältere Menschen erzählen im Erzählcafé von der Ortsgeschichte.</p>"
    )
    plain = categorize("Erzählcafé", "<p>Im Erzählcafé treffen sich Nachbarinnen und Nachbarn bei Kaffee.</p>")
    assert "culture" in witnesses.categories
    assert "neighbourhood" not in witnesses.categories
    assert "neighbourhood" in plain.categories
