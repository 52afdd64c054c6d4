"""The work log and coverage pages, mounted at /networks/ in the "networks" namespace."""

from django.urls import path

from . import views_worklog as views

urlpatterns = [
    path("worklog/", views.worklog_list, name="worklog"),
    path("worklog/new/", views.worklog_new, name="worklog_new"),
    path("<int:network_pk>/coverage/", views.coverage, name="coverage"),
]
