"""Citizens' reports of outdated or wrong information: checks, rate limit, storage.

The rate limit counts reports per client in the Django cache under an HMAC of
the client address, so neither the cache nor the database contains the
address itself, and the count disappears when its window ends.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

from opd_pages.models import OPDPage

from .models import MAX_REPORT_MESSAGE_LENGTH, OutdatedReport

logger = logging.getLogger(__name__)

DEFAULT_RATE_LIMIT = 5
DEFAULT_RATE_WINDOW_SECONDS = 3600


class ReportRejected(ValueError):
    """A report that breaks a rule the sender can follow; the message names the rule."""


def rate_limit() -> tuple[int, int]:
    """Return (reports allowed, window in seconds) from the settings."""
    return (
        getattr(settings, "FRESHNESS_REPORT_RATE_LIMIT", DEFAULT_RATE_LIMIT),
        getattr(settings, "FRESHNESS_REPORT_RATE_WINDOW", DEFAULT_RATE_WINDOW_SECONDS),
    )


def client_address(request) -> str:
    """Return the client address, from a proxy's header when one is configured.

    Behind a reverse proxy REMOTE_ADDR is the proxy, so every citizen would
    share one limit: set FRESHNESS_CLIENT_ADDRESS_HEADER to the META key the
    proxy sets, e.g. "HTTP_X_REAL_IP". Never set it without such a proxy,
    because clients could then pick their own key.
    """
    header = getattr(settings, "FRESHNESS_CLIENT_ADDRESS_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR") or "unknown"


def client_key(request) -> str:
    """Return the cache key of the sending client: an HMAC, never the address."""
    address = client_address(request).encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256)
    return f"freshness:report-rate:{digest.hexdigest()}"


def check_rate_limit(request) -> None:
    """Count one report for this client; raise ReportRejected past the limit."""
    allowed, window = rate_limit()
    key = client_key(request)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): start a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    if count > allowed:
        logger.warning("citizen report rate limited key=%s count=%s", key[-12:], count)
        raise ReportRejected(
            f"Too many reports from this client: at most {allowed} per "
            f"{window // 60} minutes. Try again later."
        )


def clean_message(message: str) -> str:
    text = (message or "").strip()
    if not text:
        raise ReportRejected(
            "The message is empty: describe what is outdated or wrong."
        )
    if len(text) > MAX_REPORT_MESSAGE_LENGTH:
        raise ReportRejected(
            f"The message has {len(text)} characters; the limit is "
            f"{MAX_REPORT_MESSAGE_LENGTH}. Shorten it."
        )
    return text


def submit_outdated_report(
    request, page, page_id, message: str, helpful
) -> OutdatedReport:
    """Validate and store one report on the public ``page`` (None when not public).

    A draft, private or missing page gets the same "not found" error, so the
    error never reveals that an unpublished page exists.
    """
    if page is None:
        raise ReportRejected(
            f"Page {str(page_id)[:40]!r} was not found: use the id of a public page."
        )
    text = clean_message(message)
    check_rate_limit(request)
    opd_id = page.pk if isinstance(page, OPDPage) else getattr(page, "opd_id", None)
    report = OutdatedReport.objects.create(
        page=page, opd_id=opd_id, message=text, helpful=helpful
    )
    # The message is the citizen's own text: log its size, never its content.
    logger.info(
        "citizen report received report_id=%s page_id=%s opd_id=%s length=%s",
        report.pk,
        page.pk,
        opd_id,
        len(text),
    )
    return report
