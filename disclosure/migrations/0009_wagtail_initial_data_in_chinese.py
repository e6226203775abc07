"""Wagtail's migrations create English rows that editors read in the admin: the root page and
root collection "Root", the welcome page (if the site kept it), the groups "Moderators" and "Editors", and the task and workflow
"Moderators approval". Each gets its Chinese name, unless the site renamed it already (or the
Chinese name is taken); reversing restores the English names the same way."""

from django.db import migrations

PAGES = {"Root": "根目录", "Welcome to your new Wagtail site!": "欢迎使用新网站！"}
COLLECTIONS = {"Root": "根集合"}
GROUPS = {"Moderators": "审核员", "Editors": "编辑"}
TASKS = {"Moderators approval": "审核员审批"}
WORKFLOWS = {"Moderators approval": "审核员审批"}


def _rename(model, field: str, names: dict[str, str], **filters) -> None:
    for old, new in names.items():
        taken = model.objects.filter(**{field: new}, **filters).exists()
        if not taken:
            model.objects.filter(**{field: old}, **filters).update(**{field: new})


def _renames(apps, reverse: bool) -> None:
    def names(table):
        return {new: old for old, new in table.items()} if reverse else table

    Page = apps.get_model("wagtailcore", "Page")
    for old, new in names(PAGES).items():
        Page.objects.filter(depth__lte=2, title=old).update(title=new, draft_title=new)
    _rename(apps.get_model("wagtailcore", "Collection"), "name", names(COLLECTIONS), depth=1)
    _rename(apps.get_model("auth", "Group"), "name", names(GROUPS))
    _rename(apps.get_model("wagtailcore", "Task"), "name", names(TASKS))
    _rename(apps.get_model("wagtailcore", "Workflow"), "name", names(WORKFLOWS))


def to_chinese(apps, schema_editor):
    _renames(apps, reverse=False)


def to_english(apps, schema_editor):
    _renames(apps, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0008_workday_override"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_chinese, to_english)]
