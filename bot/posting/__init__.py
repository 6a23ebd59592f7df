"""Clubs post listings in a guided chat: a draft in the database, one question at a time (issue 6)."""
