from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexNumberSequence(models.Model):
    """The last 索引号 serial handed out per unit and year (see ``index_numbers``)."""

    unit = models.ForeignKey(
        "disclosure.DisclosureUnit", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("索引号流水")
        verbose_name_plural = _("索引号流水")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_sequence_per_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.last_serial}"
