from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("regions/<str:code>/", views.region_detail, name="region"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/history/", views.organisation_history, name="organisation_history"),
    path("organisations/<int:organisation_pk>/services/new/", views.service_create, name="service_create"),
    path("organisations/<int:organisation_pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("services/<int:pk>/", views.service_detail, name="service"),
    path("services/<int:pk>/edit/", views.service_edit, name="service_edit"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
]
