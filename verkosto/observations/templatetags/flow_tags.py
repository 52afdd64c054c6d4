"""`{% theme_flow theme as flow %}`: what the theme page shows of the flow of knowledge (comments,
escalations, bulletins made from the theme) for the user of the request. Used by
observations/flow/theme_actions.html, which the theme page includes."""

from __future__ import annotations

from typing import Any

from django import template

from verkosto.observations import flow
from verkosto.observations.forms_flow import ThemeCommentForm

register = template.Library()


@register.simple_tag(takes_context=True)
def theme_flow(context: Any, theme: Any) -> flow.ThemeFlow:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    result = flow.theme_flow_for(user=user, theme=theme)
    if result.can_comment:
        # A form with errors (the comment page, an htmx answer) comes in the context.
        result.comment_form = context.get("comment_form") or ThemeCommentForm()
    return result
