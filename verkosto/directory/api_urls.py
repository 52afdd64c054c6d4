"""The directory's REST API routes, mounted at /api/v1/ by verkosto/api/urls.py."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("regions", api.RegionViewSet, basename="region")
router.register("municipalities", api.MunicipalityViewSet, basename="municipality")
router.register("target-groups", api.TargetGroupViewSet, basename="target-group")
router.register("ways-of-working", api.WayOfWorkingViewSet, basename="way-of-working")
router.register("languages", api.LanguageViewSet, basename="language")
router.register("organisations", api.OrganisationViewSet, basename="organisation")
router.register("services", api.ServiceViewSet, basename="service")
router.register("contacts", api.ContactViewSet, basename="contact")

urlpatterns = router.urls
