"""The radar of emerging themes (see views_radar)."""

from django.urls import path

from . import views_radar

urlpatterns = [
    path("", views_radar.radar_page, name="radar"),
]
