"""The search contract, run against every available backend."""

import datetime as dt

from opd_pages.models import OPDPage, ServicePage
from search.backends.base import SearchFilters, SearchRequest
from search.records import page_key


def search(backend, text, **kwargs):
    return backend.search(SearchRequest(text, **kwargs))


def keys(results):
    return [hit.key for hit in results.hits]


def service_key(slug):
    return page_key(ServicePage.objects.get(slug=slug).pk)


def opd_key(slug):
    return page_key(OPDPage.objects.get(slug=slug).pk)


def test_acronym_finds_service_first(backend):
    assert keys(search(backend, "ktp"))[0] == service_key("ktp-el")


def test_full_form_finds_acronym_service(backend):
    assert keys(search(backend, "kartu tanda penduduk"))[0] == service_key("ktp-el")


def test_family_card_query_finds_kk_service(backend):
    assert keys(search(backend, "kartu keluarga baru"))[0] == service_key(
        "kartu-keluarga"
    )


def test_pbb_ranks_tax_service_above_un_news(backend, news):
    for number in range(3):
        news(
            f"Peringatan Hari PBB ke-{80 + number}",
            "Perserikatan Bangsa-Bangsa (PBB) merayakan hari jadi; PBB mengajak "
            "warga menjaga perdamaian. PBB PBB.",
        )
    ranked = keys(search(backend, "pbb"))
    assert ranked[0] == service_key("pbb-p2")
    assert ranked.index(opd_key("bapenda")) < 3


def test_pay_tax_query_finds_pbb_service(backend):
    assert keys(search(backend, "bayar pbb"))[0] == service_key("pbb-p2")


def test_quoted_query_not_expanded(backend, news):
    page = news("Sosialisasi pajak", "Warga diajak melunasi pajak bumi dan bangunan.")
    assert page_key(page.pk) in keys(search(backend, "pbb", page_size=50))
    assert page_key(page.pk) not in keys(search(backend, '"pbb"', page_size=50))


def test_multiword_synonym_matches_only_as_phrase(backend, news):
    page = news("Lomba kartu ucapan", "Kartu ucapan terbaik dari keluarga warga.")
    assert page_key(page.pk) not in keys(search(backend, "kk", page_size=50))


def test_filter_by_opd_and_content_type(backend, disdukcapil):
    results = search(
        backend,
        "kartu",
        filters=SearchFilters(opd_ids=(disdukcapil.pk,), content_types=("service",)),
        page_size=50,
    )
    assert results.total >= 1
    assert {hit.opd_id for hit in results.hits} == {disdukcapil.pk}
    assert {hit.content_type for hit in results.hits} == {"service"}


def test_filter_by_date_range(backend, news):
    old = news(
        "Jemput bola arsip lama", "Layanan jemput bola.", date=dt.date(2020, 1, 5)
    )
    new = news("Jemput bola terbaru", "Layanan jemput bola.", date=dt.date(2026, 1, 5))
    results = search(
        backend,
        "jemput bola",
        filters=SearchFilters(
            date_from=dt.date(2025, 1, 1), date_to=dt.date(2026, 12, 31)
        ),
    )
    assert page_key(new.pk) in keys(results)
    assert page_key(old.pk) not in keys(results)


def test_filter_by_region(backend, news):
    from opd_pages.models import Kecamatan

    jatiasih = Kecamatan.objects.get(name="Jatiasih")
    inside = news("Posyandu keliling Jatiasih", "Posyandu keliling.", region=jatiasih)
    outside = news("Posyandu keliling kota", "Posyandu keliling.")
    results = search(
        backend, "posyandu", filters=SearchFilters(region_ids=(jatiasih.pk,))
    )
    assert keys(results) == [page_key(inside.pk)]
    assert page_key(outside.pk) not in keys(results)


def test_facets_count_matching_results(backend, news):
    news("Jemput bola KTP-el di Kelurahan Jatimekar", "Perekaman KTP-el keliling.")
    results = search(backend, "ktp", page_size=1)
    content_types = {
        bucket.value: bucket.count for bucket in results.facets["content_type"]
    }
    assert content_types["news"] >= 1
    assert content_types["service"] >= 1
    assert sum(content_types.values()) == results.total
    opds = {bucket.label for bucket in results.facets["opd"]}
    assert "Dinas Kependudukan dan Pencatatan Sipil" in opds


