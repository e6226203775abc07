"""Settings shared by every environment.

Environment variables read here (all optional):
- ``DATABASE_URL``: e.g. ``postgres://user:pass@127.0.0.1:5432/portal``; SQLite by default.
- ``ELASTICSEARCH_URL``: selects the Elasticsearch search backend.
- ``AWS_STORAGE_BUCKET_NAME``: uploaded files (documents, images) go to this bucket of an
  S3-compatible object storage, shared by every app server, with ``AWS_S3_ENDPOINT_URL``,
  ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_S3_REGION_NAME``, ``AWS_LOCATION``
  (``disclosure_portal/storage.py``). Without it they stay in ``MEDIA_ROOT``.
- ``REDIS_URL``: e.g. ``redis://127.0.0.1:6379/0``; the cache (pages, figures, purges),
  sessions and login throttling then live in Redis, shared by every app server. Without
  it the cache is a directory (``PORTAL_CACHE_DIR``, default ``.cache``), shared by the
  processes of one machine (web workers, scheduler, import worker).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from disclosure_portal.storage import s3_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "disclosure",
    "wagtail_modeladmin",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # after wagtail.search: its ready() replaces the post_save handler wagtail.search connects
    # (search/index_updates.py)
    "search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early: a cached page is served without sessions, routing or queries.
    "disclosure.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "disclosure.visibility.VisibilityMemoMiddleware",
    "disclosure_portal.middleware.PortalCSPMiddleware",
    "disclosure_portal.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "disclosure_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "disclosure_portal.accessibility.context",
            ],
        },
    },
]

WSGI_APPLICATION = "disclosure_portal.wsgi.application"

# SQLite is the embedded default; DATABASE_URL switches to PostgreSQL in every settings module.
# SQLite runs IMMEDIATE transactions with a busy timeout, so concurrent writers queue
# instead of failing with "database is locked", and in WAL mode, so that readers (every
# public page) never wait for a writer (an import, a publication) to commit.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out username+IP before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first. Every date a person sees and every year boundary is Asia/Shanghai.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

WAGTAIL_I18N_ENABLED = False
# Wagtail's login form labels the password field in English (disclosure/admin_forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "disclosure.admin_forms.LoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# One time zone for every editor: the account page then offers no list of 600 English zone names.
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
# The review chain (三审, disclosure.review): a change after a step's approval is reviewed
# again, so what goes live is the revision 保密审查 judged.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "disclosure.review.publishing.publish_approved"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Several app servers: uploads in one private bucket of an S3-compatible storage that they
# all reach (django-storages). AWS_STORAGE_BUCKET_NAME switches it on; the other AWS_*
# variables are read by disclosure_portal/storage.py (docs/deployment.md).
# The bucket is reached by the app servers only: the portal streams images and renditions
# at MEDIA_URL itself (disclosure_portal/views.py), documents through /documents/.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = s3_storage(os.environ)
    PORTAL_SERVE_MEDIA = True

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "区人民政府门户网站")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# The Chinese-aware embedded backend (search/backends/database.py). PostgreSQL uses the
# "simple" text search configuration: tokens arrive segmented and must not be stemmed.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"},
}
# The public search page uses this backend and falls back to "default" if it fails.
PORTAL_SEARCH_BACKEND = "default"
# Elasticsearch 8 (search/backends/elasticsearch.py): the public search's engine when
# ELASTICSEARCH_URL is set. The database index stays up to date beside it: the admin searches
# it (drafts included) and the public search falls back to it.
# A cluster: ELASTICSEARCH_URL lists its nodes, comma separated (https:// for TLS, with
# ELASTICSEARCH_CA_CERTS the CA's file); ELASTICSEARCH_USER/ELASTICSEARCH_PASSWORD log in;
# ELASTICSEARCH_SHARDS/ELASTICSEARCH_REPLICAS size new indexes (docs/deployment.md).
if os.environ.get("ELASTICSEARCH_URL"):
    _es_options = {}
    if os.environ.get("ELASTICSEARCH_USER"):
        _es_options["basic_auth"] = (
            os.environ["ELASTICSEARCH_USER"],
            os.environ.get("ELASTICSEARCH_PASSWORD", ""),
        )
    if os.environ.get("ELASTICSEARCH_CA_CERTS"):
        _es_options["ca_certs"] = os.environ["ELASTICSEARCH_CA_CERTS"]
    WAGTAILSEARCH_BACKENDS["elasticsearch"] = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [u.strip() for u in os.environ["ELASTICSEARCH_URL"].split(",") if u.strip()],
        "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
        "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
        "ATOMIC_REBUILD": True,
        "OPTIONS": _es_options,
        "INDEX_SETTINGS": {
            "settings": {
                "index": {
                    "number_of_shards": int(os.environ.get("ELASTICSEARCH_SHARDS", "1")),
                    "number_of_replicas": int(os.environ.get("ELASTICSEARCH_REPLICAS", "0")),
                }
            }
        },
    }
    PORTAL_SEARCH_BACKEND = "elasticsearch"

WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "et",
    "odt",
    "ods",
    "pdf",
    "ppt",
    "pptx",
    "rar",
    "rtf",
    "txt",
    "wps",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Every download goes through /documents/<id>/<name>, the project's visibility check
# (before_serve_document) and a response streamed by the portal, whatever the storage:
# Wagtail's default for a storage without local paths (S3) would redirect to the file's
# signed URL, which anyone holding it could use after the page is withdrawn.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The plugin's own settings (see disclosure/conf.py for every default).
DISCLOSURE_INDEX_NUMBER_FORMAT = os.environ.get(
    "DISCLOSURE_INDEX_NUMBER_FORMAT", "{unit_code}/{year}-{serial:05d}"
)

# Background tasks. Wagtail's own tasks (search and reference index updates) stay on the
# immediate backend; the admin's catalogue import runs on a database queue processed by
# ``manage.py db_worker --backend disclosure_imports`` (started by ``make serve``).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "disclosure_imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
DISCLOSURE_IMPORT_TASK_BACKEND = "disclosure_imports"
DISCLOSURE_IMPORT_DIR = os.environ.get("DISCLOSURE_IMPORT_DIR", str(BASE_DIR / "catalogue-imports"))

# The public address of the default site's absolute links (catalogue files, sitemap.xml,
# robots.txt) when the portal's site setting (设置 → 门户网站信息) leaves it empty.
DISCLOSURE_PUBLIC_BASE_URL = os.environ.get("PORTAL_PUBLIC_BASE_URL") or None

# One cache for every process: a purge by the scheduler or the import worker must reach the
# web workers (disclosure.caching), so never the per-process memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("PORTAL_CACHE_PREFIX", "portal"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PORTAL_CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# The page cache (disclosure.page_cache) keeps an anonymous page at most this long; 0 turns
# it off. Every change purges what it affects anyway.
DISCLOSURE_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
# Pages carry the visitor's 适老化 mode and font size (cookies): one cache entry per choice.
DISCLOSURE_PAGE_CACHE_VARIANT = "disclosure_portal.accessibility.cache_variant"

# Login throttling (django-axes): 5 failed logins for one username from one IP address, each
# within 30 minutes of the previous one, lock that username+IP out for 30 minutes (the Wagtail
# admin and the Django admin alike); the lock-out page is in Chinese and answers 429. A
# successful login resets the count. The client address is REMOTE_ADDR unless production.py
# is told how many trusted proxies stand in front (PORTAL_TRUSTED_PROXY_COUNT).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/login_locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429

# Security headers (Django's SecurityMiddleware and XFrameOptionsMiddleware). They hold over
# plain http too; production.py adds HTTPS redirection, HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's live preview shows the site inside an admin frame, so same-origin framing stays.
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Wagtail's admin scripts read the CSRF token from the page (wagtail-config), never from the
# cookie, so the cookie can be hidden from scripts too.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4). The public pages load only the portal's own files:
# no inline script or style, nothing from another host. The admin (Wagtail's own templates
# carry inline scripts and styles, and its editors use data: and blob: URLs) gets the additions
# in PORTAL_ADMIN_CONTENT_SECURITY_POLICY on the paths in PORTAL_ADMIN_URL_PREFIXES
# (disclosure_portal/middleware.py). Nothing ever loads from outside the portal.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
PORTAL_ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
    "font-src": ["data:"],
    "media-src": ["blob:"],
    "worker-src": ["blob:"],
    "frame-src": ["blob:"],
}
# Permissions-Policy (disclosure_portal/middleware.py): no page may use these devices or APIs.
PORTAL_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "magnetometer=(), gyroscope=(), accelerometer=()"
)

# A government intranet calls no outside server: no Wagtail update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
