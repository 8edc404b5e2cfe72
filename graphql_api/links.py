"""Public URLs of pages, images and documents, always absolute where promised."""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Page, Site

from .conf import api_settings


def page_url_parts(page: Page, site: Site | None) -> tuple[str, str] | None:
    """Return (root URL, site-relative path) of ``page``, or None outside all sites.

    The path is relative to the root page of the site that contains the page,
    preferring ``site`` when several sites contain it, so it never contains
    the slug of the internal tree root or of the site's root page.
    """
    candidates = [
        root
        for root in Site.get_site_root_paths()
        if page.url_path.startswith(root.root_path)
    ]
    if not candidates:
        return None
    preferred = [root for root in candidates if site and root.site_id == site.pk]
    chosen = (preferred or sorted(candidates, key=lambda root: -len(root.root_path)))[0]
    return chosen.root_url, page.url_path[len(chosen.root_path) - 1 :]


def absolute_media_url(url: str) -> str:
    """Make a storage URL absolute on the media host (``MEDIA_BASE_URL``).

    The host of the incoming request is never used, so a cached response is
    correct for every client.
    """
    if url.startswith(("http://", "https://", "//")):
        return url
    return urljoin(api_settings().media_base_url + "/", url.lstrip("/"))


def absolute_site_url(path: str, site: Site | None) -> str:
    """Make a path served by Django (document downloads) absolute on ``site``."""
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))
