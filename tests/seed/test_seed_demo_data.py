"""The demo data set: size, spread over every district, categories, time commitments and statuses."""

from __future__ import annotations

from typing import Any

from collections import Counter

from bot.categories import categories
from bot.domain import OpportunityStatus, TimeTag
from bot.seed.corpus import load_corpus
from bot.seed.demo import OTHER_CITIES, demo_organisations, regions
from bot.seed.listings import LISTING_TTL, PUBLISHED_WITHIN_DAYS
from bot.seed.sites import short_name
from tests.factories.seed import SEED_DAY, Demo
from nlu.kernel.gazetteer import get_gazetteer

FRESH_PUBLISHED = OpportunityStatus.PUBLISHED.value


def _fresh(values: dict[str, Any]) -> bool:
    return bool(values["status"] == FRESH_PUBLISHED and values["expires_at"].date() > SEED_DAY)


def test_same_seed_and_day_give_the_same_rows(demo: Demo) -> None:
    again = [listing.values for _, listings in demo_organisations(today=SEED_DAY) for listing in listings]
    assert again == demo.values


def test_another_seed_gives_other_rows(demo: Demo) -> None:
    other = next(iter(demo_organisations(today=SEED_DAY, seed=7, only={"05-kassel"})))
    first_kassel = next(org for org in demo.organisations if org.external_id.startswith("demo-05-kassel-"))
    assert other[0].external_id == first_kassel.external_id  # ids are stable per region and number ...
    assert other[0].row != first_kassel.row  # ... the content comes from the seed


def test_demo_has_thousands_of_fresh_listings_from_hundreds_of_organisations(demo: Demo) -> None:
    assert sum(1 for values in demo.values if _fresh(values)) >= 3000
    assert len(demo.organisations) >= 600
    ids = [values["external_id"] for values in demo.values] + [org.external_id for org in demo.organisations]
    assert len(ids) == len(set(ids))


def test_every_category_has_at_least_a_hundred_listings(demo: Demo) -> None:
    counted = Counter(key for values in demo.values for key in values["categories"])
    assert set(counted) == set(categories())
    assert min(counted.values()) >= 100, counted.most_common()[-3:]
    assert sum(1 for values in demo.values if len(values["categories"]) > 1) > len(demo.values) / 3


def test_every_district_of_hessen_and_sachsen_has_listings(demo: Demo) -> None:
    gazetteer = get_gazetteer()
    districts = {d.name for state in ("05", "13") for d in gazetteer.districts(state)}
    counted = Counter(values["district"] for values in demo.values if _fresh(values))
    assert len(districts) == 39
    assert {name: counted[name] for name in districts if counted[name] < 15} == {}


def test_large_cities_elsewhere_and_online_offers_are_included(demo: Demo) -> None:
    places = Counter(values["place_name"] for values in demo.values)
    assert all(places[city] >= 8 for city in OTHER_CITIES), {city: places[city] for city in OTHER_CITIES}
    elsewhere = sum(1 for values in demo.values if values["state"] not in ("Hessen", "Sachsen", None))
    starting = sum(1 for values in demo.values if values["state"] in ("Hessen", "Sachsen"))
    # Every large city elsewhere has its drawn organisations and, as a large place, its staples (a Tafel, a fire
    # brigade, an animal shelter ...): about as many listings per person as the starting states.
    large = {city.sites[0].name for city in regions() if city.key.startswith("city-")}
    assert len(large) > 60 and {"Münster", "Rostock", "Freiburg im Breisgau", "Aachen"} <= large
    assert {city: places[city] for city in large if places[city] < 20} == {}
    assert starting / 2 <= elsewhere <= 2 * starting
    online = [values for values in demo.values if values["place_name"] is None]
    assert len(online) >= 10
    assert all(values["remote"] and values["lat"] is None for values in online)


