"""Test factories in one place: fictional people, organisations, listings and files; import them from here."""
