"""/api/v1/ endpoints of the data exchange (inside the "api" namespace): exports of a search."""

from django.urls import path

from .tabular_api import ServiceCsvExportView, ServiceXlsxExportView

urlpatterns = [
    path("export/services.csv", ServiceCsvExportView.as_view(), name="export-services-csv"),
    path("export/services.xlsx", ServiceXlsxExportView.as_view(), name="export-services-xlsx"),
]
