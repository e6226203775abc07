"""Production settings: every secret comes from the environment.

Required: ``SECRET_KEY``, ``ALLOWED_HOSTS`` (comma separated), ``DATABASE_URL``.
Optional: ``CSRF_TRUSTED_ORIGINS``, ``SECURE_SSL_REDIRECT`` (default on),
``SECURE_HSTS_SECONDS`` (default one year), ``ELASTICSEARCH_URL``, ``REDIS_URL``,
``AWS_STORAGE_BUCKET_NAME`` and the other ``AWS_*`` variables (uploads in object storage, see
base.py), ``PORTAL_TRUSTED_PROXY_COUNT`` (the number of reverse proxies in front of the
portal that set X-Forwarded-For; the login throttling then counts the client's address, not
the proxy's).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "生产环境必须通过环境变量 SECRET_KEY 设置一个随机密钥（至少 50 个字符）。"
        " Set a random SECRET_KEY of at least 50 characters in the environment."
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail's live preview shows the site inside an admin frame, so same-origin framing stays.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# django-axes counts failed logins per username and client address. Behind reverse proxies
# REMOTE_ADDR is the proxy's, so trust the given number of X-Forwarded-For entries instead.
if trusted_proxies := int(os.environ.get("PORTAL_TRUSTED_PROXY_COUNT", "0")):
    AXES_IPWARE_PROXY_COUNT = trusted_proxies
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    # the application form's rate limits (django-ratelimit) read the same client address
    RATELIMIT_IP_META_KEY = "axes.helpers.get_client_ip_address"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
