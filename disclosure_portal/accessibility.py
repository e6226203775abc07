"""无障碍 / 适老化: the visitor's reading preferences, kept in two cookies.

``portal_font`` holds the font size (大/中/小), ``portal_a11y`` the modes switched on
(适老化模式, 大字, 高对比度, 指读), dot-separated. Pages are rendered with the matching
classes on ``<html>`` so that everything works without JavaScript; the page cache keeps one
entry per normalised preference (``cache_variant``), never per raw cookie value. The
toolbar's links go to ``set_preference``, which sets the cookie and sends the visitor back;
accessibility.js does the same in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

FONT_COOKIE = "portal_font"
MODE_COOKIE = "portal_a11y"
COOKIE_AGE = 365 * 24 * 3600
SIZES = ("large", "medium", "small")
DEFAULT_SIZE = "medium"
# 适老化模式 (bigger type, hit targets and cursor, the tools), 大字 (extra-large type),
# 高对比度, 指读 (reading guide); the order is the order in the cookie and the cache key.
MODES = ("elder", "large", "contrast", "guide")


@dataclass(frozen=True)
class Preferences:
    size: str = DEFAULT_SIZE
    modes: frozenset[str] = frozenset()

    @property
    def html_class(self) -> str:
        classes = [f"font-{self.size}"] + [f"a11y-{mode}" for mode in MODES if mode in self.modes]
        return " ".join(classes)

    @property
    def mode_value(self) -> str:
        return ".".join(mode for mode in MODES if mode in self.modes)


def read(cookies: dict[str, str]) -> Preferences:
    """The preferences in ``cookies``; anything unknown is ignored."""
    size = cookies.get(FONT_COOKIE, "")
    modes = frozenset(cookies.get(MODE_COOKIE, "").split(".")) & frozenset(MODES)
    return Preferences(size=size if size in SIZES else DEFAULT_SIZE, modes=modes)


def cache_variant(request: HttpRequest) -> str:
    """The page cache key's part (DISCLOSURE_PAGE_CACHE_VARIANT): these two cookies only,
    normalised, so a page cached for one visitor is served only to visitors who see it alike."""
    preferences = read(request.COOKIES)
    return f"{preferences.size}|{preferences.mode_value}"


def _safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _updated(preferences: Preferences, params) -> Preferences:
    size, modes = preferences.size, set(preferences.modes)
    if params.get("size") in SIZES:
        size = params["size"]
    mode = params.get("mode")
    if mode in MODES:
        if params.get("on") == "1":
            modes.add(mode)
            if mode != "elder":
                modes.add("elder")  # the tools live in 适老化模式
        else:
            modes.discard(mode)
            if mode == "elder":
                modes.clear()  # 退出 leaves every tool of the mode
    return Preferences(size=size, modes=frozenset(modes))


@require_GET
def set_preference(request: HttpRequest) -> HttpResponseRedirect:
    """``?size=large`` or ``?mode=contrast&on=1``, then back to ``next`` (a path on this site).

    A GET link, so that it works without JavaScript on cached pages (a form would need a CSRF
    token, which no cached page may carry); it only stores the visitor's own display choice."""
    preferences = _updated(read(request.COOKIES), request.GET)
    response = HttpResponseRedirect(_safe_next(request))
    response["Cache-Control"] = "no-store"
    for name, value in ((FONT_COOKIE, preferences.size), (MODE_COOKIE, preferences.mode_value)):
        response.set_cookie(
            name,
            value,
            max_age=COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=False,  # accessibility.js switches modes in place and writes it too
        )
    return response


def preference_url(next_url: str, **params: str) -> str:
    return f"{reverse('accessibility')}?{urlencode({**params, 'next': next_url})}"


def context(request: HttpRequest) -> dict:
    """Context processor: ``a11y`` with the visitor's preferences and the toolbar's links."""
    preferences = read(request.COOKIES)
    here = request.get_full_path()
    return {
        "a11y": {
            "html_class": preferences.html_class,
            "font_cookie": FONT_COOKIE,
            "mode_cookie": MODE_COOKIE,
            "size": preferences.size,
            "modes": preferences.modes,
            "sizes": [
                (size, label, preference_url(here, size=size))
                for size, label in zip(SIZES, (_("大"), _("中"), _("小")), strict=True)
            ],
            "toggle": {
                mode: preference_url(here, mode=mode, on="0" if mode in preferences.modes else "1")
                for mode in MODES
            },
            "enter": preference_url(here, mode="elder", on="1"),
            "exit": preference_url(here, mode="elder", on="0"),
        }
    }
