"""Files sent with an online 补正: accepted by content, kept privately with the request, shown
to the receiving unit's staff only (the applicant sees their names), and written all together
or not at all — on disk and in S3-compatible storage."""

import datetime
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import (
    InformationRequest,
    RequestDocument,
    RequestEvent,
    RequestOutcome,
    RequestStatus,
)
from disclosure.requests import retention
from disclosure.requests.public.uploads import MAX_BYTES
from disclosure.requests.workflow import transition

from .fuzzing import MARKUP, fuzz_settings
from .request_staff import BASE, submit

D = datetime.date
S = RequestStatus
STATUS = "/zfxxgk/apply/status/"
SUPPLEMENT = "/zfxxgk/apply/status/supplement/"
TEXT = "所需信息为2024年解放路拓宽工程的立项批复<b>"
APPLICANT = RequestDocument.Kind.APPLICANT_SUPPLEMENT

PDF = b"%PDF-1.4\n" + "身份证明扫描件".encode() + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def package(main_part: str) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
    return data.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/octet-stream")


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.DISCLOSURE_APPLY_RATES = {"ip": "1000/h", "identity": "1000/d", "lookup": "1000/h"}


def awaiting(unit, user, *, requested: datetime.date | None = None):
    """A request whose unit asked for a 补正 (notice of ``requested``, 2026-09-23 by default)."""
    row = submit(unit, D(2026, 9, 21))
    transition(row, S.ACCEPTED, user=user)
    row.supplement_requested = requested or D(2026, 9, 23)
    row.supplement_due = D(2026, 10, 16)
    transition(row, S.AWAITING_SUPPLEMENT, user=user, title="发出补正通知")
    return row


@pytest.fixture
def row(unit, handler):
    return awaiting(unit, handler)


def send(row, text: str = TEXT, *files) -> object:
    """The applicant's 补正 from another browser, as a multipart form."""
    return Client().post(SUPPLEMENT, {"code": row.query_code, "text": text, "attachments": files})


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_form_takes_files_without_javascript(client, row):
    page = client.get(STATUS, {"code": row.query_code}).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file" name="attachments"' in page and "multiple" in page
    assert 'aria-describedby="id_attachments_helptext"' in page
    assert "最多 5 个文件" in page and "10 MB" in page


