"""Daily reminder digests for OPD editors and a weekly summary for the coordinator.

``send_reminders`` is safe to run from cron or a worker every day. Each
recipient gets at most one reminder of a kind per Jakarta day, because a
``SentReminder`` row is written under a unique constraint before the mail goes
out. The row is removed again if sending fails, so the next run retries.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from wagtail.models import GroupPagePermission

from opd_pages.bootstrap import COORDINATOR_GROUP

from .models import FreshnessSnapshot, ReminderKind, SentReminder
from .policy import jakarta_today, overdue_since, start_of_week
from .status import OPDFreshness, OverdueItem, opd_freshness_map

logger = logging.getLogger(__name__)

CITY_SCOPE = "kota"
SUMMARY_INTERVAL_DAYS = 7
EDITING_CODENAMES = ["add_page", "change_page", "publish_page"]


@dataclass
class ReminderRun:
    """Counts and recipients of one run, for the command's output and for tests."""

    digests: list[tuple[str, str, int]] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    failures: int = 0


def editor_emails_by_opd(statuses: dict[int, OPDFreshness]) -> dict[int, list[str]]:
    """Return the addresses of active users whose groups may edit each OPD's pages.

    Superusers are left out: they are not an agency's editors.
    """
    from opd_pages.models import OPDPage

    opd_paths = dict(
        OPDPage.objects.filter(pk__in=statuses.keys()).values_list("pk", "path")
    )
    grants = GroupPagePermission.objects.filter(
        permission__codename__in=EDITING_CODENAMES,
        permission__content_type__app_label="wagtailcore",
    ).values_list("group_id", "page__path")
    members = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .exclude(email="")
        .values_list("groups", "email")
    )
    emails_by_group: dict[int, set[str]] = {}
    for group_id, email in members:
        emails_by_group.setdefault(group_id, set()).add(email.lower())
    result = {}
    # TODO: groups granted only a section below an OPD page get no digest,
    # although their home panel lists that section's overdue items.
    for opd_id, opd_path in opd_paths.items():
        emails = set()
        for group_id, granted_path in grants:
            if opd_path.startswith(granted_path):
                emails |= emails_by_group.get(group_id, set())
        result[opd_id] = sorted(emails)
    return result


def coordinator_emails() -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, groups__name=COORDINATOR_GROUP
    )
    return sorted(
        {email.lower() for email in users.values_list("email", flat=True) if email}
    )


def last_sent_on(kind: str, scope: str) -> dict[str, date]:
    rows = (
        SentReminder.objects.filter(kind=kind, scope=scope)
        .values("recipient")
        .annotate(last=Max("sent_on"))
    )
    return {row["recipient"]: row["last"] for row in rows}


def newly_overdue(items: list[OverdueItem], since: date | None) -> list[OverdueItem]:
    """Return the items that became overdue after ``since`` (all of them when None)."""
    if since is None:
        return list(items)
    return [
        item for item in items if item.due_on and overdue_since(item.due_on) > since
    ]


SENT, ALREADY_SENT, FAILED = "sent", "already sent", "failed"


def deliver(kind, scope, recipient, today, subject, body, item_count) -> str:
    """Record and send one reminder; return SENT, ALREADY_SENT (today) or FAILED."""
    try:
        with transaction.atomic():
            record = SentReminder.objects.create(
                kind=kind,
                scope=scope,
                recipient=recipient,
                sent_on=today,
                item_count=item_count,
            )
    except IntegrityError:
        return ALREADY_SENT
    try:
        send_mail(subject, body, None, [recipient])
    except Exception:
        # Forget the record so that the next run retries this reminder.
        record.delete()
        logger.exception(
            "freshness reminder failed kind=%s scope=%s recipient=%s",
            kind,
            scope,
            recipient,
        )
        return FAILED
    logger.info(
        "freshness reminder sent kind=%s scope=%s recipient=%s items=%s",
        kind,
        scope,
        recipient,
        item_count,
    )
    return SENT


def send_opd_digests(statuses, today: date, run: ReminderRun) -> None:
    """Send each OPD's editors the items that became overdue since their last digest."""
    emails_by_opd = editor_emails_by_opd(statuses)
    for status in statuses.values():
        if not status.overdue_items:
            continue
        previous = last_sent_on(ReminderKind.OPD_DIGEST, status.slug)
        for recipient in emails_by_opd.get(status.opd_id, []):
            new_items = newly_overdue(status.overdue_items, previous.get(recipient))
            if not new_items:
                continue
            body = render_to_string(
                "freshness/email/opd_digest.txt",
                {
                    "status": status,
                    "new_items": new_items,
                    "today": today,
                    "base_url": settings.WAGTAILADMIN_BASE_URL,
                },
            )
            subject = (
                f"[Bekasi Iconic] {len(new_items)} isi {status.abbreviation} "
                "perlu diperiksa"
            )
            outcome = deliver(
                ReminderKind.OPD_DIGEST,
                status.slug,
                recipient,
                today,
                subject,
                body,
                len(new_items),
            )
            if outcome == SENT:
                run.digests.append((status.slug, recipient, len(new_items)))
            elif outcome == FAILED:
                run.failures += 1


def send_coordinator_summary(statuses, today: date, run: ReminderRun) -> None:
    """Send the coordinators the week's scores unless they had one in the last 7 days."""
    previous = last_sent_on(ReminderKind.COORDINATOR_SUMMARY, CITY_SCOPE)
    rows = sorted(statuses.values(), key=lambda status: (status.score, status.title))
    overdue_total = sum(status.overdue_count for status in rows)
    body = render_to_string(
        "freshness/email/coordinator_summary.txt",
        {
            "rows": rows,
            "today": today,
            "overdue_total": overdue_total,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        },
    )
    subject = f"[Bekasi Iconic] Kemutakhiran OPD pekan ini: {overdue_total} terlambat"
    for recipient in coordinator_emails():
        last = previous.get(recipient)
        if last and today - last < timedelta(days=SUMMARY_INTERVAL_DAYS):
            continue
        outcome = deliver(
            ReminderKind.COORDINATOR_SUMMARY,
            CITY_SCOPE,
            recipient,
            today,
            subject,
            body,
            overdue_total,
        )
        if outcome == SENT:
            run.summaries.append(recipient)
        elif outcome == FAILED:
            run.failures += 1


def record_weekly_snapshots(statuses, today: date) -> None:
    """Store (or refresh) this week's score of every OPD for the report's trend."""
    week_start = start_of_week(today)
    for status in statuses.values():
        FreshnessSnapshot.objects.update_or_create(
            opd_id=status.opd_id,
            week_start=week_start,
            defaults={
                "score": status.score,
                "tracked_count": status.tracked_count,
                "overdue_count": status.overdue_count,
            },
        )


def send_reminders(today: date | None = None) -> ReminderRun:
    """Compute every OPD's freshness once, store the weekly snapshot and send reminders."""
    today = today or jakarta_today()
    statuses = opd_freshness_map(today=today)
    run = ReminderRun()
    record_weekly_snapshots(statuses, today)
    send_opd_digests(statuses, today, run)
    send_coordinator_summary(statuses, today, run)
    logger.info(
        "freshness reminders finished digests=%s summaries=%s failures=%s",
        len(run.digests),
        len(run.summaries),
        run.failures,
    )
    return run
