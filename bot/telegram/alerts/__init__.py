"""Saved searches: the /suchauftraege list and the jobs that deliver alerts and digests."""
