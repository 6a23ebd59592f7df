"""The chat's memory and logic without Telegram: stored searches, open questions, place answers."""
