"""/api/v1/: the directory API, the HSDS publication and the OpenAPI schema with its docs page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api:schema"), name="docs"),
    path("hsds/", include("verkosto.interchange.hsds_urls")),
    path("", include("verkosto.interchange.api_urls")),
    path("", include("verkosto.directory.api_urls")),
]
