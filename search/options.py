"""The choices of the search form's selects, each with its facet count for the current query.

Built here rather than in the template: the column and topic selects hold a few hundred
options, and a template loop costs about 20 ms for them on every search.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool
    count: int | None = None  # None: no search yet, or the "all" choice


def model_options(objects, label, chosen, counts: dict | None) -> list[Option]:
    """One option per object: ``label(object)`` as text, ``counts`` by pk (None: no counts)."""
    chosen_pk = getattr(chosen, "pk", None)
    return [
        Option(
            value=str(obj.pk),
            label=label(obj),
            selected=obj.pk == chosen_pk,
            count=None if counts is None else counts.get(obj.pk, 0),
        )
        for obj in objects
    ]


def choice_options(choices, chosen, counts: dict | None) -> list[Option]:
    """One option per (value, label) choice; the empty "all" choice has no count."""
    return [
        Option(
            value=str(value),
            label=str(label),
            selected=value == (chosen or ""),
            count=None if counts is None or not value else counts.get(value, 0),
        )
        for value, label in choices
    ]


def search_form_options(
    values: dict, form, facets: dict | None, units: QuerySet, topics: QuerySet
) -> dict[str, list[Option]]:
    """The options of every select of the search form; ``facets`` None before a search."""

    def counts(name: str) -> dict | None:
        return None if facets is None else facets.get(name, {})

    options = {
        "column": model_options(
            values["columns"], lambda c: c.title, values.get("column"), counts("column")
        ),
        "unit": model_options(units, lambda u: u.name, values.get("unit"), counts("unit")),
        "topic": model_options(
            topics, lambda t: t.display_name, values.get("topic"), counts("topic")
        ),
        "category": model_options(
            values["categories"], lambda c: c.name, values.get("category"), counts("category")
        ),
        "validity": choice_options(
            form.fields["validity"].choices, values.get("validity"), counts("validity")
        ),
        "interpretation": choice_options(
            form.fields["interpretation"].choices, values.get("interpretation"), None
        ),
        "sort": choice_options(form.fields["sort"].choices, values.get("sort"), None),
    }
    if "file_type" in form.fields:
        options["file_type"] = choice_options(
            form.fields["file_type"].choices, values.get("file_type"), counts("file_type")
        )
    return options
