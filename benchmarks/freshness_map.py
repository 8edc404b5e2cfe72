"""Time the freshness facts of every OPD, which the report, panel and API compute.

Usage (on a scratch database; the generated pages stay in it):
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py bootstrap
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/freshness_map.py 2000

Prints the number of public pages, the queries per computation and the
median and maximum time of 7 computations.
"""

import os
import statistics
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from opd_pages.freshness.status import opd_freshness_map  # noqa: E402
from opd_pages.models import OPDPage, ServicePage  # noqa: E402

SLUG_PREFIX = "layanan-uji-"


def generate_services(page_count: int) -> None:
    """Add live service pages spread over every OPD, a third of them overdue."""
    existing = ServicePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    opds = list(OPDPage.objects.order_by("pk"))
    now = timezone.now()
    for index in range(existing, page_count):
        opd = opds[index % len(opds)]
        published = now - timedelta(days=400 if index % 3 == 0 else 30)
        opd.add_child(
            instance=ServicePage(
                title=f"Layanan uji {index}",
                slug=f"{SLUG_PREFIX}{index}",
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
        )
        opd.refresh_from_db()


def main() -> None:
    page_count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    started = time.perf_counter()
    generate_services(page_count)
    print(f"pages ready in {time.perf_counter() - started:.0f} s")

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        statuses = opd_freshness_map()
    tracked = sum(status.tracked_count for status in statuses.values())
    overdue = sum(status.overdue_count for status in statuses.values())
    print(f"opds={len(statuses)} duties={tracked} overdue={overdue}")
    print(f"queries per computation={len(queries)}")

    timings = []
    for _ in range(7):
        started = time.perf_counter()
        opd_freshness_map()
        timings.append(time.perf_counter() - started)
    print(
        f"opd_freshness_map median={statistics.median(timings) * 1000:.0f} ms "
        f"max={max(timings) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
