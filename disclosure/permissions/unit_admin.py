"""公开单位 admin: a unit's people per role, with links to Wagtail's group admin, and 添加人员,
which creates (or finds) a user and puts them in one of the unit's role groups at once."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..models import DisclosureUnit
from ..models.unit_groups import UnitRole
from ..unit_access import add_to_unit, ensure_unit_groups, is_webmaster


def people_links(unit: DisclosureUnit) -> str:
    """ "撰稿编辑 2 · 审核 1 …", each a link to the role's group, then 添加人员."""
    groups = [ug for ug in unit.role_groups.all()]
    order = {role.value: position for position, role in enumerate(UnitRole)}
    groups.sort(key=lambda ug: order.get(ug.role, 99))
    links = format_html_join(
        " · ",
        '<a href="{}">{} {}</a>',
        (
            (
                reverse("wagtailusers_groups:edit", args=[ug.group_id]),
                ug.get_role_display(),
                ug.group.user_set.count(),
            )
            for ug in groups
        ),
    )
    add = reverse("disclosure_unit_add_person", args=[unit.pk])
    return format_html('{} · <a href="{}">{}</a>', links, add, _("添加人员"))


class AddPersonForm(forms.Form):
    username = forms.CharField(
        label=_("用户名"),
        max_length=150,
        help_text=_("已有用户填其用户名即可加入本单位；新用户将以此用户名创建。"),
    )
    full_name = forms.CharField(label=_("姓名"), max_length=150, required=False)
    password = forms.CharField(
        label=_("初始密码"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("新用户必填；已有用户留空则不改密码。"),
    )
    role = forms.ChoiceField(label=_("角色"), choices=UnitRole.choices)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        # the user model's own rules (letters, digits and @.+-_ only)
        get_user_model()._meta.get_field("username").run_validators(username)
        return username

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username", "")
        user = get_user_model().objects.filter(username=username).first()
        password = cleaned.get("password")
        if user is None and not password:
            self.add_error("password", _("新用户请填写初始密码。"))
        if password:
            try:
                validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        cleaned["user"] = user
        return cleaned


@transaction.atomic
def add_person(request: HttpRequest, unit_id: int) -> HttpResponse:
    if not is_webmaster(request.user):
        raise PermissionDenied
    unit = get_object_or_404(DisclosureUnit, pk=unit_id)
    ensure_unit_groups(unit)
    form = AddPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = data["user"] or get_user_model()(username=data["username"].strip())
        if data["full_name"]:
            user.first_name = data["full_name"]
        if data["password"]:
            user.set_password(data["password"])
        user.save()
        add_to_unit(user, unit, data["role"])
        messages.success(
            request,
            _("已将 %(user)s 设为“%(unit)s”的%(role)s。")
            % {"user": user.get_username(), "unit": unit, "role": UnitRole(data["role"]).label},
        )
        return redirect("disclosure_unit_add_person", unit.pk)
    context = {"form": form, "unit": unit, "people": people_links(unit)}
    return TemplateResponse(request, "disclosure/admin/unit_add_person.html", context)


class UnitPeopleAdminMixin:
    """For the 公开单位 ModelAdmin: a 人员 column (add ``"people"`` to ``list_display``)."""

    def people(self, unit: DisclosureUnit) -> str:
        return people_links(unit)

    people.short_description = _("人员")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("role_groups__group")
