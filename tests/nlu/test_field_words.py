"""Field words of the lexicon round of issue 14 (branch t14-lexicon), chosen with nlu/tools/field_words.py over the
labelled data and reviewed by hand: making radio, flea markets and street parties, bike tours and mountain hiking,
keeping paths, homework, scouts, food savers, poems, ballet and orchestras, being "into" something; and the
corrections: care of birds and hedgehogs is no health care, a children's festival no neighbourhood festival, a
kindergarten written as two words no garden, permaculture and compost no culture and no animals. Every sentence here
is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # radio and its compounds: an art and media work
        ("beim Bürgerfunk eine eigene Sendung gestalten, geht das in Gießen?", "culture"),
        ("beim Bürgerfunk eine eigene Sendung gestalten, geht das in Gießen?", "digital"),
        ("hätte Lust, beim Lokalradio in Marburg mitzumachen", "culture"),
        ("would love to help at a community radio in Leipzig", "digital"),
        ("beim Radio im Stadtteil mitmachen, Beiträge schreiben", "culture"),
        ("Radio-AG an einer Schule betreuen", "digital"),
        # flea markets and street parties
        ("würde gern Flohmärkte für unseren Ortsteil mit organisieren", "neighbourhood"),
        ("beim Trödelmarkt am Sonntag Stände aufbauen", "neighbourhood"),
        ("can I help out at a flea market near Fulda?", "neighbourhood"),
        ("we'd like to organise a street party for our block", "neighbourhood"),
        # tours by bike, nordic walking, hiking in the mountains (a weak word, as "wandern")
        ("ich würde gern Fahrradtouren mit Bewohnern vom Altenheim begleiten", "sports"),
        ("Radausflüge für Jugendliche am Wochenende planen", "sports"),
        ("leading bike tours for newcomers in Kassel", "sports"),
        ("eine Nordic-Walking-Gruppe für Ältere anleiten", "sports"),
        ("Bergwandern mit Gruppen im Harz begleiten", "sports"),
        # keeping paths
        ("Wegepflege im Nationalpark, gern samstags", "environment"),
        ("beim Wegepflegetrupp vom Wanderverein mitmachen", "environment"),
        # homework is done by pupils
        ("help pupils with their homework after school in Jena", "children_youth"),
        ("I could do homework help twice a week", "children_youth"),
        # poems, ballet, orchestras, pottery
        ("Gedichte vorlesen im Pflegeheim", "culture"),
        ("beim Kinderballett in der Garderobe helfen", "culture"),
        ("I play the cello and would join a community orchestra", "culture"),
        ("teaching pottery to teenagers", "culture"),
        # being into something, or keen on it, is the wish
        ("I'm into climate things, anything in Bonn?", "environment"),
        ("honestly I'm really into birds, any projects near Jena?", "animals"),
        ("we're keen on helping at a food bank", "poverty_homelessness"),
        # scouting named with its group, food savers
        ("I'd like to be a scout leader near Bonn", "children_youth"),
        ("bei den Pfadis als Gruppenleiterin mitmachen", "children_youth"),
        ("als Foodsaver beim Bäcker übrig gebliebenes Brot abholen", "environment"),
        # a forest kindergarten is children's, in the woods
        ("beim Waldkindergarten in Leipzig helfen", "children_youth"),
        ("beim Waldkindergarten in Leipzig helfen", "environment"),
    ],
)
def test_field_words_name_their_field(text: str, category: str) -> None:
    assert category in parse(text).categories
    assert category in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # radios repaired are things, not broadcasting; a radio presenter by trade names her job, not a wish
        ("ich repariere gern alte Radios und Toaster", "culture"),
        ("ich repariere gern alte Radios und Toaster", "digital"),
        ("bin Radiomoderatorin von Beruf und suche was mit Tieren in Kassel", "culture"),
        # the radio one switches on at home
        ("abends mach ich oft das Radio an, sonst ist es so still. Suche was mit Menschen in Hanau", "culture"),
        # a library's book flea market is the library's
        ("den Bücherflohmarkt in der Stadtbibliothek betreuen", "neighbourhood"),
        # a bike is how one comes, a town named Rad... is a place
        ("ich komme mit dem Rad aus Radebeul, suche was mit Tieren", "sports"),
        # a ballet teacher by trade who wants to help older people
        ("ich bin Ballettlehrerin und suche was mit Senioren", "culture"),
        # a zoo's scouts guide visitors
        ("bei den Zoo-Scouts im Tierpark mitmachen", "children_youth"),
        # care of birds and hedgehogs is no health care
        ("in der Vogelpflegestation am Stadtrand mithelfen", "health_care"),
        ("bei der Igelpflege im Herbst helfen", "health_care"),
        ("Wildtierpflege in der Auffangstation", "health_care"),
        # a children's festival is for children, no neighbourhood festival
        ("beim Kinderfest im Juni Spiele betreuen", "neighbourhood"),
        # a kindergarten written apart is no garden
        ("im Kinder garten helfen in Gotha", "environment"),
        ("im Kinder-Garten vorlesen", "environment"),
        # permaculture and compost are gardening, no culture and no animals
        ("in einem Permakultur-Projekt mitarbeiten", "culture"),
        ("Kompostieren im Schulgarten zeigen", "animals"),
        # one's own homework is no field
        ("I need to finish my own homework first, then I could help at an animal shelter", "children_youth"),
    ],
)
def test_false_friends_of_field_words(text: str, category: str) -> None:
    assert category not in parse(text).categories
    assert category not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Krankenpflege im Hospiz, abends", "health_care"),  # care of people stays care
        ("beim Gemeindefest mithelfen", "neighbourhood"),  # a parish festival stays the neighbourhood's
        ("einen Garten für Kinder anlegen", "environment"),  # a garden for children is a garden
        ("Kinderfest in Butzbach vorbereiten", "children_youth"),
    ],
)
def test_neighbours_of_the_corrections_keep_their_field(text: str, category: str) -> None:
    assert category in parse(text).categories
