"""Attendance, walk-ins, feedback and the reach report (names in the "events" namespace)."""

from django.urls import path

from . import views_attendance as views

urlpatterns = [
    path("<uuid:event>/attendance/", views.attendance, name="attendance"),
    path("<uuid:event>/attendance/walk-in/", views.walk_in, name="walk_in"),
    path("<uuid:event>/feedback/", views.feedback_summary, name="feedback_summary"),
    path("<uuid:event>/feedback/request/", views.feedback_request, name="feedback_request"),
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("reach/", views.reach, name="reach"),
    path("reach/reach.csv", views.reach_csv, name="reach_csv"),
]
