"""Search backends: the database (embedded default) and Elasticsearch."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from .base import SearchBackend


def backend_name() -> str:
    """Return "elasticsearch" when ``ELASTICSEARCH_URL`` is set, else "database"."""
    return "elasticsearch" if settings.ELASTICSEARCH_URL else "database"


@cache
def _create(name: str) -> SearchBackend:
    if name == "database":
        from .database import DatabaseBackend

        return DatabaseBackend()
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    raise ValueError(
        f"Unknown search backend {name!r}: use 'database' or 'elasticsearch'."
    )


def get_backend(name: str | None = None) -> SearchBackend:
    """Return the configured backend, or the one called ``name``."""
    return _create(name or backend_name())
