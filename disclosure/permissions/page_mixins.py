"""What the disclosure page models need from the unit workspaces. Imported when the models
are, so it imports no models and no admin code at import time."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# a revision saved by a webmaster who changed the 发布机构 carries this mark, so publishing
# it later (by anyone) keeps the change; any other revision keeps the stored 发布机构
UNIT_CHANGE_KEY = "_disclosure_unit_change_allowed"
UNIT_FROZEN_MESSAGE = _(
    "信息首次发布后不能更改发布机构（索引号已按原单位编制且不再改变）。如确需更改，请联系管理员。"
)


class UnitScopedPermissionsMixin:
    """Wagtail's page permissions, narrowed to the user's units (``permissions.pages``)."""

    def permissions_for_user(self, user):
        from .pages import UnitPagePermissionTester

        return UnitPagePermissionTester(user, self)


class UnitDocumentMixin(UnitScopedPermissionsMixin):
    """A document: unit-scoped permissions, and a 发布机构 that cannot change after its
    first publication, except by a webmaster (who sets ``unit_change_allowed``); its 索引号
    stays either way."""

    unit_change_allowed = False

    def stored_unit_id(self) -> int | None:
        """The 发布机构 of a document that has been published, as stored; else None."""
        if not self.pk:
            return None
        row = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("unit_id", "first_published_at")
            .first()
        )
        return row[0] if row and row[1] else None

    def unit_freeze_errors(self) -> dict:
        if self.unit_change_allowed:
            return {}
        stored = self.stored_unit_id()
        if stored is not None and stored != self.unit_id:
            return {"unit": UNIT_FROZEN_MESSAGE}
        return {}

    def serializable_data(self):
        data = super().serializable_data()
        if self.unit_change_allowed:
            data[UNIT_CHANGE_KEY] = True
        return data

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        if content.get(UNIT_CHANGE_KEY):
            obj.unit_change_allowed = True
        elif self.first_published_at and self.unit_id:
            obj.unit_id = self.unit_id  # a stale or unauthorised draft cannot move it
        return obj
