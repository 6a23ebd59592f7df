"""Guards the figures on the natural-message and agency-listing development sets (issue 14).

The floors sit a little under the figures measured when they were written (see tests/nlu/data/README.md): a
regression fails here. The blind sets are never tested or tuned on; their scores are only reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.evaluate import LABELLED, evaluate, load
from nlu.evaluate_listings import evaluate_listings

NATURAL_DEV = LABELLED / "natural_dev.jsonl"
NATURAL_DEV2 = LABELLED / "natural_dev2.jsonl"  # a fifth author's set, a development set since it arrived
NATURAL_DEV3 = LABELLED / "natural_dev3.jsonl"  # a sixth author's set, likewise
NATURAL_DEV4 = LABELLED / "natural_dev4.jsonl"  # a seventh author's set, a development and training set since
NATURAL_DEV5 = LABELLED / "natural_dev5.jsonl"  # an eighth author's set, likewise
LISTINGS_DEV = LABELLED / "listings_dev.jsonl"
LISTINGS_DEV2 = LABELLED / "listings_dev2.jsonl"
LISTINGS_DEV3 = LABELLED / "listings_dev3.jsonl"  # an independent author's set, a development set since it arrived
LISTINGS_DEV4 = LABELLED / "listings_dev4.jsonl"  # a further independent author's, likewise (first score 0.845/0.735)
LISTINGS_DEV5 = LABELLED / "listings_dev5.jsonl"  # a fifth listing author's, likewise (first score 0.849/0.783)
LISTINGS_DEV6 = LABELLED / "listings_dev6.jsonl"  # a sixth listing author's, likewise (first score 0.840/0.786)
LISTINGS_DEV7 = LABELLED / "listings_dev7.jsonl"  # a seventh listing author's, likewise (first score 0.923/0.790)
LISTINGS_DEV8 = LABELLED / "listings_dev8.jsonl"  # an eighth listing author's, likewise (first score 0.860/0.879)
LISTINGS_DEV9 = LABELLED / "listings_dev9.jsonl"  # a ninth, kept from every engineer (previous main 0.827/0.903)
# two more, kept from every engineer in the eleventh session (scores of the previous main / the final rules in README)
LISTINGS_DEV10 = LABELLED / "listings_dev10.jsonl"  # 0.891/0.886 -> 0.906/0.886
LISTINGS_DEV11 = LABELLED / "listings_dev11.jsonl"  # 0.854/0.836 -> 0.859/0.836
# two more, kept from every engineer in the twelfth session (previous main / final rules; README)
LISTINGS_DEV12 = LABELLED / "listings_dev12.jsonl"  # 0.840/0.858 -> 0.844/0.858
LISTINGS_DEV13 = LABELLED / "listings_dev13.jsonl"  # 0.872/0.849 -> 0.872/0.849


def _rows(path: Path) -> list[dict[str, object]]:
    assert path.exists(), f"{path.name} is missing"
    return load(path)


@pytest.mark.parametrize(
    ("path", "all_slots", "f1", "place", "time", "little_german"),
    [
        (NATURAL_DEV, 0.84, 0.93, 0.98, None, 0.98),
        (NATURAL_DEV2, 0.76, 0.92, 0.96, 0.97, 0.98),  # the fifth author's
        (NATURAL_DEV3, 0.72, 0.91, 0.95, 0.97, 0.97),  # the sixth author's
        (NATURAL_DEV4, 0.78, 0.94, 0.96, 0.96, 0.96),  # the seventh author's (the trained model learnt from it)
        (NATURAL_DEV5, 0.80, 0.94, 0.96, 0.96, 0.97),  # the eighth author's (likewise)
    ],
)
def test_natural_messages_keep_their_scores(
    path: Path, all_slots: float, f1: float, place: float, time: float | None, little_german: float
) -> None:
    rows = _rows(path)
    assert len(rows) >= 200
    scores = evaluate(rows)
    assert scores.all_slots >= all_slots
    assert scores.f1 >= f1
    assert scores.accuracy("place") >= place
    if time is not None:
        assert scores.accuracy("time") >= time
    assert scores.accuracy("little_german") >= little_german


# The rules alone (no trained component), whose figures the model cannot hide: the model learnt from the dev sets, so
# the figures above are in-sample for it, and a rule regression could pass there unnoticed. Floors a little under
# the rules-only figures of 2026-12-05 (branch t14-slots2): all slots, category F1, then place, time, languages,
# remote, little German and message language.
RULES_ONLY_FLOORS = [
    # raised to a little under the rules-only figures of the ninth session's branches (per slot the higher of the
    # floors t14-slots4 and t14-cat4 set); natural_dev10 arrived then: floors a little under its figures on arrival;
    # t14-slots5 raised all slots of natural_dev6/7/10, time of natural_dev7, place of natural_dev10 where it improved;
    # t14-cat5 raised all slots and category F1 of natural_dev4/7/8/10 and F1 of natural_dev2
    (LABELLED / "messages.jsonl", 0.91, 0.965, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99),
    (LABELLED / "heldout_b.jsonl", 0.91, 0.96, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99),
    (NATURAL_DEV, 0.87, 0.945, 0.985, 0.985, 0.985, 0.985, 0.985, 0.99),
    (NATURAL_DEV2, 0.81, 0.945, 0.97, 0.98, 0.965, 0.985, 0.985, 0.99),
    (NATURAL_DEV3, 0.84, 0.945, 0.97, 0.985, 0.975, 0.985, 0.98, 0.99),
    (NATURAL_DEV4, 0.86, 0.95, 0.98, 0.97, 0.98, 0.985, 0.985, 0.99),
    (NATURAL_DEV5, 0.76, 0.94, 0.985, 0.975, 0.975, 0.985, 0.985, 0.99),
    (LABELLED / "natural_dev6.jsonl", 0.79, 0.925, 0.99, 0.98, 0.985, 0.985, 0.985, 0.99),
    # (t14-slots, issue 14) time of natural_dev7 lowered 0.945 -> 0.935: its author labels a school placement's stint
    # one_off (2 rows), the later authors give it no tag (15 rows of natural_dev2-14), which the rules now follow
    (LABELLED / "natural_dev7.jsonl", 0.76, 0.925, 0.985, 0.935, 0.985, 0.99, 0.99, 0.99),
    (LABELLED / "natural_dev8.jsonl", 0.82, 0.93, 0.985, 0.985, 0.965, 0.99, 0.99, 0.99),
    (LABELLED / "natural_dev9.jsonl", 0.84, 0.925, 0.985, 0.985, 0.985, 0.99, 0.985, 0.99),
    (LABELLED / "natural_dev10.jsonl", 0.77, 0.925, 0.96, 0.97, 0.975, 0.99, 0.975, 0.99),
    # natural_dev11 arrived in the tenth session (first score, rules alone: 0.665 / 0.891); floors a little under the
    # figures after the slots round for it (t14-dev11: 0.740 / 0.896, place 0.995, time 0.980); raised after the
    # category round for it and the final rules of the tenth session (0.825 / 0.941)
    (LABELLED / "natural_dev11.jsonl", 0.80, 0.925, 0.985, 0.97, 0.99, 0.99, 0.99, 0.99),
    # natural_dev12 (tenth session) was kept from every engineer and scored once at the end, with the previous main and
    # the final one (both 0.785 / 0.92 rules alone); floors a little under
    (LABELLED / "natural_dev12.jsonl", 0.76, 0.90, 0.975, 0.95, 0.985, 0.99, 0.985, 0.99),
    # natural_dev13 and natural_dev14 (eleventh session) were kept from every engineer and scored once at the end,
    # with the previous main (0.785 / 0.924 and 0.700 / 0.907 rules alone) and the final rules (0.785 / 0.926 and
    # 0.720 / 0.913); floors a little under the final figures
    (LABELLED / "natural_dev13.jsonl", 0.765, 0.915, 0.97, 0.95, 0.98, 0.98, 0.985, 0.99),
    (LABELLED / "natural_dev14.jsonl", 0.70, 0.90, 0.98, 0.955, 0.98, 0.98, 0.97, 0.99),
    # natural_dev15 and natural_dev16 (twelfth session) were kept from every engineer and scored once with the
    # previous main and the final tree (with the model: 0.780 / 0.947 -> 0.800 / 0.947 and 0.840 / 0.953 -> 0.845 /
    # 0.953; the final rules alone 0.800 / 0.947 and 0.820 / 0.939); floors a little under the rules alone
    (LABELLED / "natural_dev15.jsonl", 0.78, 0.935, 0.95, 0.965, 0.98, 0.99, 0.975, 0.99),
    (LABELLED / "natural_dev16.jsonl", 0.80, 0.925, 0.96, 0.98, 0.98, 0.99, 0.975, 0.99),
    # natural_dev17 and natural_dev18 (thirteenth session) were kept from every engineer and scored with the previous
    # main and the final tree: unchanged (with the model 0.835 / 0.954 and 0.885 / 0.962; the final rules alone
    # 0.835 / 0.954 and 0.880 / 0.958; trained on since the fourteenth session); floors a little under the rules alone
    # (message-categories) all slots and little German raised after the causes recurring across authors (rules alone
    # 0.835 -> 0.870 and 0.880 -> 0.910; little German 0.985 -> 1.000 and 0.990 -> 0.995)
    (LABELLED / "natural_dev17.jsonl", 0.85, 0.945, 0.985, 0.985, 0.99, 0.975, 0.99, 0.975),
    (LABELLED / "natural_dev18.jsonl", 0.89, 0.95, 0.99, 0.99, 0.985, 0.985, 0.985, 0.99),
    # natural_dev19 and natural_dev20 (fourteenth session) were kept from every engineer and scored with the previous
    # main and the final tree (with the model 0.825 / 0.959 -> 0.830 / 0.961 and 0.870 / 0.964 -> 0.870 / 0.964; the
    # final rules alone 0.820 / 0.958 and 0.865 / 0.961); not trained on yet; floors a little under the rules alone
    (LABELLED / "natural_dev19.jsonl", 0.80, 0.95, 0.975, 0.965, 0.985, 0.975, 0.985, 0.985),
    (LABELLED / "natural_dev20.jsonl", 0.845, 0.95, 0.97, 0.975, 0.98, 0.985, 0.985, 0.99),
    # fifteenth session: natural_dev22 (search-box style) was given to an engineer at once (0.610 with the previous
    # main, rules alone 0.695 after); natural_dev21 (groups, constraints) and natural_dev23 (search-box style, a
    # second author) were kept from every engineer and scored with the previous main and the final tree (with the
    # model 0.700 -> 0.685 and 0.795 -> 0.850; rules alone 0.680 and 0.850); floors a little under the rules alone
    (LABELLED / "natural_dev21.jsonl", 0.66, 0.875, 0.935, 0.955, 0.985, 0.985, 0.97, 0.99),
    (LABELLED / "natural_dev22.jsonl", 0.675, 0.885, 0.955, 0.95, 0.97, 0.975, 0.98, 0.98),
    (LABELLED / "natural_dev23.jsonl", 0.83, 0.95, 0.93, 0.97, 0.99, 0.99, 0.98, 0.99),
    # sixteenth session: natural_dev24 (the general mix) and natural_dev25 (places as locals say them, companions,
    # circumstances) were kept from every engineer and scored with the previous main and the final tree (with the
    # model 0.800 -> 0.810 and 0.750 -> 0.785; rules alone 0.805 and 0.765); floors a little under the rules alone
    (LABELLED / "natural_dev24.jsonl", 0.785, 0.915, 0.97, 0.96, 0.98, 0.99, 0.97, 0.99),
    (LABELLED / "natural_dev25.jsonl", 0.745, 0.925, 0.94, 0.96, 0.98, 0.98, 0.985, 0.99),
    # seventeenth session: natural_dev26 (the general mix) and natural_dev27 (interests and times said indirectly)
    # were kept from every engineer and scored with the previous main and the final tree (README); rules alone
    # 0.795 / 0.932 and 0.715 / 0.919; floors a little under them
    (LABELLED / "natural_dev26.jsonl", 0.775, 0.915, 0.97, 0.96, 0.96, 0.98, 0.98, 0.99),
    (LABELLED / "natural_dev27.jsonl", 0.695, 0.90, 0.98, 0.915, 0.975, 0.98, 0.98, 0.99),
    # eighteenth session: natural_dev28 (40 % outside Hessen and Sachsen; dictation, groups, questions, seasons) was
    # scored with the previous main (0.667 with the model) and given to the engineers; rules alone on the final tree
    # 0.778 / 0.929; floors a little under them
    (LABELLED / "natural_dev28.jsonl", 0.755, 0.915, 0.975, 0.95, 0.955, 0.98, 0.98, 0.99),
    # nineteenth session: natural_dev29 (53 % Hessen and Sachsen; dictation, hints, unusual times, nine dialects) was
    # scored with the previous main (0.856 with the model) and given to the engineers; rules alone on the final tree
    # 0.856 / 0.965; floors a little under them
    (LABELLED / "natural_dev29.jsonl", 0.83, 0.945, 0.98, 0.95, 0.98, 0.975, 0.98, 0.99),
    # twentieth session: natural_dev30 (90 dev messages of a new author; 60 blind) scored with the previous main (rules
    # alone 0.744 / 0.922) and given to an engineer (branch nlu30); rules alone after it 0.822 / 0.941, place 0.989,
    # time 0.989; floors a little under them
    (LABELLED / "natural_dev30.jsonl", 0.80, 0.93, 0.975, 0.975, 0.975, 0.99, 0.975, 0.99),
    # twenty-first session: natural_dev31 (90 dev messages of a new author; 60 blind) scored with the previous main
    # (rules alone 0.778 / 0.930, place 0.989, time 0.967); floors a little under them
    (LABELLED / "natural_dev31.jsonl", 0.76, 0.92, 0.975, 0.955, 0.99, 0.99, 0.99, 0.99),
    # twenty-second session: natural_dev32 (90 dev messages of a new author) scored with the previous main (rules alone
    # 0.767 / 0.919, place 0.978, time 0.956) and given to an engineer (branch nlu32); floors a little under
    (LABELLED / "natural_dev32.jsonl", 0.755, 0.91, 0.97, 0.945, 0.99, 0.99, 0.99, 0.99),
    # twenty-third session: natural_dev33 (90 dev messages of a new author; 60 blind) scored with the previous main
    # (rules alone 0.744 / 0.923, place 0.967, time 0.956, languages 0.989, little German 0.978) and given to an
    # engineer (branch nlu33); rules alone after it 0.767 / 0.927, little German 0.989; floors a little under
    (LABELLED / "natural_dev33.jsonl", 0.755, 0.915, 0.955, 0.945, 0.98, 0.99, 0.98, 0.99),
]


@pytest.mark.parametrize(
    ("path", "all_slots", "f1", "place", "time", "languages", "remote", "little_german", "lang"), RULES_ONLY_FLOORS
)
def test_the_rules_alone_keep_their_scores(
    path: Path, all_slots: float, f1: float, place: float, time: float, languages: float, remote: float,
    little_german: float, lang: float,
) -> None:
    scores = evaluate(_rows(path), rules_only=True)
    assert scores.all_slots >= all_slots
    assert scores.f1 >= f1
    floors = {"place": place, "time": time, "languages": languages, "remote": remote,
              "little_german": little_german, "lang": lang}
    below = {slot: round(scores.accuracy(slot), 3) for slot, floor in floors.items() if scores.accuracy(slot) < floor}
    assert below == {}


def test_the_rules_alone_score_below_the_rules_with_the_model() -> None:
    """The rules-only figures really leave the trained component out: on its training data it adds categories."""
    rows = _rows(NATURAL_DEV4)
    assert evaluate(rows, rules_only=True).f1 < evaluate(rows).f1


@pytest.mark.parametrize(
    ("path", "size", "precision", "recall"),
    [
        (LISTINGS_DEV, 150, 0.94, 0.86),
        (LISTINGS_DEV2, 90, 0.905, 0.91),
        (LISTINGS_DEV3, 100, 0.89, 0.90),
        (LISTINGS_DEV4, 140, 0.905, 0.87),
        (LISTINGS_DEV5, 140, 0.87, 0.855),
        (LISTINGS_DEV6, 140, 0.85, 0.81),
        (LISTINGS_DEV7, 150, 0.925, 0.815),
        (LISTINGS_DEV8, 120, 0.895, 0.925),
        (LISTINGS_DEV9, 120, 0.815, 0.895),
        (LISTINGS_DEV10, 120, 0.895, 0.875),
        (LISTINGS_DEV11, 120, 0.845, 0.825),
        (LISTINGS_DEV12, 120, 0.83, 0.845),
        (LISTINGS_DEV13, 120, 0.86, 0.835),
        # thirteenth session, kept from every engineer: 0.862 / 0.885 with the previous main and the final tree
        (LABELLED / "listings_dev14.jsonl", 120, 0.85, 0.875),
        # fourteenth session, kept from every engineer: 0.892 / 0.840 with the previous main, 0.886 / 0.834 final
        (LABELLED / "listings_dev15.jsonl", 120, 0.875, 0.825),
        # fifteenth session, kept from every engineer: 0.920 / 0.821 with the previous main, 0.920 / 0.826 final
        (LABELLED / "listings_dev16.jsonl", 120, 0.905, 0.81),
        # sixteenth session, kept from every engineer: 0.854 / 0.927 with the previous main and the final tree
        (LABELLED / "listings_dev17.jsonl", 120, 0.84, 0.91),
        # seventeenth session, kept from every engineer: 0.832 / 0.862 with the previous main and the final tree
        (LABELLED / "listings_dev18.jsonl", 120, 0.815, 0.845),
        # eighteenth session: 0.929 / 0.929 with the previous main and the final tree
        (LABELLED / "listings_dev19.jsonl", 67, 0.91, 0.91),
        # nineteenth session: 0.868 / 0.876 with the previous main, 0.870 / 0.885 after listings19
        (LABELLED / "listings_dev20.jsonl", 67, 0.85, 0.865),
        # twentieth session: 0.838 / 0.917 with the previous main, 0.883 / 0.948 after listings21
        (LABELLED / "listings_dev21.jsonl", 67, 0.865, 0.93),
        # twenty-first session: 0.907 / 0.846 with the previous main (floors a little under)
        (LABELLED / "listings_dev22.jsonl", 67, 0.89, 0.83),
        # twenty-second session: 0.885 / 0.810 with the previous main, 0.927 / 0.848 after listings23
        (LABELLED / "listings_dev23.jsonl", 67, 0.91, 0.83),
        # twenty-third session: 0.860 / 0.887 with the previous main (44c5ecff), before any work on it; 0.871 / 0.907
        # after lists24
        (LABELLED / "listings_dev24.jsonl", 67, 0.86, 0.89),
    ],
)
def test_listing_categories_keep_their_scores(path: Path, size: int, precision: float, recall: float) -> None:
    rows = _rows(path)
    assert len(rows) >= size
    scores = evaluate_listings(rows)
    assert scores.overall.precision >= precision
    assert scores.overall.recall >= recall


@pytest.mark.parametrize(
    "path",
    [
        NATURAL_DEV, NATURAL_DEV2, NATURAL_DEV3,
        LISTINGS_DEV, LISTINGS_DEV2, LISTINGS_DEV3, LISTINGS_DEV4, LISTINGS_DEV5, LISTINGS_DEV6, LISTINGS_DEV8,
        LISTINGS_DEV9, LISTINGS_DEV10, LISTINGS_DEV11,
        LABELLED / "natural_dev13.jsonl", LABELLED / "natural_dev14.jsonl",
        LISTINGS_DEV12, LISTINGS_DEV13, LABELLED / "natural_dev15.jsonl", LABELLED / "natural_dev16.jsonl",
        LABELLED / "natural_dev17.jsonl", LABELLED / "natural_dev18.jsonl", LABELLED / "listings_dev14.jsonl",
        LABELLED / "natural_dev19.jsonl", LABELLED / "natural_dev20.jsonl", LABELLED / "listings_dev15.jsonl",
        LABELLED / "natural_dev21.jsonl", LABELLED / "natural_dev22.jsonl", LABELLED / "natural_dev23.jsonl",
        LABELLED / "listings_dev16.jsonl", LABELLED / "natural_dev24.jsonl", LABELLED / "natural_dev25.jsonl",
        LABELLED / "listings_dev17.jsonl", LABELLED / "natural_dev26.jsonl", LABELLED / "natural_dev27.jsonl",
        LABELLED / "listings_dev18.jsonl", LABELLED / "natural_dev28.jsonl", LABELLED / "listings_dev19.jsonl",
        LABELLED / "natural_dev29.jsonl", LABELLED / "listings_dev20.jsonl", LABELLED / "natural_dev30.jsonl",
        LABELLED / "listings_dev21.jsonl", LABELLED / "natural_dev31.jsonl", LABELLED / "listings_dev22.jsonl",
        LABELLED / "listings_dev23.jsonl", LABELLED / "natural_dev32.jsonl", LABELLED / "listings_dev24.jsonl",
        LABELLED / "natural_dev33.jsonl",
    ],
)
def test_dev_sets_hold_no_duplicates(path: Path) -> None:
    rows = _rows(path)
    key = "description" if path.name.startswith("listings_") else "text"
    assert len({str(row[key]) for row in rows}) == len(rows)
