"""Admins' review queue: approving and rejecting listings of their region."""
