"""Admins review listings of unverified organisations, verify organisations, and every decision is recorded."""
