"""API urls of themes."""

urlpatterns: list = []
