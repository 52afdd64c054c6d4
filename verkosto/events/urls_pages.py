"""The event pages: list, create, detail, edit, status actions, programme and questions."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("<uuid:event>/", views.event_detail, name="detail"),
    path("<uuid:event>/edit/", views.event_edit, name="edit"),
    path("<uuid:event>/status/", views.event_status, name="status"),
    path("<uuid:event>/programme/", views.programme, name="programme"),
    path("<uuid:event>/programme/edit/", views.programme_edit, name="programme_edit"),
    path("<uuid:event>/questions/", views.questions, name="questions"),
]
