"""Pages of capture (see views_capture): /signals/ home, filing, bulk entry, import, one signal."""

from django.urls import path

from . import views_capture as views

urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.signal_create, name="signal_create"),
    path("preview/", views.scrub_preview, name="scrub_preview"),
    path("bulk/", views.signal_bulk, name="signal_bulk"),
    path("import/", views.signal_import_upload, name="signal_import"),
    path("import/template.csv", views.signal_import_template, name="signal_import_template"),
    path("import/<uuid:token>/", views.signal_import_preview, name="signal_import_preview"),
    path("import/<uuid:token>/apply/", views.signal_import_apply, name="signal_import_apply"),
    path("<uuid:uuid>/", views.signal_detail, name="signal_detail"),
]
