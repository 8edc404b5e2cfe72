"""Load generated news around the real data and print ranking quality.

Usage (on a scratch database; the pages stay in it):
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py bootstrap
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/search_quality.py 4000
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.core.management import call_command  # noqa: E402

from opd_pages.models import NewsPage  # noqa: E402
from search.corpus import generate_pages  # noqa: E402


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    existing = NewsPage.objects.filter(slug__startswith="berita-uji-").count()
    if existing < wanted:
        started = time.perf_counter()
        NewsPage.objects.filter(slug__startswith="berita-uji-").delete()
        from opd_pages.models import AnnouncementPage

        AnnouncementPage.objects.filter(slug__startswith="berita-uji-").delete()
        generate_pages(wanted)
        print(f"generated {wanted} pages in {time.perf_counter() - started:.0f} s")
    call_command("search_reindex", "--no-progress")
    call_command("search_evaluate", "search/relevance/queries.json")


if __name__ == "__main__":
    main()
