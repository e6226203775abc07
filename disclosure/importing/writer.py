"""Write validated rows as live document pages, in bulk.

Creating pages one ``add_child`` at a time costs dozens of queries each. Here, per batch:
treebeard paths are computed per parent column (``MP_Node``: parent path + a base-36 step of
``Page.steplen`` characters), the ``wagtailcore_page`` rows are bulk-inserted, then the rows of
the ``DisclosureDocumentPage`` table (multi-table inheritance, which ``bulk_create`` refuses,
so they go through the model manager's ``_insert`` with ``page_ptr_id`` set), then one
revision each (``live_revision``/``latest_revision`` set), one audit-log entry each
(``disclosure.import``), the database search index (``add_bulk``; Elasticsearch after the
commit: ``search_updates``) and the reference index. Numbers of
children of the parent columns and 索引号 sequences are updated at the end. The caller runs it
all inside one transaction.
"""

import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, Max, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from .. import search_updates
from ..index_numbers import format_index_number
from ..models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    IndexNumberSequence,
)
from .validation import RowPlan

IMPORT_ACTION = "disclosure.import"
PLACEHOLDER_PREFIX = "TMP"


def placeholder_codes(count: int) -> list[str]:
    """Codes for units created by an import: ``TMP`` + 8 digits, 11 characters.

    Eleven characters are neither a credit code (18) nor an organisation code (9), so the
    code fails ``validate_unit_code`` on purpose: the unit cannot be saved in the admin until
    the webmaster enters the real code.
    """
    used = DisclosureUnit.objects.filter(code__startswith=PLACEHOLDER_PREFIX).values_list(
        "code", flat=True
    )
    start = max((int(c[3:]) for c in used if c[3:].isdigit()), default=0) + 1
    return [f"{PLACEHOLDER_PREFIX}{n:08d}" for n in range(start, start + count)]


