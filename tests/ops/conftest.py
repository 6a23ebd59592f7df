"""The ops tests use the shared database fixtures of tests/conftest.py."""
