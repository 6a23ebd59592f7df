"""Volunteers' use cases without Telegram: profile and settings, home place, Merkliste.

Every function takes the unit of work's AsyncSession and never commits; the edge commits.
"""

from bot.volunteers.favourites import (
    FavouriteEntry,
    add_favourite,
    count_favourites,
    favourite_ids,
    is_favourite,
    list_favourites,
    remove_favourite,
)
from bot.volunteers.home import forget_home, home_place, remember_home
from bot.volunteers.profile import (
    find_volunteer,
    get_or_create_volunteer,
    language_for,
    languages_of,
    mark_blocked,
    meet_volunteer,
    note_interests,
    set_alert_mode,
    set_announcements,
    set_language,
)

__all__ = [
    "FavouriteEntry",
    "add_favourite",
    "count_favourites",
    "favourite_ids",
    "find_volunteer",
    "forget_home",
    "get_or_create_volunteer",
    "home_place",
    "is_favourite",
    "language_for",
    "languages_of",
    "list_favourites",
    "mark_blocked",
    "meet_volunteer",
    "note_interests",
    "remember_home",
    "remove_favourite",
    "set_alert_mode",
    "set_announcements",
    "set_language",
]
