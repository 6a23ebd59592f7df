"""The public web pages and feeds: listing pages, the search, open-data feeds and the embed for town websites.

Stack: tornado serves HTTP (python-telegram-bot's webhooks already bring it, so `run` serves the pages in the
same event loop as the bot, and no second server library is needed); Jinja2 renders the templates (spaCy
already brings it; autoescaping, inheritance and macros make escaping every listing text the default).
The pages call the same search use case as the chat and read their texts from the same catalogues.
"""

