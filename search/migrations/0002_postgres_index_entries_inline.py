"""Keep the search index entries' vectors in the row, on PostgreSQL.

An entry holds four text columns and three vectors (title, body, autocomplete): about 2.4 kB.
Above 2 kB PostgreSQL moves the largest value, the body vector, to its TOAST table, and
ranking then fetches it from there for every match: 176 ms instead of 100 ms for a word
found in 20,000 of 100,000 documents. ``toast_tuple_target`` at its maximum keeps rows of
up to 8 kB whole. It applies to entries written afterwards: run ``update_index`` once.
"""

from django.db import migrations


def keep_entries_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(f"ALTER TABLE {table} SET (toast_tuple_target = 8160)")


def reset(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(f"ALTER TABLE {table} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_postgres_title_body_index")]

    operations = [migrations.RunPython(keep_entries_inline, reset)]
