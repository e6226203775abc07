"""The online 补正 with files in Chromium: a file whose content is not its type comes back as a
Chinese error linked to the file input, with the text kept and the files asked for again;
the corrected form sends the files, whose names the status page then lists. At 390 px
without JavaScript (screenshot) and at 1280 px with axe."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from disclosure.models import RequestDocument, RequestStatus
from disclosure.requests.workflow import transition

from ..request_staff import submit
from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
TEXT = "补充：所需信息为2024年解放路拓宽工程的立项批复"


@pytest.mark.parametrize("width, javascript", [(390, False), (1280, True)])
def test_supplement_with_files(
    live_server, browser, unit, handler, private_media, settings, width, javascript
):
    settings.DISCLOSURE_APPLY_RATES = {"ip": "1000/h", "identity": "1000/d", "lookup": "1000/h"}
    row = submit(unit, datetime.date(2026, 9, 21))
    transition(row, RequestStatus.ACCEPTED, user=handler)
    row.supplement_requested = datetime.date(2026, 9, 23)
    row.supplement_due = datetime.date(2026, 10, 16)
    transition(row, RequestStatus.AWAITING_SUPPLEMENT, user=handler, title="发出补正通知")
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="zh-CN", java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/zfxxgk/apply/status/?code={row.query_code}")

    page.get_by_label("补正内容").fill(TEXT)
    files = page.get_by_label("补正材料（可选）")
    files.set_input_files(
        [
            {"name": "身份证.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "委托书.pdf", "mimeType": "application/pdf", "buffer": PNG},
        ]
    )
    page.get_by_role("button", name="提交补正").click()

    error = page.locator("#id_attachments_error").inner_text()
    assert "“委托书.pdf”的内容不是 PDF 文件" in error and "请重新选择文件" in error
    assert "id_attachments_error" in files.get_attribute("aria-describedby")
    assert files.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("补正内容").input_value() == TEXT
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.locator("#supplement-title").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"apply-supplement-error-{width}.png"), full_page=True)
    if javascript:  # axe runs as a script
        assert [v["id"] for v in Axe().run(page).response["violations"]] == []
    assert not RequestDocument.objects.exists()

    files.set_input_files([{"name": "身份证.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name="提交补正").click()
    main = page.inner_text("main")
    assert "您提交的补正材料" in main and "身份证.pdf" in main and "办理中" in main
    assert RequestDocument.objects.get().kind == RequestDocument.Kind.APPLICANT_SUPPLEMENT
    context.close()
