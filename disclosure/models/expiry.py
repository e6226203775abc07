"""Pages that stop being served the moment their expiry time passes."""

from django.http import Http404
from django.utils import timezone


class ExpiryAwareMixin:
    """Refuse to serve a page whose expiry time has passed.

    ``publish_scheduled`` unpublishes expired pages once a minute; until it runs, this
    keeps an expired page from the public all the same.
    """

    def is_expired_now(self) -> bool:
        return bool(self.expire_at and self.expire_at <= timezone.now())

    def serve(self, request, *args, **kwargs):
        if self.is_expired_now():
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_expired_now() else super().get_sitemap_urls(request)
