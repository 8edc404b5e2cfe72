"""Measure ranking quality against judged queries (see search/relevance/README.md)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from opd_pages.models import OPDPage, ServicePage

from .backends.base import SearchBackend, SearchRequest
from .records import page_key

TOP_K = 10
SUCCESS_DEPTH = 3
TARGET_MODELS = {"service": ServicePage, "opd": OPDPage}


@dataclass
class Judgement:
    """A query with the grade (1-3) of each page that answers it."""

    query: str
    grades: dict[str, int]


@dataclass
class QueryOutcome:
    query: str
    ranked_keys: list[str]
    first_best_rank: int | None
    ndcg: float


@dataclass
class Evaluation:
    """Success@3, MRR of the first grade-3 page and nDCG@10 over all queries."""

    outcomes: list[QueryOutcome] = field(default_factory=list)

    @property
    def success_at_3(self) -> float:
        hits = [
            o
            for o in self.outcomes
            if o.first_best_rank and o.first_best_rank <= SUCCESS_DEPTH
        ]
        return len(hits) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mrr(self) -> float:
        ranks = [
            1 / o.first_best_rank if o.first_best_rank else 0.0 for o in self.outcomes
        ]
        return sum(ranks) / len(ranks) if ranks else 0.0

    @property
    def ndcg_at_10(self) -> float:
        return (
            sum(o.ndcg for o in self.outcomes) / len(self.outcomes)
            if self.outcomes
            else 0.0
        )

    @property
    def misses(self) -> list[QueryOutcome]:
        """Queries whose grade-3 page is not in the top 3."""
        return [
            o
            for o in self.outcomes
            if not o.first_best_rank or o.first_best_rank > SUCCESS_DEPTH
        ]


def resolve_target(target: str) -> str:
    """Turn "service/ktp-el" or "opd/dinkes" into an index key; raise on unknown targets."""
    kind, _, slug = target.partition("/")
    model = TARGET_MODELS.get(kind)
    if model is None:
        raise ValueError(
            f"Invalid target {target!r}: use 'service/<slug>' or 'opd/<slug>'."
        )
    page_id = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if page_id is None:
        raise ValueError(
            f"Target {target!r} not found: load the data with 'manage.py bootstrap'."
        )
    return page_key(page_id)


def load_judgements(path: Path) -> list[Judgement]:
    """Read a judged query file and resolve its targets to index keys."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Judgement(
            query=item["query"],
            grades={
                resolve_target(target): grade
                for target, grade in item["relevant"].items()
            },
        )
        for item in data["queries"]
    ]


def dcg(grades: list[int]) -> float:
    return sum(
        (2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades)
    )


def score_query(judgement: Judgement, ranked_keys: list[str]) -> QueryOutcome:
    """Compute the first grade-3 rank and nDCG@10 of one ranked list."""
    grades = [judgement.grades.get(key, 0) for key in ranked_keys[:TOP_K]]
    ideal = dcg(sorted(judgement.grades.values(), reverse=True)[:TOP_K])
    first_best = next(
        (rank + 1 for rank, grade in enumerate(grades) if grade == 3), None
    )
    return QueryOutcome(
        query=judgement.query,
        ranked_keys=ranked_keys[:TOP_K],
        first_best_rank=first_best,
        ndcg=dcg(grades) / ideal if ideal else 0.0,
    )


def evaluate(judgements: list[Judgement], backend: SearchBackend) -> Evaluation:
    """Run every judged query against ``backend`` and score the rankings."""
    evaluation = Evaluation()
    for judgement in judgements:
        results = backend.search(SearchRequest(judgement.query, page_size=TOP_K))
        ranked = [hit.key for hit in results.hits]
        evaluation.outcomes.append(score_query(judgement, ranked))
    return evaluation
