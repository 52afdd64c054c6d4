"""Networking rounds of a networking day: the organiser's plan, the printable table plan and
cards, and a participant's declared contacts (through their registration link)."""

from django.urls import path

from . import views_networking

urlpatterns = [
    path("<uuid:event>/networking/", views_networking.networking, name="networking"),
    path("<uuid:event>/networking/tables/", views_networking.networking_tables, name="networking_tables"),
    path("<uuid:event>/networking/cards/", views_networking.networking_cards, name="networking_cards"),
    path("registration/<str:token>/known/", views_networking.known_people, name="known_people"),
]
