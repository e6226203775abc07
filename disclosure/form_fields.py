"""Form fields for public GET parameters: every value is bounded before it reaches a query.

A ModelChoiceField sends whatever it is given to the database: ``?unit=999…9`` (40 digits)
overflows SQLite's INTEGER and PostgreSQL's integer, which Django reports as an error page.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from .text import clean_text

# PostgreSQL's integer, the type of Wagtail's and Django's automatic primary keys
MAX_ID = 2**31 - 1


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A choice of one object by primary key; a value that cannot be a key is invalid
    without a query."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if self.to_field_name is None and not (
            text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if len(text) > 100:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class CleanCharField(forms.CharField):
    """A CharField that drops control and invisible characters before validating."""

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value)
        return super().to_python(value)
