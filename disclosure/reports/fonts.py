"""The fonts of an official document (GB/T 9704): which file each role uses in the PDF.

GB/T 9704 sets 方正小标宋简体 for the title, 黑体 for 一级 headings, 楷体_GB2312 for 二级
headings and 仿宋_GB2312 for the body. Those fonts are commercial and not packaged by
Debian, so each role takes, in order: the file named in ``DISCLOSURE_PDF_FONTS[role]``,
the first official font file found under the system font folders (their usual file
names), then the common CJK font (``DISCLOSURE_PDF_FONT`` or WenQuanYi Zen Hei from
``fonts-wqy-zenhei``). The PDF embeds whatever is used (TrueType subsets); its document
info names the fonts, and ``font_report()`` says which role fell back.

DOCX files embed no font: they name the official fonts and Word substitutes on a
computer without them (see docs/statistics.md).
"""

from functools import cache
from pathlib import Path

from ..conf import get_setting

# role: (official font name as Word knows it, usual file names of that font)
OFFICIAL = {
    "title": ("方正小标宋简体", ["FZXBSJW.TTF", "FZXBSJW--GB1-0.ttf", "方正小标宋简体.ttf"]),
    "heading1": ("黑体", ["simhei.ttf", "SimHei.ttf", "黑体.ttf"]),
    "heading2": ("楷体_GB2312", ["simkai.ttf", "楷体_GB2312.ttf", "SIMKAI.TTF", "楷体.ttf"]),
    "body": ("仿宋_GB2312", ["FangSong_GB2312.ttf", "仿宋_GB2312.ttf", "simfang.ttf", "仿宋.ttf"]),
}
FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts")]


def official_name(role: str) -> str:
    return OFFICIAL[role][0]


@cache
def _installed_files() -> dict[str, str]:
    """Lower-cased file name → path of every font file under the system font folders."""
    found: dict[str, str] = {}
    for folder in FONT_DIRS:
        root = Path(folder)
        if root.is_dir():
            for path in root.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(path.name.lower(), str(path))
    return found


def font_file(role: str) -> tuple[str, bool]:
    """(path, official) of the font the PDF uses for ``role``."""
    from .documents import cjk_font_path

    configured = (get_setting("DISCLOSURE_PDF_FONTS") or {}).get(role)
    if configured and Path(configured).is_file():
        return configured, True
    installed = _installed_files()
    for name in OFFICIAL[role][1]:
        if path := installed.get(name.lower()):
            return path, True
    return cjk_font_path(), False


def font_report() -> dict[str, str]:
    """role → "official name: file" or "official name → fallback file", for the docs/checks."""
    report = {}
    for role in OFFICIAL:
        path, official = font_file(role)
        arrow = ":" if official else " →"
        report[role] = f"{official_name(role)}{arrow} {path}"
    return report


def register_pdf_fonts() -> dict[str, str]:
    """Register one ReportLab font per role; role → registered font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {}
    registered = set(pdfmetrics.getRegisteredFontNames())
    for role in OFFICIAL:
        path, _official = font_file(role)
        name = f"Disclosure-{Path(path).stem}"
        if name not in registered:
            options = {"subfontIndex": 0} if path.lower().endswith(".ttc") else {}
            pdfmetrics.registerFont(TTFont(name, path, **options))
            registered.add(name)
        names[role] = name
    return names
