"""Rebuild the citizen search index from the database."""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand
from rich.progress import Progress

from search.backends import get_backend
from search.documents import check_mapping_conflicts
from search.indexing import all_public_records, count_public_objects

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every public page and document. On "
        "Elasticsearch a new versioned index is filled and the alias moved to it "
        "atomically; on the database the table is replaced in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="Backend to rebuild (default: Elasticsearch when ELASTICSEARCH_URL is set).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args, backend=None, no_progress=False, **options):
        check_mapping_conflicts()
        search_backend = get_backend(backend)
        total = count_public_objects()
        started = time.perf_counter()
        with Progress(disable=no_progress or options["verbosity"] == 0) as progress:
            task = progress.add_task(
                f"Indexing into {search_backend.name}", total=total
            )
            count = search_backend.rebuild(
                all_public_records(),
                total,
                progress=lambda done: progress.advance(task, done),
            )
        elapsed = time.perf_counter() - started
        logger.info(
            "search rebuilt backend=%s documents=%s", search_backend.name, count
        )
        if options["verbosity"]:
            rate = count / elapsed if elapsed else 0.0
            self.stdout.write(
                f"Indexed {count} documents into {search_backend.name} in "
                f"{elapsed:.1f} s ({rate:.0f} documents/s)."
            )
