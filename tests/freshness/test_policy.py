"""Review-interval arithmetic: calendar months, month ends and the Jakarta date."""

from datetime import UTC, date, datetime

import pytest

from opd_pages.freshness.policy import (
    JAKARTA,
    add_months,
    is_overdue,
    jakarta_date,
    jakarta_today,
    last_reviewed,
    overdue_since,
    review_due_on,
    start_of_week,
)


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=JAKARTA)


def test_review_at_2359_wib_counts_that_day():
    reviewed = wib(2025, 12, 4, 23, 59)
    assert reviewed.astimezone(UTC) == datetime(2025, 12, 4, 16, 59, tzinfo=UTC)
    assert jakarta_date(reviewed) == date(2025, 12, 4)
    assert review_due_on(reviewed, 12) == date(2026, 12, 4)


def test_yearly_review_365_days_ago_boundary():
    reviewed = wib(2025, 12, 4, 23, 59)
    due_on = review_due_on(reviewed, 12)
    # 365 days later, on the due date itself, the review still holds.
    assert not is_overdue(due_on, jakarta_today(wib(2026, 12, 4, 23, 59)))
    # One minute after midnight WIB it lapsed, although UTC is still on the 4th.
    lapsed_at = wib(2026, 12, 5, 0, 1)
    assert lapsed_at.astimezone(UTC).date() == date(2026, 12, 4)
    assert is_overdue(due_on, jakarta_today(lapsed_at))
    assert overdue_since(due_on) == date(2026, 12, 5)


def test_early_morning_wib_is_previous_utc_day():
    reviewed = datetime(2026, 3, 31, 17, 30, tzinfo=UTC)
    assert jakarta_date(reviewed) == date(2026, 4, 1)
    assert review_due_on(reviewed, 1) == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 11, 30), 1, date(2026, 12, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 6, 1), 0, date(2026, 6, 1)),
    ],
)
def test_add_months_clamps_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_add_months_rejects_negative_count():
    with pytest.raises(ValueError, match="Invalid month count -1"):
        add_months(date(2026, 1, 1), -1)


def test_naive_datetime_is_rejected():
    with pytest.raises(ValueError, match="Naive datetime 2026-01-01T00:00:00"):
        jakarta_date(datetime(2026, 1, 1))


def test_no_due_date_never_overdue():
    assert not is_overdue(None, date(2099, 1, 1))


def test_last_reviewed_takes_later_moment():
    published = wib(2026, 1, 1, 8, 0)
    confirmed = wib(2026, 6, 1, 8, 0)
    assert last_reviewed(published, confirmed) == confirmed
    assert last_reviewed(confirmed, published) == confirmed
    assert last_reviewed(published, None) == published
    assert last_reviewed(None, None) is None


def test_week_starts_on_monday():
    assert start_of_week(date(2026, 12, 4)) == date(2026, 11, 30)
    assert start_of_week(date(2026, 11, 30)) == date(2026, 11, 30)
    assert start_of_week(date(2027, 1, 3)) == date(2026, 12, 28)
