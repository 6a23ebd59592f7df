"""Builds data/nlu/filler_words.txt: frequent words that carry no searchable content, decided by data.

A word left over after every slot took its words becomes a search keyword only if it carries content. That
is decided here, once, from two sources, instead of a stop list that grows with every message seen:

- word frequencies: the case-sensitive word probability tables of spacy-lookups-data (MIT). German writes
  nouns with a capital, so a form whose capitalised spelling is far more frequent than its lower-case one is
  a noun ("Feuerwehr" 4.5 vs "feuerwehr" 2.3 on the Zipf scale), one written mostly in lower case is not
  ("irgendwie", "hab", "soziales");
- part of speech: HanTa, the Hanover Tagger (LGPL-3.0), asked once per word, tells verbs, adjectives, adverbs,
  pronouns and particles apart ("würd" is a finite auxiliary, "bisschen" an adverb).

Rules (Zipf = log10 of occurrences per billion words):
- German function classes (adverbs, pronouns, articles, particles, conjunctions, prepositions, interjections)
  are filler from Zipf 2.5; adjectives from Zipf 3.6 and verbs from Zipf 4.6 over all forms of the verb
  ("wohne" counts as "wohnen"; rarer ones are qualities or activities worth searching: "handwerklich", "basteln",
  "reparieren"); nouns only from Zipf 5.3 ("Zeit",
  "Leute"), an inflected noun by its lemma's frequency too ("Leuten" as "Leute") when the form is frequent itself
  (Zipf 4.0), HanTa knows form and lemma as common nouns (no names, no guesses), the form is the lemma plus a noun
  ending (umlauts aside) and listings do not use it nearly as often as language at large does: the non-blind listing
  texts under tests/ give that frequency, and a form within Zipf 0.6 of its general one there is a listing word
  ("Büchern", "Geschichten"), not filler.
- A noun from Zipf 4.9 that the listing texts use ten times less than language at large ("Kopf", "Chance",
  "Sinn") is filler too: what listings never speak of is nothing to search them for.
- English words (clearly more frequent in English than in German) are filler when they are frequent
  (Zipf 3.5 for non-nouns, 4.6 for nouns): listings are German, so "speak" or "people" can never be found. A
  non-noun's German frequency is that of its lower-case spelling, as German writes a borrowed adjective or verb
  ("cool", "online"); capitalised it is part of a name there ("New York"), so "new" is filler.
- Forms the tagger cannot analyse but that are frequent in German (Zipf 4.0: "gibts", "nen") are colloquial
  contractions, so filler too.

Both packages are build-time tools only (pip install spacy-lookups-data hanta numpy), never run-time
dependencies; the output is a plain word list. Run

    python data/nlu/build_content_words.py

and commit the result.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import tomllib
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nlu.kernel.text import fold  # noqa: E402

OUT = Path(__file__).with_name("filler_words.txt")
ROOT = Path(__file__).resolve().parents[2]
LISTINGS = ROOT / "tests" / "nlu" / "data"  # listings_dev*.jsonl only: the blind sets are never read
SEARCH_LISTINGS = ROOT / "tests" / "search" / "fixtures" / "agency_listings.jsonl"
TOP = {"de": 60_000, "en": 30_000}
FUNCTION_MIN = 2.5
VERB_MIN = 4.6
ADJ_MIN = 3.6
NOUN_MIN = 5.3
EN_OTHER_MIN = 3.5
EN_NOUN_MIN = 4.6
UNKNOWN_MIN = 4.0
FORM_MIN = 4.0  # an inflected form rarer than this is no frequent word ("Arts", "Imps"): never filler by its lemma
LISTING_SLACK = 0.6  # a form 4 times rarer in listings than in language at large is no listing word ("Leuten")
# A noun below NOUN_MIN but still frequent ("Kopf", "Chance", "Sinn", "Punkt") names nothing a listing is about when the
# listings use it ten times less than language at large: "mir fällt die Decke auf den Kopf" is no search for "Kopf".
LISTING_NOUN_MIN = 4.9
LISTING_NOUN_SLACK = 1.0
_NOUN_ENDINGS = frozenset({"", "e", "en", "n", "s", "es", "er", "ern"})  # German noun inflections, umlauts aside
GUESS = -28.0  # HanTa's log probability below which its tag is a guess from the word's ending
_DE_NOUN = ("NN", "NE", "NNA", "NNI", "FM", "XY")
_DE_VERB = ("VV", "VA", "VM")
_EN_NOUN = ("NN", "NNS", "NNP", "NNPS", "FW")
# HanTa's English tags are CLAWS5 (NN0/NN1/NN2 nouns, NP0 names, UNC unclassified): they never equal _EN_NOUN, so
# every English word is held to EN_OTHER_MIN; the list is built so. The rule on German use below tells nouns by these.
_EN_CLAWS_NOUN = ("NN", "NP", "UNC")
GLOSSARY = ROOT / "data" / "search" / "english_words.toml"  # English words the search turns into German ones
_WORD = re.compile(r"[^\W\d_]+")


def zipf_table(lang: str) -> dict[str, float]:
    """Returns the case-sensitive Zipf frequency of every form in the language's probability table."""
    table = resources.files("spacy_lookups_data") / "data" / f"{lang}_lexeme_prob.json.gz"
    with gzip.open(str(table), "rt", encoding="utf-8") as handle:
        probs: dict[str, float] = json.load(handle)
    return {word: prob / math.log(10) + 9 for word, prob in probs.items()}


