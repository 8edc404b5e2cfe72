"""Print ranking quality for a file of judged queries."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.evaluation import evaluate, load_judgements
from search.models import SearchDocument


class Command(BaseCommand):
    help = (
        "Run every query of a judged query file against the loaded data and print "
        "success@3, MRR (first grade-3 page) and nDCG@10, then the queries whose "
        "grade-3 page is not in the top 3."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            type=Path,
            help="Judged queries, e.g. search/relevance/queries.json.",
        )
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="Backend to query (default: the configured one).",
        )
        parser.add_argument(
            "--min-success",
            type=float,
            default=0.0,
            help="Exit with status 1 when success@3 is below this share (0 to 1).",
        )

    def handle(self, *args, file, backend=None, min_success=0.0, **options):
        if not file.exists():
            raise CommandError(
                f"Judged query file {file} not found: pass an existing path."
            )
        try:
            judgements = load_judgements(file)
        except ValueError as error:
            raise CommandError(str(error)) from error
        search_backend = get_backend(backend)
        evaluation = evaluate(judgements, search_backend)
        documents = (
            SearchDocument.objects.count() if search_backend.name == "database" else "?"
        )
        self.stdout.write(
            f"backend={search_backend.name} queries={len(judgements)} documents={documents}\n"
            f"success@3={evaluation.success_at_3:.3f} MRR={evaluation.mrr:.3f} "
            f"nDCG@10={evaluation.ndcg_at_10:.3f}"
        )
        for outcome in evaluation.misses:
            self.stdout.write(
                f"  missed: {outcome.query!r} first grade-3 rank={outcome.first_best_rank} "
                f"top3={outcome.ranked_keys[:3]}"
            )
        if evaluation.success_at_3 < min_success:
            raise CommandError(
                f"success@3 {evaluation.success_at_3:.3f} is below the floor {min_success:.3f}."
            )
