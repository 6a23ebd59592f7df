"""Which language to answer a message in: the one it is written in when that is clear, else the conversation's.

A message tells its language only when it carries words of one: "Tierheim in Kassel" is German, "dog walking
in Kassel please" English. Some carry none: an emoji ("🐶", "👍"), a place's name alone ("Fulda"), or a few
words (up to FEW_WORDS) not recognisably in the setting's language ("with animals" after English messages). Those
go on in the language the conversation is in, so an English conversation is not switched to German by a town's
name. A few words the language detector reads as the setting's ("ok", "Kassel bitte?") are answered in the
setting's language, even after English messages. A message clearly in English is answered in English even where Telegram
says German: the setting stays, and the answer says where to change it.

Plain Python over the text and the two languages (the setting and the conversation's): the chat's edge decides
with these, the tests check them without Telegram.
"""

from __future__ import annotations

from bot.search.smalltalk import only_emoji
from bot.search.understanding import reply_language

# A message of so few words that the language of the conversation so far decides its answer's ("and in Fulda?"),
# unless the words are recognisably in the setting's language ("und Fulda?").
FEW_WORDS = 3


def written_in(text: str, lang: str) -> bool:
    """Tells whether a few words are recognisably in this language (the marker-word count of nlu.langid)."""
    from nlu.langid import detect_language  # loaded with the NLU: only short messages in a switched language ask

    return detect_language(text) == lang


def answer_language(text: str, *, setting: str, earlier: str, english_question: bool, names_place: bool) -> str:
    """Returns the language to answer a search-like message in.

    `setting`: the person's language setting; `earlier`: the conversation's language (the setting when there is
    no conversation); `english_question`: the text asks one of the known questions in English ("Do I need
    German?"); `names_place`: the text reads as a place's name and nothing else ("Fulda").
    """
    if english_question:
        return "en"
    lang = reply_language(text, setting)  # another language than the setting only when clearly written in it
    if lang != setting:
        return lang
    if only_emoji(text) or names_place:  # in no language at all: the detector would call them German
        return earlier
    if earlier != setting and _words(text) <= FEW_WORDS and not written_in(text, setting):
        return earlier  # "with animals", "Kassel" going on in English
    return setting


def _words(text: str) -> int:
    """Counts the words of a text: what holds a letter; an emoji or a sign beside them ("Tierheim in Kassel 😀😀",
    "und Fulda? 🙏") is no word, and does not make a few words many."""
    return sum(any(char.isalpha() for char in token) for token in text.split())


def help_language(text: str, *, lang: str, earlier: str, in_conversation: bool) -> str:
    """Returns the language of the help a request for it gets ("hilfe", "help", "wie funktioniert das?").

    "hilfe" or "help" alone names the command in either language (the menu says /hilfe, the keyboard "Hilfe"):
    the conversation's language goes on. Outside a conversation the English word is English: a setting that is
    no choice (Arabic or Turkish Telegram map to German) would answer it in German. A sentence ("wie funktioniert
    das?") is answered in its own language, `lang`.
    """
    if len(text.split()) != 1:
        return lang
    if not in_conversation and written_in(text, "en"):
        return "en"
    return earlier


# A posting answer says its language only in sentences: names, addresses and numbers ("Tafel Kassel", "34117",
# "3") are in none, and a title of few words is too short to tell.
SENTENCE_WORDS = 4


def posting_language(text: str, *, current: str) -> str:
    """Returns the language the posting chat goes on in after an answer written in it (a title, a description,
    requirements): the other language when the answer is clearly written in it, else the current one.

    A club that searched in English and then writes its listing in German is asked the next questions in German,
    not for the hour the English conversation would last; and the other way round. German counts only on German
    evidence (nlu.langid.german_evidence), as any text without English words reads "de" to the detector.
    """
    if len(text.split()) < SENTENCE_WORDS:
        return current
    from nlu.langid import german_evidence  # loaded with the NLU, as written_in's detector

    if current != "de" and german_evidence(text):
        return "de"
    if current != "en" and reply_language(text, "de") == "en":
        return "en"
    return current
