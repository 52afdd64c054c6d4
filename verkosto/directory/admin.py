"""Admin for the managed lists and a read-only look at organisations (used by role autocomplete).

Organisations, services and contacts are edited through the directory's own pages, whose services
check permissions and write the audit log."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from verkosto.core.admin import ReadOnlyAdminMixin

from .models import Language, Organisation, TargetGroup, WayOfWorking


@admin.register(TargetGroup, WayOfWorking)
class ManagedListAdmin(TranslationAdmin):
    list_display = ["slug", "name", "position"]


@admin.register(Language)
class LanguageAdmin(TranslationAdmin):
    list_display = ["code", "name", "position"]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "business_id", "is_published"]
    search_fields = ["name_fi", "name_sv", "business_id"]
    list_filter = ["kind", "is_published"]
