"""Upload the synonym file to Elasticsearch."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.synonyms import current_table, synonyms_path


class Command(BaseCommand):
    help = (
        "Validate the synonym file and, when ELASTICSEARCH_URL is set, upload it to "
        "the synonyms set; Elasticsearch reloads its search analyzers, so no "
        "reindex is needed. The database backend re-reads the file on its own."
    )

    def handle(self, *args, **options):
        try:
            table = current_table()
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{synonyms_path()}: {len(table.expansions)} entries are valid."
        )
        if settings.ELASTICSEARCH_URL:
            count = get_backend("elasticsearch").push_synonyms()
            self.stdout.write(f"Uploaded {count} rules to Elasticsearch.")