def top_words(zipf: dict[str, float], size: int) -> list[str]:
    """Returns the most frequent lower-case alphabetic forms (counting every spelling of a form together)."""
    merged: dict[str, float] = {}
    for word, value in zipf.items():
        if word.isalpha() and len(word) >= 2:
            low = word.lower()
            merged[low] = math.log10(10 ** merged.get(low, -9.0) + 10**value)
    return sorted(merged, key=lambda w: -merged[w])[:size]


def zipf_any(zipf: dict[str, float], word: str) -> float:
    """Returns the frequency of a form over its lower-case, capitalised and upper-case spellings."""
    total = sum(10 ** zipf[form] for form in {word, word.capitalize(), word.upper()} if form in zipf)
    return math.log10(total) if total else 0.0


def lemma_of(tagger: object, word: str) -> str:
    """Returns HanTa's lemma of a word form."""
    analysis = tagger.analyze(word)  # type: ignore[attr-defined]
    return str(analysis[0]).lower() if analysis else word


def lemma_frequencies(
    tagger: object, de: dict[str, float], words: list[str], tags: tuple[str, ...]
) -> dict[str, float]:
    """Returns the Zipf frequency of each lemma of these parts of speech over all its forms ("wohne" counts as
    "wohnen", "Leuten" as "Leute")."""
    totals: dict[str, float] = {}
    for word in words:
        tagged = tagger.tag_word(word)  # type: ignore[attr-defined]
        if tagged and str(tagged[0][0]).startswith(tags) and float(tagged[0][1]) >= GUESS:
            lemma = lemma_of(tagger, word)
            totals[lemma] = totals.get(lemma, 0.0) + 10 ** zipf_any(de, word)
    return {lemma: math.log10(total) for lemma, total in totals.items()}


def common_noun(tagger: object, word: str) -> str | None:
    """Returns the lemma of a capitalised form HanTa knows as a common noun (not a name, not guessed), else None."""
    tagged = tagger.tag_word(word)  # type: ignore[attr-defined]
    if not tagged or not str(tagged[0][0]).startswith(("NN", "NNA", "NNI")) or float(tagged[0][1]) < GUESS:
        return None
    return lemma_of(tagger, word)


def _without_umlauts(folded: str) -> str:
    """Returns a folded word with its umlauts plain ("buecher" as "bucher"), so a plural compares with its base."""
    return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def listing_zipf() -> dict[str, float]:
    """Returns the Zipf frequency of every folded word in the non-blind listing texts kept with the tests (the
    development sets and the search fixture): the vocabulary volunteering listings are written in."""
    counts: dict[str, int] = {}
    for path in sorted(LISTINGS.glob("listings_dev*.jsonl")) + [SEARCH_LISTINGS]:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = " ".join(str(row.get(key) or "") for key in ("title", "description"))
            for word in _WORD.findall(text):
                counts[fold(word)] = counts.get(fold(word), 0) + 1
    total = sum(counts.values())
    return {word: math.log10(count * 1e9 / total) for word, count in counts.items()}


def filler_inflection(tagger: object, de: dict[str, float], word: str, listing: dict[str, float]) -> bool:
    """Tells whether a capitalised form is an inflection of a filler noun and as empty ("Leuten" of "Leute",
    "Problemen" of "Problem"): the form and its lemma must both be frequent forms HanTa knows as common nouns (no
    names: "Haltern", "Ines"; no guesses: "Euronen"), the lemma frequent enough to be filler itself, and the form
    no word that listings use more than language at large ("Büchern", "Geschichten": what a listing is about)."""
    form = word.capitalize()
    lemma = common_noun(tagger, form)
    if lemma is None or fold(lemma) == fold(word):
        return False
    base = lemma.capitalize()
    if zipf_any(de, word) < FORM_MIN or zipf_any(de, base) < NOUN_MIN or common_noun(tagger, base) is None:
        return False
    plain_form, plain_base = _without_umlauts(fold(word)), _without_umlauts(fold(lemma))
    if not plain_form.startswith(plain_base) or plain_form[len(plain_base):] not in _NOUN_ENDINGS:
        return False  # the tagger's lemma is no base of the form: "Buchse" is no form of "Buch", "Euronen" of "Euro"
    return listing.get(fold(word), 0.0) < zipf_any(de, word) - LISTING_SLACK


