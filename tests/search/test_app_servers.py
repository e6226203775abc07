"""Two app servers over one database, one Redis, one Elasticsearch and one S3 bucket: what an
editor publishes on one is what every reader sees on the other, at once, cached pages
included; an attachment uploaded on one is downloaded from the other; a login on one is valid
on the other."""

import re
import secrets
import time
import urllib.parse

import pytest
from wagtail.documents import get_document_model

from ..conftest import add_column, admin_document_form, make_document
from ..servers import app_server, get, manage, production_env, redis_server

HTTPS = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of the servers says
ATTACHMENT = "%PDF-1.4\n两台服务器共享的附件\n".encode()


def multipart(form: dict, files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body (``files``: field -> (file name, content))."""
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in form.items()
    ]
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """Cookies by hand: the production cookies are Secure, and this is plain HTTP."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port, method, path, form=None, files=None):
        import http.client

        token = self.csrf(port, path) if form is not None else None  # sets the CSRF cookie
        headers = {**HTTPS, "Host": f"127.0.0.1:{port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None and files:
            body, headers["Content-Type"] = multipart({**form, "csrfmiddlewaretoken": token}, files)
        elif form is not None:
            body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if form is not None:
            headers["Origin"] = f"https://127.0.0.1:{port}"
            headers["Referer"] = f"https://127.0.0.1:{port}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.body = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response

    def csrf(self, port, path):
        page = self.request(port, "GET", path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)


def _delete_indexes(url: str, prefix: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url)
    names = list(client.indices.get(index=f"{prefix}*", expand_wildcards="all"))
    if names:  # by name: the node refuses wildcard deletions (destructive_requires_name)
        client.indices.delete(index=",".join(names))


@pytest.mark.django_db(transaction=True)
def test_a_publication_on_one_app_server_is_read_at_once_on_the_other(
    index, unit, elasticsearch_url, s3_bucket, tmp_path, request
):
    column = add_column(index, "通知公告")
    make_document(column, unit, "已经公开的通知")

    prefix = f"servers{int(time.time())}_"
    request.addfinalizer(lambda: _delete_indexes(elasticsearch_url, prefix))
    with redis_server(tmp_path) as redis_url:
        env = production_env(
            REDIS_URL=redis_url,
            ELASTICSEARCH_URL=elasticsearch_url,
            ELASTICSEARCH_INDEX_PREFIX=prefix,
            PORTAL_CACHE_PREFIX="servers-test",
            STATIC_ROOT=str(tmp_path / "static"),
            MEDIA_ROOT=str(tmp_path / "media"),  # must stay empty: uploads go to the bucket
            **s3_bucket.env(),
        )
        manage(env, "collectstatic", "--no-input", "-v", "0")
        manage(env, "update_index")
        # with the servers' password hashers (the tests' own is a fast, weak one)
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": "pw-2026"},
            "createsuperuser", "--no-input", "--username", "webmaster", "--email", "w@example.invalid",
        )  # fmt: skip
        with app_server(env) as one, app_server(env) as other:
            for port in (one, other):  # each server has the column cached (or reads it)
                get(port, column.url, HTTPS)
            cached = get(other, column.url, HTTPS)
            assert cached.getheader("X-Page-Cache") == "hit"
            assert "刚刚发布的通知" not in cached.body

            editor = Browser()
            login = editor.request(
                one, "POST", "/admin/login/", {"username": "webmaster", "password": "pw-2026"}
            )
            assert login.status == 302, login.body[-2000:]
            # an attachment uploaded on one server lands in the shared bucket
            upload = editor.request(
                one, "POST", "/admin/documents/add/", {"title": "共享存储附件"},
                files={"file": ("shared-notice.pdf", ATTACHMENT)},
            )  # fmt: skip
            assert upload.status == 302, upload.body[-3000:]
            attachment = get_document_model().objects.get(title="共享存储附件")
            assert s3_bucket.read(attachment.file.name) == ATTACHMENT

            add = f"/admin/pages/add/disclosure/disclosuredocumentpage/{column.pk}/"
            form = admin_document_form(
                unit, title="刚刚发布的通知", slug="just-published",
                **{"attachments-TOTAL_FORMS": "1", "attachments-0-document": str(attachment.pk),
                   "attachments-0-title": "", "attachments-0-id": "", "attachments-0-ORDER": "1"},
            )  # fmt: skip
            published = editor.request(one, "POST", add, {**form, "action-publish": "publish"})
            assert published.status == 302, published.body[-3000:]

            # the other server: no stale listing, the new page, the search
            listing = get(other, column.url, HTTPS)
            assert "刚刚发布的通知" in listing.body
            assert get(other, column.url + "just-published/", HTTPS).status == 200
            query = urllib.parse.quote("刚刚发布")
            for _ in range(50):  # Elasticsearch makes new documents searchable within 1 s
                search = get(other, f"/search/?q={query}", HTTPS)
                if "刚刚发布的通知" in re.sub(r"</?mark>", "", search.body):
                    break
                time.sleep(0.1)
            assert "刚刚发布的通知" in re.sub(r"</?mark>", "", search.body)

            # the other server serves the attachment from the bucket, to anyone
            download = get(other, f"/documents/{attachment.pk}/{attachment.filename}", HTTPS)
            assert download.status == 200, download.body[-2000:]
            assert download.body == ATTACHMENT.decode()
            assert not any((tmp_path / "media").rglob("*.pdf"))

            # one login for every server: the session lives in the shared database and Redis
            assert editor.request(other, "GET", "/admin/").status == 200
