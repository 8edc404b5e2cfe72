"""Incremental index updates after publish, unpublish, expiry, move, delete and restriction changes."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from opd_pages.models import NewsPage, OPDPage, StandardPage
from search.backends import get_backend
from search.backends.base import SearchFilters, SearchRequest
from search.indexing import lookup_tables, retry_pending
from search.models import PendingSync, SearchDocument
from search.records import page_key, page_record


@pytest.fixture
def backend(db, settings):
    settings.ELASTICSEARCH_URL = ""
    return get_backend("database")


def found(backend, text, **filters):
    results = backend.search(
        SearchRequest(text, filters=SearchFilters(**filters), page_size=50)
    )
    return [hit.key for hit in results.hits]


def suggested(backend, prefix):
    return [suggestion.key for suggestion in backend.autocomplete(prefix, limit=20)]


def test_draft_text_never_indexed_until_publish(backend, news, committed):
    page = news("Jam Layanan Disdukcapil", "Senin sampai Jumat.")
    page.body = [("paragraph", "<p>Senin sampai Sabtu, termasuk layanan malam.</p>")]
    with committed():
        revision = page.save_revision()
    assert page_key(page.pk) not in found(backend, "malam")
    assert "malam" not in SearchDocument.objects.get(key=page_key(page.pk)).body

    with committed():
        revision.publish()
    assert page_key(page.pk) in found(backend, "malam")


def test_unpublish_removes_from_search_and_autocomplete(backend, news, committed):
    page = news("Pendaftaran Vaksinasi Tahap 3", "Vaksinasi tahap 3 dibuka.")
    assert page_key(page.pk) in found(backend, "vaksinasi tahap 3")
    assert page_key(page.pk) in suggested(backend, "vaksinasi")

    with committed():
        page.unpublish()
    assert page_key(page.pk) not in found(backend, "vaksinasi tahap 3")
    assert page_key(page.pk) not in suggested(backend, "vaksinasi")


def test_scheduled_expiry_removes_page(backend, news, committed):
    page = news("Pendaftaran Vaksinasi Tahap 4", "Vaksinasi tahap 4 dibuka.")
    Page.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with committed():
        call_command("publish_scheduled", verbosity=0)
    assert page_key(page.pk) not in found(backend, "vaksinasi tahap 4")
    assert page_key(page.pk) not in suggested(backend, "vaksinasi")


def test_query_filters_expired_and_non_live_entries(backend, news, committed):
    page = news("Pengumuman Vaksinasi Tahap 5", "Vaksinasi tahap 5.")
    opds, regions = lookup_tables()
    record = page_record(page.specific, opds, regions)
    record.expire_at = timezone.now() - dt.timedelta(seconds=1)
    backend.write([record])
    assert page_key(page.pk) not in found(backend, "vaksinasi tahap 5")

    record.expire_at = None
    backend.write([record])
    Page.objects.filter(pk=page.pk).update(live=False)
    assert page_key(page.pk) not in found(backend, "vaksinasi tahap 5")
    assert page_key(page.pk) not in suggested(backend, "vaksinasi")


def test_delete_removes_page(backend, news, committed):
    page = news("Pelatihan Juru Pantau Jentik", "Pelatihan jumantik.")
    with committed():
        page.delete()
    assert not SearchDocument.objects.filter(key=page_key(page.pk)).exists()


def test_move_then_parent_rename_reindexes_subtree(backend, publish, committed, client):
    diskominfo = OPDPage.objects.get(slug="diskominfostandi")
    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    section = publish(
        diskominfo, StandardPage(title="Layanan Online", slug="layanan-online")
    )
    children = [
        publish(
            section, NewsPage(title=f"Panduan daring nomor {n}", slug=f"panduan-{n}")
        )
        for n in range(20)
    ]
    with committed():
        section.move(disdukcapil, pos="last-child")

    for child in children:
        document = SearchDocument.objects.get(key=page_key(child.pk))
        assert document.opd_id == disdukcapil.pk
        assert document.url == f"/disdukcapil/layanan-online/{child.slug}/"
    assert found(backend, "panduan daring", opd_ids=(diskominfo.pk,)) == []

    disdukcapil.refresh_from_db()
    disdukcapil.slug = "kependudukan"
    with committed():
        disdukcapil.save_revision().publish()

    expected_keys = {page_key(child.pk) for child in children}
    found_keys = set(found(backend, "panduan daring", opd_ids=(disdukcapil.pk,)))
    assert expected_keys <= found_keys
    for child in [section, *children]:
        child.refresh_from_db()
        document = SearchDocument.objects.get(key=page_key(child.pk))
        assert document.opd_id == disdukcapil.pk
        assert document.opd_slug == "kependudukan"
        assert document.url.startswith("/kependudukan/layanan-online/")
        assert document.url == child.url
        assert document.path == child.path
        assert client.get(document.url).status_code == 200
    hits = backend.search(SearchRequest("panduan daring", page_size=50)).hits
    for hit in hits:
        assert client.get(hit.url).status_code == 200, hit.url


@pytest.mark.parametrize("kind", ["groups", "password", "login"])
def test_view_restriction_hides_page_and_descendants(backend, publish, committed, kind):
    from django.contrib.auth.models import Group

    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    parent = publish(
        disdukcapil, StandardPage(title="Data Internal Pegawai", slug="internal")
    )
    child = publish(parent, NewsPage(title="Rekap lembur rahasia", slug="rekap"))
    assert page_key(child.pk) in found(backend, "lembur rahasia")

    with committed():
        restriction = PageViewRestriction.objects.create(
            page=parent,
            restriction_type=kind,
            password="rahasia" if kind == "password" else "",
        )
        if kind == "groups":
            restriction.groups.set([Group.objects.get(name="Koordinator")])
    assert page_key(child.pk) not in found(backend, "lembur rahasia")
    assert page_key(parent.pk) not in found(backend, "internal pegawai")
    hidden = backend.search(SearchRequest("lembur"))
    assert hidden.total == 0
    for facet, buckets in hidden.facets.items():
        assert buckets == [], facet
    assert page_key(child.pk) not in suggested(backend, "rekap")
    assert not SearchDocument.objects.filter(
        key__in=[page_key(parent.pk), page_key(child.pk)]
    )

    with committed():
        restriction.delete()
    assert page_key(child.pk) in found(backend, "lembur rahasia")


def test_move_under_private_parent_hides_page(backend, publish, committed):
    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    private = publish(
        disdukcapil, StandardPage(title="Draf Rencana Anggaran", slug="draf")
    )
    with committed():
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="anggaran"
        )
    page = publish(disdukcapil, NewsPage(title="Rincian belanja modal", slug="belanja"))
    assert page_key(page.pk) in found(backend, "belanja modal")

    with committed():
        page.move(private, pos="last-child")
    assert page_key(page.pk) not in found(backend, "belanja modal")


def test_unpublished_parent_hides_children(backend, publish, committed):
    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    section = publish(disdukcapil, StandardPage(title="Arsip Kegiatan", slug="arsip"))
    child = publish(section, NewsPage(title="Kegiatan donor darah", slug="donor"))
    with committed():
        section.unpublish()
    assert page_key(child.pk) not in found(backend, "donor darah")


def test_outage_parks_update_and_retry_delivers(backend, news, settings, monkeypatch):
    monkeypatch.setattr("search.indexing.RETRY_DELAYS", (0.01,))
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    page = news("Layanan Adminduk Keliling Malam", "Adminduk keliling malam hari.")
    assert PendingSync.objects.filter(key=page_key(page.pk)).exists()

    settings.ELASTICSEARCH_URL = ""
    assert retry_pending() >= 1
    assert not PendingSync.objects.exists()
    assert page_key(page.pk) in found(backend, "adminduk keliling malam")


def test_paging_past_rerank_window_covers_all(backend, disdukcapil):
    from search.records import SearchRecord

    records = [
        SearchRecord(
            key=f"page-copy:{number}",
            kind="page",
            object_id=disdukcapil.pk,
            content_type="news",
            title=f"Kabar zebracross nomor {number}",
            url=f"/salinan/{number}/",
            body="zebracross " * (number % 7 + 1),
        )
        for number in range(260)
    ]
    backend.write(records)
    seen = []
    for page in range(1, 7):
        results = backend.search(SearchRequest("zebracross", page=page, page_size=50))
        assert results.total == 260
        seen.extend(hit.key for hit in results.hits)
    assert len(seen) == 260
    assert len(set(seen)) == 260
