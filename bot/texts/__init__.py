"""Every text people read, in German and English, looked up by key: `t(lang, key, **params)`."""

from bot.texts.catalogue import LANGUAGES, catalogue, language_list, plain, t

__all__ = ["LANGUAGES", "catalogue", "language_list", "plain", "t"]
