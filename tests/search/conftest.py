"""Fixtures for citizen search: page builders and the backends under test.

The session's ``bootstrap`` publishes the real OPDs and services, and the
publish signals index them, so every test starts with a filled index.
Pages built here are published inside ``django_capture_on_commit_callbacks``
so their index updates run as they would after a real commit.
"""

from __future__ import annotations

import os

import pytest

from opd_pages.models import NewsPage, OPDPage
from search.backends import get_backend
from search.indexing import all_public_records, count_public_objects

BACKENDS = ["database", "elasticsearch"]


@pytest.fixture(params=BACKENDS)
def backend(request, db, settings):
    """Each available backend in turn, configured as the one indexing writes to.

    Elasticsearch runs only when ELASTICSEARCH_URL is set; its index is rebuilt
    from the bootstrapped data first.
    """
    if request.param == "elasticsearch":
        url = os.environ.get("ELASTICSEARCH_URL")
        if not url:
            pytest.skip(
                "ELASTICSEARCH_URL is not set: no Elasticsearch to test against."
            )
        settings.ELASTICSEARCH_URL = url
        search_backend = get_backend("elasticsearch")
        search_backend.rebuild(all_public_records(), count_public_objects())
        return search_backend
    settings.ELASTICSEARCH_URL = ""
    return get_backend("database")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Add a page under ``parent``, publish it and run the after-commit index update."""

    def publish_page(parent, page):
        with django_capture_on_commit_callbacks(execute=True):
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page

    return publish_page


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block's after-commit callbacks, e.g. ``with committed(): page.unpublish()``."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def news(publish, disdukcapil):
    """Publish a news page under Disdukcapil with the given title and body text."""

    def make(title, text="", parent=None, **fields):
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        page = NewsPage(
            title=title, summary=fields.pop("summary", ""), body=body, **fields
        )
        return publish(parent or disdukcapil, page)

    return make


@pytest.fixture
def bapenda(db):
    return OPDPage.objects.get(slug="bapenda")