def test_files_reach_the_units_staff_only(row, handler, other_handler, editor, private_media):
    response = send(row, TEXT, upload("身份证 扫描.pdf", PDF), upload("委托书.png", PNG))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == S.PROCESSING and row.supplement_received is not None
    documents = list(row.documents.filter(kind=APPLICANT))
    assert [d.title for d in documents] == ["身份证 扫描.pdf", "委托书.png"]
    assert all(d.file.name.startswith(f"documents/requests/{row.pk}/") for d in documents)
    pdf = documents[0]

    staff = Client()
    staff.force_login(handler)
    detail = staff.get(f"{BASE}{row.pk}/").content.decode()
    file_url = f"{BASE}{row.pk}/files/{pdf.pk}/"
    assert "申请人补正材料：身份证 扫描.pdf" in detail and file_url in detail
    download = staff.get(file_url)
    assert download.status_code == 200 and body(download) == PDF
    assert "no-store" in download["Cache-Control"]
    assert "attachment" in download["Content-Disposition"]
    webmaster = Client()
    webmaster.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "pw"))
    assert body(webmaster.get(file_url)) == PDF

    for user in (other_handler, editor):
        someone = Client()
        someone.force_login(user)
        assert someone.get(file_url).status_code == 404
        assert someone.get(f"{BASE}{row.pk}/").status_code == 404
    anonymous = Client().get(file_url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    # the applicant sees the names, never a download; no public address serves the file
    public = Client()
    status = public.get(STATUS, {"code": row.query_code}).content.decode()
    assert "您提交的补正材料" in status and "身份证 扫描.pdf" in status and "委托书.png" in status
    assert f"/status/files/{pdf.pk}/" not in status
    assert TEXT.replace("<", "&lt;").replace(">", "&gt;") in status and "<b>" not in status
    guessed = public.get(f"/zfxxgk/apply/status/files/{pdf.pk}/", {"code": row.query_code})
    assert guessed.status_code == 404
    assert public.get(f"/media/{pdf.file.name}").status_code == 404
    assert (private_media / pdf.file.name).read_bytes() == PDF


def test_every_accepted_format(row, handler, private_media):
    files = [
        upload("a.jpg", JPEG),
        upload("b.JPEG", JPEG),
        upload("c.doc", DOC),
        upload("d.docx", package("word/document.xml")),
        upload("e.ofd", package("OFD.xml")),
    ]
    assert send(row, TEXT, *files).status_code == 302
    names = sorted(row.documents.filter(kind=APPLICANT).values_list("title", flat=True))
    assert names == ["a.jpg", "b.JPEG", "c.doc", "d.docx", "e.ofd"]


def test_a_large_scan_spooled_to_disk_is_checked_and_kept(row, private_media, settings):
    # over FILE_UPLOAD_MAX_MEMORY_SIZE Django hands over a temporary file, not memory
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", "<document/>")
        archive.writestr("word/media/scan.png", PNG * 50_000)
    docx = data.getvalue()
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE < len(docx) < MAX_BYTES
    assert send(row, TEXT, upload("扫描件.docx", docx)).status_code == 302
    document = row.documents.get(kind=APPLICANT)
    assert (private_media / document.file.name).read_bytes() == docx


def _refused(row, private_media, files, *messages):
    events = RequestEvent.objects.filter(request=row).count()
    response = send(row, TEXT, *files)
    assert response.status_code == 200
    page = response.content.decode()
    for message in (*messages, "请重新选择文件"):
        assert message in page, message
    # what was typed comes back, escaped; the error is linked to the file input
    assert f">\n{TEXT.replace('<', '&lt;').replace('>', '&gt;')}</textarea>" in page
    assert 'aria-describedby="id_attachments_helptext id_attachments_error"' in page
    assert 'id="id_attachments_error"' in page
    row.refresh_from_db()
    assert row.status == S.AWAITING_SUPPLEMENT and row.supplement_received is None
    assert RequestEvent.objects.filter(request=row).count() == events
    assert not RequestDocument.objects.filter(kind=APPLICANT).exists()
    assert stored_files(private_media) == []


def test_a_wrong_type_is_refused(row, private_media):
    _refused(
        row, private_media, [upload("说明.exe", b"MZ" + bytes(100))], "“说明.exe”的类型不能上传"
    )


def test_a_disguised_file_is_refused_by_its_content(row, private_media):
    _refused(
        row,
        private_media,
        [upload("ok.pdf", PDF), upload("扫描件.pdf", PNG)],
        "“扫描件.pdf”的内容不是 PDF 文件",
    )
    _refused(row, private_media, [upload("w.docx", package("xl/workbook.xml"))], "不是 DOCX")
    _refused(row, private_media, [upload("空.png", b"")], "“空.png”是空文件")


def test_a_file_over_10_mb_is_refused(row, private_media):
    big = PDF + bytes(MAX_BYTES + 1 - len(PDF))
    _refused(row, private_media, [upload("大文件.pdf", big)], "“大文件.pdf”大于 10 MB")


def test_more_than_five_files_are_refused(row, private_media):
    files = [upload(f"{n}.png", PNG) for n in range(6)]
    _refused(row, private_media, files, "最多上传 5 个文件，您选择了 6 个")


def test_valid_files_are_asked_again_when_the_text_is_missing(row, private_media):
    response = send(row, "", upload("ok.pdf", PDF))
    page = response.content.decode()
    assert "请填写" in page or "必需" in page or "这个字段是必填项" in page
    assert "已选择的文件没有保存" in page and "重新选择文件" in page
    assert not RequestDocument.objects.exists() and stored_files(private_media) == []


def test_a_failed_step_leaves_no_file_behind(unit, handler, private_media):
    # a notice dated after today: the step refuses the supplement after the files were put
    # in storage, so the rows roll back and the objects are deleted again
    row = awaiting(unit, handler, requested=D(2099, 1, 4))
    response = send(row, TEXT, upload("a.pdf", PDF), upload("b.png", PNG))
    page = response.content.decode()
    assert response.status_code == 200
    assert "收到补正的日期不能早于补正通知日期" in page and "请重新选择文件" in page
    assert "\n所需信息为2024年解放路拓宽工程的立项批复&lt;b&gt;</textarea>" in page
    row.refresh_from_db()
    assert row.status == S.AWAITING_SUPPLEMENT
    assert not RequestDocument.objects.exists() and stored_files(private_media) == []


def test_in_object_storage(unit, handler, s3_media):
    row = awaiting(unit, handler)
    assert send(row, TEXT, upload("委托书.pdf", PDF)).status_code == 302
    document = row.documents.get(kind=APPLICANT)
    assert s3_media.object_keys() == [document.file.name]
    assert document.file.name.startswith("documents/")
    staff = Client()
    staff.force_login(handler)
    assert body(staff.get(f"{BASE}{row.pk}/files/{document.pk}/")) == PDF
    assert Client().get(f"/media/{document.file.name}").status_code == 404

    failing = awaiting(unit, handler, requested=D(2099, 1, 4))
    assert send(failing, TEXT, upload("a.pdf", PDF), upload("b.png", PNG)).status_code == 200
    assert s3_media.object_keys() == [document.file.name]  # nothing of the failed one
    assert not failing.documents.exists()


BOUNDARY = "----supplement-fuzz-boundary"


def multipart(fields: dict, files: list[tuple[str, bytes]]) -> bytes:
    """A form as a browser encodes it (the HTML standard escapes quotes and line breaks in
    names), so that any file name the applicant's system allows reaches the server."""

    def quoted(name: str) -> str:
        return name.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")

    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    for name, content in files:
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename="{quoted(name)}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode("utf-8", "surrogatepass") + content + b"\r\n")
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


names = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40),
    st.text(alphabet="<>&\"'/\\.:;%\x00\r\n\u200b。《》证件pdfpngPDF ", max_size=30),
).map(lambda name: name + (".pdf" if len(name) % 2 else ""))


