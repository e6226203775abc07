"""Every public page type at 1280 px and 390 px, in the normal view and in 适老化 mode: no sideways
scrolling, the main content takes the width it should, axe-core finds nothing, and no visible
English is left untranslated. A screenshot of each goes to artifacts/screenshots/ (CI keeps it).
"""

import datetime
import re
import warnings

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from wagtail.models import Page

from disclosure.models import AnnualReportPage, StatisticsPage
from disclosure_portal.accessibility import FONT_COOKIE, MODE_COOKIE
from tests.conftest import add_column, make_document, shanghai
from tests.test_request_status import ask_for_supplement, make_request

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITE_MAP_PATH = "/sitemap/"
# LEAD: once engineer "document" links a policy to its 政策解读, point "interpretation" at the
# linked 解读 page in `site` below; until then it is a document in a 政策解读 column.

PAGE_TYPES = [
    "home",
    "index",
    "column-1",
    "column-2",
    "column-3",
    "document",
    "interpretation",
    "statistics",
    "annual-report",
    "unit-list",
    "unit",
    "unit-catalogue",
    "search-results",
    "search-empty",
    "sitemap",
    "not-found",
    "apply-form",
    "apply-status",
]
WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}
# 适老化 mode as its most demanding: every tool on and the largest type
MODES = {"normal": {}, "elder": {MODE_COOKIE: "elder.large.contrast.guide", FONT_COOKIE: "large"}}

# Latin words a Chinese reader meets on a government site: file formats and acronyms.
ALLOWED_ENGLISH = {
    *("PDF", "DOCX", "DOC", "XLSX", "XLS", "CSV", "RSS", "API", "ICP", "JSON", "XML"),
    "EXCEL",  # 表格（Excel）: the name a reader knows the format by
    "ATOM",  # the feed format beside RSS (订阅 links on column pages)
    # the file types and size limit of the online 补正's files (申请办理查询)
    *("JPG", "PNG", "OFD", "MB"),
}

# Problems of pages other engineers own, tolerated until they are fixed: each must still occur
# (the test fails once it is gone, so that the entry is removed) and is printed as a warning.
KNOWN_ISSUES: dict[tuple[str, str], str] = {}
URL_OR_CODE = re.compile(
    r"https?://\S+|www\.\S+|[\w.-]+@[\w.-]+|[\w./-]*\d[\w./-]*|\S+\.(?:pdf|docx?|xlsx?|csv)\b",
    re.I,
)
LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")

VISIBLE_TEXT = """() => {
    const attributes = [...document.querySelectorAll("[placeholder], [aria-label], [alt], [title]")]
        .filter((element) => element.closest("[hidden]") === null)
        .flatMap((element) => ["placeholder", "aria-label", "alt", "title"]
            .map((name) => element.getAttribute(name) || ""));
    return [document.body.innerText, ...attributes].join("\\n");
}"""

# The content column (main beside any sidebar), the listing tables that must span it, and
# table headers squeezed to one character per line (the leaf column's table that fell into
# the 220 px sidebar track showed both).
MAIN_WIDTHS = """() => {
    const main = document.querySelector("main").getBoundingClientRect();
    const sidebar = [...document.querySelectorAll("main aside, main .sub-columns")]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.width < main.width * 0.5);
    const beside = sidebar.reduce((sum, box) => sum + box.width + 24, 0);
    const listings = [...document.querySelectorAll("main .document-table, main .metadata")]
        .filter((table) => table.offsetParent)
        .map((table) => [table.className, table.getBoundingClientRect().width]);
    const squeezed = [...document.querySelectorAll("main th")]
        .filter((th) => th.offsetParent && th.innerText.trim().length >= 2)
        .filter((th) => th.getBoundingClientRect().width
            < 1.9 * parseFloat(getComputedStyle(th).fontSize))
        .map((th) => th.innerText.trim());
    return {main: main.width, content: main.width - beside, listings, squeezed};
}"""


