"""The /einstellungen menu: language, alert mode, announcements, home place."""
