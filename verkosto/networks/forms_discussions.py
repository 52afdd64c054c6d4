"""Forms for discussion threads. They parse and validate; saving goes through discussions.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))


class PostForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5}))
