"""/signals/: one url module per concept, all in the "observations" namespace."""

from django.urls import include, path

app_name = "observations"

urlpatterns = [
    path("", include("verkosto.observations.urls_capture")),
    path("themes/", include("verkosto.observations.urls_themes")),
    path("radar/", include("verkosto.observations.urls_radar")),
    path("", include("verkosto.observations.urls_flow")),
]
