from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Event, Registration


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ("title", "kind", "starts_at", "status", "attending_count", "waiting_count")
    list_filter = ("kind", "status", "regions")
    search_fields = ("title_fi", "title_sv", "title_en")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("name", "event", "status", "attended")
    list_filter = ("status",)
    raw_id_fields = ("event", "user", "organisation")
