"""Admin panels of the disclosure pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class IndexNumberPanel(FieldPanel):
    """索引号, read only: allocated at first publication, so a new document shows that
    instead of "None"."""

    def __init__(self, field_name: str = "index_no", **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if not value:
            return _("（首次发布时自动生成）")
        return super().format_value_for_display(value)
