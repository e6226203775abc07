"""The default letters: one template per kind (and the common local variants 已主动公开 and
非本机关负责公开). The citations follow the 2019 《中华人民共和国政府信息公开条例》
(domain.md §1.2, §1.6, §1.7, §2.4); webmasters edit their copies under 信息公开 →
答复文书模板. A migration seeds them; ``default_template`` stands in for a kind whose
templates are all gone, so a reply or notice never fails for want of wording."""

from __future__ import annotations

REGULATION = "《中华人民共和国政府信息公开条例》"
RECEIVED = "本机关于{收到日期}收到您提出的政府信息公开申请，申请获取“{申请内容}”的政府信息。"
# The filing periods are [U] in domain.md (they come from 行政复议法 and 行政诉讼法, not
# the Regulation): this is the wording commonly printed on district reply letters.
REMEDY = (
    "如对本{letter}不服，可以自收到本{letter}之日起60日内依法申请行政复议，"
    "或者自收到本{letter}之日起6个月内依法向人民法院提起行政诉讼。"
)
REPLY = "政府信息公开申请答复书"
INFORM = "政府信息公开申请告知书"
DONE = "特此告知。"


def refused(reason: str, articles: str) -> str:
    return (
        f"{RECEIVED}\n经审查，您申请获取的政府信息{reason}。根据{REGULATION}{articles}的规定，"
        f"本机关决定不予公开。\n{{理由}}\n{DONE}"
    )


REFUSED = "第三十六条第（三）项"

