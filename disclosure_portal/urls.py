from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from disclosure.health import healthz
from disclosure.sitemaps import PublicSitemap, sitemap
from disclosure_portal import accessibility
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("healthz", healthz, name="healthz"),
    path("accessibility/", accessibility.set_preference, name="accessibility"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"),
    # 网站地图 (/sitemap/), robots.txt, favicon.ico
    path("", include("home.urls")),
    # The plugin's public catalogue download (/zfxxgk/catalogue.csv and .xlsx).
    path("zfxxgk/", include("disclosure.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or getattr(settings, "PORTAL_SERVE_MEDIA", False):
    from django.urls import re_path

    from disclosure_portal.views import serve_media

    # never documents/: files are served by /documents/ after the visibility check
    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media}(?!documents/)(?P<path>.+)$", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]
