"""The notices a handling step sends (补正通知书, 延期答复告知书, 收费通知书), rendered from the
webmasters' templates (``requests.letters``) and kept with the request, where the applicant
reads them on the status page."""

from __future__ import annotations

from django.core.files.base import ContentFile

from ...models import RequestDocument
from ..letters import context_for_request, render_pdf


def store_notice(request, letter_kind: str, document_kind: str, *, user, **context):
    """Render the first active template of ``letter_kind`` (else the built-in default) for
    ``request`` and keep it."""
    from ...models.letter_templates import LetterTemplate
    from ..letters.defaults import default_template

    template = LetterTemplate.objects.for_kind(letter_kind).first()
    template = template or default_template(letter_kind)
    if template is None:
        return None
    pdf = render_pdf(template, context_for_request(request, **context))
    return RequestDocument.objects.create(
        request=request,
        kind=document_kind,
        title=template.title,
        file=ContentFile(pdf, name=f"{letter_kind}-{request.pk}.pdf"),
        created_by=user,
    )
