"""Word families of the listing round t14-list6 (issue 14, listings): clubs and places named by a compound the
vocabulary missed, and a style taken for an age group. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        # a shooting or archery club is a sports club, whatever the board role
        ("Kassenprüfer*in gesucht", "<p>Die Schützengesellschaft 1848 sucht Unterstützung im Vorstand.</p>", "sports"),
        ("Beisitzer/in für unseren Schützenverein", "<p>Sitzungen viermal im Jahr.</p>", "sports"),
        ("Helfer*in beim Bogenschießen", "<p>Du kümmerst dich um die Zielscheiben.</p>", "sports"),
        # the friends of a public pool keep it open for swimming
        ("Schriftführung im Förderverein", "<p>Wir setzen uns für das Freibad am Stadtrand ein.</p>", "sports"),
        ("Kasse und Aufsicht", "<p>Im Hallenbad-Förderverein machst du die Abrechnung.</p>", "sports"),
        # circus is trained movement as well as a stage art
        ("Helfer*in gesucht", "<p>Im Mitmachzirkus lernen die Kids Einrad und Diabolo.</p>", "sports"),
        ("Akrobatik-Workshop begleiten", "<p>Zwei Nachmittage im Jugendtreff, Matten aufbauen.</p>", "sports"),
        # nest boxes and bird counts are habitat conservation, not only care of birds
        ("Nistkästen reinigen", "<p>Im Herbst putzen wir die Kästen im Stadtwald.</p>", "environment"),
        ("Vogelzählung am Wochenende", "<p>Zähl mit uns die Vögel am Futterhäuschen.</p>", "environment"),
        # the history of a place or a trade is culture
        ("Recherche zur Dorfgeschichte", "<p>Alte Fotos sichten und beschriften.</p>", "culture"),
        ("Recherche zur Industriegeschichte", "<p>Alte Akten der Tuchfabrik sichten.</p>", "culture"),
        # Art Nouveau is a style, not youth
        ("Aufsicht im Jugendstilbad", "<p>Besucher begrüßen und Fragen zum Haus beantworten.</p>", "culture"),
    ],
)
def test_a_word_family_names_its_field(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        # a style is no age group
        ("Ehrenamt in der Jugendstil-Villa", "<p>Empfang der Gäste bei Konzerten.</p>", "children_youth"),
        # a person's history is not culture
        ("Begleitung für Frauen mit Fluchtgeschichte", "<p>Termine bei Ämtern gemeinsam wahrnehmen.</p>", "culture"),
        ("Gesprächspartner*in", "<p>Bewohnerinnen erzählen ihre Lebensgeschichte, du hörst zu.</p>", "culture"),
        # the verb "schützen" is no shooting club
        ("Amphibien schützen", "<p>Wir schützen Kröten auf ihrem Weg zum Teich.</p>", "sports"),
    ],
)
def test_a_word_trap_names_no_field(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories
