"""Compare the GraphQL news listing with Wagtail's REST API v2 on one server.

Usage:
    .venv/bin/python benchmarks/graphql_vs_rest.py --pages 1000

Without DATABASE_URL the run uses its own SQLite file under var/. The first
run migrates it and loads the real data, and the generated news pages stay
there for the next run. The script then starts
``manage.py runserver`` on 127.0.0.1:8101 with DEBUG off, sends the same
20-item news listing (owning OPD, CARD rendition, tags) through each
endpoint one request at a time, and prints requests/second, p50 and p95
latency and the SQL queries per request as a Markdown table. Requests go
only to 127.0.0.1, and every loop is bounded by --requests and --seconds.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ["DEBUG"] = "0"

HOST = "127.0.0.1"
PORT = 8101
SLUG_PREFIX = "berita-uji-"
TAGS = ["kesehatan", "pendidikan", "adminduk", "pajak", "banjir", "vaksin"]

GRAPHQL_QUERY = """
query BenchNews {
  news(first: 20) {
    totalCount
    nodes {
      id title urlPath date summary
      opd { id title slug abbreviation }
      tags { name }
      heroImage { rendition(size: CARD) { url width height } }
    }
  }
}
"""
REST_PATH = (
    "/api/v2/pages/?type=opd_pages.NewsPage&order=-date&limit=20"
    "&fields=date,summary,opd,hero_image_card,tags"
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="news pages to seed")
    parser.add_argument(
        "--requests", type=int, default=300, help="measured requests per endpoint"
    )
    parser.add_argument(
        "--seconds", type=float, default=60, help="time limit per endpoint, seconds"
    )
    return parser.parse_args()


def prepare_database(pages: int) -> None:
    """Migrate, load the real data and seed news pages up to ``pages``."""
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench-graphql.sqlite3'}"
    )
    (BASE_DIR / "var").mkdir(exist_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("bootstrap", verbosity=0)
    seed_news(pages)


def bench_image():
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    image_model = get_image_model()
    image = image_model.objects.filter(title="Benchmark").first()
    if image is None:
        buffer = io.BytesIO()
        PILImage.new("RGB", (1200, 800), (30, 90, 160)).save(buffer, "PNG")
        image = image_model(
            title="Benchmark",
            file=ImageFile(buffer, name="benchmark.png"),
            width=1200,
            height=800,
        )
        image.save()
    return image


def seed_news(target: int) -> None:
    """Add live news pages spread over every OPD, each with two tags and an image."""
    import datetime

    from django.utils import timezone

    from opd_pages.models import NewsPage, OPDPage

    existing = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    opds = list(OPDPage.objects.order_by("pk"))
    image = bench_image()
    started = time.perf_counter()
    for index in range(existing, target):
        opd = opds[index % len(opds)]
        page = NewsPage(
            title=f"Berita uji {index}",
            slug=f"{SLUG_PREFIX}{index}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=index % 700),
            summary=f"Ringkasan berita uji {index}.",
            hero_image=image,
            live=True,
            first_published_at=timezone.now(),
        )
        page.tags.add(TAGS[index % len(TAGS)], TAGS[(index + 1) % len(TAGS)])
        opd.add_child(instance=page)
        if index % 500 == 499:
            print(f"seeded {index + 1} pages", file=sys.stderr)
    print(
        f"news pages ready: {target} ({time.perf_counter() - started:.0f} s seeding)",
        file=sys.stderr,
    )


def queries_per_request() -> dict[str, int]:
    """Count SQL queries of one warm request per endpoint, in this process."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    get_url = "/graphql/?" + urllib.parse.urlencode({"query": GRAPHQL_QUERY})
    body = json.dumps({"query": GRAPHQL_QUERY})
    counts = {}
    cache.clear()
    client.post("/graphql/", body, content_type="application/json")
    client.get(REST_PATH)
    for name, call in (
        ("GraphQL POST", lambda: client.post("/graphql/", body, "application/json")),
        ("GraphQL GET, cached", lambda: client.get(get_url)),
        ("REST API v2", lambda: client.get(REST_PATH)),
    ):
        call()
        with CaptureQueriesContext(connection) as captured:
            response = call()
        assert response.status_code == 200, (name, response.content[:300])
        counts[name] = len(captured)
    return counts


def start_server() -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"{HOST}:{PORT}", "--noreload"],
        cwd=BASE_DIR,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://{HOST}:{PORT}/api/v2/pages/?limit=1", timeout=2)
            return process
        except requests.ConnectionError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"runserver did not respond on {HOST}:{PORT} within 60 s")


def measure(send, count: int, seconds: float) -> dict[str, float]:
    """Send warm-up requests, then time up to ``count`` requests or ``seconds``."""
    for _ in range(10):
        send()
    latencies = []
    started = time.perf_counter()
    while len(latencies) < count and time.perf_counter() - started < seconds:
        before = time.perf_counter()
        response = send()
        latencies.append(time.perf_counter() - before)
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
    }


def main() -> None:
    args = parse_args()
    prepare_database(args.pages)
    counts = queries_per_request()

    import requests

    session = requests.Session()
    base = f"http://{HOST}:{PORT}"
    get_url = f"{base}/graphql/?" + urllib.parse.urlencode({"query": GRAPHQL_QUERY})
    scenarios = {
        "GraphQL POST": lambda: session.post(
            f"{base}/graphql/", json={"query": GRAPHQL_QUERY}, timeout=30
        ),
        "GraphQL GET, cached": lambda: session.get(get_url, timeout=30),
        "REST API v2": lambda: session.get(f"{base}{REST_PATH}", timeout=30),
    }
    server = start_server()
    try:
        results = {
            name: measure(send, args.requests, args.seconds)
            for name, send in scenarios.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.pages} news pages, 20 items per request, one client at a time\n")
    print("| endpoint | requests | req/s | p50 ms | p95 ms | SQL queries/request |")
    print("|---|---|---|---|---|---|")
    for name, result in results.items():
        print(
            f"| {name} | {result['requests']} | {result['rps']:.1f} "
            f"| {result['p50']:.1f} | {result['p95']:.1f} | {counts[name]} |"
        )


if __name__ == "__main__":
    main()
