"""Report index entries that are missing, stale or should not be there."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.indexing import find_drift, retry_pending, sync_keys
from search.models import PendingSync

SHOWN_KEYS = 20


class Command(BaseCommand):
    help = (
        "Compare the search index with the public pages and documents in the "
        "database. Exits with status 1 when they differ, unless --fix repairs them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Re-index or delete every differing entry.",
        )
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="Backend to check (default: the configured one).",
        )

    def handle(self, *args, fix=False, backend=None, **options):
        search_backend = get_backend(backend)
        drift = find_drift(search_backend)
        pending = PendingSync.objects.count()
        for label, keys in (
            ("missing", drift.missing),
            ("stale", drift.stale),
            ("unexpected", drift.unexpected),
        ):
            shown = ", ".join(keys[:SHOWN_KEYS]) + (
                " …" if len(keys) > SHOWN_KEYS else ""
            )
            self.stdout.write(f"{label}: {len(keys)}" + (f" ({shown})" if keys else ""))
        self.stdout.write(f"pending retries: {pending}")
        if fix:
            retried = retry_pending(search_backend)
            fixed = sync_keys(drift.keys, search_backend)
            self.stdout.write(
                f"Fixed {fixed} entries and retried {retried} parked writes."
            )
            return
        if drift or pending:
            raise CommandError(
                "Search index differs from the database: run with --fix."
            )
