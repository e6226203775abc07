from django import template

register = template.Library()


@register.filter
def facet(counts: dict | None, key) -> int:
    """``{{ outcome.facets.unit|facet:unit.pk }}``: the count for one filter value, 0 if none."""
    return (counts or {}).get(key, 0)


@register.simple_tag
def page_url(query_string: str, number: int) -> str:
    return f"?{query_string}&page={number}" if query_string else f"?page={number}"
