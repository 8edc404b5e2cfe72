"""Review-interval arithmetic for content freshness, in Western Indonesia Time.

Every boundary is a calendar date in Asia/Jakarta (UTC+7, no daylight saving),
while the database stores moments in UTC. A page reviewed at 23:59 WIB on
4 December was reviewed on 4 December, although in UTC that moment is still
16:59 on the same day, and 00:30 WIB on 5 December is 17:30 UTC on 4 December.
Comparing UTC dates would move such reviews by a day, so every function here
converts to the Jakarta date first.

A page with an interval of N months is due on the same day of the month N
months after its last review, or on the last day of that month when it is
shorter. It becomes overdue at 00:00 WIB on the next day.
"""

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone

JAKARTA = ZoneInfo("Asia/Jakarta")


class ContentKind(models.TextChoices):
    """Kinds of content that carry a review duty, each with its own interval."""

    SERVICE = "service", "Standar pelayanan"
    OPD_PROFILE = "opd_profile", "Profil OPD"
    PERIODIC_INFORMATION = "periodic_information", "Informasi berkala"
    NEWS = "news", "Berita (minimal satu per periode)"


# Default maximum time between reviews, in months. Service standards and OPD
# profiles are reviewed yearly, periodic public information (informasi
# berkala) every six months, and each OPD publishes at least one news item a
# month. Announcements have no interval: they expire after ``valid_until``.
DEFAULT_INTERVAL_MONTHS = {
    ContentKind.SERVICE: 12,
    ContentKind.OPD_PROFILE: 12,
    ContentKind.PERIODIC_INFORMATION: 6,
    ContentKind.NEWS: 1,
}

MAX_INTERVAL_MONTHS = 60


def jakarta_date(moment: datetime) -> date:
    """Convert an aware datetime to its calendar date in Asia/Jakarta."""
    if timezone.is_naive(moment):
        raise ValueError(
            f"Naive datetime {moment.isoformat()} has no time zone: "
            "pass an aware datetime, for example from django.utils.timezone.now()."
        )
    return moment.astimezone(JAKARTA).date()


def jakarta_wall_clock(moment: datetime) -> datetime:
    """Convert an aware datetime to a naive one showing Asia/Jakarta wall-clock time."""
    return moment.astimezone(JAKARTA).replace(tzinfo=None)


def jakarta_today(now: datetime | None = None) -> date:
    """Return today's date in Asia/Jakarta (at ``now`` when given)."""
    return jakarta_date(now or timezone.now())


def add_months(day: date, months: int) -> date:
    """Add calendar months to ``day``, clamping to the last day of a shorter month."""
    if months < 0:
        raise ValueError(f"Invalid month count {months}: use 0 or more.")
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def review_due_on(last_reviewed_at: datetime, interval_months: int) -> date:
    """Return the last Jakarta date on which a review made at ``last_reviewed_at`` holds."""
    return add_months(jakarta_date(last_reviewed_at), interval_months)


def is_overdue(due_on: date | None, today: date) -> bool:
    """Return True when a duty that was valid until ``due_on`` is overdue on ``today``.

    ``None`` means the duty has no end date, so it is never overdue.
    """
    return due_on is not None and today > due_on


def overdue_since(due_on: date) -> date:
    """Return the first Jakarta date on which a duty due on ``due_on`` is overdue."""
    return due_on + timedelta(days=1)


def start_of_week(day: date) -> date:
    """Return the Monday of the ISO week that contains ``day``."""
    return day - timedelta(days=day.weekday())


def last_reviewed(
    last_published_at: datetime | None, confirmed_at: datetime | None
) -> datetime | None:
    """Return the later of the last publication and the last "still accurate" confirmation."""
    moments = [moment for moment in (last_published_at, confirmed_at) if moment]
    return max(moments) if moments else None
