"""Filled in by the events work; see urls.py."""

urlpatterns: list = []