def test_highlight_escapes_html_except_marks(backend, news):
    # The body is rich text, so the literal tag is written escaped in it.
    news(
        "Jadwal <script>alert(1)</script> KTP-el",
        "Rekam &lt;b&gt;KTP-el&lt;/b&gt; &amp; KK di kantor.",
    )
    hits = [hit for hit in search(backend, "jadwal ktp").hits if "script" in hit.title]
    assert len(hits) == 1
    assert "&lt;script&gt;" in hits[0].title_highlight
    assert "<script>" not in hits[0].title_highlight
    assert "<mark>" in hits[0].title_highlight
    assert "&lt;b&gt;" in hits[0].snippet
    assert "&amp;" in hits[0].snippet


def test_pages_do_not_overlap(backend):
    first = search(backend, "layanan", page_size=3)
    second = search(backend, "layanan", page=2, page_size=3)
    assert first.total == second.total
    assert len(first.hits) == 3
    assert not set(keys(first)) & set(keys(second))


def test_typo_still_finds_service(backend):
    assert service_key("pbb-p2") in keys(search(backend, "pajek bumi"))[:3]


def test_suggestion_offered_when_nothing_found(backend):
    results = search(backend, "bangunnaaan")
    assert results.total == 0
    assert results.suggestion == "bangunan"


def test_no_suggestion_for_nonsense(backend):
    results = search(backend, "qxzvw")
    assert results.total == 0
    assert results.suggestion is None


def test_autocomplete_matches_word_prefixes(backend, news):
    kia = news("Pendaftaran Kartu Identitas Anak", "Syarat KIA.")
    izin = news("Perpanjangan Izin Usaha", "Syarat perpanjangan.")
    titles = {
        prefix: [s.title for s in backend.autocomplete(prefix, limit=20)]
        for prefix in ("pendaf", "identi", "izin us", "daftar")
    }
    assert kia.title in titles["pendaf"]
    assert kia.title in titles["identi"]
    assert izin.title in titles["izin us"]
    # Autocomplete anchors at word starts: an infix never matches.
    assert kia.title not in titles["daftar"]


def test_full_search_uses_stems_not_ngrams(backend, news):
    kia = news("Pendaftaran Kartu Identitas Anak", "Syarat KIA.")
    izin = news("Perpanjangan Izin Usaha", "Syarat perpanjangan.")
    assert page_key(kia.pk) in keys(search(backend, "daftar", page_size=50))
    assert page_key(izin.pk) in keys(search(backend, "usaha", page_size=50))
    assert page_key(kia.pk) not in keys(search(backend, "pendaf", page_size=50))


def test_autocomplete_puts_title_hits_first(backend):
    suggestions = backend.autocomplete("ktp")
    assert suggestions[0].title == "Penerbitan KTP Elektronik (KTP-el)"


def test_autocomplete_empty_prefix_offers_nothing(backend):
    assert backend.autocomplete("  ") == []


def facet_counts(results, facet):
    return {bucket.value: bucket.count for bucket in results.facets[facet]}


def test_facet_ignores_its_own_filter(backend, disdukcapil):
    unfiltered = search(backend, "layanan", page_size=1)
    opd_counts = facet_counts(unfiltered, "opd")
    assert len(opd_counts) >= 2
    selected = SearchFilters(opd_ids=(disdukcapil.pk,))
    results = search(backend, "layanan", filters=selected, page_size=1)
    # Every OPD stays on offer, counted as if no OPD were chosen.
    assert facet_counts(results, "opd") == opd_counts
    assert results.total == opd_counts[str(disdukcapil.pk)]
    # Other facets count only the chosen OPD's results.
    assert sum(facet_counts(results, "content_type").values()) == results.total


def test_facets_apply_other_filters(backend, disdukcapil):
    opd_only = SearchFilters(opd_ids=(disdukcapil.pk,))
    service_only = SearchFilters(content_types=("service",))
    both = SearchFilters(opd_ids=(disdukcapil.pk,), content_types=("service",))
    by_opd = search(backend, "layanan", filters=opd_only, page_size=1)
    by_type = search(backend, "layanan", filters=service_only, page_size=1)
    by_both = search(backend, "layanan", filters=both, page_size=1)
    assert facet_counts(by_both, "opd") == facet_counts(by_type, "opd")
    assert facet_counts(by_both, "content_type") == facet_counts(by_opd, "content_type")
    assert by_both.total == facet_counts(by_type, "opd")[str(disdukcapil.pk)]
    assert by_both.total == facet_counts(by_opd, "content_type")["service"]


def test_empty_filtered_result_keeps_facets(backend, disdukcapil):
    filters = SearchFilters(opd_ids=(disdukcapil.pk,), content_types=("event",))
    results = search(backend, "layanan", filters=filters, page_size=1)
    assert results.total == 0
    # The other content types of the chosen OPD stay on offer.
    assert facet_counts(results, "content_type")["service"] >= 1
