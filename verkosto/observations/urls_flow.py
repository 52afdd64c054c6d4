"""Pages of flow (see views_flow)."""

urlpatterns: list = []
