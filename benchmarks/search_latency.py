"""Search latency and write throughput of the database backend at a given size.

Fills the index with N synthetic news records (text built like
``search.corpus``), then runs every judged query and a set of autocomplete
prefixes several times and prints p50/p95 latency. Run it on a scratch
database that contains the bootstrapped data. It deletes its own records first.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/search_latency.py 10000
"""

import json
import os
import random
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection  # noqa: E402

from opd_pages.models import Kelurahan, OPDPage  # noqa: E402
from search.backends import get_backend  # noqa: E402
from search.backends.base import SearchRequest  # noqa: E402
from search.corpus import SENTENCES, TITLES, TOPICS  # noqa: E402
from search.models import SearchDocument  # noqa: E402
from search.records import RANK_BOOSTS, SearchRecord  # noqa: E402

REPEATS = 5
PREFIXES = [
    "ktp",
    "akta kel",
    "pendaf",
    "izin us",
    "pajak",
    "puskes",
    "kartu k",
    "banj",
]


def synthetic_records(count: int, page_id: int) -> list[SearchRecord]:
    rng = random.Random(7)
    opds = {opd.slug: opd for opd in OPDPage.objects.all()}
    places = list(Kelurahan.objects.select_related("kecamatan"))
    records = []
    for number in range(count):
        term, slug = rng.choice(TOPICS)
        place = rng.choice(places)
        words = {
            "term": term,
            "kelurahan": place.name,
            "kecamatan": place.kecamatan.name,
        }
        opd = opds[slug]
        records.append(
            SearchRecord(
                key=f"bench:{number}",
                kind="page",
                # Every synthetic record points at one live page, so the
                # live-status guard runs as it does for real pages.
                object_id=page_id,
                content_type="news",
                title=rng.choice(TITLES).format(**words),
                url=f"/bench/{number}/",
                summary=SENTENCES[0].format(**words),
                body=" ".join(s.format(**words) for s in rng.sample(SENTENCES, 4)),
                opd_id=opd.pk,
                opd_slug=opd.slug,
                opd_name=opd.title,
                opd_abbreviation=opd.abbreviation,
                region_id=place.kecamatan_id,
                region_name=place.kecamatan.name,
                rank_boost=RANK_BOOSTS["news"],
            )
        )
    return records


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    backend = get_backend("database")
    SearchDocument.objects.filter(key__startswith="bench:").delete()
    page_id = OPDPage.objects.filter(live=True).values_list("pk", flat=True).first()

    records = synthetic_records(count, page_id)
    started = time.perf_counter()
    backend.write(records)
    write_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Earlier runs leave deleted rows behind; vacuum so each size starts clean.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE citizen_search_searchdocument")

    with open("search/relevance/queries.json", encoding="utf-8") as handle:
        queries = [item["query"] for item in json.load(handle)["queries"]]
    search_ms = [
        timed(lambda q=query: backend.search(SearchRequest(q)))
        for _ in range(REPEATS)
        for query in queries
    ]
    autocomplete_ms = [
        timed(lambda p=prefix: backend.autocomplete(p))
        for _ in range(REPEATS)
        for prefix in PREFIXES
    ]

    total = SearchDocument.objects.count()
    print(f"database={connection.vendor} indexed={total} synthetic={count}")
    print(f"write: {count / write_seconds:.0f} records/s ({write_seconds:.1f} s)")
    for label, values in (("search", search_ms), ("autocomplete", autocomplete_ms)):
        print(
            f"{label}: n={len(values)} p50={statistics.median(values):.1f} ms "
            f"p95={percentile(values, 0.95):.1f} ms max={max(values):.1f} ms"
        )


if __name__ == "__main__":
    main()