@pytest.fixture
def site(index, unit):
    home = index.get_parent()
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    level3 = add_column(level2, "区政府规范性文件")
    interpretations = add_column(level1, "政策解读")
    reports = add_column(index, "政府信息公开年报")
    document = None
    for day in range(1, 7):
        document = make_document(
            level3,
            unit,
            f"区人民政府关于印发第{day}项民生实事工作方案的通知",
            publish_date=shanghai(2024, 3, day),
            doc_number=f"区政发〔2024〕{day}号",
            body="<p>各街道办事处、镇人民政府，区政府各部门：现将方案印发给你们，请认真贯彻执行。"
            "方案涉及养老服务、社区食堂、老旧小区加装电梯等民生实事。</p>",
        )
    for month in (1, 2):  # the statistics page opens on the current year: give it figures
        make_document(
            level2,
            unit,
            f"区人民政府办公室关于{month}月份重点工作安排的通知",
            publish_date=timezone.now() - datetime.timedelta(days=month),
            body="<p>现将本月重点工作安排通知如下。</p>",
        )
    interpretation = make_document(
        interpretations,
        unit,
        "关于《第6项民生实事工作方案》的政策解读",
        publish_date=shanghai(2024, 3, 8),
        body="<p>一、制定背景。为办好民生实事，区政府制定了本方案。</p>"
        "<p>二、主要内容。方案明确了养老服务和社区食堂的建设目标。</p>",
    )
    statistics = StatisticsPage(title="政府信息公开统计", slug="statistics")
    reports.add_child(instance=statistics)
    report = AnnualReportPage(title="2024年政府信息公开工作年度报告", year=2024, unit=unit)
    reports.add_child(instance=report)
    report.save_revision().publish()
    unit.responsibilities, unit.address, unit.phone = (
        "负责区政府日常工作的综合协调。",
        "某区人民路1号",
        "010-00001001",
    )
    unit.leaders.create(
        name="林文华", post="主任", responsibilities="主持全面工作，分管政府信息公开工作。"
    )
    unit.save()  # with its leaders (modelcluster defers them until then)
    paths = {
        "home": home.url,
        "index": index.url,
        "column-1": level1.url,
        "column-2": level2.url,
        "column-3": level3.url,
        "document": document.url,
        "interpretation": interpretation.url,
        "statistics": statistics.url,
        "annual-report": Page.objects.get(pk=report.pk).url,
        "unit-list": "/zfxxgk/units/",
        "unit": f"/zfxxgk/units/{unit.code}/",
        "unit-catalogue": f"/zfxxgk/units/{unit.code}/catalogue/",
        "search-results": "/search/?q=民生实事",
        "search-empty": "/search/?q=火星移民",
        "sitemap": SITE_MAP_PATH,
        "not-found": "/zfxxgk/no-such-page/",
        "apply-form": "/zfxxgk/apply/",
        "apply-status": f"/zfxxgk/apply/status/?code={awaiting_supplement(unit).query_code}",
    }
    return paths


def awaiting_supplement(unit):
    """An online application waiting for the applicant's 补正: the status page shows both forms."""
    request = make_request(unit, shanghai(2026, 9, 21, 10, 0))
    ask_for_supplement(request, None)
    return request


def english_words(text: str) -> list[str]:
    words = LATIN_WORD.findall(URL_OR_CODE.sub(" ", text))
    return sorted({word for word in words if word.upper() not in ALLOWED_ENGLISH})


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_public_page_at_both_widths_in_both_modes(live_server, browser, site, page_type):
    url = live_server.url + site[page_type]
    problems = []
    axe = Axe()
    for mode, cookies in MODES.items():
        for width, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, locale="zh-CN")
            context.add_cookies(
                [
                    {"name": name, "value": value, "url": live_server.url}
                    for name, value in cookies.items()
                ]
            )
            page = context.new_page()
            response = page.goto(url)
            where = f"{page_type} {mode} {width}px"
            expected = 404 if page_type == "not-found" else 200
            if response.status != expected:
                problems.append(f"{where}: HTTP {response.status}")
            classes = page.evaluate("document.documentElement.className")
            assert ("a11y-elder" in classes) == (mode == "elder"), (where, classes)
            page.screenshot(
                path=str(SCREENSHOTS / f"{page_type}-{mode}-{width}.png"), full_page=True
            )

            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{where}: scrolls sideways by {overflow}px")

            widths = page.evaluate(MAIN_WIDTHS)
            least = 0.7 if width == "1280" else 0.9
            if widths["main"] < 0.9 * viewport["width"]:
                problems.append(f"{where}: main is {widths['main']:.0f}px wide")
            if widths["content"] < least * viewport["width"]:
                problems.append(
                    f"{where}: the content beside the sidebar is {widths['content']:.0f}px"
                )
            for name, table_width in widths["listings"]:
                if table_width < 0.8 * min(widths["content"], viewport["width"] - 32):
                    problems.append(f"{where}: table {name} is only {table_width:.0f}px wide")
            if widths["squeezed"]:
                problems.append(f"{where}: headers one character per line {widths['squeezed']}")

            results = axe.run(page)
            for violation in results.response["violations"]:
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{where}: axe {violation['id']} ({violation['impact']}) {targets}")

            english = english_words(page.evaluate(VISIBLE_TEXT))
            if english:
                problems.append(f"{where}: untranslated English {english}")
            context.close()
    assert unexpected(page_type, problems) == [], "\n".join(unexpected(page_type, problems))


def unexpected(page_type: str, problems: list[str]) -> list[str]:
    """``problems`` less the known issues of ``page_type``; a known issue that no longer
    occurs is itself a problem (remove it from KNOWN_ISSUES)."""
    left = list(problems)
    for (known_page, text), owner in KNOWN_ISSUES.items():
        if known_page != page_type:
            continue
        seen = [problem for problem in left if text in problem]
        if not seen:
            left.append(f"{page_type}: '{text}' is fixed, remove it from KNOWN_ISSUES")
        for problem in seen:
            left.remove(problem)
            warnings.warn(f"known issue ({owner}): {problem}", stacklevel=2)
    return left


def test_the_english_check_can_fail():
    """The allow-list and the URL/code filter let formats and codes through, not English."""
    assert (
        english_words("下载 PDF 版本 · 附件.docx · https://example.gov.cn/a · 11330199MB2E") == []
    )
    assert english_words("Page not found 页面不存在") == ["Page", "found", "not"]
