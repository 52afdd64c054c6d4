"""/api/v1/events/ and /api/v1/events/{uuid}/."""

from rest_framework.routers import SimpleRouter

from . import api_events

router = SimpleRouter()
router.register("events", api_events.EventViewSet, basename="event")

urlpatterns = router.urls
