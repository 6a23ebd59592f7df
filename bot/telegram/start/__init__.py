"""/start (with deep links), /hilfe and /abbrechen."""
