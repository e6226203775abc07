"""Rate limits of the public request views (django-ratelimit, on the shared cache).

Per client address (``ip``; behind proxies set ``RATELIMIT_IP_META_KEY``) for every
submission attempt and status look-up, and per identity: the normalised 证件号码 or
统一社会信用代码, hashed so that the cache holds no personal data.
"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from ...conf import get_setting


def _rate(name: str) -> str:
    return get_setting("DISCLOSURE_APPLY_RATES")[name]


def ip_limited(request: HttpRequest, name: str) -> bool:
    """Count one attempt of ``name`` (``ip`` or ``lookup``) from this address."""
    return is_ratelimited(
        request, group=f"disclosure.apply.{name}", key="ip", rate=_rate(name), increment=True
    )


def identity_limited(request: HttpRequest, id_number: str) -> bool:
    """Count one application with ``id_number`` (already normalised)."""
    digest = hashlib.sha256(id_number.encode()).hexdigest()
    return is_ratelimited(
        request,
        group="disclosure.apply.identity",
        key=lambda _group, _request: digest,
        rate=_rate("identity"),
        increment=True,
    )
