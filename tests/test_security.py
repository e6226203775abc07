"""Security settings: login throttling, security headers, and an admin that calls nothing outside."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.test_settings import GOOD_KEY, run_manage

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
OTHER_MACHINE = "198.51.100.20"


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.invalid", "correct-horse-battery"
    )


def log_in(client, password, ip=ATTACKER, username="editor"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


# Login throttling (django-axes) ------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_on_that_address(client, editor):
    for _ in range(4):
        response = log_in(client, "wrong")
        assert response.status_code == 200  # the login form again, with its error
        assert not is_logged_in(client)
    locked = log_in(client, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "登录已暂时锁定" in page
    assert "5 次登录失败" in page
    assert "30 分钟后再试" in page
    # Locked out: even the right password is refused now.
    response = log_in(client, "correct-horse-battery")
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_the_lock_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_superuser("reviewer", "r@example.invalid", "reviewer-pw-1")
    for _ in range(5):
        log_in(client, "wrong")
    assert log_in(client, "correct-horse-battery").status_code == 429
    # The same editor from another machine, and another user from the attacker's address.
    assert log_in(client, "correct-horse-battery", ip=OTHER_MACHINE).status_code == 302
    assert is_logged_in(client)
    client.logout()
    assert log_in(client, "reviewer-pw-1", username="reviewer").status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_resets_the_count(client, editor):
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, "correct-horse-battery").status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, "wrong").status_code == 429


def test_axes_is_configured_first_and_last():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


# Security headers ---------------------------------------------------------------------------


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_pages_get_a_strict_content_security_policy(client):
    response = client.get("/search/?q=通知")
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_what_wagtail_needs_and_nothing_from_outside(client):
    response = client.get(LOGIN)
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert {"data:", "blob:"} <= set(csp["img-src"])
    for sources in csp.values():
        assert all(s.startswith("'") or s in ("data:", "blob:") for s in sources), sources


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/search/?q=通知", LOGIN, "/no-such-page/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response["Permissions-Policy"].startswith("camera=(), microphone=(), geolocation=()")
    assert "interest-cohort" not in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "Content-Security-Policy" in response


def test_session_and_csrf_cookies_are_hidden_from_scripts(client, editor):
    client.get(LOGIN)
    assert client.cookies["csrftoken"]["httponly"]
    assert client.cookies["csrftoken"]["samesite"] == "Lax"
    log_in(client, "correct-horse-battery")
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_the_admin_still_works_with_an_httponly_csrf_cookie(client, editor):
    """Wagtail's scripts take the token from the page (wagtail-config), not from the cookie."""
    log_in(client, "correct-horse-battery")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"CSRF_TOKEN"' in page


# Nothing called outside ---------------------------------------------------------------------


def test_the_admin_dashboard_neither_checks_for_updates_nor_asks_gravatar(client, editor):
    log_in(client, "correct-horse-battery")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in page
    assert "w-upgrade" not in page  # Wagtail's update-check controller
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


# Behind reverse proxies ---------------------------------------------------------------------

PROXY_SETTINGS = (
    "import axes.conf; from django.conf import settings; "
    "print(settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER)"
)


def test_production_trusts_x_forwarded_for_only_behind_declared_proxies():
    environment = {
        "DJANGO_SETTINGS_MODULE": "disclosure_portal.settings.production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "xxgk.example.gov.cn",
    }
    direct = run_manage("shell", "-c", PROXY_SETTINGS, **environment)
    assert direct.returncode == 0, direct.stderr
    assert direct.stdout.strip().splitlines()[-1] == "None ('REMOTE_ADDR',)"
    proxied = run_manage(
        "shell", "-c", PROXY_SETTINGS, PORTAL_TRUSTED_PROXY_COUNT="1", **environment
    )
    assert proxied.returncode == 0, proxied.stderr
    assert proxied.stdout.strip().splitlines()[-1] == "1 ('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')"
