"""URLs of the plugin. Include them under the disclosure index's path, before Wagtail's
catch-all, e.g. ``path("zfxxgk/", include("disclosure.urls"))`` → ``/zfxxgk/catalogue.csv``,
``/zfxxgk/feeds/rss/``, ``/zfxxgk/api/v2/documents/`` (``docs/api.md``)."""

from django.urls import include, path

from . import feeds, views
from .api.views import router as api_router

app_name = "disclosure"

urlpatterns = [
    path(
        "catalogue.<str:extension>",
        views.catalogue_download,
        name="catalogue_download",
    ),
    # the whole catalogue, and one column or index (by page id: stable across moves)
    path("feeds/rss/", feeds.feed_view(feeds.DocumentsFeed), name="catalogue_feed_rss"),
    path("feeds/atom/", feeds.feed_view(feeds.AtomDocumentsFeed), name="catalogue_feed_atom"),
    path("feeds/<int:page_id>/rss/", feeds.feed_view(feeds.DocumentsFeed), name="feed_rss"),
    path("feeds/<int:page_id>/atom/", feeds.feed_view(feeds.AtomDocumentsFeed), name="feed_atom"),
    path("api/v2/", include((api_router.get_urlpatterns(), "api"))),
    path("units/", include("disclosure.unit_pages.urls")),  # 机构信息
    # 依申请公开: the application form, receipt and status page (requests/public)
    path("apply/", include("disclosure.requests.public.urls")),
]
