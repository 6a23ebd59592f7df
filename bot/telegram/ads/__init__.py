"""/ichbiete (/offerhelp): a volunteer's own ads, written in a guided chat and managed in one list."""
