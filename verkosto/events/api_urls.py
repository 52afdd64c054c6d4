from django.urls import include, path

from . import api_feeds

urlpatterns = [
    path("events/<uuid:uuid>/ics/", api_feeds.EventICalendar.as_view(), name="api-event-ics"),
    path("event-feeds/network/<uuid:uuid>/", api_feeds.NetworkFeed.as_view(), name="api-event-feed-network"),
    path("event-feeds/region/<str:code>/", api_feeds.RegionFeed.as_view(), name="api-event-feed-region"),
    path("event-feeds/person/<str:token>/", api_feeds.PersonFeed.as_view(), name="api-event-feed-person"),
    path("", include("verkosto.events.api_events_urls")),
]
