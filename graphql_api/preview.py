"""Signed preview tokens: a draft revision shown to whoever holds its token.

A token names one revision and expires after ``GRAPHQL_PREVIEW_MAX_AGE``
seconds. Public queries never see drafts; only the ``preview`` query reads a
token.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core import signing
from wagtail.models import Revision

from .conf import api_settings
from .errors import InvalidInputError

logger = logging.getLogger(__name__)

PREVIEW_SALT = "graphql_api.preview"


def make_preview_token(revision: Revision) -> str:
    """Return a signed token that previews ``revision`` of a page."""
    return signing.dumps({"revision": revision.pk}, salt=PREVIEW_SALT, compress=True)


def page_for_preview_token(token: str) -> Any:
    """Return the page as stored in the token's revision.

    Raises InvalidInputError when the token is forged, expired or names a
    revision that no longer exists.
    """
    try:
        payload = signing.loads(
            token, salt=PREVIEW_SALT, max_age=api_settings().preview_max_age
        )
    except signing.SignatureExpired:
        raise InvalidInputError(
            "The preview token has expired: open the preview again from the admin."
        ) from None
    except signing.BadSignature:
        raise InvalidInputError(
            "Invalid preview token: copy the whole token from the admin."
        ) from None
    revision = (
        Revision.page_revisions.filter(pk=payload.get("revision")).first()
        if isinstance(payload, dict)
        else None
    )
    if revision is None:
        raise InvalidInputError(
            "The preview token names a revision that no longer exists: "
            "open the preview again from the admin."
        )
    logger.info("preview served revision_id=%s", revision.pk)
    return revision.as_object()
