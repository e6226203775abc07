"""The default chain "信息公开三审": 初审 (the unit's 审核) → 保密审查 → 终审/签发 (the unit's
签发, or a webmaster), assigned to every 政府信息公开 index page so that every column and
document below it inherits it. A column may get another workflow (e.g. without 终审) in
Wagtail's own admin (设置 → 工作流); a unit may skip 初审 or 终审 in the task's settings
(设置 → 工作流任务 → 不需要此步骤的公开单位).

The functions take ``get_model`` so that the data migration (historical models) and the
running site (``django.apps.apps.get_model``) install the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps

DEFAULT_WORKFLOW_NAME = "信息公开三审"
# (task name, task model, unit role)
DEFAULT_STEPS = (
    ("初审", "unitapprovaltask", "reviewer"),
    ("保密审查", "confidentialityreviewtask", "reviewer"),
    ("终审/签发", "unitapprovaltask", "leader"),
)

GetModel = Callable[[str, str], type]


def install_default_workflow(get_model: GetModel = apps.get_model):
    """The default workflow, created with its three tasks when it does not exist."""
    workflow_model = get_model("wagtailcore", "Workflow")
    workflow = workflow_model.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()
    if workflow is not None:
        return workflow
    content_types = get_model("contenttypes", "ContentType").objects
    workflow = workflow_model.objects.create(name=DEFAULT_WORKFLOW_NAME, active=True)
    for order, (name, model_name, role) in enumerate(DEFAULT_STEPS):
        content_type, _ = content_types.get_or_create(app_label="disclosure", model=model_name)
        task = get_model("disclosure", model_name).objects.create(
            name=name, content_type=content_type, role=role, active=True
        )
        get_model("wagtailcore", "WorkflowTask").objects.create(
            workflow=workflow, task=task, sort_order=order
        )
    return workflow


def assign_default_workflow(page_ids, get_model: GetModel = apps.get_model) -> None:
    """Give the index pages ``page_ids`` the default workflow, unless they have one."""
    workflow = install_default_workflow(get_model)
    workflow_pages = get_model("wagtailcore", "WorkflowPage").objects
    for page_id in page_ids:
        workflow_pages.get_or_create(page_id=page_id, defaults={"workflow": workflow})


def assign_to_new_index(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """post_save of ``DisclosureIndexPage``: a new index (the demo's, an admin's) gets the chain."""
    if created and not raw:
        assign_default_workflow([instance.pk])


def connect() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    from disclosure.models import DisclosureDocumentPage, DisclosureIndexPage

    from .records import fill_index_numbers

    post_save.connect(
        assign_to_new_index, sender=DisclosureIndexPage, dispatch_uid="disclosure_review_index"
    )
    page_published.connect(
        fill_index_numbers, sender=DisclosureDocumentPage, dispatch_uid="disclosure_review_no"
    )
