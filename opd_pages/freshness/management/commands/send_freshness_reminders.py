from django.core.management.base import BaseCommand

from opd_pages.freshness.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email each OPD's editors the content that became overdue and the "
        "coordinators a weekly summary; store this week's scores. Safe to run "
        "daily: nobody gets the same reminder twice in one day."
    )

    def handle(self, *args, **options):
        run = send_reminders()
        self.stdout.write(
            f"Sent {len(run.digests)} OPD digests and "
            f"{len(run.summaries)} coordinator summaries."
        )
        if run.failures:
            self.stderr.write(
                f"{run.failures} reminders failed to send; see the log. "
                "Run the command again to retry them."
            )
