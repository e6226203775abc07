"""What a catalogue import looks values up in, loaded once per import: the units (by
name, short name and code), the topics, categories, 体裁 and 有效性, the column tree below the
index (and which of its columns are public) and the 索引号 already in use."""

from wagtail.models import Page

from ..conf import get_setting
from ..models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureUnit,
    Genre,
    ReportCategory,
    Topic,
    Validity,
)
from ..validators import normalize_unit_code
from ..visibility import is_public, public_pages


class CatalogLookups:
    """The lookups of one import below ``index`` (a few queries, whatever the file's size)."""

    def __init__(
        self,
        index: Page,
        *,
        create_units: bool = False,
        unit: DisclosureUnit | None = None,
    ):
        self.index = index
        self.create_units = create_units
        self.fixed_unit = unit
        self.max_depth = get_setting("DISCLOSURE_MAX_COLUMN_DEPTH")
        self._load_units()
        self._load_taxonomy()
        self._load_columns()
        self.existing_index_numbers = set(
            DisclosureDocumentPage.objects.exclude(index_no__isnull=True).values_list(
                "index_no", flat=True
            )
        )

    def _load_units(self) -> None:
        self.units_by_name: dict[str, int] = {}
        self.units_by_code: dict[str, int] = {}
        short: dict[str, set[int]] = {}
        for pk, name, short_name, code in DisclosureUnit.objects.values_list(
            "pk", "name", "short_name", "code"
        ):
            self.units_by_name[name] = pk
            self.units_by_code[normalize_unit_code(code)] = pk
            if short_name:
                short.setdefault(short_name, set()).add(pk)
        self.units_by_short = short

    def _load_taxonomy(self) -> None:
        self.topics_full: dict[tuple[str, str], int] = {}
        self.topics_top: dict[str, int] = {}
        second: dict[str, list[str]] = {}
        for topic in Topic.objects.select_related("parent"):
            if topic.parent_id is None:
                self.topics_top[topic.name] = topic.pk
            else:
                self.topics_full[(topic.parent.name, topic.name)] = topic.pk
                second.setdefault(topic.name, []).append(topic.parent.name)
        self.topics_second = second
        self.categories = dict(ReportCategory.objects.values_list("name", "pk"))
        self.genres = {str(label): value for value, label in Genre.choices}
        self.genres.update({value: value for value in Genre.values})
        self.validities = {str(label): value for value, label in Validity.choices}
        self.validities.update({value: value for value in Validity.values})

    def _load_columns(self) -> None:
        self.columns: dict[tuple[str, ...], int] = {}
        titles_by_path: dict[str, tuple[str, ...]] = {self.index.path: ()}
        columns = DisclosureColumnPage.objects.descendant_of(self.index)
        # imported documents go live at once: never below a column the public cannot see
        self.index_is_public = is_public(self.index)
        self.public_columns = set(public_pages(columns).values_list("pk", flat=True))
        for pk, path, title in columns.order_by("path").values_list("pk", "path", "title"):
            parent = titles_by_path.get(path[: -Page.steplen])
            if parent is None:
                continue
            key = (*parent, title.strip())
            titles_by_path[path] = key
            self.columns.setdefault(key, pk)
