"""The report, the home panel, the digests and GraphQL agree on the same aged data."""

import csv
import io
import json

from django.core import mail
from django.core.cache import cache

from opd_pages.freshness.reminders import send_reminders


def report_rows(client):
    response = client.get("/admin/reports/freshness/", {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    return {row["Singkatan"]: row for row in csv.DictReader(io.StringIO(body))}


def graphql_opd(client, slug):
    query = "query($slug: String!) { opdFreshness(slug: $slug) { score overdueCount } }"
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": {"slug": slug}}),
        content_type="application/json",
    )
    return response.json()["data"]["opdFreshness"]


def graphql_page_overdue(client, page_id):
    query = "query($id: ID!) { pageFreshness(id: $id) { isOverdue } }"
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": {"id": str(page_id)}}),
        content_type="application/json",
    )
    return response.json()["data"]["pageFreshness"]["isOverdue"]


def test_all_four_views_agree(client, coordinator, editor_both, aged_content):
    cache.clear()
    overdue_titles = {
        "Disdukcapil": {aged_content["ktp"].title},
        "Dinkes": {
            aged_content["announcement"].title,
            aged_content["periodic"].title,
            "Berita baru Dinkes",
        },
    }
    fresh_titles = {aged_content["news"].title, aged_content["disdukcapil"].title}

    # Coordinator report (CSV export of the same view).
    client.force_login(coordinator)
    rows = report_rows(client)
    client.logout()

    # GraphQL, anonymous.
    for abbreviation, slug in (("Disdukcapil", "disdukcapil"), ("Dinkes", "dinkes")):
        freshness = graphql_opd(client, slug)
        assert freshness["overdueCount"] == len(overdue_titles[abbreviation])
        assert int(rows[abbreviation]["Terlambat"]) == freshness["overdueCount"]
        assert int(rows[abbreviation]["Skor"]) == freshness["score"]
    for key in ("ktp", "announcement", "periodic"):
        assert graphql_page_overdue(client, aged_content[key].pk) is True
    assert graphql_page_overdue(client, aged_content["disdukcapil"].pk) is False

    # Home panel of an editor in both OPDs' groups.
    client.force_login(editor_both)
    panel = client.get("/admin/").content.decode()
    for titles in overdue_titles.values():
        for title in titles:
            assert title in panel
    for title in fresh_titles:
        assert f">{title}</a>" not in panel

    # Reminder digests to the same editor.
    send_reminders()
    digests = [m for m in mail.outbox if editor_both.email in m.to]
    assert len(digests) == 2
    for abbreviation, titles in overdue_titles.items():
        [digest] = [m for m in digests if abbreviation in m.subject]
        assert f"{len(titles)} isi {abbreviation}" in digest.subject
        for title in titles:
            assert title in digest.body
        for title in fresh_titles:
            assert f"- {title} (" not in digest.body
