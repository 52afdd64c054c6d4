"""The networks' routes under /api/v1/: one module per concept."""

from django.urls import include, path

urlpatterns = [
    path("", include("verkosto.networks.api_pages_urls")),
    path("", include("verkosto.networks.api_bulletins_urls")),
]
