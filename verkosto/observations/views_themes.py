"""Theme pages: the list, one theme, and the coordinators' edits (name and summary, publish,
merge, split, move a signal, recompute). Views parse the request, call theme_selectors or
themes, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from verkosto.core.models import Region
from verkosto.core.views import form_view

from . import permissions, theme_selectors, themes
from .forms_themes import SignalMoveForm, ThemeEditForm, ThemeFilterForm, ThemeMergeForm, ThemeSplitForm
from .models import Theme

PAGE_SIZE = 30


def _theme_url(theme: Any) -> str:
    return reverse("observations:theme_detail", args=[theme.uuid])


def _editable(request: HttpRequest, theme_uuid: Any) -> Theme:
    theme = theme_selectors.theme_get_for_view(user=request.user, theme_uuid=theme_uuid)
    if not permissions.can_edit_theme(request.user, theme):
        raise PermissionDenied
    return theme


@login_required
def theme_list(request: HttpRequest) -> HttpResponse:
    form = ThemeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    scope = filters.get("scope", "")
    themes_found = theme_selectors.theme_list(
        user=request.user, scope=scope, language=filters.get("language", ""), status=filters.get("status", "")
    )
    page = Paginator(themes_found, PAGE_SIZE).get_page(request.GET.get("page"))
    region = Region.objects.filter(code=scope).first() if scope and scope != "national" else None
    can_recompute = bool(scope) and themes.can_edit_scope(request.user, region.pk if region else None)
    query = request.GET.copy()
    query.pop("page", None)
    template = (
        "observations/themes/partials/theme_list_results.html"
        if getattr(request, "htmx", False)
        else "observations/themes/list.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "scope": scope,
            "can_recompute": can_recompute,
            "runs": theme_selectors.last_runs(region_id=region.pk if region else None)
            if can_recompute
            else [],
        },
    )


@login_required
def theme_detail(request: HttpRequest, theme_uuid: Any) -> HttpResponse:
    theme = theme_selectors.theme_get_for_view(user=request.user, theme_uuid=theme_uuid)
    can_edit = permissions.can_edit_theme(request.user, theme)
    context: dict[str, Any] = {
        "theme": theme,
        "detail": theme_selectors.theme_detail(user=request.user, theme=theme),
        "can_edit": can_edit,
        "small_count": permissions.SMALL_COUNT,
    }
    if can_edit:
        context.update(
            edit_form=ThemeEditForm(initial={"label": theme.custom_label, "summary": theme.summary}),
            merge_form=ThemeMergeForm(theme=theme) if theme.status != Theme.Status.MERGED else None,
            move_choices=list(theme_selectors.merge_targets(theme)),
            runs=theme_selectors.last_runs(region_id=theme.region_id),
            scope=theme.region.code if theme.region else "national",
        )
    return render(request, "observations/themes/detail.html", context)


def _form_page(
    request: HttpRequest, theme: Theme, form: Any, *, title: str, save: Any, saved: str, intro: str = ""
) -> HttpResponse:
    return form_view(
        request,
        form,
        save=save,
        saved_message=saved,
        success_url=_theme_url,
        template="observations/themes/form.html",
        context={"theme": theme, "title": title, "intro": intro, "cancel_url": _theme_url(theme)},
    )


@login_required
def theme_edit(request: HttpRequest, theme_uuid: Any) -> HttpResponse:
    theme = _editable(request, theme_uuid)
    form = ThemeEditForm(
        request.POST or None, initial={"label": theme.custom_label, "summary": theme.summary}
    )
    return _form_page(
        request,
        theme,
        form,
        title=_("Name and summary"),
        save=lambda actor, label, summary: themes.theme_edit(
            actor=actor, theme=theme, label=label, summary=summary
        ),
        saved=_("The theme was saved."),
    )


@login_required
def theme_merge(request: HttpRequest, theme_uuid: Any) -> HttpResponse:
    theme = _editable(request, theme_uuid)
    form = ThemeMergeForm(request.POST or None, theme=theme)
    return _form_page(
        request,
        theme,
        form,
        title=_("Merge into another theme"),
        save=lambda actor, target: themes.theme_merge(actor=actor, source=theme, target=target),
        saved=_("The themes were merged."),
    )


@login_required
def theme_split(request: HttpRequest, theme_uuid: Any) -> HttpResponse:
    theme = _editable(request, theme_uuid)
    form = ThemeSplitForm(request.POST or None, theme=theme, user=request.user)
    return _form_page(
        request,
        theme,
        form,
        title=_("Split into a new theme"),
        intro=_("Choose the signals that form a theme of their own, and name the new theme."),
        save=lambda actor, signal_ids, label: themes.theme_split(
            actor=actor, theme=theme, signal_ids=signal_ids, label=label
        ),
        saved=_("The new theme was made."),
    )


@login_required
def signal_move(request: HttpRequest, theme_uuid: Any, signal_uuid: Any) -> HttpResponse:
    theme = _editable(request, theme_uuid)
    signal = theme_selectors.theme_signals_visible_to(request.user, theme).filter(uuid=signal_uuid).first()
    if signal is None:
        raise Http404
    form = SignalMoveForm(request.POST or None, theme=theme, signal=signal)
    regional = theme.region_id is not None

    origin = theme

    def save(actor: Any, theme: Theme | None) -> Theme:
        themes.signal_move(actor=actor, signal=signal, theme=theme, regional=regional)
        return origin  # back to the theme the signal was in

    return form_view(
        request,
        form,
        save=save,
        saved_message=_("The signal was moved."),
        success_url=_theme_url,
        template="observations/themes/form.html",
        context={
            "theme": theme,
            "title": _("Move a signal"),
            "intro": signal.text,
            "cancel_url": _theme_url(theme),
        },
    )


@login_required
@require_POST
def theme_publish(request: HttpRequest, theme_uuid: Any) -> HttpResponse:
    theme = _editable(request, theme_uuid)
    published = request.POST.get("published") == "1"
    try:
        themes.theme_publish(actor=request.user, theme=theme, published=published)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The theme was published.") if published else _("The theme is no longer published.")
        )
    return redirect(_theme_url(theme))


@login_required
@require_POST
def theme_recompute(request: HttpRequest) -> HttpResponse:
    scope = request.POST.get("scope", "")
    region = None
    if scope != "national":
        region = Region.objects.filter(code=scope).first()
        if region is None:
            raise Http404
    runs = themes.request_recompute(actor=request.user, region=region)
    messages.success(
        request,
        ngettext(
            "Recomputation requested (%(count)d language).",
            "Recomputation requested (%(count)d languages).",
            len(runs),
        )
        % {"count": len(runs)},
    )
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect(f"{reverse('observations:theme_list')}?scope={scope}")
