"""Importing into the store: all-or-nothing by default, idempotent re-imports, verbatim text, the NLU seam."""

from __future__ import annotations

from sqlalchemy import select, update

from tests.factories.exchange import FIXTURES, as_csv, as_json, count_rows, listing_record, stored

from bot.exchange import import_listings, read_listing_file
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation


async def test_errors_anywhere_import_nothing_and_every_bad_row_is_reported(database: Database) -> None:
    records = [listing_record(1), listing_record(2, lat="60,1"), listing_record(3),
               listing_record(4, title="", categories="Kochen"), listing_record(5)]
    report = await import_listings(database, as_csv(records))
    assert [str(problem) for problem in report.problems] == [
        "line 3, field lat: 60.1 is outside Germany (latitude must be between 47.2 and 55.1)",
        "line 5, field categories: unknown category 'Kochen' (known: children_youth, seniors, "
        "refugees_integration, environment, animals, sports, culture, education, health_care, emergency_services, "
        "poverty_homelessness, disability_inclusion, digital, neighbourhood)",
        "line 5, field title: required, but empty or missing",
    ]
    assert (report.read, report.valid, report.invalid, report.inserted, report.skipped) == (5, 3, 2, 0, 5)
    assert not report.written
    assert await count_rows(database) == (0, 0)


async def test_skip_invalid_imports_only_the_good_rows(database: Database) -> None:
    records = [listing_record(1), listing_record(2, lon="abc"), listing_record(3)]
    report = await import_listings(database, as_json(records), skip_invalid=True)
    assert [str(problem) for problem in report.problems] == ["record 2, field lon: expected a number, got 'abc'"]
    assert (report.valid, report.invalid, report.inserted, report.updated, report.skipped) == (2, 1, 2, 0, 1)
    assert report.written
    async with database.read_only() as session:
        ids = sorted(str(id_) for id_ in (await session.execute(select(Opportunity.external_id))).scalars())
    assert ids == ["L-1", "L-3"]


async def test_second_import_of_the_same_feed_updates_instead_of_duplicating(any_database: Database) -> None:
    records = [listing_record(number) for number in range(1, 9)]
    first = await import_listings(any_database, as_csv(records))
    rows_after_first = await count_rows(any_database)
    records[0]["title"] = "Lesepatin gesucht (neu)"
    second = await import_listings(any_database, as_csv(records))
    assert (first.inserted, first.updated, first.organisations.inserted) == (8, 0, 4)
    assert (second.inserted, second.updated) == (0, 8)
    assert (second.organisations.inserted, second.organisations.updated) == (0, 4)
    assert await count_rows(any_database) == rows_after_first == (8, 4)
    assert (await stored(any_database, "L-1")).title == "Lesepatin gesucht (neu)"


async def test_rows_without_external_id_sync_again_by_their_derived_id(database: Database) -> None:
    records = [listing_record(n, external_id=None, organisation_external_id=None) for n in range(1, 4)]
    first = await import_listings(database, as_csv(records))
    second = await import_listings(database, as_csv(records))
    assert (first.derived_ids, first.inserted, second.inserted, second.updated) == (3, 3, 0, 3)
    assert await count_rows(database) == (3, 3)


async def test_duplicate_rows_within_one_file_are_reported(database: Database) -> None:
    records = [listing_record(1), listing_record(2), listing_record(1, title="Doppelt")]
    report = await import_listings(database, as_csv(records))
    assert [str(problem) for problem in report.problems] == [
        "line 4, field external_id: 'L-1' is used by line 2 already"
    ]


async def test_injection_like_strings_are_stored_verbatim(any_database: Database) -> None:
    title = "Robert'); DROP TABLE opportunities; --"
    contact = '=HYPERLINK("https://example.com/x","Hier klicken")'
    requirements = "<script>alert('xss')</script> & {{7*7}} ${jndi:ldap://example.com/a}"
    records = [listing_record(1, title=title, contact_name=contact, requirements=requirements,
                              description="<p>Hallo <i>Welt</i></p><script>alert(1)</script>",
                              organisation_name="Verein <b>Fett</b> e.V.")]
    report = await import_listings(any_database, as_json(records))
    assert report.inserted == 1
    listing = await stored(any_database, "L-1")
    assert (listing.title, listing.contact_name, listing.requirements) == (title, contact, requirements)
    assert listing.description == "Hallo Welt"
    async with any_database.read_only() as session:
        assert (await session.execute(select(Organisation.name))).scalar_one() == "Verein <b>Fett</b> e.V."


async def test_html_descriptions_become_clean_text_in_the_store(database: Database) -> None:
    html = "<p>Wir suchen&nbsp;Hilfe:</p><ul><li>Einkaufen</li><li>Vorlesen</li></ul>"
    await import_listings(database, as_csv([listing_record(1, description=html)]))
    assert (await stored(database, "L-1")).description == "Wir suchen Hilfe:\n\n• Einkaufen\n• Vorlesen"


