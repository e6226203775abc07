"""Load the demo portal: home page, disclosure index, column tree, units and documents.

Idempotent: running it again leaves what exists and adds only what is missing.
"""

import datetime
import os
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from disclosure.models import (
    DisclosureAttachment,
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    DisclosureUnit,
    ReportCategory,
    Topic,
    Validity,
)
from disclosure.models.choices import DocumentType
from disclosure.validators import credit_code_check_char, org_code_check_char
from home import demo_content as demo
from home.demo_interpretations import ensure_interpretation_links
from home.demo_people import ensure_unit_people
from home.demo_registers import ensure_registers, ensure_report_pages
from home.demo_report_cycle import ensure_unit_reports
from home.demo_requests import ensure_requests
from home.demo_settings import ensure_portal_settings
from home.demo_units import ensure_unit_public_info
from home.models import HomePage

REGION_CODE = "330199"  # an invented district
DEMO_USERNAME = "admin"


class Command(BaseCommand):
    help = "创建演示内容（可重复运行）。Create the demo portal content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=320, help="演示信息条数")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, documents: int, seed: int, **options):
        rng = random.Random(seed)
        with transaction.atomic():
            home = self.ensure_home()
            units = self.ensure_units()
            index = self.ensure_index(home)
            leaves = self.ensure_columns(index, units)
            ensure_portal_settings(Site.objects.get(root_page=home), index)
            ensure_unit_public_info(units.values(), index)
        created = 0
        if not DisclosureDocumentPage.objects.descendant_of(index).exists():
            created = self.create_documents(leaves, units, documents, rng)
        with transaction.atomic():
            ensure_registers(units.values(), timezone.localdate().year - 4, rng)
            ensure_report_pages(index)
            ensure_interpretation_links(index)
        password = self.ensure_superuser()
        people = ensure_unit_people(password)
        with transaction.atomic():
            ensure_requests(units.values(), rng)
            ensure_unit_reports(index)
        self.stdout.write(
            self.style.SUCCESS(
                f"演示内容就绪：{DisclosureColumnPage.objects.count()} 个栏目，"
                f"新建 {created} 条信息（共 {DisclosureDocumentPage.objects.count()} 条）。"
            )
        )
        self.stdout.write(f"管理后台 /admin/ 登录：用户名 {DEMO_USERNAME}  密码 {password}")
        self.stdout.write(
            f"各单位演示账号（密码相同）：{len(people)} 个，如 {people[0][0]}（{people[0][1]}"
            f"{people[0][2]}）；各账号的权限见 README（Units as workspaces）。"
        )

    # --- structure -------------------------------------------------------------------------

    def ensure_home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        home = HomePage(title="区人民政府门户网站", slug="portal-home")
        root.add_child(instance=home)
        home.save_revision().publish()
        if site:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "区人民政府门户网站"
            site.save()
            if old_root.specific_class is Page and not old_root.get_children().exists():
                old_root.delete()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="区人民政府门户网站",
            )
        home.slug = "home"
        home.save_revision().publish()
        # Publishing saved a copy built from the revision; reload for the new url_path.
        return HomePage.objects.get(pk=home.pk)

    def ensure_units(self) -> dict[str, DisclosureUnit]:
        units = {}
        for order, (name, short, org_body, kind, _prefix) in enumerate(demo.UNITS, start=1):
            org_code = org_body + org_code_check_char(org_body)
            body = "11" + REGION_CODE + org_code
            code = body + credit_code_check_char(body)
            unit, _ = DisclosureUnit.objects.get_or_create(
                name=name,
                defaults={"short_name": short, "code": code, "kind": kind, "sort_order": order},
            )
            units[name] = unit
        return units

    def ensure_index(self, home: HomePage) -> DisclosureIndexPage:
        index = DisclosureIndexPage.objects.child_of(home).first()
        if index:
            return index
        index = DisclosureIndexPage(
            title="政府信息公开",
            slug="zfxxgk",
            intro="<p>本栏目依据《中华人民共和国政府信息公开条例》，统一发布本区法定主动公开内容。</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        return index

    def ensure_columns(self, index, units) -> list[DisclosureColumnPage]:
        categories = {c.name: c for c in ReportCategory.objects.all()}
        leaves = []
        for line in demo.COLUMN_TREE.strip().splitlines():
            path, _, leaf_part = line.partition(":")
            first, second = (part.strip() for part in path.split(">"))
            level1 = self.ensure_column(index, first)
            level2 = self.ensure_column(
                level1, second, categories.get(demo.COLUMN_CATEGORIES.get(second))
            )
            leaf_names = [name.strip() for name in leaf_part.split("/") if name.strip()]
            if not leaf_names:
                leaves.append(level2)
            for name in leaf_names:
                category = categories.get(demo.LEAF_CATEGORIES.get(name, ""))
                leaf = self.ensure_column(level2, name, category)
                if name.endswith("规范性文件") and not leaf.default_document_type:
                    # Their documents count as 行政规范性文件 in Table A of the annual report.
                    leaf.default_document_type = DocumentType.NORMATIVE
                    leaf.save_revision().publish()
                leaves.append(leaf)
        return leaves

    def ensure_column(self, parent, title, category=None) -> DisclosureColumnPage:
        intro = demo.COLUMN_INTROS.get(title, "")
        existing = DisclosureColumnPage.objects.child_of(parent).filter(title=title).first()
        if existing and intro and not existing.intro:  # a demo made before the text existed
            existing.intro = intro
            existing.save_revision().publish()
        if existing:
            return existing
        column = DisclosureColumnPage(title=title, default_report_category=category, intro=intro)
        parent.add_child(instance=column)
        column.save_revision().publish()
        return column

    # --- documents -------------------------------------------------------------------------

    def create_documents(self, leaves, units, count: int, rng: random.Random) -> int:
        topics = list(Topic.objects.filter(parent__isnull=False))
        unit_list = list(units.values())
        prefixes = {name: row[4] for name, row in zip(units, demo.UNITS, strict=True)}
        doc_serials: dict[tuple[str, int], int] = {}
        now = timezone.localtime()
        first_year = now.year - 4
        # The last few are scheduled to go live in the coming days.
        scheduled = max(3, count // 80)
        for n in range(count):
            # A stride coprime with the leaf count visits every column evenly.
            column = leaves[(n * 13) % len(leaves)]
            section = self.section_name(column)
            subject = rng.choice(demo.SUBJECTS.get(section, demo.DEFAULT_SUBJECTS))
            year = first_year + (n * 5) // count
            published = timezone.make_aware(
                datetime.datetime(
                    year,
                    rng.randint(1, 12),
                    rng.randint(1, 28),
                    rng.randint(8, 17),
                    rng.randint(0, 59),
                )
            )
            if published > now:
                published = now - datetime.timedelta(days=rng.randint(1, 60))
            unit = rng.choice(unit_list)
            pattern, genre = rng.choice(demo.TITLE_PATTERNS.get(section, demo.DEFAULT_PATTERNS))
            title = pattern.format(subject=subject, y=year, m=published.month, n=rng.randint(1, 99))
            doc_number = ""
            if genre in ("notice", "opinion", "decision", "bulletin"):
                key = (unit.name, year)
                doc_serials[key] = doc_serials.get(key, 0) + 1
                doc_number = f"{prefixes[unit.name]}〔{year}〕{doc_serials[key]}号"
            repealed = year <= first_year + 1 and n % 6 == 0
            document = DisclosureDocumentPage(
                title=title,
                slug=f"d{n + 1:05d}",
                live=False,
                unit=unit,
                doc_number=doc_number,
                written_date=(published - datetime.timedelta(days=rng.randint(1, 10))).date(),
                publish_date=published,
                topic=rng.choice(topics),
                genre=genre,
                validity=Validity.REPEALED if repealed else Validity.VALID,
                repeal_date=datetime.date(year + 1, 12, 31) if repealed else None,
                keywords=subject,
                summary=f"{unit.name}发布{title}。",
                body="".join(f"<p>{p.format(subject=subject)}</p>" for p in demo.BODY_PARAGRAPHS),
            )
            if n >= count - scheduled:
                document.go_live_at = now + datetime.timedelta(days=n - count + scheduled + 1)
                document.publish_date = None
            self.publish_document(column, document, with_attachment=n % 7 == 0)
        return count

    @staticmethod
    def section_name(column) -> str:
        """The second-level column's title, which picks the demo vocabulary."""
        index_depth = DisclosureIndexPage.objects.ancestor_of(column).first().depth
        if column.depth == index_depth + 2:
            return column.title
        return column.get_parent().title

    def publish_document(self, column, document, *, with_attachment: bool) -> None:
        with transaction.atomic():
            column.add_child(instance=document)
            if with_attachment:
                DisclosureAttachment.objects.create(
                    page=document, document=self.make_attachment(document.title)
                )
            document.save_revision().publish()

    @staticmethod
    def make_attachment(title: str):
        Document = get_document_model()
        pdf = _minimal_pdf()
        doc = Document(title=f"{title}（附件）")
        doc.file.save("attachment.pdf", ContentFile(pdf), save=False)
        doc.file_size = len(pdf)
        doc.save()
        return doc

    # --- people ----------------------------------------------------------------------------

    def ensure_superuser(self) -> str:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "demo-admin-2026")
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username=DEMO_USERNAME, defaults={"email": "admin@example.invalid"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        return password


def _minimal_pdf() -> bytes:
    """A one-page PDF, small but valid, standing in for a scanned attachment."""
    text = b"Attachment"
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out
