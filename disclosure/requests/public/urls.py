"""The public request URLs, included by ``disclosure.urls`` under ``apply/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.apply, name="apply"),
    path("receipt/<str:code>/", views.receipt, name="apply_receipt"),
    path("receipt/<str:code>/pdf/", views.receipt_pdf, name="apply_receipt_pdf"),
    path("status/", views.status, name="apply_status"),
    path("status/supplement/", views.supplement, name="apply_supplement"),
    path("status/withdraw/", views.withdraw, name="apply_withdraw"),
    path("status/files/<int:document_id>/", views.status_file, name="apply_status_file"),
]
