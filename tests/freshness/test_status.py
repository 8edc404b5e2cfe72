"""Per-page and per-OPD freshness facts on the real data with aged pages."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opd_pages.freshness.models import UpdatePolicy
from opd_pages.freshness.policy import ContentKind
from opd_pages.freshness.status import PolicySet, opd_freshness_map, page_freshness
from opd_pages.models import OPDPage


def overdue_page_ids(status):
    return {item.page_id for item in status.overdue_items}


def test_disdukcapil_overdue_items(aged_content):
    status = opd_freshness_map()[aged_content["disdukcapil"].pk]
    assert overdue_page_ids(status) == {aged_content["ktp"].pk}
    # OPD page, five services, and the news duty; drafts and private pages excluded.
    assert status.tracked_count == 7
    assert status.score == 86
    assert status.latest_news_at == aged_content["news"].first_published_at


def test_dinkes_overdue_items(aged_content):
    status = opd_freshness_map()[aged_content["dinkes"].pk]
    assert overdue_page_ids(status) == {
        aged_content["announcement"].pk,
        aged_content["periodic"].pk,
        None,
    }
    news_item = next(item for item in status.overdue_items if item.page_id is None)
    assert news_item.due_on is None
    assert "/admin/pages/add/opd_pages/newspage/" in news_item.edit_url


def test_confirmation_makes_page_fresh(aged_content):
    page = aged_content["ktp"]
    today = timezone.localdate()
    assert page_freshness(page, PolicySet(), today).overdue
    page.last_reviewed_at = timezone.now() - timedelta(days=1)
    facts = page_freshness(page, PolicySet(), today)
    assert not facts.overdue
    assert facts.last_reviewed_at == page.last_reviewed_at


def test_stricter_opd_policy_applies(aged_content):
    opd = aged_content["disdukcapil"]
    UpdatePolicy.objects.create(
        content_kind=ContentKind.OPD_PROFILE, opd=opd, interval_months=1
    )
    # Confirmed 10 days ago: within one month.
    assert opd.pk not in overdue_page_ids(opd_freshness_map([opd.pk])[opd.pk])
    OPDPage.objects.filter(pk=opd.pk).update(
        last_reviewed_at=timezone.now() - timedelta(days=40)
    )
    status = opd_freshness_map([opd.pk])[opd.pk]
    assert opd.pk in overdue_page_ids(status)
    other = opd_freshness_map([aged_content["dinkes"].pk])
    assert aged_content["dinkes"].pk not in overdue_page_ids(
        other[aged_content["dinkes"].pk]
    )


def test_looser_opd_row_never_relaxes_city():
    policies = PolicySet(
        city={ContentKind.SERVICE: 6}, by_opd={(1, ContentKind.SERVICE): 24}
    )
    assert policies.interval_months(ContentKind.SERVICE, 1) == 6
    assert policies.interval_months(ContentKind.SERVICE, 2) == 6
    assert policies.interval_months(ContentKind.NEWS, 2) == 1


def test_city_map_query_count_is_fixed(aged_content):
    with CaptureQueriesContext(connection) as queries:
        statuses = opd_freshness_map()
    assert len(statuses) == 44
    assert len(queries) == 17


def test_stored_utc_review_keeps_jakarta_date(aged_content):
    from datetime import UTC, date, datetime

    from opd_pages.freshness.policy import JAKARTA
    from opd_pages.models import ServicePage

    # 00:30 WIB on 1 March is 17:30 UTC on 28 February.
    confirmed = datetime(2026, 3, 1, 0, 30, tzinfo=JAKARTA)
    ServicePage.objects.filter(pk=aged_content["ktp"].pk).update(
        last_reviewed_at=confirmed
    )
    page = ServicePage.objects.get(pk=aged_content["ktp"].pk)
    assert page.last_reviewed_at == confirmed
    assert page.last_reviewed_at.astimezone(UTC).date() == date(2026, 2, 28)
    facts = page_freshness(page, PolicySet(), date(2027, 3, 1))
    assert facts.due_on == date(2027, 3, 1)
    assert not facts.overdue
    assert page_freshness(page, PolicySet(), date(2027, 3, 2)).overdue
