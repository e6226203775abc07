"""Demo values of the portal settings (设置 → 门户网站信息): an invented district, filing
numbers that are visibly not real, and a placeholder 党政机关 mark drawn here."""

from __future__ import annotations

import io
import os

from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.portal_settings import PortalSettings

DEMO_VALUES = {
    "site_name": "某某区人民政府门户网站",
    "district_name": "某某区人民政府",
    "sponsor": "某某区人民政府办公室",
    "organizer": "某某区政务服务和数据管理局",
    "address": "某某市某某区人民路1号（演示地址）",
    "postcode": "100000",
    "phone": "010-00000000（演示）",
    "email": "zfxxgk@example.invalid",
    "site_code": "1101050001",
    "icp_number": "京ICP备00000000号（演示数据）",
    "police_number": "京公网安备 11010500000000号（演示数据）",
    "party_mark_url": "",
}
CONTACT_COLUMN = "受理机构及联系方式"
MARK_TITLE = "党政机关网站标识（演示）"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def ensure_portal_settings(site: Site, index: Page) -> PortalSettings:
    """Fill the site's settings once; what an editor changed afterwards is kept."""
    portal = PortalSettings.for_site(site)
    if portal.sponsor:
        return portal
    for field, value in DEMO_VALUES.items():
        setattr(portal, field, value)
    # the address `make demo` serves, so that the links of the catalogue files work
    portal.public_base_url = (
        os.environ.get("PORTAL_PUBLIC_BASE_URL") or django_settings.WAGTAILADMIN_BASE_URL
    ).rstrip("/")
    portal.contact_page = Page.objects.descendant_of(index).filter(title=CONTACT_COLUMN).first()
    portal.party_mark = _demo_mark()
    portal.save()
    return portal


def _demo_mark():
    """A red emblem with 党政机关 and 演示 on it; the real mark is issued to the organiser."""
    from PIL import Image, ImageDraw, ImageFont

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=MARK_TITLE).first()
    if existing:
        return existing
    picture = Image.new("RGBA", (120, 132), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 4, 110, 104), fill=(200, 16, 26, 255))
    draw.ellipse((22, 16, 98, 92), outline=(255, 215, 0, 255), width=4)
    if os.path.isfile(FONT):
        big, small = ImageFont.truetype(FONT, 22), ImageFont.truetype(FONT, 18)
        draw.text((60, 42), "党政", font=big, fill="white", anchor="mm")
        draw.text((60, 68), "机关", font=big, fill="white", anchor="mm")
        draw.text((60, 120), "演示标识", font=small, fill=(200, 16, 26, 255), anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = Image_(title=MARK_TITLE)
    image.file = ImageFile(buffer, name="party-mark-demo.png")
    image.save()
    return image
