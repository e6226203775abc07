"""URLs of the plugin. Include them under the disclosure index's path, before Wagtail's
catch-all, e.g. ``path("zfxxgk/", include("disclosure.urls"))`` → ``/zfxxgk/catalogue.csv``."""

from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path(
        "catalogue.<str:extension>",
        views.catalogue_download,
        name="catalogue_download",
    ),
]
