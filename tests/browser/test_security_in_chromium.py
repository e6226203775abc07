"""The security headers in a real browser: the public site and the Wagtail admin work under the
Content-Security-Policy (no violation, no console error), and the admin calls nothing outside."""

import pytest

from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery"

# Every Content-Security-Policy violation the page sees, reported to the test.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile || document.location.href}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def site(index, unit, django_user_model):
    column = add_column(index, "法定主动公开内容")
    leaf = add_column(column, "政策文件")
    document = make_document(
        leaf,
        unit,
        "区人民政府关于印发工作方案的通知",
        publish_date=shanghai(2024, 3, 1),
        doc_number="区政发〔2024〕1号",
        body="<p>各街道办事处、镇人民政府，区政府各部门：现将方案印发给你们。</p>",
    )
    # A superuser with an e-mail address: Wagtail would show the update check and a Gravatar.
    django_user_model.objects.create_superuser("editor", "editor@example.gov.cn", PASSWORD)
    return {"home": index.get_parent(), "column": column, "leaf": leaf, "document": document}


class Watcher:
    """Collects CSP violations, console errors and warnings, page errors and outside requests."""

    def __init__(self, page, live_server):
        self.page = page
        self.origin = live_server.url
        self.problems = []
        self.outside = []
        page.set_default_timeout(15_000)
        page.context.expose_function("reportViolation", self._violation)
        page.context.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", self._request)
        page.on(
            "response",
            lambda r: self.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )

    def _violation(self, text):
        self.problems.append(f"CSP violation: {text}")

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text} ({self.page.url})")

    def _request(self, request):
        url = request.url
        if not url.startswith((self.origin + "/", "data:", "blob:")):
            self.outside.append(url)

    def visit(self, path):
        response = self.page.goto(self.origin + path)
        self.page.wait_for_load_state("networkidle")
        assert response.ok, f"{path} answered {response.status}"
        assert "content-security-policy" in response.headers  # Playwright lower-cases them
        return response

    def log_in(self):
        self.visit("/admin/login/")
        self.page.locator("input[name=username]").fill("editor")
        self.page.locator("input[name=password]").fill(PASSWORD)
        self.page.locator(".login-form button[type=submit]").click()
        self.page.wait_for_url(self.origin + "/admin/")
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def watcher(desktop, live_server):
    return Watcher(desktop, live_server)


def test_public_pages_and_admin_run_without_policy_violations(live_server, site, watcher):
    page = watcher.page
    watcher.visit(site["home"].url)
    watcher.visit(site["column"].url)
    watcher.visit(site["leaf"].url)
    watcher.visit(site["document"].url)
    watcher.visit("/search/?q=工作方案")
    assert page.get_by_text("区人民政府关于印发工作方案的通知").count() >= 1

    watcher.log_in()
    assert page.locator("#wagtail-sidebar, [data-side-panel-toggle], .sidebar").count() >= 1

    document = site["document"]
    watcher.visit(f"/admin/pages/{document.pk}/edit/")
    # The editor's scripts ran: Draftail mounted the body and the tabs are live.
    page.locator(".Draftail-Editor").first.wait_for(state="visible")
    page.get_by_role("tab").nth(1).click()
    watcher.visit(f"/admin/pages/{site['leaf'].pk}/")
    watcher.visit(f"/admin/pages/add/disclosure/disclosuredocumentpage/{site['leaf'].pk}/")
    page.locator(".Draftail-Editor").first.wait_for(state="visible")
    # The public page with the editor's user bar (Wagtail's own script and styles).
    watcher.visit(document.url)
    page.locator("wagtail-userbar").wait_for(state="attached")

    assert watcher.problems == []
    assert watcher.outside == []


def test_the_admin_calls_no_outside_server(live_server, site, watcher):
    watcher.log_in()
    watcher.visit("/admin/")
    watcher.visit(f"/admin/pages/{site['document'].pk}/edit/")
    watcher.page.locator(".Draftail-Editor").first.wait_for(state="visible")
    watcher.visit("/admin/account/")
    assert watcher.outside == []
