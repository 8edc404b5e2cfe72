"""Fixtures for the GraphQL tests: a client that posts to /graphql/, pages and media."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: rolled-back data must not be served."""
    cache.clear()
    yield
    cache.clear()


class GraphQLClient:
    """Posts GraphQL operations to /graphql/ and returns the decoded body."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.last_response = None

    def post(self, query: str, variables: dict[str, Any] | None = None, **extra):
        body = json.dumps({"query": query, "variables": variables or {}})
        self.last_response = self.client.post(
            "/graphql/", body, content_type="application/json", **extra
        )
        return self.last_response.json()

    def data(self, query: str, variables: dict[str, Any] | None = None):
        """Run ``query`` and return its data, failing on any error."""
        result = self.post(query, variables)
        assert "errors" not in result, result.get("errors")
        return result["data"]

    def get(self, query: str, variables: dict[str, Any] | None = None, **headers):
        params = {"query": query}
        if variables:
            params["variables"] = json.dumps(variables)
        self.last_response = self.client.get("/graphql/", params, **headers)
        return self.last_response


@pytest.fixture
def gql(db) -> GraphQLClient:
    return GraphQLClient(Client())


def png_bytes(width: int = 800, height: int = 600) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def make_image(db):
    def make(title: str = "Foto kegiatan", **fields):
        name = f"{title.lower().replace(' ', '-')}.png"
        image = get_image_model()(
            title=title,
            file=ImageFile(io.BytesIO(png_bytes()), name=name),
            **fields,
        )
        image.save()
        return image

    return make


@pytest.fixture
def make_document(db):
    def make(title: str = "Laporan", collection=None):
        document = get_document_model()(title=title)
        if collection is not None:
            document.collection = collection
        document.file.save(
            f"{title.lower().replace(' ', '-')}.pdf", ContentFile(b"%PDF-1.4\n")
        )
        return document

    return make


@pytest.fixture
def add_page():
    """Create and publish a child page; ``publish=False`` leaves it a draft."""

    def add(parent, page, publish: bool = True):
        # Wagtail creates pages live unless `live` is False.
        page.live = publish
        parent.add_child(instance=page)
        revision = page.save_revision(log_action=False)
        if publish:
            revision.publish(log_action=False)
            page.refresh_from_db()
        return page

    return add


@pytest.fixture
def make_news():
    """Create ``count`` live news pages under ``opd`` with the given tags and image.

    The pages are created live without a revision, which is much faster than
    publishing and gives the same public rows.
    """
    import datetime

    from django.utils import timezone

    from opd_pages.models import NewsPage

    def make(opd, count: int = 1, tags=(), image=None, start=None, prefix="Berita"):
        start = start or datetime.date(2026, 1, 1)
        pages = []
        for index in range(count):
            page = NewsPage(
                title=f"{prefix} {index}",
                slug=f"{prefix.lower().replace(' ', '-')}-{index}",
                date=start + datetime.timedelta(days=index),
                summary=f"Ringkasan {index}",
                hero_image=image,
                live=True,
                first_published_at=timezone.now(),
                last_published_at=timezone.now(),
            )
            page.tags.add(*tags)
            pages.append(opd.add_child(instance=page))
        return pages

    return make


@pytest.fixture
def private_collection(db):
    """A collection that only logged-in users may see."""
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def cached_embed(db):
    """An embed already in Wagtail's embed cache, so no provider is contacted."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=bekasi-test"
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/bekasi-test"></iframe>',
    )


# A URL that no embed finder supports: resolving it never leaves the machine.
UNSUPPORTED_EMBED_URL = "https://video.invalid/clip"
