"""Which documents count, and their effective 统计类别 and 文件类型 as SQL expressions.

What counts (one rule for every figure):

- a document counts once it has gone public: it is live, or it was unpublished by its
  scheduled expiry (Wagtail's ``publish_scheduled`` sets ``expired=True``; a page copied
  from an expired one has no ``first_published_at`` and does not count);
- drafts, documents scheduled to go live later, and documents an editor unpublished
  (``live=False, expired=False``) or deleted do not count;
- a document made 废止 or 失效 stays live and keeps counting in the year of its 发布日期,
  so a closed year does not change because time passed;
- what the public never saw does not count: a document with a view restriction (password,
  login, groups) on itself or an ancestor (``DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED =
  True`` counts those too), and a document below a column that is offline without having
  expired on schedule (never published, or withdrawn by an editor:
  ``visibility.withdrawn_branch_paths``). Below a column that expired on schedule,
  documents were public and keep counting.

The 统计类别 and 文件类型 inherited from columns are resolved per column, not per document:
the queries group documents by their parent column (and own value), and ``ColumnDefaults``
maps each group, so no figure loops over documents in Python.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from ..conf import get_setting
from ..visibility import below_any_q, withdrawn_branch_paths


@dataclass(frozen=True)
class ColumnDefaults:
    """The columns' default category and document type, deepest column first."""

    categories: list[tuple[str, int]]
    document_types: list[tuple[str, str]]

    @classmethod
    def load(cls) -> "ColumnDefaults":
        from ..models import DisclosureColumnPage

        rows = (
            DisclosureColumnPage.objects.type(DisclosureColumnPage)
            .filter(Q(default_report_category__isnull=False) | ~Q(default_document_type=""))
            .order_by("-depth", "path")
            .values_list("path", "default_report_category_id", "default_document_type")
        )
        rows = list(rows)
        return cls(
            categories=[(path, cat) for path, cat, _type in rows if cat is not None],
            document_types=[(path, doc_type) for path, _cat, doc_type in rows if doc_type],
        )

    def category_for(self, path: str, own: int | None, fallback: int | None) -> int | None:
        """The effective 统计类别 of a document below ``path`` whose own category is ``own``."""
        if own is not None:
            return own
        return next((cat for prefix, cat in self.categories if path.startswith(prefix)), fallback)

    def document_type_for(self, path: str, own: str) -> str:
        """The effective 文件类型 of a document below ``path`` whose own type is ``own``."""
        from ..models import DocumentType

        if own:
            return own
        return next(
            (t for prefix, t in self.document_types if path.startswith(prefix)),
            DocumentType.OTHER.value,
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
    if withdrawn := withdrawn_branch_paths():
        documents = documents.exclude(below_any_q(withdrawn))
    if unit is not None:
        documents = documents.filter(unit=unit)
    return documents.order_by()


def _path_prefix_of(outer_path):
    # A restriction applies to its page and every page below: the restricted page's path is a
    # prefix of the document's path. Expressed as "document path starts with page path".
    from django.db.models.functions import Left

    return Left(outer_path, Length("page__path"))


def parent_path():
    """The parent page's path (a document's column), as an SQL expression."""
    return Substr("path", 1, Length("path") - Page.steplen)
