"""Pages of radar (see views_radar)."""

urlpatterns: list = []
