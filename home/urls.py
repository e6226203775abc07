"""The portal's own public URLs; include them before Wagtail's catch-all."""

from django.urls import path

from . import views

urlpatterns = [
    path("sitemap/", views.site_map, name="site_map"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
