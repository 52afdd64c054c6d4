"""/api/v1/networks/ with each network's memberships and peer groups."""

from rest_framework.routers import SimpleRouter

from . import api_pages

router = SimpleRouter()
router.register("networks", api_pages.NetworkViewSet, basename="network")

urlpatterns = router.urls
