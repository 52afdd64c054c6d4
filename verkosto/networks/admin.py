"""A read-only look at networks, memberships and peer groups. They are changed through the network
pages, whose services check permissions and write the audit log."""

from django.contrib import admin

from verkosto.core.admin import ReadOnlyAdminMixin

from .models import Membership, Network, PeerGroup


class MembershipInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Membership
    fields = ["organisation", "joined_on", "left_on"]
    extra = 0


@admin.register(Network)
class NetworkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "language", "is_public", "coordinating_organisation"]
    list_filter = ["kind", "language", "is_public"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "network", "joined_on", "left_on"]
    list_filter = ["network"]
    search_fields = ["organisation__name_fi", "network__name_fi"]
    list_select_related = ["organisation", "network"]


@admin.register(PeerGroup)
class PeerGroupAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "network"]
    list_filter = ["network"]
    search_fields = ["name_fi", "name_sv", "network__name_fi"]
    list_select_related = ["network"]
