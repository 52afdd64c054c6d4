"""Calendars: the month view, the person's feed address, and the iCalendar files. The literal
prefixes (calendar/, feeds/) cannot be taken for an event's UUID."""

from django.urls import path

from . import views_calendar as views

urlpatterns = [
    path("calendar/", views.month, name="month"),
    path("calendar/<int:year>/<int:month>/", views.month, name="month"),
    path("calendar/mine/", views.my_calendar, name="my_calendar"),
    path("<uuid:event>/event.ics", views.event_ics, name="event_ics"),
    path("feeds/network/<uuid:network>.ics", views.network_feed, name="network_feed"),
    path("feeds/region/<str:code>.ics", views.region_feed, name="region_feed"),
    path("feeds/person/<str:token>.ics", views.person_feed, name="person_feed"),
]
