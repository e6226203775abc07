"""Wagtail's login form with a translated password label: Wagtail's field has none, so Django
shows the English name of the field. Select it with
``WAGTAILADMIN_USER_LOGIN_FORM = "disclosure.admin_forms.LoginForm"``."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("密码")
