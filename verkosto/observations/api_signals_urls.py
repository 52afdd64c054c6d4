"""API urls of signals."""

urlpatterns: list = []
