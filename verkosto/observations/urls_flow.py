"""Pages of the flow of knowledge (see views_flow), under /signals/."""

from django.urls import path

from . import views_flow as views

urlpatterns = [
    path("review/", views.review, name="review"),
    path("review/mark/", views.review_mark, name="review_mark"),
    path("review/signals.csv", views.review_csv, name="review_csv"),
    path("themes/<uuid:uuid>/flow/", views.theme_flow, name="theme_flow"),
    path("themes/<uuid:uuid>/comments/", views.theme_comment_add, name="theme_comment_add"),
    path("themes/<uuid:uuid>/escalate/", views.theme_escalate, name="theme_escalate"),
    path("themes/<uuid:uuid>/bulletin/", views.theme_bulletin, name="theme_bulletin"),
    path("escalations/", views.escalation_list, name="escalation_list"),
    path("escalations/<int:pk>/", views.escalation_detail, name="escalation_detail"),
]
