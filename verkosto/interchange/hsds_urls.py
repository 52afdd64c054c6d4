"""/api/v1/hsds/: the HSDS 3.0 publication (mounted by verkosto/api/urls.py, namespace api:hsds).

Paths follow the HSDS OpenAPI description. Lists end in a slash (Django adds a missing one with a
redirect); an object's path works with and without a trailing slash.
"""

from django.urls import path, register_converter

from . import hsds_views as views


class ObjectIdConverter:
    """An id segment, with an optional trailing slash; the view decides whether it is a UUID."""

    regex = r"[^/]+/?"

    def to_python(self, value: str) -> str:
        return value.rstrip("/")

    def to_url(self, value: object) -> str:
        return str(value)


register_converter(ObjectIdConverter, "hsdsid")

app_name = "hsds"

urlpatterns = [
    path("", views.HsdsRootView.as_view(), name="root"),
    path("services/", views.ServiceListView.as_view(), name="services"),
    path("services/<hsdsid:id>", views.ServiceDetailView.as_view(), name="service"),
    path("organizations/", views.OrganizationListView.as_view(), name="organizations"),
    path("organizations/<hsdsid:id>", views.OrganizationDetailView.as_view(), name="organization"),
    path("service_at_locations/", views.ServiceAtLocationListView.as_view(), name="service_at_locations"),
    path(
        "service_at_locations/<hsdsid:id>",
        views.ServiceAtLocationDetailView.as_view(),
        name="service_at_location",
    ),
    path("taxonomies/", views.TaxonomyListView.as_view(), name="taxonomies"),
    path("taxonomies/<hsdsid:id>", views.TaxonomyDetailView.as_view(), name="taxonomy"),
    path("taxonomy_terms/", views.TaxonomyTermListView.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<hsdsid:id>", views.TaxonomyTermDetailView.as_view(), name="taxonomy_term"),
]
