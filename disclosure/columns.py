"""The column taxonomy rule: at most three levels of columns below the disclosure index."""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.models import Page

from .conf import get_setting


def max_column_depth() -> int:
    return get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")


def nearest_index(page: Page) -> Page | None:
    """The disclosure index page at or above ``page`` (None outside a disclosure section)."""
    from .models import DisclosureIndexPage

    return (
        DisclosureIndexPage.objects.filter(path__in=_ancestor_paths(page, inclusive=True))
        .order_by("-depth")
        .first()
    )


def _ancestor_paths(page: Page, inclusive: bool) -> list[str]:
    steplen = Page.steplen
    last = page.depth if inclusive else page.depth - 1
    return [page.path[: steplen * depth] for depth in range(1, last + 1)]


def level_under(parent: Page) -> int | None:
    """The column level a new child of ``parent`` would have (1 = directly under the index)."""
    index = nearest_index(parent)
    if index is None:
        return None
    return parent.depth + 1 - index.depth


def subtree_height(column: Page) -> int:
    """How many levels ``column`` spans, counting its own (1 = no sub-columns)."""
    from .models import DisclosureColumnPage

    if not column.pk:
        return 1
    deepest = DisclosureColumnPage.objects.descendant_of(column).aggregate(d=Max("depth"))["d"]
    return 1 + (deepest - column.depth if deepest else 0)


def too_deep_error(parent: Page, height: int = 1) -> ValidationError | None:
    """The Chinese error for placing a column (of ``height`` levels) under ``parent``, if any."""
    level = level_under(parent)
    if level is None:
        return None
    deepest_level = level + height - 1
    limit = max_column_depth()
    if deepest_level <= limit:
        return None
    return ValidationError(
        _(
            "栏目最多 %(limit)d 级：放在“%(parent)s”下会出现第 %(level)d 级栏目。"
            "请改在更高一级的栏目下操作。"
        )
        % {"limit": limit, "parent": parent.title, "level": deepest_level},
        code="column_too_deep",
    )


def default_unit_for(parent: Page):
    """The default unit of ``parent`` or of the nearest column above it that sets one."""
    from .models import DisclosureColumnPage

    column = (
        DisclosureColumnPage.objects.filter(
            path__in=_ancestor_paths(parent, inclusive=True), default_unit__isnull=False
        )
        .select_related("default_unit")
        .order_by("-depth")
        .first()
    )
    return column.default_unit if column else None
