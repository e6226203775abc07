"""Template filters for the plugin's overrides of Wagtail admin templates."""

from __future__ import annotations

from django import template
from django.apps import apps

from ..permissions.admin_hooks import may_create_type

register = template.Library()


@register.filter
def creatable_by(page_types: list[tuple], user) -> list[tuple]:
    """Wagtail's "add a page here" choices (verbose name, app label, model name,
    description) without the types ``user`` may not create: a unit's people are not
    offered 栏目 they would be refused."""
    return [
        page_type
        for page_type in page_types
        if may_create_type(user, apps.get_model(page_type[1], page_type[2]))
    ]
