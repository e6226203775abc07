"""The portal's security headers beside Django's own (see the settings in settings/base.py)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def _merge(*updates):
    merged = {}
    for update in updates:
        for directive, sources in (update or {}).items():
            merged.setdefault(directive, [])
            merged[directive] += [s for s in sources if s not in merged[directive]]
    return merged


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's CONTENT_SECURITY_POLICY everywhere, with the admin's additions on its paths.

    Wagtail's admin templates carry inline scripts and styles and its editors use data: and
    blob: URLs, so the admin paths (PORTAL_ADMIN_URL_PREFIXES) get the sources in
    PORTAL_ADMIN_CONTENT_SECURITY_POLICY added; the public pages keep the strict policy.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefixes = tuple(getattr(settings, "PORTAL_ADMIN_URL_PREFIXES", ()))
        if not report_only and prefixes and request.path_info.startswith(prefixes):
            admin_sources = getattr(settings, "PORTAL_ADMIN_CONTENT_SECURITY_POLICY", {})
            parts.update = _merge(admin_sources, parts.update)
        return parts


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (PORTAL_PERMISSIONS_POLICY) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PORTAL_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
