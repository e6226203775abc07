"""The handling steps offered to staff: a label, the form that asks for the step's input
and the ``actions`` function that performs it. The detail page shows the buttons of the
steps the request's state allows (``available_steps``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...models import DeliveryMethod, RequestPause, RequestStatus
from ..workflow import TRANSITIONS
from . import actions

S = RequestStatus
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what <input type=date> reads


def _today():
    return timezone.localdate()


def note_field(required: bool = False, label=None) -> forms.CharField:
    return forms.CharField(
        label=label or _("说明"),
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def date_field(label) -> forms.DateField:
    return forms.DateField(label=label, initial=_today, widget=DATE)


class NoteForm(forms.Form):
    note = note_field()


class NotAcceptForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("不予处理的情形"),
        choices=[(o.value, o.label) for o in actions.NOT_ACCEPTED_OUTCOMES],
    )
    closed_on = date_field(_("办结日期"))
    reason = note_field(True, _("理由"))


class SupplementForm(forms.Form):
    sent_on = date_field(_("补正通知日期"))
    due = forms.DateField(label=_("补正期限"), widget=DATE)
    items = note_field(True, _("需要补正的事项"))
    late_reason = note_field(False, _("逾期发出原因"))


class SupplementReceivedForm(forms.Form):
    received_on = date_field(_("收到补正日期"))
    note = note_field()


class ClosingForm(forms.Form):
    closed_on = date_field(_("办结日期"))
    note = note_field()


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=RequestPause._meta.get_field("kind").choices)
    consulted = forms.CharField(label=_("征求意见对象"), max_length=100)
    sent_on = date_field(_("发出征求意见日期"))
    note = note_field()


class ConsultationAnsweredForm(forms.Form):
    answered_on = date_field(_("收到意见日期"))
    note = note_field()


class ExtensionForm(forms.Form):
    workdays = forms.IntegerField(label=_("延长工作日数"), min_value=1, max_value=20, initial=20)
    approver = forms.CharField(label=_("批准人"), max_length=50)
    reason = note_field(True, _("延期理由"))
    decided_on = date_field(_("批准日期"))


class FeeNoticeForm(forms.Form):
    method = forms.ChoiceField(
        label=_("计收方式"),
        choices=[("per_request", _("按件计收")), ("per_page", _("按量计收"))],
        widget=forms.RadioSelect,
        help_text=_("同一申请只能选择一种。按件计收时，本月此前同一申请人的申请自动累计。"),
    )
    quantity = forms.IntegerField(label=_("件数或页数"), min_value=1, max_value=100_000)
    issued_on = date_field(_("通知日期"))
    note = note_field()


class FeePaidForm(forms.Form):
    paid_on = date_field(_("缴费（减免）日期"))
    waived = forms.BooleanField(label=_("减免收费"), required=False)
    waiver_reason = note_field(False, _("减免理由"))
    note = note_field()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("办理结果"),
        choices=[("", "---------")] + [(o.value, o.label) for o in actions.REPLY_OUTCOMES],
    )
    closed_on = date_field(_("答复日期"))
    delivery_method = forms.ChoiceField(label=_("送达方式"), choices=DeliveryMethod.choices)
    delivered_on = date_field(_("送达日期"))
    attachments = MultipleFileField(label=_("附件"), required=False)
    note = note_field()


class WithdrawForm(forms.Form):
    closed_on = date_field(_("撤回日期"))
    note = note_field(True, _("撤回方式与说明"))


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    target: str
    sources: frozenset[str]
    form: type[forms.Form]
    perform: Callable
    multipart: bool = False

    def allowed_from(self, status: str) -> bool:
        return status in self.sources and self.target in TRANSITIONS[S(status)]


def _step(name, label, target, sources, form, perform, **kw) -> Step:
    return Step(name, label, target, frozenset(sources), form, perform, **kw)


_CLOSABLE = set(TRANSITIONS) - {S.REPLIED, S.NOT_ACCEPTED, S.WITHDRAWN, S.ARCHIVED}

STEPS: dict[str, Step] = {
    step.name: step
    for step in [
        _step("accept", _("受理"), S.ACCEPTED, {S.REGISTERED}, NoteForm, actions.accept),
        _step(
            "not_accept",
            _("不予受理"),
            S.NOT_ACCEPTED,
            {S.REGISTERED},
            NotAcceptForm,
            actions.not_accept,
        ),
        _step(
            "process", _("开始办理"), S.PROCESSING, {S.ACCEPTED}, NoteForm, actions.start_processing
        ),
        _step(
            "supplement",
            _("通知补正"),
            S.AWAITING_SUPPLEMENT,
            {S.REGISTERED, S.ACCEPTED, S.PROCESSING},
            SupplementForm,
            actions.request_supplement,
        ),
        _step(
            "supplement_received",
            _("收到补正"),
            S.PROCESSING,
            {S.AWAITING_SUPPLEMENT},
            SupplementReceivedForm,
            actions.receive_supplement,
        ),
        _step(
            "unsupplemented",
            _("逾期未补正，不再处理"),
            S.REPLIED,
            {S.AWAITING_SUPPLEMENT},
            ClosingForm,
            actions.close_unsupplemented,
        ),
        _step(
            "consult",
            _("征求意见"),
            S.CONSULTING,
            {S.PROCESSING, S.EXTENDED},
            ConsultationForm,
            actions.start_consultation,
        ),
        _step(
            "consulted",
            _("收到意见"),
            S.PROCESSING,
            {S.CONSULTING},
            ConsultationAnsweredForm,
            actions.end_consultation,
        ),
        _step(
            "extend",
            _("延长答复期限"),
            S.EXTENDED,
            {S.PROCESSING, S.CONSULTING},
            ExtensionForm,
            actions.extend,
        ),
        _step(
            "fee",
            _("发出收费通知"),
            S.AWAITING_FEE,
            {S.PROCESSING, S.EXTENDED},
            FeeNoticeForm,
            actions.request_fee,
        ),
        _step(
            "fee_paid",
            _("已缴费或减免"),
            S.PROCESSING,
            {S.AWAITING_FEE},
            FeePaidForm,
            actions.fee_paid,
        ),
        _step(
            "fee_unpaid",
            _("逾期未缴费，不再处理"),
            S.REPLIED,
            {S.AWAITING_FEE},
            ClosingForm,
            actions.close_fee_unpaid,
        ),
        _step(
            "reply",
            _("答复"),
            S.REPLIED,
            actions.REPLY_FROM,
            ReplyForm,
            actions.reply,
            multipart=True,
        ),
        _step("withdraw", _("撤回"), S.WITHDRAWN, _CLOSABLE, WithdrawForm, actions.withdraw),
        _step(
            "archive",
            _("归档"),
            S.ARCHIVED,
            {S.REPLIED, S.NOT_ACCEPTED, S.WITHDRAWN},
            NoteForm,
            actions.archive,
        ),
    ]
}


def available_steps(status: str) -> list[Step]:
    return [step for step in STEPS.values() if step.allowed_from(status)]
