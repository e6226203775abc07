"""A server without the CJK font for PDF reports says so: in `manage.py check` and on the
admin's home page, not only by a PDF link that silently disappears."""

from django.core import checks

from disclosure.checks import check_pdf_font

MISSING = "/nonexistent/fonts/none.ttf"


def test_a_missing_font_is_a_system_check_warning(settings):
    settings.DISCLOSURE_PDF_FONT = MISSING
    (warning,) = check_pdf_font()
    assert warning.id == "disclosure.W001" and warning.level == checks.WARNING
    assert "fonts-wqy-zenhei" in warning.msg
    assert any(m.id == "disclosure.W001" for m in checks.run_checks())


def test_the_admin_home_names_the_missing_font(client, webmaster, settings):
    settings.DISCLOSURE_PDF_FONT = MISSING
    content = client.get("/admin/").content.decode()
    assert "服务器配置问题" in content
    assert "年报的 PDF 下载不可用" in content and "fonts-wqy-zenhei" in content


def test_with_the_font_installed_there_is_no_warning(client, webmaster):
    # the development and CI machines have fonts-wqy-zenhei (README, .ci/run)
    assert check_pdf_font() == []
    assert "服务器配置问题" not in client.get("/admin/").content.decode()
