"""Admins' announcements (/rundschreiben): composing, the audience, scheduling and the delivery runner."""
