"""The portal's answers to the plugin's hooks."""

from wagtail import hooks


@hooks.register("disclosure_public_base_url")
def public_base_url_from_portal_settings(site) -> str:
    """The 网站访问地址 of the site's 门户网站信息 (设置), before DISCLOSURE_PUBLIC_BASE_URL."""
    from .portal_settings import PortalSettings

    return PortalSettings.find_for_site(site).public_base_url
