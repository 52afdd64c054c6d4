"""Data exchange pages, mounted at the site root: exports of a search and the tabular import."""

from django.urls import path

from . import views

app_name = "interchange"

urlpatterns = [
    path("export/services.csv", views.export_services, {"extension": "csv"}, name="export_services_csv"),
    path("export/services.xlsx", views.export_services, {"extension": "xlsx"}, name="export_services_xlsx"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/template.csv", views.import_template, {"extension": "csv"}, name="import_template_csv"),
    path("import/template.xlsx", views.import_template, {"extension": "xlsx"}, name="import_template_xlsx"),
    path("import/<uuid:token>/", views.import_preview, name="import_preview"),
    path("import/<uuid:token>/apply/", views.import_apply, name="import_apply"),
]
