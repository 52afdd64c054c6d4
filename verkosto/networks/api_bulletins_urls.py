"""The bulletins' API routes, mounted at /api/v1/ by networks/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import api_bulletins

router = SimpleRouter()
router.register("bulletins", api_bulletins.BulletinViewSet, basename="bulletin")

urlpatterns = router.urls
