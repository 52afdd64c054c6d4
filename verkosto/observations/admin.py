"""A read-only look at signals, themes and their runs. They are changed through the signal and
theme pages, whose services scrub texts, check permissions and write the audit log."""

from django.contrib import admin

from verkosto.core.admin import ReadOnlyAdminMixin

from .models import Escalation, KeywordCount, Signal, Tag, Theme, ThemeComment, ThemeRun


@admin.register(Signal)
class SignalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "observed_on", "municipality", "region", "language", "entry", "theme"]
    list_filter = ["region", "language", "entry", "spread", "source", "is_demo"]
    date_hierarchy = "observed_on"
    list_select_related = ["municipality", "region", "theme"]
    # The author is left out: who filed a signal is not needed to look at the data.
    exclude = ["author"]


@admin.register(Theme)
class ThemeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["label", "region", "language", "status", "signal_count", "is_published"]
    list_filter = ["region", "language", "status", "is_published"]
    list_select_related = ["region"]


@admin.register(ThemeRun)
class ThemeRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "signal_count", "theme_count", "started_at", "finished_at"]
    list_filter = ["status", "language"]
    exclude = ["model"]


@admin.register(ThemeComment)
class ThemeCommentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "theme", "created_at"]
    list_select_related = ["theme"]


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status", "region"]
    list_select_related = ["theme", "region"]


@admin.register(Tag)
class TagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(KeywordCount)
class KeywordCountAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["term", "language", "region", "month", "tf", "df"]
    list_filter = ["language", "region"]
