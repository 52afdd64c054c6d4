from django.urls import include, path

urlpatterns = [
    path("", include("verkosto.events.api_events_urls")),
]
