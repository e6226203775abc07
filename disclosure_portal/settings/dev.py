from .base import *  # noqa: F401,F403

DEBUG = True
# Development only: never used by the production settings.
SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
