"""Checking records: every problem of a row is named with its field and a reason a person understands."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.factories.exchange import as_csv, as_json, listing_record

from bot.exchange import Listing, Problem, check_record
from bot.exchange.files import RawRecord


def problems_of(record: dict[str, Any], where: str = "line 2") -> list[tuple[str | None, str]]:
    """Returns (field, reason) of each problem a record has; fails when it has none."""
    checked = check_record(RawRecord(where, record))
    assert not isinstance(checked, Listing), "expected the record to be invalid"
    return [(problem.field, problem.reason) for problem in checked]


def valid(record: dict[str, Any]) -> Listing:
    """Returns the checked listing; fails with its problems when it is invalid."""
    checked = check_record(RawRecord("line 2", record))
    assert isinstance(checked, Listing), [str(problem) for problem in checked]
    return checked


def test_a_complete_record_becomes_store_values() -> None:
    listing = valid(listing_record(3))
    assert listing.opportunity["title"] == "Sprachcafé leiten"
    assert listing.opportunity["start_date"] == date(2025, 3, 1)
    assert listing.opportunity["lat"] == 51.1522
    assert listing.organisation == {
        "name": "Bürgerverein Görlitz e.V.", "kind": "e_v", "website": "https://verein.example.org",
        "contact_email": "vorstand@example.org", "external_id": "org-görlitz", "source": "feed",
    }
    assert listing.key == ("feed", "L-3")


def test_missing_required_fields_are_each_named() -> None:
    record = listing_record(1, title=None, organisation_name="  ", place_name=None, postal_code=None, lat=None,
                            lon=None)
    assert problems_of(record) == [
        ("title", "required, but empty or missing"),
        ("organisation_name", "required, but empty or missing"),
        ("place_name", "a listing needs a place (place_name, postal_code or lat/lon) or remote = ja"),
    ]


def test_place_without_coordinates_is_geocoded_so_radius_search_finds_it() -> None:
    by_name = valid(listing_record(1, place_name="Görlitz", postal_code=None, lat=None, lon=None))
    assert by_name.geocoded and abs(by_name.opportunity["lat"] - 51.15) < 0.05
    assert by_name.opportunity["state"] == "Sachsen"
    by_code = valid(listing_record(2, place_name=None, postal_code="34117", lat=None, lon=None))
    assert by_code.opportunity["place_name"] == "Kassel" and abs(by_code.opportunity["lon"] - 9.49) < 0.05


def test_unknown_place_without_coordinates_is_named() -> None:
    record = listing_record(1, place_name="Entenhausen", postal_code=None, lat=None, lon=None)
    assert problems_of(record) == [
        ("place_name", "'Entenhausen' is no German place or postal code we know; give lat and lon"),
    ]


def test_remote_listing_needs_no_place() -> None:
    listing = valid(listing_record(1, place_name=None, lat=None, lon=None, postal_code=None, remote="ja"))
    assert listing.opportunity["remote"] is True


def test_wrong_types_give_one_problem_per_field() -> None:
    record = listing_record(1, hours_per_month="viel", remote="vielleicht", start_date="März", lat="Kassel",
                            accessible=[1], title=["Liste"], categories={"a": 1})
    reasons = dict(problems_of(record))
    assert reasons["hours_per_month"] == "expected a number, got 'viel'"
    assert reasons["remote"].startswith("expected yes or no (ja/nein, true/false, 1/0, x)")
    assert reasons["start_date"].startswith("expected a date like 2025-03-01 or 01.03.2025")
    assert reasons["lat"] == "expected a number, got 'Kassel'"
    assert reasons["title"] == "expected text, got a list"
    assert reasons["categories"] == "expected a list, got an object"
    assert "accessible" in reasons


@pytest.mark.parametrize(
    ("lat", "lon", "field", "reason"),
    [
        (48.8566, 2.3522, "lon", "2.3522 is outside Germany (longitude must be between 5.8 and 15.1)"),
        (40.0, 10.0, "lat", "40.0 is outside Germany (latitude must be between 47.2 and 55.1)"),
        (9.4797, 51.3127, "lat", "lat 9.4797 and lon 51.3127 look swapped"),
        ("51.3", None, "lon", "lat is given, so lon is needed too"),
        ("Nordhessen", "9,4", "lat", "expected a number, got 'Nordhessen'"),
    ],
)
def test_bad_coordinates_have_a_clear_reason(lat: Any, lon: Any, field: str, reason: str) -> None:
    found = problems_of(listing_record(1, lat=lat, lon=lon))
    assert any(name == field and text.startswith(reason) for name, text in found), found


def test_decimal_commas_in_coordinates_are_accepted() -> None:
    listing = valid(listing_record(1, lat="51,3127", lon="9,4797"))
    assert (listing.opportunity["lat"], listing.opportunity["lon"]) == (51.3127, 9.4797)


def test_categories_by_key_or_label_and_unknown_ones_named() -> None:
    listing = valid(listing_record(1, categories="Kinder & Jugend; animals|Umwelt & Natur, Seniors"))
    assert listing.opportunity["categories"] == ["children_youth", "animals", "environment", "seniors"]
    # the labels agencies file offers under, as the feeds read them (data/exchange/freinet_labels.toml)
    agency = valid(listing_record(1, categories="Umwelt; Integration; Familie"))
    assert agency.opportunity["categories"] == ["environment", "refugees_integration", "children_youth"]
    ((field, reason),) = problems_of(listing_record(1, categories="animals; Kochen; Raketen"))
    assert field == "categories"
    assert reason.startswith("unknown categories 'Kochen', 'Raketen' (known: children_youth, seniors,")


def test_time_tags_status_kind_and_languages_are_checked() -> None:
    listing = valid(listing_record(1, time_tags="Wochenende; abends", organisation_kind="Stiftung",
                                   status="Paused", languages="EN, ar"))
    assert listing.opportunity["time_tags"] == ["weekend", "evening"]
    assert listing.opportunity["status"] == "paused"
    assert listing.opportunity["languages"] == ["en", "ar"]
    assert listing.organisation["kind"] == "foundation"
    found = dict(problems_of(listing_record(1, time_tags="nachts", status="live", organisation_kind="GmbH",
                                            languages="Englisch")))
    assert set(found) == {"time_tags", "status", "organisation_kind", "languages"}
    assert found["status"].startswith("unknown status 'live'")


def test_emails_urls_phones_and_postal_codes() -> None:
    found = dict(problems_of(listing_record(1, contact_email="kontakt(at)example.org", contact_url="kein link",
                                            organisation_website="javascript:alert(1)", contact_phone="ruf an",
                                            postal_code="D-34117")))
    assert set(found) == {"contact_email", "contact_url", "organisation_website", "contact_phone", "postal_code"}
    restored = valid(listing_record(1, postal_code="1067"))
    assert restored.opportunity["postal_code"] == "01067" and restored.zero_restored
    assert not valid(listing_record(1, postal_code="01067")).zero_restored
    assert valid(listing_record(1, postal_code=4109)).zero_restored  # a number cell of a spreadsheet


def test_lengths_follow_the_column_sizes() -> None:
    ((field, reason),) = problems_of(listing_record(1, title="x" * 201))
    assert (field, reason) == ("title", "too long: 201 characters, at most 200")
    assert valid(listing_record(1, title="x" * 200, description="y" * 20_000))


def test_end_before_start_is_refused() -> None:
    assert problems_of(listing_record(1, start_date="01.05.2025", end_date="2025-04-30")) == [
        ("end_date", "2025-04-30 is before start_date 2025-05-01")
    ]


def test_injection_like_text_is_kept_verbatim_and_only_description_html_cleaned() -> None:
    title = "'; DROP TABLE opportunities; -- <script>alert(1)</script>"
    listing = valid(listing_record(1, title=title, contact_name='=HYPERLINK("https://example.com","klick")',
                                   description="<p>Hallo</p><script>alert(1)</script>", requirements="<b>fett</b>"))
    assert listing.opportunity["title"] == title
    assert listing.opportunity["contact_name"] == '=HYPERLINK("https://example.com","klick")'
    assert listing.opportunity["requirements"] == "<b>fett</b>"
    assert listing.opportunity["description"] == "Hallo"


def test_missing_ids_status_and_source_get_defaults_that_are_stable() -> None:
    record = listing_record(1, external_id=None, organisation_external_id=None, status=None, source=None)
    first, again = valid(record), valid(dict(record, title=record["title"].upper()))
    assert first.derived_id and first.default_status
    assert first.opportunity["status"] == "published"
    assert first.key[0] == "import"
    assert first.key[1].startswith("auto:")
    assert first.key == again.key  # folded: case does not make a new listing
    shouting = valid(dict(record, organisation_name="BÜRGERVEREIN DRESDEN E.V."))
    assert first.organisation["external_id"].startswith("auto:")
    assert shouting.organisation["external_id"] == first.organisation["external_id"]
    assert valid(dict(record, title="Ein anderer Titel")).key != first.key


def test_source_option_overrides_the_file() -> None:
    checked = check_record(RawRecord("line 2", listing_record(1, source="other")), source="freiwilligenagentur")
    assert isinstance(checked, Listing)
    assert checked.key == ("freiwilligenagentur", "L-1")
    assert checked.organisation_key == ("freiwilligenagentur", "org-dresden")


def test_problems_read_as_line_field_reason() -> None:
    assert str(Problem("line 7", "lat", "60.1 is outside Germany")) == "line 7, field lat: 60.1 is outside Germany"
    assert str(Problem("record 3", None, "not an object with fields")) == "record 3: not an object with fields"


def test_csv_and_json_records_check_the_same() -> None:
    records = [listing_record(1), listing_record(2, accessible=True, remote=False)]
    from_csv = [check_record(record) for record in as_csv(records).records()]
    from_json = [check_record(record) for record in as_json(records).records()]
    assert all(isinstance(listing, Listing) for listing in from_csv + from_json)
    assert [vars_of(listing) for listing in from_csv] == [vars_of(listing) for listing in from_json]


def vars_of(listing: Listing | list[Problem]) -> dict[str, Any]:
    """Returns a checked listing's opportunity values."""
    assert isinstance(listing, Listing)
    return listing.opportunity


def test_a_coordinate_without_its_decimal_point_says_what_happened_and_what_to_do() -> None:
    # German Excel reads "51.312" as fifty-one thousand three hundred twelve
    lat, lon = problems_of(listing_record(1, lat="51312", lon="9479"))
    assert lat == ("lat", "51312.0 is outside Germany (latitude must be between 47.2 and 55.1); 51.312 without its "
                          "decimal point? A spreadsheet may have read the point as a thousands separator: format the "
                          "column as text (or export with a decimal comma) and import again")
    assert lon[1].startswith("9479.0 is outside Germany") and "; 9.479 without its decimal point?" in lon[1]
    ((_field, plain),) = problems_of(listing_record(1, lat="60,1"))
    assert plain == "60.1 is outside Germany (latitude must be between 47.2 and 55.1)"  # no guess where none fits
