"""A template filled for one request: the parts of the letter in the order GB/T 9704 lays
them out (title, number line, addressee, body, 救济 paragraph, 附件说明, 落款), and the
letter as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...text import xml_safe
from .context import LetterContext, chinese_date, placeholder_values, today
from .legal_basis import kind_label


@dataclass
class Letter:
    title: str
    number_line: str = ""
    addressee: str = ""
    paragraphs: list[str] = field(default_factory=list)
    remedy: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    unit_name: str = ""
    date: str = ""
    kind_label: str = ""

    def attachment_lines(self) -> list[str]:
        """附件说明: "附件：" then the names, numbered when there are several."""
        names = self.attachments
        if len(names) == 1:
            return [f"附件：{names[0]}"]
        return [("附件：" if n == 1 else "") + f"{n}.{name}" for n, name in enumerate(names, 1)]


def _lines(text: str) -> list[str]:
    """Every non-blank line is a paragraph."""
    return [line.strip() for line in xml_safe(text).splitlines() if line.strip()]


def _one_line(text: str) -> str:
    return " ".join(_lines(text))


def build_letter(template, context: LetterContext) -> Letter:
    """``template``: a ``LetterTemplate`` (or anything with its fields and ``kind``)."""
    from .placeholders import fill

    values = placeholder_values(context, template.kind)
    return Letter(
        title=_one_line(fill(template.title, values)),
        number_line=_one_line(fill(template.number_line or "", values)),
        addressee=_one_line(fill(template.addressee or "", values)),
        paragraphs=_lines(fill(template.body, values)),
        remedy=_lines(fill(template.remedy or "", values)),
        attachments=[_one_line(name) for name in context.attachments if _one_line(name)],
        unit_name=_one_line(context.unit_name),
        date=chinese_date(context.reply_date or today()),
        kind_label=kind_label(template.kind),
    )


def letter_lines(letter: Letter) -> list[str]:
    lines = [letter.title]
    if letter.number_line:
        lines.append(letter.number_line)
    lines.append("")
    if letter.addressee:
        lines.append(letter.addressee)
    lines += [*letter.paragraphs, *letter.remedy]
    if letter.attachments:
        lines += ["", *letter.attachment_lines()]
    lines += ["", letter.unit_name, letter.date]
    return lines


def render_text(template, context: LetterContext) -> str:
    """The letter as plain text, one paragraph a line."""
    return "\n".join(letter_lines(build_letter(template, context))) + "\n"
