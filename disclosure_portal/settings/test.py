import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"

# A file (not :memory:) so that tests running several threads share one database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
DISCLOSURE_IMPORT_DIR = os.environ.get(
    "DISCLOSURE_IMPORT_DIR", str(BASE_DIR / ".test-media" / "catalogue-imports")
)

# Tests choose their search backends themselves (tests/search/conftest.py), whatever
# ELASTICSEARCH_URL the shell has.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"},
}
PORTAL_SEARCH_BACKEND = "default"
# Uploads on the local disk whatever AWS_STORAGE_BUCKET_NAME the shell has; the S3 tests
# (tests/test_s3_media.py) give each test its own bucket.
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
PORTAL_SERVE_MEDIA = True  # images at MEDIA_URL through the portal, as with object storage

# Lets several checkouts run the suite at once on one PostgreSQL server.
if name := os.environ.get("PORTAL_TEST_DB_NAME"):
    DATABASES["default"].setdefault("TEST", {})["NAME"] = name
PORTAL_SEARCH_HITS_FLUSH_SECONDS = None  # tests flush the search-hit log themselves
# A test's transaction never commits: send Elasticsearch its updates at once (tests of the
# after-commit path turn this back on).
DISCLOSURE_SEARCH_UPDATES_ON_COMMIT = False

# One process: the memory cache, emptied before each test (tests/conftest.py), whatever
# REDIS_URL the shell has; the page cache is on, so every test that reads a page after a
# change also checks that the change purged it.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
DISCLOSURE_CATALOGUE_DIR = str(MEDIA_ROOT / "catalogue-files")