# (kind, name, title, body, remedy?, sort order)
TEMPLATES = [
    (
        "disclosed",
        "予以公开",
        REPLY,
        f"{RECEIVED}\n经审查，您申请获取的政府信息属于可以公开的政府信息。根据{REGULATION}"
        "第三十六条第（二）项的规定，本机关决定予以公开，现通过{送达方式}向您提供（见附件）。"
        f"\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "disclosed",
        "已主动公开",
        REPLY,
        f"{RECEIVED}\n经查，您申请获取的政府信息本机关已经主动公开。根据{REGULATION}"
        "第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径：{理由}"
        f"\n{DONE}",
        True,
        1,
    ),
    (
        "partly_disclosed",
        "部分公开",
        REPLY,
        f"{RECEIVED}\n经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。"
        f"根据{REGULATION}第三十七条的规定，本机关向您提供可以公开的部分（见附件），"
        f"对不予公开的部分说明理由如下：\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "refused_state_secret",
        "属于国家秘密",
        REPLY,
        refused("属于国家秘密", f"第十四条、{REFUSED}"),
        True,
        0,
    ),
    (
        "refused_prohibited_by_law",
        "法律行政法规禁止公开",
        REPLY,
        refused("属于法律、行政法规禁止公开的政府信息", f"第十四条、{REFUSED}"),
        True,
        0,
    ),
    (
        "refused_security_stability",
        "三安全一稳定",
        REPLY,
        refused("公开后可能危及国家安全、公共安全、经济安全、社会稳定", f"第十四条、{REFUSED}"),
        True,
        0,
    ),
    (
        "refused_third_party",
        "保护第三方合法权益",
        REPLY,
        refused(
            "涉及商业秘密、个人隐私等，公开会损害第三方合法权益；本机关已书面征求第三方意见，"
            "第三方不同意公开，且不公开不会对公共利益造成重大影响",
            f"第十五条、第三十二条、{REFUSED}",
        ),
        True,
        0,
    ),
    (
        "refused_internal_affairs",
        "三类内部事务信息",
        REPLY,
        refused(
            "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
            f"第十六条第一款、{REFUSED}",
        ),
        True,
        0,
    ),
    (
        "refused_process_information",
        "四类过程性信息",
        REPLY,
        refused(
            "属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
            "请示报告等过程性信息",
            f"第十六条第二款、{REFUSED}",
        ),
        True,
        0,
    ),
    (
        "refused_enforcement_file",
        "行政执法案卷",
        REPLY,
        refused("属于行政执法案卷信息", f"第十六条第二款、{REFUSED}"),
        True,
        0,
    ),
    (
        # [U] no article names 行政查询事项: read as special-access records, Art. 36(7).
        "refused_admin_query",
        "行政查询事项",
        REPLY,
        f"{RECEIVED}\n经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对该类信息的"
        f"获取有特别规定。根据{REGULATION}第三十六条第（七）项的规定，请您依照有关法律、"
        f"行政法规的规定办理。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "unable_not_held",
        "政府信息不存在",
        REPLY,
        f"{RECEIVED}\n经检索，本机关没有制作或者获取您所申请公开的信息。根据{REGULATION}"
        f"第三十六条第（四）项的规定，告知您该政府信息不存在。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "unable_not_held",
        "非本机关负责公开",
        REPLY,
        f"{RECEIVED}\n经审查，您所申请公开的信息不属于本机关负责公开。根据{REGULATION}"
        "第三十六条第（五）项的规定，现告知如下：{理由}"
        f"\n{DONE}",
        True,
        1,
    ),
    (
        "unable_needs_creation",
        "没有现成信息需要另行制作",
        REPLY,
        f"{RECEIVED}\n经审查，本机关没有您所申请的现成信息，提供该信息需要对现有政府信息进行"
        f"加工、分析。根据{REGULATION}第三十八条的规定，本机关不予提供。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "unable_still_unclear",
        "补正后仍不明确",
        REPLY,
        f"{RECEIVED}\n本机关已一次性告知您对申请内容作出补正，但补正后的申请内容仍不明确，"
        f"本机关无法据此确定您所需的政府信息。根据{REGULATION}第三十条的规定，本机关无法向您"
        f"提供。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "not_processed_petition",
        "信访举报投诉类申请",
        INFORM,
        f"{RECEIVED}\n经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项。"
        f"根据{REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，"
        f"您可以通过信访、投诉、举报等相应渠道提出。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "not_processed_repeat",
        "重复申请",
        INFORM,
        f"{RECEIVED}\n经查，本机关已就您提出的相同政府信息公开申请作出答复，本次申请属于重复"
        f"申请。根据{REGULATION}第三十六条第（六）项的规定，本机关不予重复处理。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "not_processed_publication",
        "要求提供公开出版物",
        INFORM,
        f"{RECEIVED}\n经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{REGULATION}"
        "第三十九条第二款的规定，现告知您获取的途径：{理由}"
        f"\n{DONE}",
        True,
        0,
    ),
    (
        "not_processed_excessive",
        "无正当理由大量反复申请",
        INFORM,
        f"{RECEIVED}\n您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。"
        f"经审查，本机关认为您的申请理由不合理。根据{REGULATION}第三十五条的规定，本机关"
        f"不予处理。\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        # [U] the annual-report format names this row without an article.
        "not_processed_certify",
        "要求确认或重新出具已获取信息",
        INFORM,
        f"{RECEIVED}\n经审查，您的申请实质是要求本机关对您已获取的信息予以确认或者重新出具，"
        f"不属于{REGULATION}第二条所称的获取政府信息，本机关不作为政府信息公开申请处理。"
        f"\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "other_no_supplement",
        "逾期不补正",
        INFORM,
        f"{RECEIVED}\n本机关已一次性书面告知您作出补正并说明了补正期限，您无正当理由逾期未补正。"
        f"根据{REGULATION}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。"
        f"\n{DONE}",
        True,
        0,
    ),
    (
        "other_fee_unpaid",
        "逾期未缴纳信息处理费",
        INFORM,
        f"{RECEIVED}\n本机关已向您发出收费通知，您未在规定期限内缴纳信息处理费。根据{REGULATION}"
        "第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开"
        f"申请。\n{DONE}",
        True,
        0,
    ),
    (
        "other",
        "其他处理",
        INFORM,
        f"{RECEIVED}\n现将办理情况告知如下：\n{{理由}}\n{DONE}",
        True,
        0,
    ),
    (
        "notice_acceptance",
        "受理回执",
        "政府信息公开申请登记回执",
        f"{RECEIVED}\n根据{REGULATION}第三十一条、第三十三条的规定，本机关将自收到申请之日起"
        "20个工作日内予以答复（{期限}前）；需要延长答复期限的，将另行告知。\n"
        "您可以凭查询码{查询码}查询办理进度。",
        False,
        0,
    ),
    (
        "notice_supplement",
        "补正通知",
        "政府信息公开申请补正通知书",
        f"{RECEIVED}\n经审查，您的申请内容不明确。根据{REGULATION}第三十条的规定，请您对以下"
        "事项作出补正：\n{补正事项}\n请于{期限}前提交补正后的申请。答复期限自本机关收到补正后的"
        "申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        False,
        0,
    ),
    (
        "notice_extension",
        "延期答复",
        "政府信息公开申请延期答复告知书",
        f"{RECEIVED}\n因{{理由}}，本机关不能在20个工作日内作出答复。根据{REGULATION}"
        "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长"
        f"{{延长天数}}个工作日，本机关将于{{期限}}前作出答复。\n{DONE}",
        False,
        0,
    ),
    (
        "notice_third_party",
        "征求第三方意见",
        "政府信息公开征求第三方意见书",
        "本机关于{收到日期}收到政府信息公开申请，申请人申请获取“{申请内容}”的政府信息。"
        f"经审查，公开该信息可能损害你方合法权益。根据{REGULATION}第三十二条的规定，现书面"
        "征求你方意见。\n请自收到本意见书之日起15个工作日内（{期限}前）提出是否同意公开的书面"
        "意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依法决定是否公开。"
        "\n第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益"
        "造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。",
        False,
        0,
    ),
    (
        "notice_fee",
        "收费通知",
        "政府信息公开信息处理费缴费通知书",
        f"{RECEIVED}\n您申请公开政府信息的数量、频次明显超过合理范围。根据{REGULATION}第四十二条"
        "和《政府信息公开信息处理费管理办法》的规定，本机关依法收取信息处理费，金额为人民币"
        "{收费金额}元。\n计费明细：{收费明细}\n请于{期限}前缴纳。逾期未缴纳的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
        True,
        0,
    ),
]


def template_fields(kind: str, title: str, body: str, remedy: bool) -> dict:
    """The LetterTemplate fields of one default (besides kind, name and sort order)."""
    letter = "通知" if kind.startswith("notice_") else ("答复" if title == REPLY else "告知")
    return {
        "title": title,
        "addressee": "{第三方}：" if kind == "notice_third_party" else "{申请人}：",
        "body": body,
        "remedy": REMEDY.format(letter=letter) if remedy else "",
    }


def default_template(kind: str):
    """An unsaved LetterTemplate with the first default wording of ``kind``, or None."""
    from ...models.letter_templates import LetterTemplate

    for t_kind, name, title, body, remedy, order in TEMPLATES:
        if t_kind == kind:
            fields = template_fields(kind, title, body, remedy)
            return LetterTemplate(kind=kind, name=name, sort_order=order, **fields)
    return None


def ensure_default_templates() -> int:
    """Create the default templates that are missing (e.g. after a database flush); the
    number created. Webmasters' own edits are left as they are."""
    from ...models.letter_templates import LetterTemplate

    created = 0
    for kind, name, title, body, remedy, order in TEMPLATES:
        _template, new = LetterTemplate.objects.get_or_create(
            kind=kind,
            name=name,
            defaults={**template_fields(kind, title, body, remedy), "sort_order": order},
        )
        created += new
    return created
