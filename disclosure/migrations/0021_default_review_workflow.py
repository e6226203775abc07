"""The default review chain "信息公开三审" (初审 → 保密审查 → 终审/签发), assigned to the
existing 政府信息公开 index pages; new ones get it when created (``disclosure.review.defaults``)."""

from django.db import migrations


def install(apps, schema_editor):
    from disclosure.review.defaults import assign_default_workflow

    index_pages = apps.get_model("disclosure", "DisclosureIndexPage").objects
    assign_default_workflow(index_pages.values_list("pk", flat=True), apps.get_model)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0020_review_chain"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