async def test_freinet_like_export_imports_with_decimal_commas_and_german_words(any_database: Database) -> None:
    report = await import_listings(any_database, read_listing_file(FIXTURES / "freinet_export.csv"), source="freinet")
    assert (report.read, report.valid, report.inserted, report.default_status) == (5, 5, 5, 5)
    assert report.organisations.inserted == 4  # two listings share "T-11"
    lesepate = await stored(any_database, "FN-1001", source="freinet")
    assert (lesepate.lat, lesepate.lon, lesepate.postal_code) == (51.3127, 9.4797, "34117")
    assert lesepate.categories == ["children_youth", "education"]
    assert lesepate.time_tags == ["weekday", "daytime"]
    assert lesepate.description.startswith("Sie lesen einmal pro Woche mit Kindern der 2. Klasse.\n\n• 1 Stunde")
    assert lesepate.status == "published" and lesepate.accessible
    tafel = await stored(any_database, "FN-1002", source="freinet")
    assert (tafel.postal_code, tafel.languages, tafel.description) == (
        "01067", ["en", "ar"], "Sortieren, Ausgeben, ins Gespräch kommen.\nDonnerstags 14–17 Uhr.")
    online = await stored(any_database, "FN-1003", source="freinet")
    assert online.remote and online.lat is None


async def test_dry_run_counts_like_a_real_run_and_writes_nothing(any_database: Database) -> None:
    await import_listings(any_database, as_csv([listing_record(1)]))
    report = await import_listings(any_database, as_csv([listing_record(1), listing_record(2)]), dry_run=True)
    assert (report.inserted, report.updated, report.written, report.dry_run) == (1, 1, False, True)
    assert await count_rows(any_database) == (1, 1)


async def test_reimport_keeps_an_organisations_verification(database: Database) -> None:
    await import_listings(database, as_csv([listing_record(1)]))
    async with database.unit_of_work() as session:
        await session.execute(update(Organisation).values(verified=True, place_name="Dresden"))
    await import_listings(database, as_csv([listing_record(1, organisation_website="https://neu.example.org")]))
    async with database.read_only() as session:
        organisation = (await session.execute(select(Organisation))).scalar_one()
    assert (organisation.verified, organisation.place_name, organisation.website) == (
        True, "Dresden", "https://neu.example.org")


async def test_listings_without_categories_go_through_the_categorizer_seam(database: Database) -> None:
    seen: list[tuple[str, str]] = []

    def categorizer(title: str, description: str) -> list[str]:
        seen.append((title, description))
        return ["animals", "not_a_category"] if "Tier" in title else []

    records = [listing_record(1, title="Hilfe im Tierheim", categories=None), listing_record(2, title="Kochen",
               categories=""), listing_record(3)]
    report = await import_listings(database, as_csv(records), categorizer=categorizer)
    assert [title for title, _ in seen] == ["Hilfe im Tierheim", "Kochen"]
    assert (report.categorised, report.uncategorised) == (1, 1)
    listing = await stored(database, "L-1")
    assert (listing.categories, listing.category_mask) == (["animals"], 1 << 4)
    assert (await stored(database, "L-2")).categories == []


async def test_without_a_categorizer_rows_stay_uncategorised_and_are_counted(database: Database) -> None:
    report = await import_listings(database, as_csv([listing_record(1, categories=None), listing_record(2)]))
    assert (report.categorised, report.uncategorised, report.inserted) == (0, 1, 2)


async def test_progress_is_reported_per_batch(database: Database) -> None:
    calls: list[tuple[int, int]] = []
    records = [listing_record(number) for number in range(1, 1204)]
    report = await import_listings(database, as_json(records), on_progress=lambda *call: calls.append(call))
    assert report.inserted == 1203
    assert calls == [(250, 1203)] * 4 + [(203, 1203)]  # batches of 250: progress moves often enough to watch


class _TaggingNlu:
    """A categorizer that, like the CLI's NLU one, also tells time tags."""

    def __call__(self, title: str, description: str) -> list[str]:
        return ["animals"]

    def tags(self, title: str, description: str) -> tuple[list[str], list[str]]:
        return ["animals"], ["weekend"]


async def test_the_nlus_time_tags_are_kept_where_a_row_has_none(database: Database) -> None:
    records = [listing_record(1, categories="", time_tags=""), listing_record(2, time_tags="")]
    report = await import_listings(database, as_json(records), categorizer=_TaggingNlu())
    assert (report.time_tagged, report.categorised) == (2, 1)
    async with database.read_only() as session:
        rows = (await session.execute(select(Opportunity.external_id, Opportunity.time_tags,
                                             Opportunity.categories).order_by(Opportunity.external_id))).all()
    assert [tuple(row) for row in rows][0][1:] == (["weekend"], ["animals"])
    assert all(row.time_tags == ["weekend"] for row in rows)
