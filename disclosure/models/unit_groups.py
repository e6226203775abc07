"""The people of a unit (公开单位): one Wagtail group per unit and role.

Membership of a unit is membership of one of its groups, so Wagtail's own user and group
admin manages people and the unit needs no user list of its own. ``disclosure.unit_access``
creates the groups and answers who may act for which unit.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitRole(models.TextChoices):
    EDITOR = "editor", _("撰稿编辑")
    REVIEWER = "reviewer", _("审核")
    LEADER = "leader", _("签发")
    HANDLER = "handler", _("依申请公开办理")


class UnitGroup(models.Model):
    """The Wagtail group that holds one role of one unit."""

    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("公开单位"),
        on_delete=models.CASCADE,
        related_name="role_groups",
    )
    role = models.CharField(_("角色"), max_length=16, choices=UnitRole.choices)
    group = models.OneToOneField(
        Group, verbose_name=_("用户组"), on_delete=models.CASCADE, related_name="unit_role"
    )

    class Meta:
        verbose_name = _("单位用户组")
        verbose_name_plural = _("单位用户组")
        constraints = [
            models.UniqueConstraint(fields=["unit", "role"], name="unit_group_one_per_role"),
        ]
        # The district office's webmasters (管理员): every unit, every register.
        permissions = [("manage_all_units", _("管理所有公开单位的信息公开工作"))]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_role_display()}"
