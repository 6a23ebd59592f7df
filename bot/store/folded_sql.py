"""SQL that folds text the way nlu.kernel.text.fold folds queries, for the full-text indexes of migrations.

ä -> ae, ß -> ss, accents dropped, lower case: a person typing "Buecherei" or "Bücherei" finds the same rows
on both databases. Used by migration 0003 (listings) and 0011 (volunteers' ads), so both indexes agree.
"""

from __future__ import annotations

_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue"), ("ß", "ss"), ("ẞ", "ss"))
_ACCENTED = "áàâãåāéèêëēíìîïóòôõøúùûçñšžłÁÀÂÃÅĀÉÈÊËĒÍÌÎÏÓÒÔÕØÚÙÛÇÑŠŽŁ"
_PLAIN = "aaaaaaeeeeeiiiiooooouuucnszlAAAAAAEEEEEIIIIOOOOOUUUCNSZL"


def _replace_umlauts(expression: str) -> str:
    """Wraps an SQL expression in replace() calls that spell umlauts out."""
    for umlaut, spelled in _UMLAUTS:
        expression = f"replace({expression}, '{umlaut}', '{spelled}')"
    return expression


def sqlite_fold(column: str) -> str:
    """Returns SQLite SQL folding a column; FTS5's unicode61 tokenizer does case and remaining accents."""
    return _replace_umlauts(f"coalesce({column}, '')")


def postgres_fold(column: str) -> str:
    """Returns PostgreSQL SQL folding a column to lower-case words separated by single spaces."""
    spelled = _replace_umlauts("coalesce(" + column + ", '')")
    plain = f"translate({spelled}, '{_ACCENTED}', '{_PLAIN}')"
    # Only letters and digits make words, as in SQLite's unicode61, so e-mails and hyphens split alike.
    return f"regexp_replace(lower({plain}), '[^a-z0-9]+', ' ', 'g')"
