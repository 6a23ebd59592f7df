"""Command menus in Telegram: the common one before serving, own-chat ones paced in the background and on events."""
