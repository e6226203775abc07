from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def select_options(options) -> str:
    """The ``<option>`` elements of a list of ``search.options.Option``."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}{}</option>',
        (
            (
                option.value,
                mark_safe(" selected") if option.selected else "",  # noqa: S308 - a constant
                option.label,
                "" if option.count is None else f" ({option.count})",
            )
            for option in options
        ),
    )


@register.simple_tag
def page_url(query_string: str, number: int) -> str:
    return f"?{query_string}&page={number}" if query_string else f"?page={number}"
