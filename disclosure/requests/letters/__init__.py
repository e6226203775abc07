"""Reply letters and notices of the request system (答复书, 告知书, 通知书).

``LetterContext`` holds what a letter says about one request (``context_for_request``
builds it); a ``LetterTemplate`` (models.letter_templates) holds the editable wording with
``{申请人}`` style placeholders. ``render_text``, ``render_docx`` and ``render_pdf`` fill
one with the other. Nothing here imports a model or ReportLab at import time.
"""

__all__ = [
    "LetterContext",
    "build_letter",
    "context_for_request",
    "render_docx",
    "render_pdf",
    "render_text",
    "sample_context",
]

_HOMES = {
    "LetterContext": "context",
    "context_for_request": "context",
    "sample_context": "context",
    "render_docx": "documents",
    "render_pdf": "documents",
    "build_letter": "render",
    "render_text": "render",
}


def __getattr__(name: str):
    # Loaded on first use: the model of the templates imports this package, and the
    # models must not pull the PDF and DOCX code in (tests/test_report_imports.py).
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(name)
