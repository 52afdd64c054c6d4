"""Pages of capture (see views_capture)."""

urlpatterns: list = []
