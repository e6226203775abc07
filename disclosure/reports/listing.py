"""The year list of published annual reports below a column, per kind of unit."""

from django.utils.translation import gettext as _

from ..visibility import public_pages, subtree_q

GROUPS = [
    ("district", _("区政府年报")),
    ("department", _("部门年报")),
    ("subdistrict", _("街道（镇）年报")),
]


def annual_report_groups(column) -> list[dict]:
    """[{label, units: [{name, reports: [page, …] newest first]}]}, empty groups left out."""
    from ..models import AnnualReportPage, DisclosureUnit

    reports = (
        public_pages(AnnualReportPage.objects.type(AnnualReportPage).filter(subtree_q(column)))
        .select_related("unit")
        .order_by("unit__sort_order", "unit__name", "-year")
    )
    grouped: dict[str, dict[str, dict]] = {key: {} for key, _label in GROUPS}
    for report in reports:
        unit = report.unit
        if unit is None or unit.kind == DisclosureUnit.Kind.DISTRICT_GOVERNMENT:
            key = "district"
        elif unit.kind == DisclosureUnit.Kind.DEPARTMENT:
            key = "department"
        else:
            key = "subdistrict"
        name = unit.name if unit else _("区人民政府")
        grouped[key].setdefault(name, {"name": name, "reports": []})["reports"].append(report)
    return [
        {"label": label, "units": list(grouped[key].values())}
        for key, label in GROUPS
        if grouped[key]
    ]
