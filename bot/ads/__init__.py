"""Volunteers' own ads ("Ich biete ..."): composing, checking for personal data, managing, expiry, search.

Plain Python on an AsyncSession, no Telegram. An ad is found by organisations only (bot.ads.search over the
ads corpus of bot.search.corpus); volunteers' searches, the web pages and the feeds read listings alone.
"""
