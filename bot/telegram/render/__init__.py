"""Turning use-case results into Telegram HTML: every field from a listing or a person is escaped here."""
