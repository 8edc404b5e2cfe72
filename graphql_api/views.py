"""The /graphql/ endpoint: HTTP caching, size limits and JSON errors.

Anonymous GET queries are cached in the Django cache, keyed by query,
variables and operation name plus a content generation that every publish,
unpublish, move or delete bumps (see ``graphql_api.signals``). Responses carry
``Cache-Control`` and an ``ETag``; a matching ``If-None-Match`` gets 304.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from cross_web import HTTPException
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.cache import patch_cache_control
from strawberry.django.views import GraphQLView

from .conf import api_settings
from .context import ApiContext

logger = logging.getLogger(__name__)

GENERATION_KEY = "graphql_api:generation"


def content_generation() -> int:
    """Return the number that changes whenever public content may have changed."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_content_generation() -> None:
    """Invalidate every cached response; call after any change to public content."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def error_response(status: int, message: str) -> JsonResponse:
    """Return a GraphQL-shaped error body with ``status``."""
    return JsonResponse({"errors": [{"message": message}]}, status=status)


def _cache_key(request: HttpRequest) -> str:
    parts = [
        request.GET.get("query", ""),
        request.GET.get("variables", ""),
        request.GET.get("operationName", ""),
    ]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return f"graphql_api:response:{content_generation()}:{digest}"


def has_session(request: HttpRequest) -> bool:
    """Whether the request carries a session cookie (a possibly logged-in user).

    Checking the cookie instead of ``request.user`` keeps anonymous requests
    from loading the session, which would add ``Vary: Cookie`` and stop CDNs
    from sharing one cached response between clients.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _content_length(request: HttpRequest) -> int:
    # A body sent without a valid Content-Length is still capped by Django's
    # DATA_UPLOAD_MAX_MEMORY_SIZE when Strawberry reads it.
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class PublicGraphQLView(GraphQLView):
    """Strawberry's Django view with caching, limits and JSON errors for bad input."""

    @property
    def graphql_ide(self) -> str | None:  # type: ignore[override]
        """GraphiQL is served only while DEBUG is on."""
        return "graphiql" if api_settings().graphiql else None

    @graphql_ide.setter
    def graphql_ide(self, value: str | None) -> None:
        # Strawberry's constructor assigns the IDE; the setting decides instead.
        pass

    def get_context(self, request: HttpRequest, response: HttpResponse) -> ApiContext:
        return ApiContext(request=request, response=response)

    def dispatch(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        limit = api_settings().max_body_bytes
        if _content_length(request) > limit:
            logger.info(
                "graphql request rejected status=413 content_length=%s",
                request.META.get("CONTENT_LENGTH"),
            )
            return error_response(
                413, f"Request body is larger than {limit} bytes: send a smaller query."
            )
        cacheable = request.method == "GET" and not has_session(request)
        key = _cache_key(request) if cacheable and "query" in request.GET else None
        cached = cache.get(key) if key else None
        if cached is not None:
            return self._cached_response(request, cached)

        response = self._execute(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        if "query" not in request.GET:
            # A GET without a query is the GraphiQL page (DEBUG only): HTML to
            # show as it is, not an API response to cache as JSON.
            return response
        if not cacheable:
            patch_cache_control(response, private=True, no_cache=True)
            return response
        body = response.content
        if key and b'"errors"' not in body:
            cache.set(key, body, timeout=api_settings().cache_timeout)
        return self._cached_response(request, body)

    def _execute(self, request: HttpRequest) -> HttpResponseBase:
        try:
            return self.run(request=request)
        except HTTPException as error:
            reason = error.reason
            if reason == "Unsupported content type":
                # Strawberry's message names neither the type sent nor the fix.
                reason = (
                    f"Unsupported content type {request.content_type!r}: send "
                    "application/json, or a GET with the query in the URL."
                )
            logger.info(
                "graphql request rejected status=%s reason=%s",
                error.status_code,
                reason,
            )
            return error_response(error.status_code, reason)

    def _cached_response(self, request: HttpRequest, body: bytes) -> HttpResponseBase:
        etag = _etag(body)
        if etag in request.headers.get("If-None-Match", ""):
            response: HttpResponseBase = HttpResponse(status=304)
        else:
            response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        # Responses differ by CORS origin only: requests with a session are
        # never cached, so a CDN need not split its cache by cookie.
        response["Vary"] = "Origin"
        patch_cache_control(response, public=True, max_age=api_settings().cache_max_age)
        return response

    def create_response(self, response_data: Any, sub_response: HttpResponse) -> Any:
        response = super().create_response(response_data, sub_response)
        # A request that failed before execution (parse or validation) has no
        # data: tell HTTP clients with 400, as GraphQL over HTTP recommends.
        if (
            isinstance(response_data, dict)
            and response_data.get("errors")
            and "data" in response_data
            and response_data["data"] is None
        ):
            codes = {
                (error.get("extensions") or {}).get("code")
                for error in response_data["errors"]
            }
            internal = "INTERNAL_SERVER_ERROR" in codes
            response.status_code = 500 if internal else 400
        return response
