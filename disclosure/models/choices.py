from django.db import models
from django.utils.translation import gettext_lazy as _


class Genre(models.TextChoices):
    """体裁: the 15 statutory document types, then the portal genres."""

    RESOLUTION = "resolution", _("决议")
    DECISION = "decision", _("决定")
    ORDER = "order", _("命令（令）")
    COMMUNIQUE = "communique", _("公报")
    ANNOUNCEMENT = "announcement", _("公告")
    PUBLIC_NOTICE = "public_notice", _("通告")
    OPINION = "opinion", _("意见")
    NOTICE = "notice", _("通知")
    BULLETIN = "bulletin", _("通报")
    REPORT = "report", _("报告")
    REQUEST = "request", _("请示")
    REPLY = "reply", _("批复")
    MOTION = "motion", _("议案")
    LETTER = "letter", _("函")
    MINUTES = "minutes", _("纪要")
    PLAN = "plan", _("规划")
    STATISTICS = "statistics", _("统计数据")
    INTERPRETATION = "interpretation", _("解读")
    SERVICE_GUIDE = "service_guide", _("办事指南")
    ANNUAL_REPORT = "annual_report", _("年报")
    OTHER = "other", _("其他")


class InterpretationKind(models.TextChoices):
    """解读形式 of a 政策解读 (体裁 解读)."""

    TEXT = "text", _("文字解读")
    GRAPHIC = "graphic", _("图文解读")
    VIDEO = "video", _("视频解读")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")
    AMENDED = "amended", _("已修改")


class DocumentType(models.TextChoices):
    """文件类型: decides the rows of Table A （一） of the annual report."""

    RULE = "rule", _("规章")
    NORMATIVE = "normative", _("行政规范性文件")
    OTHER = "other", _("其他")


class ApplicantType(models.TextChoices):
    """申请人情况: the six columns of Table B without 总计, in the national order."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class RequestOutcome(models.TextChoices):
    """办理结果: exactly the 21 result rows of Table B section 三, labels as in the format."""

    DISCLOSED = "disclosed", _("（一）予以公开")
    PARTLY_DISCLOSED = (
        "partly_disclosed",
        _("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    )
    REFUSED_STATE_SECRET = "refused_state_secret", _("1.属于国家秘密")
    REFUSED_PROHIBITED_BY_LAW = "refused_prohibited_by_law", _("2.其他法律行政法规禁止公开")
    REFUSED_SECURITY_STABILITY = "refused_security_stability", _('3.危及"三安全一稳定"')
    REFUSED_THIRD_PARTY = "refused_third_party", _("4.保护第三方合法权益")
    REFUSED_INTERNAL_AFFAIRS = "refused_internal_affairs", _("5.属于三类内部事务信息")
    REFUSED_PROCESS_INFORMATION = "refused_process_information", _("6.属于四类过程性信息")
    REFUSED_ENFORCEMENT_FILE = "refused_enforcement_file", _("7.属于行政执法案卷")
    REFUSED_ADMIN_QUERY = "refused_admin_query", _("8.属于行政查询事项")
    UNABLE_NOT_HELD = "unable_not_held", _("1.本机关不掌握相关政府信息")
    UNABLE_NEEDS_CREATION = "unable_needs_creation", _("2.没有现成信息需要另行制作")
    UNABLE_STILL_UNCLEAR = "unable_still_unclear", _("3.补正后申请内容仍不明确")
    NOT_PROCESSED_PETITION = "not_processed_petition", _("1.信访举报投诉类申请")
    NOT_PROCESSED_REPEAT = "not_processed_repeat", _("2.重复申请")
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", _("3.要求提供公开出版物")
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", _("4.无正当理由大量反复申请")
    NOT_PROCESSED_CERTIFY = "not_processed_certify", _("5.要求行政机关确认或重新出具已获取信息")
    OTHER_NO_SUPPLEMENT = (
        "other_no_supplement",
        _("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        _("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    )
    OTHER = "other", _("3.其他")


# The row groups of Table B section 三 that span several result rows (no subtotal rows).
OUTCOME_GROUPS: list[tuple[str | None, list[RequestOutcome]]] = [
    (None, [RequestOutcome.DISCLOSED, RequestOutcome.PARTLY_DISCLOSED]),
    (
        "（三）不予公开",
        [
            RequestOutcome.REFUSED_STATE_SECRET,
            RequestOutcome.REFUSED_PROHIBITED_BY_LAW,
            RequestOutcome.REFUSED_SECURITY_STABILITY,
            RequestOutcome.REFUSED_THIRD_PARTY,
            RequestOutcome.REFUSED_INTERNAL_AFFAIRS,
            RequestOutcome.REFUSED_PROCESS_INFORMATION,
            RequestOutcome.REFUSED_ENFORCEMENT_FILE,
            RequestOutcome.REFUSED_ADMIN_QUERY,
        ],
    ),
    (
        "（四）无法提供",
        [
            RequestOutcome.UNABLE_NOT_HELD,
            RequestOutcome.UNABLE_NEEDS_CREATION,
            RequestOutcome.UNABLE_STILL_UNCLEAR,
        ],
    ),
    (
        "（五）不予处理",
        [
            RequestOutcome.NOT_PROCESSED_PETITION,
            RequestOutcome.NOT_PROCESSED_REPEAT,
            RequestOutcome.NOT_PROCESSED_PUBLICATION,
            RequestOutcome.NOT_PROCESSED_EXCESSIVE,
            RequestOutcome.NOT_PROCESSED_CERTIFY,
        ],
    ),
    (
        "（六）其他处理",
        [
            RequestOutcome.OTHER_NO_SUPPLEMENT,
            RequestOutcome.OTHER_FEE_UNPAID,
            RequestOutcome.OTHER,
        ],
    ),
]


def grouped_outcome_choices() -> list:
    """The outcomes as grouped choices (an ``<optgroup>`` per （三）–（六）) for forms."""
    choices: list = []
    for group, outcomes in OUTCOME_GROUPS:
        items = [(o.value, o.label) for o in outcomes]
        if group is None:
            choices.extend(items)
        else:
            choices.append((group, items))
    return choices


class ReviewKind(models.TextChoices):
    """The three blocks of Table C."""

    RECONSIDERATION = "reconsideration", _("行政复议")
    DIRECT_LITIGATION = "direct_litigation", _("未经复议直接起诉")
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration", _("复议后起诉")


class ReviewResult(models.TextChoices):
    """The decided results of Table C; an open case counts as 尚未审结."""

    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
