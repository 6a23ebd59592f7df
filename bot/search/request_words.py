"""A request's words as the search ranks by them (RankWords): the NLU's free words that filter, the request's other
content words that only rank, the words said about the writer, towns beside the place, and the German words an English
request's words were read as (bot.search.engine calls it once per search)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.content_words import (
    MAX_UNWANTED,
    NAMING_WORDS,
    content_words,
    free_words,
    manner_words,
    towns_beside,
    unwanted_words,
    writer_content,
    writer_free,
)
from bot.search.corpus import Corpus
from bot.search.criteria import Criteria
from bot.search.english import alternatives as english_alternatives
from bot.search.light_verbs import light_verbs
from bot.search.rank_words import RankWords, names_narrower_group, setting_words
from bot.search.weights import WEIGHTS
from bot.search.related import names_activity
from bot.search.spoken import spoken_words
from bot.search.textmatch import RARE_WORDS_MAX_DOCUMENTS
from bot.search.unwanted import unwanted_groups
from bot.search.vocabulary_cache import VocabularyCache
from nlu.lexicon import filler_words
from nlu.vocabulary import categories_of, names_category_only

# Index look-ups per candidate grow with the words; beyond six the last ones hardly change the order.
MAX_RANK_WORDS = 6


async def request_words(
    session: AsyncSession, text: str, criteria: Criteria, vocabularies: VocabularyCache, corpus: Corpus,
) -> tuple[RankWords, bool]:
    """Returns the request's words as index terms, and whether words that mean something were all let go.

    The NLU's free words come first (they filter when no category was understood); the request's other
    content words, such as those that named a category, only rank. Words no listing holds, or far too many
    do, are let go at once (and reported as widened "keywords") when they were all the search had; beside a
    category they would only have ranked.
    """
    unwanted = unwanted_words(text, criteria)
    # A word the request negates ("egal was, nur nicht mit Blut") never looks for the listings holding it, even
    # when the NLU kept it as a free word: it only lowers them.
    keywords = tuple(word for word in free_words(text, criteria) if word not in unwanted)
    # The words said only about the writer ("Ich bin 34, Tischler", "I speak English", "kaputte Schulter") are not
    # what they want: the wish's words rank first, those fill what is left, weighing little (WEIGHTS.writer).
    wish = writer_free(text, criteria)
    others = [word for word in content_words(wish, criteria) if word not in keywords and word not in unwanted]
    writer = [word for word in writer_content(text, criteria)
              if word not in keywords and word not in unwanted and word not in others]
    # A town named beside the searched place ("Ausflüge nach Weimar ..., Erfurt") is no word of the wish, but a
    # listing naming it likely lies where the person means: it orders a little, as a word about the writer does
    # (bot.search.ranking), never counted as holding what was asked (a town is no topic: "Tschüss Kassel, hallo
    # Hofgeismar").
    towns = [word for word in towns_beside(text, criteria) if word not in keywords and word not in others]
    if not keywords and not others and not unwanted and not writer and not towns:
        return RankWords(), False
    vocabulary = await vocabularies.get(session, corpus)
    # A frequent word without content in a form no listing writes ("brauch", "hab", "gibts"; the NLU's filler
    # words, data/nlu/filler_words.txt) would rank only through its stem's other forms ("brauchen") and name
    # listings that have nothing to do with the wish: it is left out, as the NLU leaves it out of its keywords.
    # One the listings write as it is ("Deutsch", "Essen") and one that names a category ("Kinder") still rank.
    others = [word for word in others if not _colloquial_filler(word, vocabulary.documents)]
    # A general verb after the thing it serves ("Klavierunterricht geben") says nothing the thing does not: ranked,
    # it listed any listing holding the same verb first (bot.search.light_verbs).
    light = light_verbs(text, frozenset(keywords)) if criteria.lang == "de" else frozenset()
    others = [word for word in others if word not in light]
    writer = [word for word in writer if not _colloquial_filler(word, vocabulary.documents)]
    groups = vocabulary.groups(keywords)
    # Words that only rank are kept while few enough listings hold them to be read once from the index
    # (PostgreSQL probes more common ones per candidate: 40 ms for a nationwide pool); those weigh little anyway.
    more = tuple(group for group in vocabulary.groups(others, limit=max(MAX_RANK_WORDS - len(groups), 0),
                                                      allowed=NAMING_WORDS)
                 if group.documents <= RARE_WORDS_MAX_DOCUMENTS)
    ranked = groups + tuple(group for group in more if group.word not in {g.word for g in groups})
    # Beside a category, a free word too common to filter ("Feuerwehr" in a tenth of all listings) still
    # orders the category's rows: those naming it first, instead of ties falling to the id.
    common = vocabulary.too_common(keywords, at_most=RARE_WORDS_MAX_DOCUMENTS) if criteria.categories else ()
    ranked += tuple(group for group in common if group.word not in {g.word for g in ranked})[
        :max(MAX_RANK_WORDS - len(ranked), 0)]
    taken = {group.word for group in ranked}
    about_writer = tuple(group for group in vocabulary.groups(writer, limit=max(MAX_RANK_WORDS - len(ranked), 0))
                         if group.documents <= RARE_WORDS_MAX_DOCUMENTS and group.word not in taken)
    # A verb that names an activity of the related-word families ("vorlesen", "reparieren") says what, not how; one
    # that only shares a stem with an office ("kassieren" beside a Kassenwart) still says how.
    manner = frozenset(word for word in manner_words(text, criteria) if not names_activity(word))
    # A word saying where the person likes to be ("draußen", "outdoors") says how as such a word does, in any
    # language: a listing holding it does not hold what was asked for it (rank_words.setting_words).
    manner |= frozenset(group.word for group in ranked if group.word in setting_words())
    fields = tuple((group.word, tuple(key for key in criteria.categories
                                      if key in categories_of(group.word, criteria.lang)))
                   for group in (*more, *common))
    fields = tuple((word, named) for word, named in fields if named)
    # In a German request the NLU keeps as its free words all but those just naming a category ("Senioren"), so only
    # those are left to be generic. An English request has no free words the German listings hold: of the German
    # words its words were read as, those naming more than a category ("community garden": gemeinschaftsgarten, of
    # a searched category) name the thing as a German request's free words do.
    generic = frozenset(word for word, _ in fields if criteria.lang == "de" or names_category_only(word))
    # A language the person speaks ("ich spreche Englisch") lifts the listings asking for it, never narrows the
    # answer to those writing its name (bot.search.spoken): its word only orders, as a category's word does.
    generic |= spoken_words((group.word for group in (*more, *common) if group.word not in keywords),
                            criteria.languages, criteria.categories)
    # A word naming a group narrower than its category ("Obdachlose" of poverty_homelessness) names what was asked
    # where no other word does ("Was mit Obdachlosen"); beside an activity ("kochen für Obdachlose") it says for whom.
    # A word saying only where the person likes to be ("draußen in der Natur") says no activity.
    narrower = frozenset(word for word, named in fields if word in generic and names_narrower_group(word, named))
    if narrower and all(group.word in generic or group.part_of is not None or group.word in setting_words()
                        for group in ranked):
        generic -= narrower
    if all(group.word in manner | generic for group in ranked):
        manner = frozenset()  # no noun names more than the category ("Senioren besuchen"): the verb says what
    ranked += about_writer
    writer_words = frozenset(group.word for group in about_writer)
    taken |= writer_words
    beside = tuple(group for group in vocabulary.groups(towns, limit=max(MAX_RANK_WORDS - len(ranked), 0))
                   if group.documents <= RARE_WORDS_MAX_DOCUMENTS and group.word not in taken)
    ranked += beside
    towns_said = frozenset(group.word for group in beside)
    weights = tuple(vocabulary.weight(group) * (WEIGHTS.manner if group.word in manner else 1.0) for group in ranked)
    kinds = frozenset(group.word for group in ranked if group.part_of is None
                      and vocabulary.names_category_kind(group.word, criteria.categories))
    words = RankWords(ranked, weights, frozenset(group.word for group in groups),
                      unwanted_groups(vocabulary, unwanted, limit=MAX_UNWANTED), manner, generic, writer_words,
                      towns_said, fields, kinds, _alternatives(wish, criteria, {group.word for group in ranked}))
    return words, not groups and not criteria.categories and vocabulary.meaningful(keywords)


def _alternatives(text: str, criteria: Criteria, ranked: set[str]) -> tuple[tuple[str, ...], ...]:
    """Returns the ranked German words an English request's words were each read as, where one was read as several
    ("hospital": krankenhaus, klinik): RankWords.alternatives."""
    if criteria.lang == "de":
        return ()
    kept = (tuple(word for word in words if word in ranked) for words in english_alternatives(text))
    return tuple(words for words in kept if len(words) > 1)


def _colloquial_filler(word: str, documents: Mapping[str, int]) -> bool:
    """Tells whether a word is one of the NLU's filler words, names no category and no listing holds it as such."""
    return word in filler_words() and word not in documents and not categories_of(word, "de")
