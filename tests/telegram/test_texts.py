"""The message catalogues: German and English say the same things, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.broadcasts import Audience
from bot.texts import LANGUAGES, catalogue, t
from bot.texts.catalogue import PLURAL_ONE, PLURAL_ZERO, WITH_ARTICLE, _taken_in, placeholders

BOT = Path(__file__).resolve().parents[2] / "bot"
# t(lang, "section.key" ...) with a literal key; dynamic keys are checked by the tests of their sections below.
LITERAL_KEY = re.compile(r"""\bt\(\s*[\w.]+\s*,\s*["']([a-z_]+\.[a-z_]+)["']""")
# The web templates (bot/web/templates) call t("section.key") with the page's language already bound.
TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_]+)["']""")
TEMPLATES = sorted(BOT.rglob("*.html"))
CATALOGUES = [BOT / "texts" / f"{lang}.toml" for lang in LANGUAGES]
TAKEN_IN = re.compile(r"\{\+([a-z_]+\.[a-z_]+)\}")  # a text put into another one (bot.texts.catalogue)


def test_both_languages_have_the_same_keys() -> None:
    assert set(catalogue("de")) == set(catalogue("en"))


@pytest.mark.parametrize("key", sorted(catalogue("de")))
def test_translations_use_the_same_placeholders(key: str) -> None:
    assert placeholders(catalogue("de")[key]) == placeholders(catalogue("en")[key])


def test_every_key_written_in_the_code_exists() -> None:
    used = {key for path in BOT.rglob("*.py") for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))}
    assert used, "the pattern should find keys"
    used |= {key for path in TEMPLATES for key in TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))}
    missing = sorted(used - set(catalogue("de")))
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keys_built_from_data_exist(lang: str) -> None:
    texts = catalogue(lang)
    for tag in ("weekday", "weekend", "daytime", "evening", "one_off", "regular"):
        assert f"listing.{tag}" in texts and f"why.time.{tag}" in texts
    for mode in ("immediate", "daily", "off"):
        assert f"alerts.mode_{mode}" in texts and f"alerts.saved_{mode}" in texts
        assert f"settings.button_alerts_{mode}" in texts
    for other in LANGUAGES:
        assert f"settings.language_{other}" in texts


def test_buttons_are_plain_text_and_short() -> None:
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            if ".button_" in key:
                assert "<" not in text and len(text.format(**{name: "99" for name in placeholders(text)})) <= 40, key


def test_lookup_fills_placeholders_and_falls_back_to_german() -> None:
    assert t("en", "search.count", total=7, first=1, last=5) == "7 opportunities found, here 1–5:"
    assert t("fr", "problem.stale") == "Dieses Ergebnis ist nicht mehr aktuell."


def test_every_text_in_the_catalogue_is_used() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in [*BOT.rglob("*.py"), *TEMPLATES])
    source += "\n".join(f'"{key}"' for path in CATALOGUES for key in TAKEN_IN.findall(path.read_text(encoding="utf-8")))
    built = ("listing.", "why.time.", "alerts.mode_", "alerts.saved_", "settings.button_alerts_", "settings.language_",
             "languages.", "commands.",
             "questions.",  # questions.<topic> for each topic of data/chat/questions.toml
             "cli_search.widened_")  # one per bot.search.widening.WORDED_STEPS (tests/search/test_relaxed_wishes)
    unused = [key for key in (key.removesuffix(PLURAL_ONE).removesuffix(PLURAL_ZERO).removesuffix(WITH_ARTICLE)
                                           for key in catalogue("de"))
              if not key.startswith(built) and f'"{key}"' not in source and f"'{key}'" not in source]
    assert not unused


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_admin_texts_of_an_empty_and_of_an_unpublished_database_share_the_commands_that_fill_it(lang: str) -> None:
    commands = t(lang, "search.fill_commands")
    assert "ehrenamt-bot import" in commands and "{+" not in commands
    for key in ("search.no_listings_yet_admin", "search.no_listings_now_admin"):
        assert t(lang, key).endswith(":\n" + commands)
    assert t(lang, "search.no_listings_yet_admin") != t(lang, "search.no_listings_now_admin")


def test_a_text_taking_in_a_missing_or_itself_fails_at_reading() -> None:
    with pytest.raises(KeyError, match="search.gone"):
        _taken_in({"search.a": "x {+search.gone}"})
    with pytest.raises(ValueError, match="takes in itself"):
        _taken_in({"search.a": "{+search.b}", "search.b": "{+search.a}"})
    assert _taken_in({"a.b": "1 {+a.c}", "a.c": "2 {+a.d}", "a.d": "3"})["a.b"] == "1 2 3"


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("de", "Erreicht jetzt <b>1</b> Person.", "Erreicht jetzt <b>2.000</b> Personen."),
    ("en", "Now reaches <b>1</b> person.", "Now reaches <b>2,000</b> people."),
])
def test_counted_texts_use_the_plural_form_and_group_digits(lang: str, one: str, many: str) -> None:
    assert t(lang, "broadcast.audience_reach", count=1) == one
    assert t(lang, "broadcast.audience_reach", count=2000) == many