@fuzz_settings
@given(
    text=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
    filenames=st.lists(names, min_size=0, max_size=3),
)
def test_fuzzed_text_and_file_names(unit, handler, private_media, text, filenames):
    row = awaiting(unit, handler)
    # a mark on each value: the page's own markup never contains "❖</", say
    text, filenames = f"❖{text}❖", [f"❖{name}" for name in filenames]
    data = multipart({"code": row.query_code, "text": text}, [(n, PDF) for n in filenames])
    response = Client().post(
        SUPPLEMENT, data, content_type=f"multipart/form-data; boundary={BOUNDARY}", follow=True
    )
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    staff = Client()
    staff.force_login(handler)
    detail = staff.get(f"{BASE}{row.pk}/")
    assert detail.status_code == 200
    for value in [text, *filenames]:
        if MARKUP.search(value):
            assert value not in page and value not in detail.content.decode()
    for document in row.documents.filter(kind=APPLICANT):
        assert document.title and len(document.title) <= 120
        assert "/" not in document.title and "\x00" not in document.title
        download = staff.get(f"{BASE}{row.pk}/files/{document.pk}/")
        assert download.status_code == 200 and body(download) == PDF


def test_an_odd_file_name_is_kept_readable_and_escaped(unit, handler, private_media):
    row = awaiting(unit, handler)
    name = "C:\\证件\\<img src=x>&amp;.pdf"
    data = multipart({"code": row.query_code, "text": "补充"}, [(name, PDF)])
    response = Client().post(
        SUPPLEMENT, data, content_type=f"multipart/form-data; boundary={BOUNDARY}", follow=True
    )
    document = row.documents.get(kind=APPLICANT)
    assert document.title == "<img src=x>&.pdf"  # the path dropped, the rest as sent
    assert "&lt;img src=x&gt;&amp;.pdf" in response.content.decode()
    assert "<img src=x>" not in response.content.decode()
    assert (private_media / document.file.name).read_bytes() == PDF


def test_the_files_go_with_the_applicants_data_after_the_retention_period(
    row, private_media, settings, django_capture_on_commit_callbacks
):
    settings.DISCLOSURE_REQUEST_RETENTION_YEARS = 0  # closed before today: due
    assert send(row, TEXT, upload("身份证.pdf", PDF)).status_code == 302
    letter = RequestDocument(request=row, kind=RequestDocument.Kind.OTHER, title="内部材料")
    letter.file.save("note.pdf", io.BytesIO(PDF))
    sent = row.documents.get(kind=APPLICANT)
    InformationRequest.objects.filter(pk=row.pk).update(
        closed_date=D(2026, 10, 20), outcome=RequestOutcome.DISCLOSED, status=S.REPLIED
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert retention.anonymise(retention.due_for_anonymising()) == 1
    assert list(row.documents.all()) == [letter]  # the unit's own papers stay
    assert not (private_media / sent.file.name).exists()
    assert stored_files(private_media) == [private_media / letter.file.name]
