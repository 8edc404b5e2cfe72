"""Admin views as real group members: report, drill-down, confirmation, panel, queue."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from opd_pages.freshness.actions import CONFIRM_ACTION
from opd_pages.freshness.models import OutdatedReport
from opd_pages.freshness.policy import JAKARTA
from opd_pages.freshness.status import opd_freshness_map
from opd_pages.models import OPDPage

REPORT_URL = "/admin/reports/freshness/"


def assert_denied(response):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_report_visible_to_coordinator(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dinas Kesehatan" in html
    assert "<svg" in html
    summary = {
        part["level"]: part["count"] for part in response.context["level_summary"]
    }
    assert sum(summary.values()) == 44
    assert summary["tertinggal"] >= 1
    assert "Tertinggal: " in html
    assert reverse("freshness_report_opd", args=[aged_content["dinkes"].pk]) in html


@pytest.mark.parametrize("fixture", ["editor_disdukcapil", "editor_both"])
def test_report_denied_to_editors(db, client, request, fixture):
    # ``db`` is named here so that pytest-django runs this test before the
    # transactional tests, which leave an empty database behind.
    client.force_login(request.getfixturevalue(fixture))
    assert_denied(client.get(REPORT_URL))
    assert_denied(client.get(REPORT_URL, {"export": "csv"}))
    dinkes = OPDPage.objects.get(slug="dinkes")
    assert_denied(client.get(f"{REPORT_URL}{dinkes.pk}/"))


def test_report_exports_csv(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"export": "csv", "ordering": "title"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 44
    dinkes = next(row for row in rows if row["Singkatan"] == "Dinkes")
    assert dinkes["Terlambat"] == "3"
    published = opd_freshness_map()[aged_content["dinkes"].pk].last_published_at
    local = published.astimezone(JAKARTA).strftime("%Y-%m-%d %H:%M")
    assert dinkes["Terbit terakhir"] == local
    assert [row["OPD"] for row in rows] == sorted(
        (row["OPD"] for row in rows), key=str.lower
    )


def test_report_exports_xlsx(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    assert sheet.max_row == 45
    assert sheet.cell(1, 1).value == "OPD"


def test_report_filters_and_sorts(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"kind": "dinas", "ordering": "-overdue_count"})
    rows = response.context["object_list"]
    assert {row.kind for row in rows} == {"dinas"}
    counts = [row.overdue_count for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert rows[0].abbreviation == "Dinkes"


def test_report_level_filter(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"level": "tertinggal"})
    rows = response.context["object_list"]
    assert rows
    assert all(row.score < 50 for row in rows)


def test_drilldown_links_overdue_items(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(f"{REPORT_URL}{aged_content['dinkes'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("announcement", "periodic"):
        edit_url = reverse("wagtailadmin_pages:edit", args=[aged_content[key].pk])
        assert edit_url in html


def test_confirm_records_history(client, editor_disdukcapil, aged_content):
    ktp = aged_content["ktp"]
    revisions = ktp.revisions.count()
    client.force_login(editor_disdukcapil)
    url = reverse("freshness_confirm_accurate", args=[ktp.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    ktp.refresh_from_db()
    assert ktp.last_reviewed_at is not None
    assert ktp.revisions.count() == revisions
    entry = PageLogEntry.objects.get(page=ktp, action=CONFIRM_ACTION)
    assert entry.user == editor_disdukcapil
    assert entry.timestamp == ktp.last_reviewed_at
    history = client.get(reverse("wagtailadmin_pages:history", args=[ktp.pk]))
    assert "Isi dikonfirmasi masih akurat" in history.content.decode()


def test_confirm_denied_for_other_opd(client, editor_dinkes, aged_content):
    client.force_login(editor_dinkes)
    url = reverse("freshness_confirm_accurate", args=[aged_content["ktp"].pk])
    assert_denied(client.get(url))
    assert_denied(client.post(url))
    assert not PageLogEntry.objects.filter(action=CONFIRM_ACTION).exists()


def test_confirm_rejects_draft_page(client, editor_disdukcapil, aged_content):
    client.force_login(editor_disdukcapil)
    url = reverse("freshness_confirm_accurate", args=[aged_content["draft"].pk])
    client.post(url)
    assert not PageLogEntry.objects.filter(action=CONFIRM_ACTION).exists()


def test_confirm_button_in_page_header(client, editor_disdukcapil, aged_content):
    client.force_login(editor_disdukcapil)
    ktp = aged_content["ktp"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[ktp.pk]))
    assert reverse("freshness_confirm_accurate", args=[ktp.pk]) in (
        response.content.decode()
    )


def test_home_panel_scoped_to_own_opd(client, editor_disdukcapil, aged_content):
    client.force_login(editor_disdukcapil)
    html = client.get("/admin/").content.decode()
    assert "Isi yang perlu diperiksa" in html
    assert aged_content["ktp"].title in html
    assert aged_content["periodic"].title not in html


def test_home_panel_for_two_groups(client, editor_both, aged_content):
    client.force_login(editor_both)
    html = client.get("/admin/").content.decode()
    assert aged_content["ktp"].title in html
    assert aged_content["periodic"].title in html
    assert aged_content["announcement"].title in html


def test_queue_scoped_and_marks_handled(
    client, editor_disdukcapil, editor_dinkes, aged_content
):
    own = OutdatedReport.objects.create(
        page=aged_content["ktp"], opd=aged_content["disdukcapil"], message="Syarat baru"
    )
    other = OutdatedReport.objects.create(
        page=aged_content["periodic"], opd=aged_content["dinkes"], message="Kurang"
    )
    client.force_login(editor_disdukcapil)
    html = client.get(reverse("freshness_outdated_reports")).content.decode()
    assert "Syarat baru" in html
    assert "Kurang" not in html
    handle = "freshness_handle_outdated_report"
    assert client.post(reverse(handle, args=[other.pk])).status_code == 404
    assert client.post(reverse(handle, args=[own.pk])).status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.handled_by == editor_disdukcapil
    assert other.handled_at is None


def test_policy_snippet_for_coordinator_only(client, coordinator, editor_disdukcapil):
    url = reverse("wagtailsnippets_freshness_updatepolicy:add")
    client.force_login(editor_disdukcapil)
    assert_denied(client.get(url))
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


def policy_form(opd, months, kind="service"):
    return {
        "content_kind": kind,
        "opd": opd.pk if opd else "",
        "interval_months": months,
    }


def test_opd_policy_must_be_stricter(client, coordinator, disdukcapil):
    from opd_pages.freshness.models import UpdatePolicy

    client.force_login(coordinator)
    url = reverse("wagtailsnippets_freshness_updatepolicy:add")
    response = client.post(url, policy_form(disdukcapil, 18))
    assert response.status_code == 200
    assert "lebih longgar daripada batas kota (12 bulan)" in response.content.decode()
    assert not UpdatePolicy.objects.exists()
    response = client.post(url, policy_form(disdukcapil, 6))
    assert response.status_code == 302
    assert UpdatePolicy.objects.get().interval_months == 6


def test_city_policy_changes_report(client, coordinator, aged_content):
    from opd_pages.freshness.models import UpdatePolicy

    client.force_login(coordinator)
    url = reverse("wagtailsnippets_freshness_updatepolicy:add")
    assert client.post(url, policy_form(None, 24)).status_code == 302
    assert UpdatePolicy.objects.get().opd is None
    response = client.get(REPORT_URL, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    rows = {row["Singkatan"]: row for row in csv.DictReader(io.StringIO(body))}
    # ktp-el, reviewed 400 days ago, is still valid under a 24-month interval.
    assert rows["Disdukcapil"]["Terlambat"] == "0"


def test_confirm_ignores_external_next(client, editor_disdukcapil, aged_content):
    client.force_login(editor_disdukcapil)
    ktp = aged_content["ktp"]
    url = reverse("freshness_confirm_accurate", args=[ktp.pk])
    response = client.post(url, {"next": "https://example.com/phish"})
    assert response.url == reverse("wagtailadmin_pages:edit", args=[ktp.pk])


def test_report_sorts_unpublished_opds(client, coordinator, aged_content):
    for slug in ("dinkes", "disdukcapil"):
        OPDPage.objects.get(slug=slug).unpublish()
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"ordering": "last_published_at"})
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert rows[0].last_published_at is None
    assert rows[1].last_published_at is None
    assert rows[2].last_published_at is not None


def test_report_trend_uses_snapshots(client, coordinator, aged_content):
    from datetime import timedelta

    from opd_pages.freshness.models import FreshnessSnapshot
    from opd_pages.freshness.policy import jakarta_today, start_of_week

    this_week = start_of_week(jakarta_today())
    for weeks_ago, score in ((9, 10), (2, 40), (1, 60)):
        FreshnessSnapshot.objects.create(
            opd=aged_content["dinkes"],
            week_start=this_week - timedelta(weeks=weeks_ago),
            score=score,
            tracked_count=5,
            overdue_count=2,
        )
    client.force_login(coordinator)
    response = client.get(REPORT_URL, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    rows = {row["Singkatan"]: row for row in csv.DictReader(io.StringIO(body))}
    current = rows["Dinkes"]["Skor"]
    # The snapshot from nine weeks ago is older than the eight-week trend.
    assert rows["Dinkes"]["Tren 8 pekan"] == f"40 60 {current}"
    assert rows["Disdukcapil"]["Tren 8 pekan"] == rows["Disdukcapil"]["Skor"]


def test_drilldown_unknown_opd_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(f"{REPORT_URL}999999/").status_code == 404


def test_confirm_button_in_page_listing(client, editor_disdukcapil, aged_content):
    client.force_login(editor_disdukcapil)
    opd = aged_content["disdukcapil"]
    html = client.get(reverse("wagtailadmin_explore", args=[opd.pk])).content.decode()
    ktp_url = reverse("freshness_confirm_accurate", args=[aged_content["ktp"].pk])
    draft_url = reverse("freshness_confirm_accurate", args=[aged_content["draft"].pk])
    assert ktp_url in html
    assert draft_url not in html


def test_coordinator_home_links_report(client, coordinator, aged_content):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert REPORT_URL in html
    assert "Isi yang perlu diperiksa" not in html


def test_coordinator_queue_sees_every_opd(client, coordinator, aged_content):
    OutdatedReport.objects.create(
        page=aged_content["ktp"], opd=aged_content["disdukcapil"], message="A"
    )
    OutdatedReport.objects.create(
        page=aged_content["periodic"], opd=aged_content["dinkes"], message="B"
    )
    client.force_login(coordinator)
    response = client.get(reverse("freshness_outdated_reports"))
    assert len(response.context["reports"]) == 2


def test_report_results_fragment_filters(client, coordinator, aged_content):
    client.force_login(coordinator)
    response = client.get(
        reverse("freshness_report_results"),
        {"kind": "kecamatan", "level": "perlu perhatian"},
    )
    assert response.status_code == 200
    rows = response.context["object_list"]
    # Each kecamatan has its fresh profile and no news: one of two duties lapsed.
    assert len(rows) == 12
    assert {row.kind for row in rows} == {"kecamatan"}
    assert {row.score for row in rows} == {50}
    assert "<html" not in response.content.decode()


def test_queue_denied_without_page_permissions(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="tamu", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert_denied(client.get(reverse("freshness_outdated_reports")))
    assert "Laporan warga" not in client.get("/admin/").content.decode()
