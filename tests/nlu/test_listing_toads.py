"""The toads carried over the road at an amphibian fence are animals served in a nature listing (issue 14, listing
round listing-cats). Texts of their own, not from the labelled sets."""

from __future__ import annotations

from nlu import categorize


def test_tending_an_amphibian_fence_keeps_animals_beside_nature_work() -> None:
    got = categorize(
        "Mitmachen im Naturschutzbund",
        "<p>Unsere Ortsgruppe pflegt Hecken, Streuobstwiesen, Feuchtwiesen und Trockenmauern im Landkreis.</p>"
        "<ul><li>Hecken schneiden und Obstbäume pflanzen</li><li>Wiesen mähen und Biotope pflegen</li>"
        "<li>im Frühjahr den Krötenzaun an der Landstraße betreuen</li></ul>",
    ).categories
    assert "environment" in got
    assert "animals" in got
