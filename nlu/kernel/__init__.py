"""The place and text kernel shared by nlu/ and bot/: fold(), data paths, the taxonomy and the gazetteer.

Imports neither spaCy nor bot/, so commands that only need places or folded text start fast."""
