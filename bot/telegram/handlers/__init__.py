"""Telegram handlers: each parses its update, calls one use case and renders the result (see registry.py)."""