def unlisted_noun(tagger: object, word: str, freq: float, listing: dict[str, float]) -> bool:
    """Tells whether a frequent common noun (HanTa's, no name, no guess) is one listings hardly use ("Kopf", "Chance",
    "Sinn"): from Zipf LISTING_NOUN_MIN, ten times rarer in the listing texts than in language at large."""
    if freq < LISTING_NOUN_MIN or common_noun(tagger, word.capitalize()) is None:
        return False
    return listing.get(fold(word), 0.0) < freq - LISTING_NOUN_SLACK


def german_filler(tagger: object, de: dict[str, float], en: dict[str, float]) -> set[str]:
    """Returns the German forms that carry no content (verbs judged by the frequency of their lemma)."""
    found: set[str] = set()
    words = top_words(de, TOP["de"])
    lemma_freq = lemma_frequencies(tagger, de, words, _DE_VERB)
    listing = listing_zipf()
    for word in words:
        freq = zipf_any(de, word)
        lower, upper = de.get(word, 0.0), de.get(word.capitalize(), 0.0)
        if upper >= lower + 0.7:
            # a noun so frequent it names nothing particular, or an inflected form of one ("Leuten" as "Leute")
            if (freq >= NOUN_MIN or filler_inflection(tagger, de, word, listing)
                    or unlisted_noun(tagger, word, freq, listing)):
                found.add(fold(word))
            continue
        tags = tagger.tag_word(word)  # type: ignore[attr-defined]
        tag, logprob = (tags[0][0], float(tags[0][1])) if tags else ("XY", -99.0)
        if logprob < GUESS:
            if freq >= UNKNOWN_MIN and zipf_any(en, word) < freq:
                found.add(fold(word))
        elif tag.startswith(_DE_NOUN):
            if freq >= NOUN_MIN:
                found.add(fold(word))
        elif tag.startswith("ADJ"):
            if freq >= ADJ_MIN:
                found.add(fold(word))
        elif tag.startswith(_DE_VERB):
            if lemma_freq.get(lemma_of(tagger, word), freq) >= VERB_MIN:
                found.add(fold(word))
        elif freq >= FUNCTION_MIN:
            found.add(fold(word))
    return found


def glossary_words() -> set[str]:
    """Returns the single English words of the search's glossary (data/search/english_words.toml): they name what
    listings hold in German ("seniors", "music"), so content."""
    with GLOSSARY.open("rb") as handle:
        table = tomllib.load(handle)
    return {fold(key) for values in _tables(table) for key in values if " " not in key}


def _tables(table: dict[str, object]) -> list[dict[str, object]]:
    """Returns the table and its nested tables."""
    nested = [value for value in table.values() if isinstance(value, dict)]
    return [table, *(inner for value in nested for inner in _tables(value))]


def english_filler(tagger: object, de: dict[str, float], en: dict[str, float]) -> set[str]:
    """Returns the frequent English forms (nouns only when very frequent): German listings never hold them."""
    found: set[str] = set()
    glossary = glossary_words()
    for word in top_words(en, TOP["en"]):
        freq = zipf_any(en, word)
        if freq < EN_OTHER_MIN:
            continue
        tags = tagger.tag_word(word)  # type: ignore[attr-defined]
        tag = tags[0][0] if tags else "NN"
        noun = str(tag).startswith(_EN_CLAWS_NOUN)
        # How much German uses the word: a noun in any spelling ("Computer", "Yoga", "Team"); anything else as German
        # writes a borrowed adjective or verb, in lower case ("cool", "online"), since its capitalised spelling in
        # German text is part of a name ("New" of "New York"). The words of the search's English glossary stay
        # content as before ("senior").
        if zipf_any(de, word) > freq - 1.0 and (noun or de.get(word, 0.0) > freq - 1.0 or fold(word) in glossary):
            continue  # a word German uses as well, unless only in a name (and no word the search translates)
        if freq >= (EN_NOUN_MIN if tag in _EN_NOUN else EN_OTHER_MIN):
            found.add(fold(word))
    return found


def main() -> None:
    """Writes the folded, sorted filler list."""
    from HanTa import HanoverTagger  # a build-time tool only

    de, en = zipf_table("de"), zipf_table("en")
    words = german_filler(HanoverTagger.HanoverTagger("morphmodel_ger.pgz"), de, en)
    words |= english_filler(HanoverTagger.HanoverTagger("morphmodel_en.pgz"), de, en)
    words = {w for w in words if w.isascii() and w.isalpha()}
    header = (
        "# Frequent words without searchable content, folded; built by build_content_words.py from\n"
        "# spacy-lookups-data word probabilities (MIT) and HanTa part-of-speech tags (LGPL-3.0, build time only)\n"
    )
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
