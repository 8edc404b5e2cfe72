"""Rich text from Wagtail's database format to browser-ready HTML.

Wagtail stores internal links as ``<a linktype="page" id="5">`` and embeds as
``<embed embedtype="media" url="...">``. Clients get plain HTML instead: page
links point at the public URL, document links at the download URL, embeds
are expanded. A link whose target the public may not see (draft, private,
deleted, restricted document) is unwrapped to its text, so no ``linktype`` or
``embedtype`` attribute ever reaches a client.
"""

from __future__ import annotations

import logging

from bs4 import BeautifulSoup, Tag
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from opd_pages.visibility import public_pages

from .context import ApiContext
from .links import absolute_media_url, absolute_site_url, page_url_parts

logger = logging.getLogger(__name__)

RICH_TEXT_IMAGE_FILTER = "width-800"


def _int_ids(tags: list[Tag], attribute: str) -> set[int]:
    ids = set()
    for tag in tags:
        value = tag.get(attribute, "")
        if isinstance(value, str) and value.isdigit():
            ids.add(int(value))
    return ids


def _page_hrefs(ids: set[int], site: Site | None) -> dict[int, str]:
    if not ids:
        return {}
    hrefs = {}
    for page in public_pages(Page.objects.filter(pk__in=ids)):
        parts = page_url_parts(page, site)
        if parts is not None:
            root_url, path = parts
            hrefs[page.pk] = root_url.rstrip("/") + path
    return hrefs


def _document_hrefs(
    ids: set[int], context: ApiContext, site: Site | None
) -> dict[int, str]:
    documents = context.public_documents(ids)
    return {
        pk: absolute_site_url(document.url, site) for pk, document in documents.items()
    }


def _rewrite_links(soup: BeautifulSoup, context: ApiContext, site: Site | None) -> None:
    links = soup.find_all("a", attrs={"linktype": True})
    page_links = [link for link in links if link.get("linktype") == "page"]
    document_links = [link for link in links if link.get("linktype") == "document"]
    page_hrefs = _page_hrefs(_int_ids(page_links, "id"), site)
    document_hrefs = _document_hrefs(_int_ids(document_links, "id"), context, site)
    for link in links:
        hrefs = page_hrefs if link.get("linktype") == "page" else document_hrefs
        target = link.get("id", "")
        href = hrefs.get(int(target)) if str(target).isdigit() else None
        if href is None:
            link.unwrap()
            continue
        del link["linktype"]
        del link["id"]
        link["href"] = href


def _embed_fragment(embed: Tag) -> str:
    embed_type = embed.get("embedtype")
    if embed_type == "media":
        try:
            return get_embed(str(embed.get("url", ""))).html
        except EmbedException:
            logger.warning("rich text embed unavailable url=%s", embed.get("url"))
            return ""
    if embed_type == "image":
        image_id = str(embed.get("id", ""))
        image = (
            get_image_model().objects.filter(pk=int(image_id)).first()
            if image_id.isdigit()
            else None
        )
        if image is None:
            return ""
        rendition = image.get_rendition(RICH_TEXT_IMAGE_FILTER)
        img = BeautifulSoup("<img>", "html.parser").img
        img["src"] = absolute_media_url(rendition.url)
        img["width"] = str(rendition.width)
        img["height"] = str(rendition.height)
        img["alt"] = str(embed.get("alt", ""))
        return str(img)
    return ""


def _expand_embeds(soup: BeautifulSoup) -> None:
    for embed in soup.find_all("embed", attrs={"embedtype": True}):
        fragment = _embed_fragment(embed)
        if fragment:
            embed.replace_with(BeautifulSoup(fragment, "html.parser"))
        else:
            embed.decompose()


def render_rich_text(source: str, context: ApiContext, site: Site | None) -> str:
    """Convert stored rich text to public HTML (see the module docstring).

    Links are built on ``site``: the site of the field being resolved.
    """
    if not source:
        return ""
    soup = BeautifulSoup(source, "html.parser")
    _rewrite_links(soup, context, site)
    _expand_embeds(soup)
    return str(soup)
