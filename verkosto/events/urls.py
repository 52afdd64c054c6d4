"""/events/: each part of the events app mounts its own url module."""

from django.urls import include, path

app_name = "events"

urlpatterns = [
    path("", include("verkosto.events.urls_calendar")),
    path("", include("verkosto.events.urls_registration")),
    path("", include("verkosto.events.urls_attendance")),
    path("", include("verkosto.events.urls_networking")),
    path("", include("verkosto.events.urls_pages")),
]
