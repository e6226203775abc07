"""Reply letters and notices of the request system (答复书, 告知书, 通知书).

``LetterContext`` holds what a letter says about one request (``context_for_request``
builds it); a ``LetterTemplate`` (models.letter_templates) holds the editable wording with
``{申请人}`` style placeholders. ``render_text``, ``render_docx`` and ``render_pdf`` fill
one with the other. Nothing here imports a model or ReportLab at import time.
"""

from .context import LetterContext, context_for_request, sample_context
from .documents import render_docx, render_pdf
from .render import build_letter, render_text

__all__ = [
    "LetterContext",
    "build_letter",
    "context_for_request",
    "render_docx",
    "render_pdf",
    "render_text",
    "sample_context",
]
