"""Seed the default letters (``disclosure.requests.letters.defaults``)."""

from django.db import migrations

from disclosure.requests.letters.defaults import TEMPLATES, template_fields


def seed(apps, schema_editor):
    LetterTemplate = apps.get_model("disclosure", "LetterTemplate")
    for kind, name, title, body, remedy, order in TEMPLATES:
        LetterTemplate.objects.get_or_create(
            kind=kind,
            name=name,
            defaults={**template_fields(kind, title, body, remedy), "sort_order": order},
        )


def unseed(apps, schema_editor):
    LetterTemplate = apps.get_model("disclosure", "LetterTemplate")
    for kind, name, *_rest in TEMPLATES:
        LetterTemplate.objects.filter(kind=kind, name=name).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0016_letter_templates")]

    operations = [migrations.RunPython(seed, unseed)]
