"""/api/v1/signals/ and /api/v1/themes/."""

from django.urls import include, path

urlpatterns = [
    path("", include("verkosto.observations.api_signals_urls")),
    path("", include("verkosto.observations.api_themes_urls")),
]
