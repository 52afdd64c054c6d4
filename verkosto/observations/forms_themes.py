"""Forms of the theme pages. They parse and validate fields; whether the change is allowed (scope,
language, permission) is for the services in themes.py to decide, and their errors are shown next
to these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkosto.core.models import Region

from . import theme_selectors
from .models import Signal, TextLanguage, Theme


def _label(field: str) -> str:
    return capfirst(str(Theme._meta.get_field(field).verbose_name))  # type: ignore[union-attr]


class ThemeFilterForm(forms.Form):
    scope = forms.ChoiceField(label=_("Level"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the signals"),
        required=False,
        choices=[("", pgettext_lazy("languages", "All"))]
        + [(v, capfirst(n)) for v, n in TextLanguage.choices],
    )
    status = forms.ChoiceField(
        label=_label("status"),
        required=False,
        choices=[("", _("Active and dormant"))] + [(v, capfirst(n)) for v, n in Theme.Status.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = [  # type: ignore[attr-defined]
            ("", _("National and regional")),
            ("national", _("National themes")),
        ] + [(region.code, region.name) for region in Region.objects.order_by("code")]


class ThemeEditForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the theme"),
        max_length=150,
        required=False,
        help_text=_(
            "Leave empty to use the theme's keywords as its name. A name you give stays after recomputation."
        ),
    )
    summary = forms.CharField(
        label=_label("summary"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class ThemeMergeForm(forms.Form):
    target: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Theme.objects.none(),
        to_field_name="uuid",
        help_text=_(
            "The signals of this theme move to the chosen theme; this theme is kept in the history as merged."
        ),
    )

    def __init__(self, *args: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        field.queryset = theme_selectors.merge_targets(theme)  # type: ignore[attr-defined]
        field.label_from_instance = _theme_choice  # type: ignore[attr-defined]


def _theme_choice(theme: Theme) -> str:
    return f"{theme.label} ({theme.signal_count})"


class ThemeSplitForm(forms.Form):
    signal_ids = forms.TypedMultipleChoiceField(
        label=_("Signals for the new theme"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The chosen signals stay in the new theme when themes are recomputed."),
    )
    label = forms.CharField(label=_("Name of the new theme"), max_length=150)

    def __init__(self, *args: Any, theme: Theme, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signal_ids"].choices = [  # type: ignore[attr-defined]
            (signal.pk, f"{signal.observed_on:%d.%m.%Y}: {signal.text[:160]}")
            for signal in theme_selectors.splittable_signals(user=user, theme=theme)
        ]


NO_THEME = "none"


class SignalMoveForm(forms.Form):
    """Where to move a signal: another theme of the same scope and language, or no theme. Nothing
    is chosen at first, so that pressing "Move" by mistake changes nothing."""

    theme = forms.ChoiceField(
        label=_("Move to theme"),
        help_text=_("The signal stays where you put it when themes are recomputed."),
        error_messages={"required": _("Choose where to move the signal.")},
    )

    def __init__(self, *args: Any, theme: Theme, signal: Signal | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.targets = {str(t.uuid): t for t in theme_selectors.merge_targets(theme)}
        self.fields["theme"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a theme")),
            (NO_THEME, _("(no theme)")),
            *((key, _theme_choice(t)) for key, t in self.targets.items()),
        ]

    def clean_theme(self) -> Theme | None:
        value = self.cleaned_data["theme"]
        return None if value == NO_THEME else self.targets[value]
