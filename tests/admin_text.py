"""What an editor reads on an admin page, and the English words in it.

Visible text is every text node outside <script>, <style> and <template>, plus the attributes
a person sees or hears (aria-label, title, placeholder, alt, the text of buttons given as
value=). Other attribute values (URLs, ids, class names, field values) are not text.
"""

import re
from html.parser import HTMLParser

# Names and file formats that stay as they are in a Chinese admin.
ALLOWED_WORDS = frozenset(
    {"Wagtail", "JavaScript", "ID", "URL", "API", "UTF", "GB", "Excel", "cron"}
    | {"English"}  # the account page's language list names each language in itself
    | {"PDF", "DOCX", "XLSX", "CSV", "JSON", "AVIF", "GIF", "JPG", "JPEG", "PNG", "WEBP"}
)

_SEEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
_HIDDEN_ELEMENTS = {"script", "style", "template"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Not words: sizes, uploaded files' names (fangan_q4T8IqO.pdf), the content types the page
# types report lists (disclosure.disclosurecolumnpage) and command names (run_scheduler). "%(name)s" left untranslated would show
# as such and is caught as the word "name".
_NOT_WORDS = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:KB|MB|GB|bytes?)\b"
    r"|[\w-]+\.(?:pdf|png|jpe?g|gif|webp|avif|docx?|xlsx?|csv|zip|txt)\b"
    r"|\b[a-z_]+\.[a-z_]+\b"
    r"|\b[a-z]+(?:_[a-z]+)+\b"
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._in_hidden_counter = False

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN_ELEMENTS:
            self._hidden += 1
        self._in_hidden_counter = ("data-side-panel-toggle-counter", None) in attrs
        for name, value in attrs:
            if value and (
                name in _SEEN_ATTRIBUTES
                or (name == "value" and tag == "input" and ("type", "submit") in attrs)
            ):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in _HIDDEN_ELEMENTS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        # Wagtail's side-panel counters hold Python's None until their script puts a number in
        if not self._hidden and not (self._in_hidden_counter and data.strip() == "None"):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def english_words(text: str) -> list[str]:
    """The English words in ``text`` beyond the allowed names (file sizes excluded)."""
    text = _NOT_WORDS.sub(" ", text)
    return sorted({w for w in _WORD.findall(text) if w not in ALLOWED_WORDS})


def english_in(html: str) -> dict[str, str]:
    """Each English word of the page's visible text, with the text around its first use."""
    text = visible_text(html)
    found = {}
    for word in english_words(text):
        at = re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text)
        start = at.start() if at else 0
        found[word] = text[max(0, start - 40) : start + 40]
    return found
