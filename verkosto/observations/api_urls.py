"""/api/v1/signals/ and /api/v1/themes/."""

urlpatterns: list = []
