"""Filled in by the events API work."""

urlpatterns: list = []
