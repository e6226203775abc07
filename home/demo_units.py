"""Demo 机构信息 of the seven demo units: invented duties, leaders and contacts (marked 演示),
each unit's 信息公开指南 the guide column of its kind."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from disclosure.models import UnitLeader

GUIDE_COLUMNS = {
    "district_government": "区政府信息公开指南",
    "department": "区政府部门信息公开指南",
    "subdistrict": "街道（镇）信息公开指南",
    "town": "街道（镇）信息公开指南",
}
OFFICE_HOURS = "工作日 上午 8:30—12:00，下午 13:30—17:30（法定节假日除外）"

# name: (duties, address, phone suffix, email local part, leaders [(name, post, duties)])
UNIT_INFO = {
    "区人民政府办公室": (
        "负责区政府日常工作的综合协调，督促检查区政府各部门和各街道、镇对区政府决定事项的"
        "落实；负责全区政府信息公开工作的组织协调和监督指导；承办区政府交办的其他事项。",
        "某某区人民路1号行政中心1号楼",
        "1001",
        "qzfb",
        [
            ("林文华", "主任", "主持区政府办公室全面工作，分管政府信息公开工作。"),
            ("陈晓燕", "副主任", "协助主任分管综合文字、督查和电子政务工作。"),
        ],
    ),
    "区发展和改革委员会": (
        "拟订并组织实施全区国民经济和社会发展规划；统筹协调经济社会发展；"
        "负责全区固定资产投资综合管理和重大建设项目的审核、协调和监督。",
        "某某区人民路1号行政中心3号楼",
        "1021",
        "fgw",
        [
            ("王建国", "主任", "主持委员会全面工作。"),
            ("赵丽萍", "副主任", "分管规划、投资和重大项目工作。"),
        ],
    ),
    "区教育局": (
        "贯彻执行国家教育方针政策，统筹规划和管理全区各级各类教育；负责学前教育、"
        "义务教育的入学和学区划分；负责教师队伍建设和教育经费管理。",
        "某某区文苑路18号",
        "1036",
        "jyj",
        [
            ("周明", "局长", "主持局全面工作。"),
            ("吴静", "副局长", "分管基础教育、招生入学和学校安全工作。"),
        ],
    ),
    "区民政局": (
        "负责全区社会救助、养老服务、儿童福利、社区治理、社会组织登记管理和"
        "婚姻登记、殡葬管理等工作。",
        "某某区和平路56号",
        "1048",
        "mzj",
        [("孙海燕", "局长", "主持局全面工作，分管社会救助工作。")],
    ),
    "区应急管理局": (
        "负责全区应急管理和安全生产综合监督管理；组织编制应急预案和指导协调防汛抗旱、"
        "森林防灭火和自然灾害防治工作。",
        "某某区建设路9号",
        "1059",
        "yjj",
        [
            ("郑卫东", "局长", "主持局全面工作。"),
            ("何丽", "副局长", "分管安全生产执法和应急救援工作。"),
        ],
    ),
    "城关街道办事处": (
        "负责辖区党的建设、公共服务、公共管理和公共安全工作；指导社区居民委员会工作；"
        "组织辖区民生保障、城市管理和平安建设。",
        "某某区城关街道府前街12号",
        "1101",
        "cgjd",
        [
            ("刘洋", "党工委书记", "主持街道党工委全面工作。"),
            ("黄秀英", "办事处主任", "主持办事处全面工作，分管政务公开工作。"),
        ],
    ),
    "青山镇人民政府": (
        "执行本级人民代表大会的决议和上级国家行政机关的决定和命令；管理本行政区域内的"
        "经济、教育、科学、文化、卫生、民政、公安和乡村振兴等行政工作。",
        "某某区青山镇青山大道88号",
        "1120",
        "qsz",
        [
            ("马志强", "镇党委书记", "主持镇党委全面工作。"),
            ("杨春梅", "镇长", "主持镇政府全面工作，分管政务公开工作。"),
        ],
    ),
}


@transaction.atomic
def ensure_unit_public_info(units, index: Page) -> None:
    """Fill the 机构信息 of demo units that have none yet (editors' changes are kept)."""
    for unit in units:
        info = UNIT_INFO.get(unit.name)
        if info is None or unit.responsibilities:
            continue
        duties, address, phone, mailbox, leaders = info
        unit.responsibilities = duties
        unit.address = f"{address}（演示地址）"
        unit.postcode = "100000"
        unit.office_hours = OFFICE_HOURS
        unit.phone = f"010-0000{phone}（演示）"
        unit.fax = f"010-0000{int(phone) + 1}（演示）"
        unit.email = f"{mailbox}@example.invalid"
        unit.guide_page = (
            Page.objects.descendant_of(index).filter(title=GUIDE_COLUMNS[unit.kind]).first()
        )
        unit.save()
        if not unit.leaders.exists():
            UnitLeader.objects.bulk_create(
                UnitLeader(unit=unit, name=name, post=post, responsibilities=text, sort_order=order)
                for order, (name, post, text) in enumerate(leaders)
            )
