import os

from .base import *  # noqa: F401,F403

# `make demo` runs with PORTAL_DEBUG=0: visitors see the portal's own 404 and 500 pages, as
# in production (runserver --insecure still serves the static files).
DEBUG = os.environ.get("PORTAL_DEBUG", "1") == "1"
# development only: uploaded images and renditions from MEDIA_ROOT (never documents/, which
# go through the /documents/ view and its visibility check)
PORTAL_SERVE_MEDIA = True
# Development only: never used by the production settings.
SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
