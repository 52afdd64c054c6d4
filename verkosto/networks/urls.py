"""/networks/: one url module per concept, all in the "networks" namespace."""

from django.urls import include, path

app_name = "networks"

urlpatterns = [
    path("", include("verkosto.networks.urls_pages")),
    path("bulletins/", include("verkosto.networks.urls_bulletins")),
    path("", include("verkosto.networks.urls_discussions")),
    path("", include("verkosto.networks.urls_worklog")),
]
