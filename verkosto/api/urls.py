"""/api/v1/: the directory API, the HSDS publication and the OpenAPI schema with its docs page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from .errors import not_found
from .schema import RedocView

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", RedocView.as_view(url_name="api:schema"), name="docs"),
    path("hsds/", include("verkosto.interchange.hsds_urls")),
    path("", include("verkosto.interchange.api_urls")),
    path("", include("verkosto.directory.api_urls")),
    path("", include("verkosto.networks.api_urls")),
    path("", include("verkosto.observations.api_urls")),
    path("", include("verkosto.events.api_urls")),
    # Last: any other address ending in a slash is a JSON 404 (without the slash, CommonMiddleware
    # first redirects to the slashed address, as for the rest of the site).
    re_path(r"^.*/$", not_found),
]
