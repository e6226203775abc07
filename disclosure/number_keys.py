"""文号 and 索引号 compared the way people type them: brackets and spaces ignored, upper case.

``区府发〔2023〕12号``, ``区府发[2023]12号`` and ``区府发（2023）12号`` are one number. The
Python ``number_key`` and the database ``NumberKey`` compute the same key, and the document
table has an expression index on ``NumberKey`` of each column, so looking a number up is an
index search rather than a scan of every document.
"""

from __future__ import annotations

import unicodedata

from django.db.models import CharField, Func

# 〔〕 and the brackets people type instead ([] () 【】 and their full-width forms), and spaces.
IGNORED_CHARACTERS = "〔〕[]()（）［］【】{}〖〗 　"


def number_key(text: str) -> str:
    """The comparison key of a 文号/索引号 typed by a person (full-width forms folded by NFKC)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c not in IGNORED_CHARACTERS).upper()


class NumberKey(Func):
    """``number_key`` in SQL: ``REPLACE(…REPLACE(UPPER(column), '〔', '')…, '　', '')``.

    The characters are written into the SQL rather than passed as parameters: SQLite uses an
    expression index only for a query whose expression is literally the same.
    """

    arity = 1
    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        sql = f"UPPER({sql})"
        for char in IGNORED_CHARACTERS:
            sql = f"REPLACE({sql}, '{char}', '')"
        return sql, params
