"""The review chain (三审) of a disclosure document and its 保密审查 records.

One workflow serves every unit: a task names the unit role that acts on it (审核, 签发) and
the document's own unit (``DisclosureDocumentPage.unit``) says whose people those are, so the
district office's reviewer never sees the 教育局's drafts and vice versa. Pages without a
unit (columns, reports) are acted on by the webmasters only.

The forms and the access rules live in ``disclosure.review``; these models import them only
when an action runs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from .unit_groups import UnitRole


class Conclusion(models.TextChoices):
    PUBLIC = "public", _("可以公开")
    PARTIAL = "partial", _("部分公开（删除后公开）")
    WITHHELD = "withheld", _("不予公开")


class LegalBasis(models.TextChoices):
    """The exemptions of the Regulation (条例 Arts. 14–16) a review may rest on."""

    ART14_SECRET = "art14_secret", _("第十四条：国家秘密")
    ART14_LAW = "art14_law", _("第十四条：法律、行政法规禁止公开")
    ART14_SECURITY = "art14_security", _("第十四条：危及国家安全、公共安全、经济安全、社会稳定")
    ART15_THIRD_PARTY = "art15_third_party", _("第十五条：商业秘密、个人隐私等第三方合法权益")
    ART16_INTERNAL = "art16_internal", _("第十六条第一款：内部事务信息")
    ART16_PROCESS = "art16_process", _("第十六条第二款：过程性信息")
    ART16_ENFORCEMENT = "art16_enforcement", _("第十六条第二款：行政执法案卷信息")


class UnitRoleTask(Task):
    """A step whose actors are the people of the document's unit in ``role``."""

    role = models.CharField(
        _("办理角色"),
        max_length=16,
        choices=UnitRole.choices,
        default=UnitRole.REVIEWER,
        help_text=_("由文档发布机构中担任此角色的人员办理；管理员可办理所有单位的任务。"),
    )

    admin_form_fields = Task.admin_form_fields + ["role"]

    class Meta:
        abstract = True

    def may_act(self, obj, user) -> bool:
        from disclosure.review import access

        return access.may_act(user, obj, self.role)

    def user_can_access_editor(self, obj, user) -> bool:
        return self.may_act(obj, user)

    def locked_for_user(self, obj, user) -> bool:
        return not self.may_act(obj, user)

    def user_can_lock(self, obj, user) -> bool:
        return self.may_act(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from disclosure.review import access

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return access.states_for_user(states, user, self.role)

    def get_form_for_action(self, action: str):
        from disclosure.review import forms

        if action == "reject":
            return forms.RejectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from disclosure.review import forms

        # The edit view hands the modal's data over as JSON, unchecked: check it here.
        kwargs = forms.validated(self.get_form_for_action(action_name), kwargs)
        return super().on_action(task_state, user, action_name, **kwargs)


class UnitApprovalTask(UnitRoleTask):
    """初审 or 终审/签发: approve or send back, by the unit's people in the task's role."""

    skip_units = models.ManyToManyField(
        "disclosure.DisclosureUnit",
        verbose_name=_("不需要此步骤的公开单位"),
        blank=True,
        related_name="+",
        help_text=_("这些单位的信息跳过此步骤（保密审查不可跳过）。"),
    )

    admin_form_fields = UnitRoleTask.admin_form_fields + ["skip_units"]

    class Meta:
        verbose_name = _("单位审核任务")
        verbose_name_plural = _("单位审核任务")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        from disclosure.review import access

        if self.skips(access.unit_id_of(workflow_state.content_object)):
            # Wagtail moves on past a task state that is no longer in progress.
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.save(update_fields=["status"])
        return task_state

    def skips(self, unit_id: int | None) -> bool:
        """Whether documents of this unit pass over this step."""
        return unit_id is not None and self.skip_units.filter(pk=unit_id).exists()

    def get_actions(self, obj, user):
        if not self.may_act(obj, user):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("审核通过"), False),
            ("approve", _("审核通过并填写意见"), True),
        ]

    @classmethod
    def get_description(cls):
        return _("由文档发布机构中担任所选角色的人员审核（如初审由“审核”，终审由“签发”）")


class ConfidentialityReviewTask(UnitRoleTask):
    """保密审查: approval records a review form (``ConfidentialityReview``)."""

    class Meta:
        verbose_name = _("保密审查任务")
        verbose_name_plural = _("保密审查任务")

    def get_actions(self, obj, user):
        if not self.may_act(obj, user):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("填写保密审查单"), True),
        ]

    def get_form_for_action(self, action: str):
        if action == "approve":
            from disclosure.review import forms

            return forms.ConfidentialityReviewForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action: str) -> str:
        if action == "approve":
            return "disclosure/review/confidentiality_review_modal.html"
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        from disclosure.review import records

        return records.record_review(task_state, user, kwargs)

    @classmethod
    def get_description(cls):
        return _("保密审查：填写审查结论、依据和意见；结论为不予公开时退回")


class ConfidentialityReview(models.Model):
    """One 保密审查 form, kept with the revision it judged (the register an audit asks for).

    Title, 索引号 and unit are copied so the record outlives a deleted page."""

    task_state = models.ForeignKey(
        TaskState,
        verbose_name=_("审查任务"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("页面"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="confidentiality_reviews",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("审查的版本"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="confidentiality_reviews",
    )
    title = models.CharField(_("标题"), max_length=255)
    index_no = models.CharField(_("索引号"), max_length=64, blank=True)
    unit = models.ForeignKey(
        "disclosure.DisclosureUnit",
        verbose_name=_("发布机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confidentiality_reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审查人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer_name = models.CharField(_("审查人姓名"), max_length=150)
    reviewed_at = models.DateTimeField(_("审查时间"), db_index=True)
    conclusion = models.CharField(_("审查结论"), max_length=16, choices=Conclusion.choices)
    legal_basis = models.CharField(
        _("不公开依据"), max_length=32, choices=LegalBasis.choices, blank=True
    )
    opinion = models.TextField(_("审查意见"))

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查登记")

    def __str__(self) -> str:
        return f"{self.title} · {self.get_conclusion_display()}"

    def summary(self) -> str:
        """The line the page history shows with the workflow step."""
        parts = [f"{_('审查结论')}：{self.get_conclusion_display()}"]
        if self.legal_basis:
            parts.append(f"{_('依据')}：{self.get_legal_basis_display()}")
        parts.append(f"{_('意见')}：{self.opinion}")
        return "；".join(parts)