@pytest.mark.parametrize(("lang", "key", "params", "texts"), [
    ("de", "ads.runs_until", {"date": "01.02.2027"},
     ("(endet heute)", "(endet morgen)", "(noch 5 Tage)")),
    ("en", "ads.runs_until", {"date": "01.02.2027"},
     ("(ends today)", "(ends tomorrow)", "(5 days left)")),
    ("de", "ads.still_current", {"text": "Nachhilfe"}, ("läuft heute ab", "läuft morgen ab", "in 5 Tagen ab")),
    ("en", "ads.still_current", {"text": "tutoring"}, ("ends today", "ends tomorrow.", "ends in 5 days.")),
    ("de", "my_listings.still_current", {"title": "Tafel"}, ("läuft heute ab", "läuft morgen ab", "in 5 Tagen ab")),
    ("en", "my_listings.still_current", {"title": "Food bank"}, ("expires today", "expires tomorrow.", "in 5 days.")),
])
def test_days_left_read_right_for_none_one_and_more(
    lang: str, key: str, params: dict[str, str], texts: tuple[str, str, str]
) -> None:
    for days, expected in zip((0, 1, 5), texts, strict=True):
        assert expected in t(lang, key, days=days, count=days, **params)


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("de", ("1 Tag sichtbar", "1 Person kontaktiert"), ("60 Tage sichtbar", "10 Personen kontaktiert")),
    ("en", ("for 1 day.", "contacted 1 person today"), ("for 60 days.", "contacted 10 people today")),
])
def test_a_single_day_or_person_is_singular(lang: str, one: tuple[str, str], many: tuple[str, str]) -> None:
    assert one[0] in t(lang, "ads.published", days=1, count=1)
    assert many[0] in t(lang, "ads.published", days=60, count=60)
    assert one[1] in t(lang, "adcontact.refused_limit", limit=1, count=1, when="")
    assert many[1] in t(lang, "adcontact.refused_limit", limit=10, count=10, when="")


def test_a_text_without_a_form_for_none_uses_its_plural_for_zero() -> None:
    assert t("en", "broadcast.confirm_second", count=0) == "Really send to <b>0</b> people? This cannot be undone."


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_admins_counts_of_people_read_naturally_for_none_one_and_many(lang: str) -> None:
    # the views pass the count as a number: formatted beforehand ("1" as text), it always took the plural
    from bot.telegram.announcements.render import audience_text, confirm_text

    audience = Audience(volunteers=True)
    nobody, one, many = (audience_text(lang, 7, audience, reached) for reached in (0, 1, 2000))
    assert "0" not in nobody.splitlines()[-1] and ("niemanden" in nobody or "nobody" in nobody)
    assert one.endswith(t(lang, "broadcast.audience_reach", count=1))
    assert "1</b> Person." in one or "1</b> person." in one
    assert ("2.000</b> Personen" in many) if lang == "de" else ("2,000</b> people" in many)
    for second in (False, True):
        single = confirm_text(lang, 1, second_step=second)
        assert "Personen" not in single and "people" not in single and "<b>1</b>" in single


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_review_page_of_one_listing_names_no_range(lang: str) -> None:
    only = t(lang, "moderation.queue_position_single", first=1, last=1, count=1)
    last = t(lang, "moderation.queue_position_single", first=11, last=11, count=11)
    assert "1" not in only and "–" not in only
    assert "11" in last and "–" not in last and "11–11" not in last


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_last_contact_of_the_day_says_so_instead_of_zero_more(lang: str) -> None:
    last = t(lang, "adcontact.sent", count=0)
    assert "0" not in last and last != t(lang, "adcontact.sent", count=2)


def test_ids_are_never_grouped() -> None:
    assert "#12345" in t("de", "broadcast.audience_title", id=12345)


def test_a_state_named_with_its_article_is_said_with_it() -> None:
    assert t("de", "search.summary_whole_state", state="Saarland") == "im ganzen Saarland"
    assert t("de", "search.summary_whole_state", state="Sachsen") == "in ganz Sachsen"
    assert t("de", "search.button_whole_state", state="Saarland") == "🗺 Das ganze Saarland zeigen"
    assert t("de", "cli_search.whole_state_header", state="Saarland") == "das ganze Saarland"
    assert "aus dem ganzen Saarland" in t("de", "web.whole_state_embed", state="Saarland")
    assert t("en", "search.summary_whole_state", state="Saarland") == "all of the Saarland"


def test_english_texts_name_the_english_alias_of_a_command() -> None:
    """An English text names /post or /offerhelp, not /anbieten or /ichbiete, unless it names both ("/einstellungen
    (or /settings)", said to a person whose language here is German). The registry lists German first."""
    registry = (Path(__file__).resolve().parents[2] / "bot" / "telegram" / "registry.py").read_text(encoding="utf-8")
    pairs = re.findall(r'\(\["(\w+)", "(\w+)"\]', registry)
    assert ("anbieten", "post") in pairs and ("ichbiete", "offerhelp") in pairs
    german_only = [(key, german) for german, english in pairs for key, text in catalogue("en").items()
                   if re.search(rf"/{german}\b", text) and not re.search(rf"/{english}\b", text)]
    assert german_only == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_one_more_and_one_result_are_singular(lang: str) -> None:
    one, many = t(lang, "alerts.digest_more", count=1), t(lang, "alerts.digest_more", count=3)
    assert "1" not in one and "3" in many and one != many
    assert t(lang, "cli_search.total", count=1) in ("1 Treffer", "1 result")
    assert t(lang, "cli_search.total", count=1200) in ("1.200 Treffer", "1,200 results")
