"""Organisations' side: the guided posting chat, /meineangebote, interest reports and their jobs."""
