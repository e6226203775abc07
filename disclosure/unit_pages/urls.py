from django.urls import path

from . import views

# included by disclosure.urls under "units/": names are "disclosure:unit_…"
urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("<str:code>/", views.unit_detail, name="unit_detail"),
    path("<str:code>/catalogue/", views.unit_catalogue, name="unit_catalogue"),
]
