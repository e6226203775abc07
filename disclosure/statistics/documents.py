"""Which documents count, and their effective 统计类别 and 文件类型 as SQL expressions.

What counts (one rule for every figure):

- a document counts once it has gone public: it is live, or it was unpublished by its
  scheduled expiry (Wagtail's ``publish_scheduled`` sets ``expired=True``; a page copied
  from an expired one has no ``first_published_at`` and does not count);
- drafts, documents scheduled to go live later, and documents an editor unpublished
  (``live=False, expired=False``) or deleted do not count;
- a document made 废止 or 失效 stays live and keeps counting in the year of its 发布日期,
  so a closed year does not change because time passed;
- documents with a view restriction (password, login, groups) count by default: they
  were published in the disclosure section. ``DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED =
  False`` leaves them out.

The 统计类别 and 文件类型 inherited from columns are resolved inside the query (a ``CASE``
over the few columns that set a default, deepest first), so no figure needs a Python loop
over documents.
"""

from dataclasses import dataclass

from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from wagtail.models import PageViewRestriction

from ..conf import get_setting


@dataclass(frozen=True)
class ColumnDefaults:
    """The columns' default category and document type, deepest column first."""

    categories: list[tuple[str, int]]
    document_types: list[tuple[str, str]]

    @classmethod
    def load(cls) -> "ColumnDefaults":
        from ..models import DisclosureColumnPage

        rows = (
            DisclosureColumnPage.objects.filter(
                Q(default_report_category__isnull=False) | ~Q(default_document_type="")
            )
            .order_by("-depth", "path")
            .values_list("path", "default_report_category_id", "default_document_type")
        )
        rows = list(rows)
        return cls(
            categories=[(path, cat) for path, cat, _type in rows if cat is not None],
            document_types=[(path, doc_type) for path, _cat, doc_type in rows if doc_type],
        )


def counted_documents(unit=None) -> QuerySet:
    """Every document that counts in the statistics (any date), optionally of one unit."""
    from ..models import DisclosureDocumentPage

    documents = DisclosureDocumentPage.objects.filter(
        Q(live=True) | Q(expired=True, first_published_at__isnull=False),
        publish_date__isnull=False,
    )
    if not get_setting("DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED"):
        restricted = PageViewRestriction.objects.filter(
            page__path=_path_prefix_of(OuterRef("path"))
        )
        documents = documents.exclude(Exists(restricted))
    if unit is not None:
        documents = documents.filter(unit=unit)
    return documents.order_by()


def _path_prefix_of(outer_path):
    # A restriction applies to its page and every page below: the restricted page's path is a
    # prefix of the document's path. Expressed as "document path starts with page path".
    from django.db.models.functions import Left, Length

    return Left(outer_path, Length("page__path"))


def category_expression(defaults: ColumnDefaults, fallback_id: int | None):
    """The effective 统计类别 id: own, else the nearest column's default, else the fallback."""
    whens = [When(report_category__isnull=False, then=F("report_category_id"))]
    whens += [When(path__startswith=path, then=Value(cat)) for path, cat in defaults.categories]
    return Case(*whens, default=Value(fallback_id), output_field=BigIntegerField())


def document_type_expression(defaults: ColumnDefaults):
    """The effective 文件类型: own, else the nearest column's default, else 其他."""
    from ..models import DocumentType

    whens = [When(~Q(document_type=""), then=F("document_type"))]
    whens += [
        When(path__startswith=path, then=Value(doc_type))
        for path, doc_type in defaults.document_types
    ]
    return Case(*whens, default=Value(DocumentType.OTHER.value), output_field=CharField())
