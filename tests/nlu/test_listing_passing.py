"""Fields a listing names only in passing (issue 14, listings): the organisation's catalogue of fields, examples in
brackets, and the office's own database are not what the volunteer does, even when the listing names nothing else."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.listing_evidence import Evidence, ranked_categories
from nlu.kernel.taxonomy import category_keys


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        # a catalogue sentence of the parish's groups is the organisation's breadth, not the task
        (
            "Gastgeber*in beim Sonntagskaffee",
            "<p>Unsere Gemeinde hat einen Posaunenchor, eine Krabbelgruppe, einen Seniorenkreis und eine Laufgruppe."
            "</p><p>Nach dem Gottesdienst kochst du Kaffee und stellst Kuchen auf.</p>",
            "children_youth",
        ),
        # examples in brackets of what is built, not for whom
        (
            "Werkbank-Runde",
            "<p>Einmal pro Woche bauen wir zusammen kleine Dinge (Nistkästen, Spielzeug für den Kindergarten).</p>",
            "children_youth",
        ),
        # the office's database, kept up to date, is office work
        (
            "Verstärkung am Empfang",
            "<p>Sie nehmen Anrufe entgegen, vereinbaren Termine und halten unsere Kontakt-Datenbank aktuell.</p>",
            "digital",
        ),
        ("Büroteam gesucht", "<p>Post sortieren, Ablage machen, Pflege der Datenbank.</p>", "digital"),
    ],
)
def test_a_field_named_only_in_passing_is_not_kept(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        # a database beside a plainer word of the field still names it
        (
            "Archiv digitalisieren",
            "<p>Du scannst alte Fotos und trägst sie in unsere Online-Datenbank ein.</p>",
            "digital",
        ),
        # a field the catalogue names and the task names plainly too is kept
        (
            "Helfer*in im Gemeindehaus",
            "<p>Bei uns gibt es Sport, Musik, Umweltgruppen und eine Kindergruppe.</p>"
            "<p>Du betreust die Kinder beim Basteln und liest den Kindern vor.</p>",
            "children_youth",
        ),
        # many examples in brackets reach the floor on their own
        (
            "Aushilfe gesucht",
            "<p>Wir helfen bei vielem (Kinderfest, Kinderturnen, Kinderkino, Hausaufgaben für Kinder).</p>",
            "children_youth",
        ),
    ],
)
def test_a_field_named_plainly_or_often_is_kept(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


def test_a_weak_listing_keeps_a_plain_field_but_not_one_named_in_passing() -> None:
    order = category_keys()
    passing = frozenset({"children_youth"})
    evidence = Evidence({"children_youth": 0.3, "neighbourhood": 1.0}, frozenset(), passing_only=passing)
    assert ranked_categories(evidence, order) == ["neighbourhood"]
    evidence = Evidence({"children_youth": 0.5}, frozenset(), passing_only=passing)
    assert ranked_categories(evidence, order) == []
    evidence = Evidence({"children_youth": 0.5}, frozenset())
    assert ranked_categories(evidence, order) == ["children_youth"]


@pytest.mark.parametrize(
    ("title", "description", "wanted", "wrong"),
    [
        (
            "Gnadenhof sucht Paten",
            "<p>Bei uns leben ältere Hunde und Pferde, die kein Zuhause finden. Du gehst mit ihnen spazieren.</p>",
            "animals",
            "seniors",
        ),
        (
            "Ein Zuhause auf Zeit für Katzen",
            "<p>Wir vermitteln ältere Katzen in ruhige Haushalte und suchen Menschen, die sie aufnehmen.</p>",
            "animals",
            "seniors",
        ),
    ],
)
def test_an_age_adjective_before_a_thing_names_no_age_group(
    title: str, description: str, wanted: str, wrong: str
) -> None:
    categories = categorize(title, description).categories
    assert wanted in categories
    assert wrong not in categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        # the older people themselves, as a noun or before a person word, stay the people served
        ("Spaziergänge im Viertel", "<p>Du gehst einmal pro Woche mit Älteren spazieren.</p>", "seniors"),
        ("Spaziergänge im Viertel", "<p>Du begleitest ältere Nachbarinnen beim Spaziergang.</p>", "seniors"),
        # an adjective of access makes the thing its field's
        (
            "Gästeführung",
            "<p>Wir bieten barrierefreie Stadtführungen an und suchen Begleiter*innen.</p>",
            "disability_inclusion",
        ),
    ],
)
def test_an_age_group_or_an_access_adjective_still_counts(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories
