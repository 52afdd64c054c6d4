"""/signals/themes/: the list of themes, one theme, and the coordinators' edits."""

from django.urls import path

from . import views_themes as views

urlpatterns = [
    path("", views.theme_list, name="theme_list"),
    path("recompute/", views.theme_recompute, name="theme_recompute"),
    path("<uuid:theme_uuid>/", views.theme_detail, name="theme_detail"),
    path("<uuid:theme_uuid>/edit/", views.theme_edit, name="theme_edit"),
    path("<uuid:theme_uuid>/publish/", views.theme_publish, name="theme_publish"),
    path("<uuid:theme_uuid>/merge/", views.theme_merge, name="theme_merge"),
    path("<uuid:theme_uuid>/split/", views.theme_split, name="theme_split"),
    path("<uuid:theme_uuid>/move/<uuid:signal_uuid>/", views.signal_move, name="signal_move"),
]
