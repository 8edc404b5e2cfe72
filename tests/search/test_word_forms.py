"""Word forms and typo tolerance, end to end through every available backend."""

import pytest

from opd_pages.models import ServicePage
from search.analysis import tokenize
from search.backends.base import SearchRequest
from search.records import page_key


def search(backend, text):
    return backend.search(SearchRequest(text, page_size=50))


def keys(results):
    return [hit.key for hit in results.hits]


def service_key(slug):
    return page_key(ServicePage.objects.get(slug=slug).pk)


@pytest.mark.parametrize("query", ["kembali", "dikembalikan", "pengembalian"])
def test_root_and_affixed_forms_meet(backend, news, query):
    page = news("Pengembalian berkas", "Berkas dikembalikan.")
    assert page_key(page.pk) in keys(search(backend, query))


@pytest.mark.parametrize("query", ["akhir", "berakhir", "masa berlaku"])
def test_stopword_list_root_searchable(backend, news, query):
    page = news("Perpanjangan izin", "Masa berlaku izin berakhir bulan depan.")
    assert page_key(page.pk) in keys(search(backend, query))


def test_prefix_alone_finds_nothing(backend):
    results = search(backend, "pendaf")
    assert results.total == 0
    assert results.hits == []
    assert results.suggestion is None


def test_autocomplete_still_completes_prefix(backend):
    titles = [suggestion.title for suggestion in backend.autocomplete("pendaf")]
    assert "Pendaftaran Jaminan Kesehatan" in " ".join(titles)


def test_bekas_never_matches_only_bekasi(backend):
    results = search(backend, "bekas")
    for hit in results.hits:
        text = " ".join((hit.title, hit.summary, hit.snippet))
        assert "bekas" in tokenize(text), hit.title


def test_bekas_finds_page_about_bekas(backend, news):
    page = news("Lelang barang bekas", "Barang bekas milik pemerintah kota.")
    assert keys(search(backend, "bekas"))[0] == page_key(page.pk)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("kartu keluarag", "kartu-keluarga"),
        ("akta kelahrian", "akta-kelahiran"),
        ("pajek bumi", "pbb-p2"),
    ],
)
def test_typo_still_finds_service(backend, query, slug):
    assert service_key(slug) in keys(search(backend, query))[:3]
