"""Elasticsearch integration fixtures: skipped unless ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest


@pytest.fixture
def elasticsearch_url(settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch to test against.")
    settings.ELASTICSEARCH_URL = url
    return url


@pytest.fixture
def es_backend(elasticsearch_url, db):
    """A backend on a throw-away alias, removed with its indexes afterwards."""
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend(
        elasticsearch_url, alias=f"test-{uuid.uuid4().hex[:8]}"
    )
    yield backend
    backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)
