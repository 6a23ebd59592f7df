"""People of many countries who work or help "bei uns" are the organisation's own volunteers, not newcomers served
(issue 14, listing round listing-cats). Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    "description",
    [
        "<p>Kleidung sortieren und ausgeben. Deutsch muss nicht perfekt sein – bei uns arbeiten Menschen aus zehn "
        "Ländern.</p>",
        "<p>Regale einräumen und an der Kasse stehen. Deutsch ist kein Muss, bei uns helfen Menschen aus 8 Nationen "
        "mit.</p>",
    ],
)
def test_a_team_of_many_origins_is_no_newcomer_field(description: str) -> None:
    got = categorize("Helfer*innen für die Kleiderkammer", description).categories
    assert "refugees_integration" not in got
    assert "poverty_homelessness" in got


def test_the_group_the_helpers_serve_stays_served() -> None:
    got = categorize(
        "Begleitung im Alltag",
        "<p>Bei uns helfen Ehrenamtliche Geflüchteten bei Behördengängen und beim Deutschlernen.</p>",
    ).categories
    assert "refugees_integration" in got
