"""The webmaster's dashboard: the scheduler's heartbeat, 栏目更新监测 (columns that are empty
or not updated in time, documents whose 有效性 needs review) and the full catalogue export.

``monitoring`` and ``heartbeat`` are plain modules (querysets in, values out); ``views``,
``panels`` and ``hooks`` put them into the Wagtail admin, for webmasters only (``access``).
"""
