"""The "still accurate" confirmation: a review that changes no content."""

import logging

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.log_actions import log

from graphql_api.views import bump_content_generation
from opd_pages.models import BekasiPage

logger = logging.getLogger(__name__)

CONFIRM_ACTION = "freshness.confirm_accurate"


class ConfirmAccurateError(ValueError):
    """The page cannot be confirmed, for a reason the editor can fix."""


def can_confirm(page, user) -> bool:
    """Return True when ``page`` is a live agency page that ``user`` can edit."""
    return (
        issubclass(page.specific_class, BekasiPage)
        and page.live
        and page.permissions_for_user(user).can_edit()
    )


def confirm_still_accurate(page, user, now=None):
    """Record that ``user`` checked ``page`` and found it accurate, and log it.

    Sets ``last_reviewed_at`` with a plain UPDATE, so no revision is created
    and the live content stays exactly as it was.
    """
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    if not isinstance(page, BekasiPage):
        raise ConfirmAccurateError(
            f"Page {page.pk} is not agency content, so it has no review date."
        )
    if not page.live:
        raise ConfirmAccurateError(
            f"Page {page.pk} is not published: publish it instead of confirming it."
        )

    now = now or timezone.now()
    type(page).objects.filter(pk=page.pk).update(last_reviewed_at=now)
    page.last_reviewed_at = now
    # The UPDATE sends no post_save, so cached API responses are dropped here.
    bump_content_generation()
    log(
        instance=page,
        action=CONFIRM_ACTION,
        user=user,
        timestamp=now,
        content_changed=False,
    )
    logger.info("page confirmed accurate page_id=%s user_id=%s", page.pk, user.pk)
    return page
