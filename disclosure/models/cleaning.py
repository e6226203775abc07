"""Text fields hold no control or invisible characters, whoever writes them.

An editor pasting from Word brings ``\\x0b`` (a manual line break) into a title, an old
import brought a NUL: XLSX and DOCX cannot hold either, and the public catalogue broke for
everyone. ``clean_text`` runs before validation (the admin's forms, ``save_revision``) and
before every save (imports, commands, the shell).
"""

from __future__ import annotations

from django.db import models

from ..text import clean_text


class CleanTextMixin:
    def clean_text_fields(self) -> None:
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    single_line = isinstance(field, models.CharField)
                    cleaned = clean_text(value, single_line=single_line)
                    if cleaned != value:
                        setattr(self, field.attname, cleaned)

    def full_clean(self, *args, **kwargs) -> None:
        self.clean_text_fields()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs) -> None:
        self.clean_text_fields()
        super().save(*args, **kwargs)