def test_time_commitments_are_consistent(demo: Demo) -> None:
    tags = {tag.value for tag in TimeTag}
    for values in demo.values:
        assert set(values["time_tags"]) <= tags
        one_off = TimeTag.ONE_OFF.value in values["time_tags"]
        assert one_off != (TimeTag.REGULAR.value in values["time_tags"])
        assert one_off == (values["start_date"] is not None)
        if one_off:
            assert SEED_DAY < values["start_date"] <= values["end_date"]
        assert 2 <= values["hours_per_month"] <= 50
    hours = sorted(values["hours_per_month"] for values in demo.values)
    assert 2 <= hours[len(hours) // 2] <= 10  # a typical commitment is a few hours a month
    share = Counter(tag for values in demo.values for tag in values["time_tags"])
    assert share["one_off"] > 200 and share["weekend"] > 500 and share["evening"] > 500


def test_statuses_are_mostly_published_with_a_few_of_each_other_kind(demo: Demo) -> None:
    counted = Counter(values["status"] for values in demo.values)
    others = {status: counted[status] for status in ("paused", "expired", "pending")}
    assert all(10 <= count <= 0.05 * len(demo.values) for count in others.values()), others
    overdue = [v for v in demo.values if v["status"] == FRESH_PUBLISHED and v["expires_at"].date() <= SEED_DAY]
    assert 5 <= len(overdue) <= 0.02 * len(demo.values)


def test_publishing_dates_spread_over_the_last_weeks_and_expire_after_ninety_days(demo: Demo) -> None:
    fresh = [values for values in demo.values if _fresh(values)]
    ages = {(SEED_DAY - values["published_at"].date()).days for values in fresh}
    assert min(ages) == 0 and max(ages) <= PUBLISHED_WITHIN_DAYS and len(ages) > 60
    assert all(values["expires_at"] - values["published_at"] == LISTING_TTL for values in fresh)
    assert all(values["created_at"] <= values["published_at"] for values in fresh)
    expired = [values for values in demo.values if values["status"] == "expired"]
    assert all(values["expires_at"].date() < SEED_DAY for values in expired)
    pending = [values for values in demo.values if values["status"] == "pending"]
    assert all(values["published_at"] is None for values in pending)


def test_flags_and_languages_appear_where_they_make_sense(demo: Demo) -> None:
    integration = [values for values in demo.values if "refugees_integration" in values["categories"]]
    asking = [values for values in integration if values["languages"]]
    assert len(asking) >= 0.3 * len(integration)
    assert {"ar", "uk", "fa", "en", "ru", "tr"} <= {code for values in asking for code in values["languages"]}
    assert all(len(code) == 2 for values in demo.values for code in values["languages"])
    for flag in ("accessible", "newcomer_friendly", "remote"):
        share = sum(1 for values in demo.values if values[flag]) / len(demo.values)
        assert 0.03 < share < 0.6, (flag, share)
    digital = [values for values in demo.values if values["categories"][0] == "digital"]
    assert sum(1 for values in digital if values["remote"]) > len(digital) / 3


def test_every_town_big_enough_has_its_staples(demo: Demo) -> None:
    present = {(org.site.place_id, org.type.key) for org in demo.organisations}
    types = [kind for kind in load_corpus().organisation_types.values() if kind.staple]
    assert {kind.key for kind in types} >= {"tafel", "animal_shelter", "fire_brigade"}
    for region in regions():
        for site in region.sites if region.spread else ():
            missing = [kind.key for kind in types if site.population >= (kind.staple or 0)
                       and (site.place_id, kind.key) not in present]
            assert not missing, (site.name, missing)
    kassel = {org.type.key for org in demo.organisations if org.site.name == "Kassel"}
    assert {"tafel", "animal_shelter", "fire_brigade", "care_home", "volunteer_agency"} <= kassel


def test_club_offices_are_a_few_percent_and_carry_the_field_of_their_organisation(demo: Demo) -> None:
    offices = ("Kassenwart", "Kassierer", "Schatzmeister", "Kassenprüf", "Buchhalt", "Schriftführer", "Pressewart",
               "Mitgliederverwaltung", "Fördermittel")
    kinds = {org.external_id: org.type for org in demo.organisations}
    found = [(kinds[listing.organisation_key], listing.values) for listing in demo.listings
             if any(word in listing.values["title"] for word in offices)]
    assert 0.015 * len(demo.listings) <= len(found) <= 0.06 * len(demo.listings)
    fields = Counter(values["categories"][0] for _, values in found)
    assert {"sports", "animals", "culture", "emergency_services", "poverty_homelessness"} <= set(fields), fields
    for kind, values in found:
        if kind.field is not None:
            assert values["categories"][0] == kind.field, (kind.key, values["title"])



def test_an_organisation_names_only_a_landscape_of_its_own_district_or_city() -> None:
    """A state's landscapes are not every city's: Essen's animal aid is no "Tierhilfe Eifel e.V."."""
    names = load_corpus().names
    own_of = {**names["district_landscapes"], **names.get("city_landscapes", {})}
    hills = {"Eifel", "Harz", "Harzvorland", "Sauerland", "Lippe", "Rhön", "Schwarzwald", "Taunus"}
    wrong = []
    for org, _ in demo_organisations(today=SEED_DAY, only={"city-essen", "city-oberhausen", "city-hannover",
                                                           "city-gera", "city-berlin", "05-kassel"}):
        own = set(own_of.get(org.site.district or "") or own_of.get(org.site.short) or ())
        said = {word for word in hills | own if f" {word} " in f" {org.row['name']} "}
        if not said <= own or org.context.get("landscape", next(iter(own), None)) not in own | {None}:
            wrong.append((org.row["name"], org.site.name))
    assert wrong == []


def test_hours_a_month_agree_with_a_weekly_span_of_hours(demo: Demo) -> None:
    import re

    span = re.compile(r"\((?:jede Woche|einmal pro Woche|wöchentlich), \w+ "
                      r"(?:von|zwischen) (\d+) (?:bis|und) (\d+) Uhr\)")
    checked = 0
    for values in demo.values:
        found = span.search(values["description"] or "")
        if found is None:
            continue
        weekly = int(found.group(2)) - int(found.group(1))
        assert abs(values["hours_per_month"] - weekly * 52 / 12) <= 1, values["description"]
        checked += 1
    assert checked >= 20


def test_titles_name_only_quarters_their_city_has(demo: Demo) -> None:
    import re

    gazetteer = get_gazetteer()
    named = 0
    for values in demo.values:
        found = re.search(r"im Stadtteil ([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ(][\w.()-]*)*)$", values["title"])
        if found is None:
            continue
        named += 1
        place = max(gazetteer.lookup(values["place_name"]), key=lambda p: p.population or 0)
        quarters = {short_name(quarter.name) for quarter in gazetteer.quarters_of(place)}
        assert found.group(1) in quarters, values["title"]
    assert named >= 10
