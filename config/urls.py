"""Top-level URL map: each app mounts its own urls."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("verkosto.accounts.urls")),
    path("api/v1/", include("verkosto.api.urls")),
    path("", include("verkosto.interchange.urls")),
    path("networks/", include("verkosto.networks.urls")),
    path("signals/", include("verkosto.observations.urls")),
    path("events/", include("verkosto.events.urls")),
    path("", include("verkosto.directory.urls")),
]
