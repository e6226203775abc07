"""The reply letter (答复书) of a closed request, from the webmasters' editable template for
its outcome (``disclosure.requests.letters``), as the PDF kept with the request.

``reply_letter_file`` is the one place the reply step asks for the letter.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def reply_template(outcome: str):
    """The first active template for ``outcome``, else the built-in default wording; a
    Chinese error only for an outcome without either."""
    from ...models.choices import RequestOutcome
    from ...models.letter_templates import LetterTemplate
    from ..letters.defaults import default_template

    template = LetterTemplate.objects.for_kind(outcome).first() or default_template(outcome)
    if template is None:
        raise ValidationError(
            {
                "outcome": _(
                    "“%(outcome)s”没有启用的答复书模板，请先在“信息公开 → 答复文书模板”中添加。"
                )
                % {"outcome": RequestOutcome(outcome).label}
            }
        )
    return template


def reply_letter_text(request, reason: str = "") -> str:
    """The letter as plain text (what the PDF says)."""
    from ..letters import context_for_request, render_text

    template = reply_template(request.outcome)
    return render_text(template, context_for_request(request, reason=reason))


def reply_letter_file(request, reason: str = "") -> tuple[str, bytes]:
    """(file name, PDF bytes) of the reply letter of a closed ``request``; ``reason`` is the
    handler's explanation, filled into the template's {理由}."""
    from ..letters import context_for_request, render_pdf

    template = reply_template(request.outcome)
    pdf = render_pdf(template, context_for_request(request, reason=reason))
    return f"reply-{request.pk}.pdf", pdf
