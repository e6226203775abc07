"""Indexes on Wagtail's tables for the public side.

- ``url_path``: ``disclosure.routing`` finds every page on a URL's way in one query by
  ``url_path``; Wagtail has no index on it. PostgreSQL gets a hash index: a btree refuses
  keys above about 2.7 kB, and long Chinese slugs three columns deep can come close.
- ``numchild``: every public page first finds the hidden branches (unpublished or expired
  pages *with children*, ``disclosure.visibility``); without it that is a scan of every
  page (7 ms at 20,000 documents on SQLite), and the documents all have ``numchild = 0``.
- ``wagtailcore_revision.approved_go_live_at`` (partial): cached pages and figures expire at
  the next scheduled go-live (``caching.next_scheduled_change``); most revisions have none.
"""

from django.db import migrations

URL_PATH_INDEX = "disclosure_page_url_path"
NUMCHILD_INDEX = "disclosure_page_numchild"
GO_LIVE_INDEX = "disclosure_revision_go_live"


def create_indexes(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX {URL_PATH_INDEX} ON wagtailcore_page {method}(url_path)")
    schema_editor.execute(f"CREATE INDEX {NUMCHILD_INDEX} ON wagtailcore_page (numchild)")
    schema_editor.execute(
        f"CREATE INDEX {GO_LIVE_INDEX} ON wagtailcore_revision (approved_go_live_at)"
        " WHERE approved_go_live_at IS NOT NULL"
    )


def drop_indexes(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {URL_PATH_INDEX}")
    schema_editor.execute(f"DROP INDEX {NUMCHILD_INDEX}")
    schema_editor.execute(f"DROP INDEX {GO_LIVE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0006_pending_search_update"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
