"""Discussion pages, mounted at /networks/ in the "networks" namespace."""

from django.urls import path

from . import views_discussions as views

urlpatterns = [
    path("<int:network_pk>/threads/", views.thread_list, name="thread_list"),
    path("<int:network_pk>/threads/new/", views.thread_new, name="thread_new"),
    path("peer-groups/<int:group_pk>/threads/", views.peer_group_thread_list, name="peer_group_thread_list"),
    path(
        "peer-groups/<int:group_pk>/threads/new/", views.peer_group_thread_new, name="peer_group_thread_new"
    ),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/reply/", views.thread_reply, name="thread_reply"),
    path("threads/<int:pk>/follow/", views.thread_follow, name="thread_follow"),
]
