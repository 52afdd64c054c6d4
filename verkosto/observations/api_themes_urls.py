"""The themes' API routes, mounted at /api/v1/ by observations/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import api_themes

router = SimpleRouter()
router.register("themes", api_themes.ThemeViewSet, basename="theme")

urlpatterns = router.urls
