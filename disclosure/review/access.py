"""Who acts on a review task for a document: the people of the document's unit in the
task's role (``disclosure.unit_access``), and the webmasters for every unit."""

from __future__ import annotations

from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from disclosure.unit_access import acts_for_unit, is_webmaster, user_units


def unit_id_of(obj) -> int | None:
    """The unit of the content under review: the latest revision's (a draft may move a
    document to another unit; that unit's people review it), else the row's."""
    cached = getattr(obj, "_review_unit_id", False)
    if cached is not False:
        return cached
    revision = getattr(obj, "latest_revision", None)
    content = revision.content if revision is not None else {}
    unit_id = content.get("unit") if "unit" in content else getattr(obj, "unit_id", None)
    obj._review_unit_id = unit_id
    return unit_id


def may_act(user, obj, role: str) -> bool:
    """Whether ``user`` may act on a task in ``role`` for ``obj`` (pages without a unit:
    webmasters only)."""
    if is_webmaster(user):
        return True
    unit_id = unit_id_of(obj)
    if unit_id is None or not getattr(user, "is_authenticated", False):
        return False
    # Wagtail asks several times a request (menus, locks, side panel): ask the database once.
    checks = user.__dict__.setdefault("_review_acts", {})
    key = (unit_id, role)
    if key not in checks:
        checks[key] = acts_for_unit(user, unit_id, role)
    return checks[key]


def documents_of_units(units) -> QuerySet:
    """The ids of the documents of ``units`` as text, as workflow states hold them."""
    from disclosure.models import DisclosureDocumentPage

    return (
        DisclosureDocumentPage.objects.filter(unit__in=units)
        .annotate(text_id=Cast("pk", output_field=CharField()))
        .values("text_id")
    )


def states_for_user(states: QuerySet, user, role: str) -> QuerySet:
    """The task states among ``states`` whose document ``user`` acts for in ``role``."""
    if is_webmaster(user):
        return states
    return states.filter(workflow_state__object_id__in=documents_of_units(user_units(user, role)))
