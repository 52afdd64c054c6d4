"""Registration: the form, a registration's own page by its token, the participant list and
its CSV, and the logged-in person's registrations."""

from django.urls import path

from . import views_registration as views

urlpatterns = [
    path("<uuid:event>/register/", views.register, name="register"),
    path("registration/<str:token>/", views.registration_detail, name="registration"),
    path("<uuid:event>/participants/", views.participants, name="participants"),
    path("<uuid:event>/participants.csv", views.participants_csv, name="participants_csv"),
    path("mine/", views.mine, name="mine"),
]
