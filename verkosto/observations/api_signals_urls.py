"""The signals' API routes, mounted at /api/v1/ by observations/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import api_signals

router = SimpleRouter()
router.register("signals", api_signals.SignalViewSet, basename="signal")

urlpatterns = router.urls
