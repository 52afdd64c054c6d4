"""/networks/bulletins/: the feed, one bulletin, a new one, marking read, the e-mail digest."""

from django.urls import path

from . import views_bulletins as views

urlpatterns = [
    path("", views.bulletin_feed, name="bulletin_feed"),
    path("<int:pk>/", views.bulletin_detail, name="bulletin"),
    path("new/", views.bulletin_new, name="bulletin_new"),
    path("read-all/", views.bulletin_mark_all_read, name="bulletin_mark_all_read"),
    path("digest/", views.digest_settings, name="digest_settings"),
]
