"""Settings of the GraphQL API, each with its default.

Every value can be set in the Django settings; the defaults suit a public
deployment, so a missing setting never weakens a limit.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class ApiSettings:
    """Limits and switches read from the Django settings on each access."""

    max_depth: int
    max_aliases: int
    max_tokens: int
    max_page_size: int
    default_page_size: int
    max_body_bytes: int
    cache_max_age: int
    cache_timeout: int
    introspection: str
    mask_errors: bool
    graphiql: bool
    preview_max_age: int
    media_base_url: str


def api_settings() -> ApiSettings:
    """Return the current API settings, applying defaults for missing values."""
    return ApiSettings(
        max_depth=getattr(settings, "GRAPHQL_MAX_DEPTH", 10),
        max_aliases=getattr(settings, "GRAPHQL_MAX_ALIASES", 15),
        max_tokens=getattr(settings, "GRAPHQL_MAX_TOKENS", 2000),
        max_page_size=getattr(settings, "GRAPHQL_MAX_PAGE_SIZE", 50),
        default_page_size=getattr(settings, "GRAPHQL_DEFAULT_PAGE_SIZE", 20),
        max_body_bytes=getattr(settings, "GRAPHQL_MAX_BODY_BYTES", 64 * 1024),
        cache_max_age=getattr(settings, "GRAPHQL_CACHE_MAX_AGE", 60),
        cache_timeout=getattr(settings, "GRAPHQL_CACHE_TIMEOUT", 300),
        # "always", "authenticated" (staff sessions only) or "never".
        introspection=getattr(settings, "GRAPHQL_INTROSPECTION", "always"),
        mask_errors=getattr(settings, "GRAPHQL_MASK_ERRORS", not settings.DEBUG),
        graphiql=settings.DEBUG,
        preview_max_age=getattr(settings, "GRAPHQL_PREVIEW_MAX_AGE", 24 * 3600),
        media_base_url=getattr(
            settings, "MEDIA_BASE_URL", settings.WAGTAILADMIN_BASE_URL
        ).rstrip("/"),
    )
