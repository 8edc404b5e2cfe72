"""send_freshness_reminders: digests, weekly summary, no repeats, failures."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from opd_pages.freshness.models import FreshnessSnapshot, ReminderKind, SentReminder
from opd_pages.freshness.policy import start_of_week
from opd_pages.freshness.reminders import send_reminders
from opd_pages.models import AnnouncementPage

from .conftest import publish_child


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def staff(editor_disdukcapil, editor_dinkes, editor_both, coordinator):
    return {
        "dukcapil": editor_disdukcapil.email,
        "dinkes": editor_dinkes.email,
        "both": editor_both.email,
        "coordinator": coordinator.email,
    }


def test_first_run_sends_digests(aged_content, staff):
    run = send_reminders()
    assert run.failures == 0
    [dukcapil] = mails_to(staff["dukcapil"])
    assert aged_content["ktp"].title in dukcapil.body
    assert "Disdukcapil" in dukcapil.subject
    [dinkes] = mails_to(staff["dinkes"])
    for key in ("announcement", "periodic"):
        assert aged_content[key].title in dinkes.body
    assert len(mails_to(staff["both"])) == 2
    [summary] = mails_to(staff["coordinator"])
    assert "Dinas Kesehatan" in summary.body


def test_second_run_same_day_sends_nothing(aged_content, staff):
    send_reminders()
    sent = len(mail.outbox)
    records = SentReminder.objects.count()
    call_command("send_freshness_reminders", verbosity=0)
    assert len(mail.outbox) == sent
    assert SentReminder.objects.count() == records


def test_next_day_digest_has_only_new_items(aged_content, staff):
    today = timezone.localdate()
    send_reminders(today)
    publish_child(
        aged_content["dinkes"],
        AnnouncementPage(
            title="Posyandu keliling",
            slug="posyandu",
            valid_from=today - timedelta(days=3),
            valid_until=today,
        ),
    )
    mail.outbox.clear()
    send_reminders(today + timedelta(days=1))
    [digest] = mails_to(staff["dinkes"])
    assert "Posyandu keliling" in digest.body
    assert aged_content["periodic"].title not in digest.body
    assert not mails_to(staff["dukcapil"])
    assert not mails_to(staff["coordinator"])


def test_coordinator_summary_is_weekly(aged_content, staff):
    today = timezone.localdate()
    send_reminders(today)
    mail.outbox.clear()
    send_reminders(today + timedelta(days=6))
    assert not mails_to(staff["coordinator"])
    send_reminders(today + timedelta(days=7))
    assert len(mails_to(staff["coordinator"])) == 1
    kinds = SentReminder.objects.filter(recipient=staff["coordinator"])
    assert kinds.filter(kind=ReminderKind.COORDINATOR_SUMMARY).count() == 2


def test_failed_send_is_retried(aged_content, staff, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1
    settings.EMAIL_TIMEOUT = 2
    run = send_reminders()
    assert run.failures >= 4
    assert not SentReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run = send_reminders()
    assert run.failures == 0
    assert mails_to(staff["dukcapil"])


def test_run_stores_weekly_snapshot(aged_content):
    today = timezone.localdate()
    send_reminders(today)
    send_reminders(today)
    snapshot = FreshnessSnapshot.objects.get(opd=aged_content["dinkes"])
    assert snapshot.week_start == start_of_week(today)
    assert snapshot.overdue_count == 3
