"""The kinds of letter and the article of 《中华人民共和国政府信息公开条例》 each rests on.

A reply (答复书) exists for each of the 21 result rows of Table B (``RequestOutcome``);
the notices (告知书/通知书) are sent while a request is being handled. The citations follow
the 2019 text (domain.md §1.2, §1.6, §1.7, §2.4); rows the format names without an article
are marked [U] below, as in domain.md.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ...models.choices import RequestOutcome

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_RULES = "《政府信息公开信息处理费管理办法》"

# Notices: prefixed so that they never collide with an outcome value.
SUPPLEMENT = "notice_supplement"
EXTENSION = "notice_extension"
THIRD_PARTY = "notice_third_party"
FEE = "notice_fee"
ACCEPTANCE = "notice_acceptance"

NOTICE_CHOICES = [
    (ACCEPTANCE, _("受理回执（登记告知书）")),
    (SUPPLEMENT, _("补正通知书")),
    (EXTENSION, _("延期答复告知书")),
    (THIRD_PARTY, _("征求第三方意见书")),
    (FEE, _("收费通知书")),
]

_REFUSED = "第三十六条第（三）项"

LEGAL_BASIS: dict[str, str] = {
    RequestOutcome.DISCLOSED: "第三十六条第（二）项",
    RequestOutcome.PARTLY_DISCLOSED: "第三十七条",
    RequestOutcome.REFUSED_STATE_SECRET: f"第十四条、{_REFUSED}",
    RequestOutcome.REFUSED_PROHIBITED_BY_LAW: f"第十四条、{_REFUSED}",
    RequestOutcome.REFUSED_SECURITY_STABILITY: f"第十四条、{_REFUSED}",
    RequestOutcome.REFUSED_THIRD_PARTY: f"第十五条、第三十二条、{_REFUSED}",
    RequestOutcome.REFUSED_INTERNAL_AFFAIRS: f"第十六条第一款、{_REFUSED}",
    RequestOutcome.REFUSED_PROCESS_INFORMATION: f"第十六条第二款、{_REFUSED}",
    RequestOutcome.REFUSED_ENFORCEMENT_FILE: f"第十六条第二款、{_REFUSED}",
    # [U] no article names 行政查询事项; it is read as special-access records, Art. 36(7).
    RequestOutcome.REFUSED_ADMIN_QUERY: "第三十六条第（七）项",
    RequestOutcome.UNABLE_NOT_HELD: "第三十六条第（四）项",
    RequestOutcome.UNABLE_NEEDS_CREATION: "第三十八条",
    RequestOutcome.UNABLE_STILL_UNCLEAR: "第三十条",
    RequestOutcome.NOT_PROCESSED_PETITION: "第三十九条第一款",
    RequestOutcome.NOT_PROCESSED_REPEAT: "第三十六条第（六）项",
    RequestOutcome.NOT_PROCESSED_PUBLICATION: "第三十九条第二款",
    RequestOutcome.NOT_PROCESSED_EXCESSIVE: "第三十五条",
    # [U] the format names the row without an article: such a request does not seek
    # government information in the sense of Art. 2.
    RequestOutcome.NOT_PROCESSED_CERTIFY: "第二条",
    RequestOutcome.OTHER_NO_SUPPLEMENT: "第三十条",
    RequestOutcome.OTHER_FEE_UNPAID: "第四十二条",
    RequestOutcome.OTHER: "",  # withdrawn and the like: no article to cite
    ACCEPTANCE: "第三十一条、第三十三条",
    SUPPLEMENT: "第三十条",
    EXTENSION: "第三十三条第二款",
    THIRD_PARTY: "第三十二条",
    FEE: "第四十二条",
}


def kind_choices() -> list:
    """Grouped choices: one 答复书 per result row of Table B, then the notices."""
    replies = [(o.value, o.label) for o in RequestOutcome]
    return [(_("答复书（按办理结果）"), replies), (_("告知书、通知书"), NOTICE_CHOICES)]


def kind_label(kind: str) -> str:
    for value, label in [*((o.value, o.label) for o in RequestOutcome), *NOTICE_CHOICES]:
        if value == kind:
            return str(label)
    return kind


def legal_basis(kind: str) -> str:
    """The articles of the Regulation a letter of ``kind`` cites, e.g. "第三十条"."""
    return LEGAL_BASIS.get(kind, "")


def is_reply(kind: str) -> bool:
    return kind in RequestOutcome.values