class CatalogWriter:
    def __init__(self, index: Page, *, user=None, source: str = ""):
        self.index = index
        self.user = user
        self.source = source
        self.now = timezone.now()
        self.batch_uuid = uuid.uuid4()
        self.page_type = ContentType.objects.get_for_model(Page)
        self.document_type = ContentType.objects.get_for_model(DisclosureDocumentPage)
        self.columns: dict[tuple[str, ...], Page] = {}
        self.created_columns: list[str] = []
        self.created_units: list[DisclosureUnit] = []
        self.unit_ids: dict[str, int] = {}
        self.unit_codes = dict(DisclosureUnit.objects.values_list("pk", "code"))
        self.next_step: dict[int, int] = {}
        self.added_children: dict[int, int] = defaultdict(int)
        self.slugs: dict[int, set[str]] = {}
        self.sequences: dict[tuple[int, int], IndexNumberSequence] = {}
        self.taken: set[str] = set()
        self.allocated = 0
        self.kept = 0
        self.written = 0
        # the database index in this transaction; Elasticsearch after the commit
        self.backends = search_updates.transactional_backends()
        self.index_references = ReferenceIndex.is_indexed(DisclosureDocumentPage)
        self.child_relations = get_all_child_relations(DisclosureDocumentPage)

    # --- preparation ---------------------------------------------------------------------

    def prepare(self, validator) -> None:
        """Create the units and columns the rows need; remember the 索引号 that are taken."""
        names = sorted(validator.new_units, key=validator.new_units.get)
        for name, code in zip(names, placeholder_codes(len(names)), strict=True):
            unit = DisclosureUnit.objects.create(
                name=name, code=code, kind=DisclosureUnit.Kind.DEPARTMENT
            )
            self.created_units.append(unit)
            self.unit_ids[name] = unit.pk
            self.unit_codes[unit.pk] = unit.code
        self.column_ids = dict(validator.columns)
        for path in sorted(validator.new_columns, key=len):
            parent = self._column(path[:-1]) if len(path) > 1 else self.index
            # a name of symbols only (×) slugifies to nothing, which Wagtail refuses
            slug = slugify(path[-1], allow_unicode=True)[:200] or f"column-{uuid.uuid4().hex[:8]}"
            column = DisclosureColumnPage(title=path[-1], slug=slug, owner=self.user)
            parent.add_child(instance=column)
            column.save_revision(user=self.user).publish(user=self.user)
            self.column_ids[path] = column.pk
            self.created_columns.append("/".join(path))
        self.taken = validator.existing_index_numbers | set(validator.file_index_numbers)

    def _column(self, path: tuple[str, ...]) -> Page:
        if path not in self.columns:
            self.columns[path] = Page.objects.get(pk=self.column_ids[path])
        return self.columns[path]

    # --- tree ----------------------------------------------------------------------------

    def _children(self, parent: Page):
        return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)

    def _next_path(self, parent: Page) -> str:
        if parent.pk not in self.next_step:
            last = self._children(parent).aggregate(last=Max("path"))["last"]
            self.next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) if last else 0
            self.slugs[parent.pk] = set(self._children(parent).values_list("slug", flat=True))
        self.next_step[parent.pk] += 1
        self.added_children[parent.pk] += 1
        return Page._get_path(parent.path, parent.depth + 1, self.next_step[parent.pk])

    def _slug(self, parent: Page, index_no: str) -> str:
        base = slugify(index_no)[:240] or "document"
        slug, n = base, 1
        while slug in self.slugs[parent.pk]:
            n += 1
            slug = f"{base}-{n}"
        self.slugs[parent.pk].add(slug)
        return slug

    # --- 索引号 ---------------------------------------------------------------------------

    def _allocate(self, unit_id: int, year: int) -> str:
        key = (unit_id, year)
        if key not in self.sequences:
            self.sequences[key], _ = IndexNumberSequence.objects.select_for_update().get_or_create(
                unit_id=unit_id, year=year
            )
        sequence = self.sequences[key]
        while True:
            sequence.last_serial += 1
            number = format_index_number(self.unit_codes[unit_id], year, sequence.last_serial)
            if number not in self.taken:
                self.taken.add(number)
                return number

    # --- rows ----------------------------------------------------------------------------

    def write_batch(self, plans: list[RowPlan]) -> None:
        documents = [self._document(plan) for plan in plans]
        pages = [
            Page(**{f.attname: getattr(d, f.attname) for f in Page._meta.concrete_fields})
            for d in documents
        ]
        Page.objects.bulk_create(pages)
        for document, page in zip(documents, pages, strict=True):
            document.id = document.page_ptr_id = page.pk
        self._insert_specific(documents)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=self.document_type.pk,
                    base_content_type_id=self.page_type.pk,
                    object_id=str(d.pk),
                    created_at=self.now,
                    user=self.user,
                    content=d.serializable_data(),
                    object_str=d.title,
                )
                for d in documents
            ]
        )
        for document, revision in zip(documents, revisions, strict=True):
            document.live_revision_id = document.latest_revision_id = revision.pk
        # One UPDATE per batch: each page points at its (only) revision.
        revision = Revision.objects.filter(
            base_content_type_id=self.page_type.pk,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        ).order_by("-pk")
        Page.objects.filter(pk__in=[d.pk for d in documents]).update(
            live_revision_id=Subquery(revision.values("pk")[:1]),
            latest_revision_id=Subquery(revision.values("pk")[:1]),
        )
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type_id=self.document_type.pk,
                    label=d.title,
                    action=IMPORT_ACTION,
                    data={"source": self.source, "row": plan.row, "index_no": d.index_no},
                    timestamp=self.now,
                    uuid=self.batch_uuid,
                    user=self.user,
                    revision_id=d.live_revision_id,
                    page_id=d.pk,
                    content_changed=True,
                )
                for d, plan in zip(documents, plans, strict=True)
            ]
        )
        for backend in self.backends:
            backend.add_bulk(DisclosureDocumentPage, documents)
        search_updates.index_after_commit(DisclosureDocumentPage, [d.pk for d in documents])
        if self.index_references:
            self._index_references(documents)
        self.written += len(documents)

    def _document(self, plan: RowPlan) -> DisclosureDocumentPage:
        parent = self._column(plan.column_path)
        unit_id = plan.unit_id or self.unit_ids[plan.new_unit]
        if plan.index_no:
            index_no = plan.index_no
            self.kept += 1
        else:
            year = timezone.localtime(plan.publish_date).year
            index_no = self._allocate(unit_id, year)
            self.allocated += 1
        path = self._next_path(parent)
        slug = self._slug(parent, index_no)
        document = DisclosureDocumentPage(
            title=plan.title,
            draft_title=plan.title,
            slug=slug,
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type_id=self.document_type.pk,
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=plan.publish_date,
            last_published_at=plan.publish_date,
            latest_revision_created_at=self.now,
            owner=self.user,
            index_no=index_no,
            unit_id=unit_id,
            doc_number=plan.doc_number,
            written_date=plan.written_date,
            publish_date=plan.publish_date,
            topic_id=plan.topic_id,
            genre=plan.genre,
            validity=plan.validity,
            repeal_date=plan.repeal_date,
            report_category_id=plan.report_category_id,
            keywords=plan.keywords,
            summary=plan.summary,
            body=plan.body,
        )
        # A new page has no attachments or comments: say so, so that serialising the
        # revision and extracting references do not query for them.
        for relation in self.child_relations:
            setattr(document, relation.get_accessor_name(), [])
        return document

    def _index_references(self, documents: list[DisclosureDocumentPage]) -> None:
        """What ``ReferenceIndex.create_or_update_for_object`` records, in one bulk insert.

        The documents are new, so there is nothing to update or delete: the references are
        extracted with Wagtail's own extractor and inserted for the whole batch at once.
        """
        content_type = self.document_type
        rows = [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=self.page_type,
                object_id=document.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for document in documents
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(document)
            )
        ]
        ReferenceIndex.objects.bulk_create(rows, batch_size=500)

    def _insert_specific(self, documents: list[DisclosureDocumentPage]) -> None:
        """Insert the rows of the page type's own table (``page_ptr_id`` already set)."""
        fields = DisclosureDocumentPage._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, documents) or len(documents)
        for start in range(0, len(documents), size):
            DisclosureDocumentPage._base_manager._insert(
                documents[start : start + size], fields=fields, using=connection.alias
            )

    # --- end -----------------------------------------------------------------------------

    def finish(self) -> None:
        for parent_id, count in self.added_children.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        for sequence in self.sequences.values():
            sequence.save(update_fields=["last_serial"])
