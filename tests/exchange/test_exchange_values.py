"""Cells as German and English feeds write them, and HTML descriptions turned into clean text."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.exchange.htmltext import html_to_text
from bot.exchange.values import Invalid, to_bool, to_date, to_datetime, to_email, to_float, to_int, to_list, to_url


@pytest.mark.parametrize("cell", ["ja", "Ja", "JA", "yes", "true", "wahr", "1", "x", "X", True, 1])
def test_yes_in_german_and_english(cell: object) -> None:
    assert to_bool(cell) is True


@pytest.mark.parametrize("cell", ["nein", "Nein", "no", "false", "falsch", "0", "-", False, 0])
def test_no_in_german_and_english(cell: object) -> None:
    assert to_bool(cell) is False


@pytest.mark.parametrize("cell", ["vielleicht", "2", 2, "jein"])
def test_other_words_are_not_booleans(cell: object) -> None:
    with pytest.raises(Invalid, match="expected yes or no"):
        to_bool(cell)


def test_decimal_comma_and_point_both_read() -> None:
    assert to_float("51,3127") == 51.3127
    assert to_float("51.3127") == 51.3127
    assert to_float(" 9,4797 ") == 9.4797
    assert to_float(13) == 13.0


@pytest.mark.parametrize("cell", ["Kassel", "51°18'", "1.234,5", "nan", "inf", True, ""])
def test_non_numbers_are_refused(cell: object) -> None:
    with pytest.raises(Invalid):
        to_float(cell)


def test_whole_numbers() -> None:
    assert to_int("4") == 4
    assert to_int("4,0") == 4
    with pytest.raises(Invalid, match="whole number"):
        to_int("2,5")
    with pytest.raises(Invalid, match="number"):
        to_int("vier")


def test_iso_and_german_dates() -> None:
    assert to_date("2025-03-01") == date(2025, 3, 1)
    assert to_date("01.03.2025") == date(2025, 3, 1)
    assert to_date("1.3.2025") == date(2025, 3, 1)
    for bad in ("31.02.2025", "März 2025", "2025/03/01"):
        with pytest.raises(Invalid, match="expected a date"):
            to_date(bad)


def test_dates_as_spreadsheets_and_databases_write_them() -> None:
    assert to_date("31.12.26") == date(2026, 12, 31)  # LibreOffice's short German date
    assert to_date("01.03.95") == date(1995, 3, 1)  # two-digit years as Excel reads them
    assert to_date("2026-12-31 00:00:00") == date(2026, 12, 31)  # a date column written with its time
    assert to_date("2026-12-31T10:00:00+01:00") == date(2026, 12, 31)
    assert to_date("31.12.2026 00:00") == date(2026, 12, 31)
    assert to_datetime("31.12.26 18:00") == datetime(2026, 12, 31, 17, 0, tzinfo=timezone.utc)
    for bad in ("31.12.2026 25:00", "31.12.202", "morgen 10:00"):
        with pytest.raises(Invalid, match="expected a date like"):
            to_date(bad)


def test_times_without_zone_are_german_time() -> None:
    winter = to_datetime("01.02.2025 18:00")
    summer = to_datetime("2025-07-01T18:00:00")
    assert winter == datetime(2025, 2, 1, 17, 0, tzinfo=timezone.utc)
    assert summer == datetime(2025, 7, 1, 16, 0, tzinfo=timezone.utc)
    assert to_datetime("2025-07-01T18:00:00Z") == datetime(2025, 7, 1, 18, 0, tzinfo=timezone.utc)
    exact = "2025-02-01T09:30:00.123456+00:00"
    assert to_datetime(exact).isoformat() == exact


def test_lists_from_text_and_json() -> None:
    assert to_list("a; b|c, d") == ["a", "b", "c", "d"]
    assert to_list(["a", " b "]) == ["a", "b"]
    assert to_list(";;") == []
    with pytest.raises(Invalid, match="expected a list"):
        to_list({"a": 1})


def test_emails_and_urls_must_be_plausible() -> None:
    assert to_email("mailto:info@example.org") == "info@example.org"
    assert to_url("www.example.org/mitmachen") == "https://www.example.org/mitmachen"
    for bad in ("info(at)example.org", "info@example", "zwei@@example.org", "a b@example.org"):
        with pytest.raises(Invalid, match="not an email"):
            to_email(bad)
    for bad in ("javascript:alert(1)", "ftp://example.org", "https://", "Kassel"):
        with pytest.raises(Invalid, match="not a web address"):
            to_url(bad)


def test_html_becomes_clean_text_with_lines_and_bullets() -> None:
    html = (
        "<h2>Lesepaten</h2><p>Sie lesen <b>einmal&nbsp;pro Woche</b> vor.<br>Kinder &amp; Eltern freuen sich.</p>"
        "<ul>\n  <li>1 Stunde</li>\n  <li>Schulung</li>\n</ul><p>Fragen?  Rufen   Sie an.</p>"
    )
    assert html_to_text(html) == (
        "Lesepaten\n\nSie lesen einmal pro Woche vor.\nKinder & Eltern freuen sich.\n\n"
        "• 1 Stunde\n• Schulung\n\nFragen? Rufen Sie an."
    )


def test_scripts_and_styles_are_dropped_with_their_content() -> None:
    html = "<style>p{color:red}</style><p>Hallo</p><script>alert('x')</script><SCRIPT src=x></SCRIPT> Welt"
    assert html_to_text(html) == "Hallo\n\nWelt"
    assert html_to_text("Vorher<script>document.cookie") == "Vorher"


def test_plain_text_is_left_exactly_as_written() -> None:
    plain = "Kinder & Jugend: a < b, 3 > 2\n\n  eingerückt  "
    assert html_to_text(plain) == plain
    cleaned = html_to_text("<p>Eins</p><p>Zwei &lt;3</p>")
    assert cleaned == "Eins\n\nZwei <3"
    assert html_to_text(cleaned) == cleaned
