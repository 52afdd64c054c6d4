"""Pages of networks, their memberships and peer groups, under /networks/ (namespace "networks")."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.network_list, name="network_list"),
    path("new/", views.network_create, name="network_create"),
    path("<int:pk>/", views.network_detail, name="network"),
    path("<int:pk>/edit/", views.network_edit, name="network_edit"),
    path("<int:pk>/members/new/", views.membership_add, name="membership_add"),
    path("memberships/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("<int:pk>/peer-groups/new/", views.peer_group_create, name="peer_group_create"),
    path("peer-groups/<int:pk>/", views.peer_group_detail, name="peer_group"),
    path("peer-groups/<int:pk>/edit/", views.peer_group_edit, name="peer_group_edit"),
    path("peer-groups/<int:pk>/members/", views.peer_group_members, name="peer_group_members"),
]
