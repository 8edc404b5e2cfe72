"""The Indonesian analysis chain of the database backend."""

import pytest

from search.analysis import analyze, fold, stem, tokenize

ROOTS = [
    ("pembayaran", "bayar"),
    ("membayar", "bayar"),
    ("dibayarkan", "bayar"),
    ("membayarkan", "bayar"),
    ("penulisan", "tulis"),
    ("menulis", "tulis"),
    ("pengembalian", "kembali"),
    ("dikembalikan", "kembali"),
    ("pendaftaran", "daftar"),
    ("mendaftarkan", "daftar"),
    ("pengecekan", "cek"),
    ("dicek", "cek"),
]

UNCHANGED = ["makan", "ikan", "pantai", "bekasi", "bekas", "pondokgede", "jatiasih"]


@pytest.mark.parametrize(("word", "root"), ROOTS)
def test_affixed_word_stems_to_root(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", UNCHANGED)
def test_root_and_proper_noun_kept_whole(word):
    assert stem(word) == word


def test_every_kecamatan_name_kept_whole():
    names = "Bekasi Timur Rawalumbu Medansatria Bantargebang Mustikajaya Pondokmelati"
    assert analyze(names) == tokenize(names)


def test_bekasi_not_reduced_to_bekas():
    assert analyze("Kota Bekasi") == ["kota", "bekasi"]
    assert analyze("barang bekas") == ["barang", "bekas"]


def test_stopwords_dropped_and_roots_kept():
    assert analyze("Membayarkan pajak bumi dan bangunan") == [
        "bayar",
        "pajak",
        "bumi",
        "bangun",
    ]


def test_meaningful_stopwords_kept():
    assert analyze("lowongan kerja") == ["lowong", "kerja"]


@pytest.mark.parametrize(
    ("root", "affixed"),
    [
        ("kembali", "dikembalikan"),
        ("akhir", "pengakhiran"),
        ("awal", "diawali"),
        ("baru", "pembaruan"),
        ("hari", "harian"),
        ("bulan", "bulanan"),
        ("cara", "caranya"),
        ("mohon", "permohonan"),
        ("panjang", "perpanjangan"),
    ],
)
def test_root_and_affixed_form_analyse_alike(root, affixed):
    assert analyze(root) == analyze(affixed)


@pytest.mark.parametrize("root", ["kembali", "akhir", "awal", "baru", "hari", "bulan"])
def test_content_root_of_stopword_list_kept(root):
    assert analyze(root) == [root]


def test_cara_kept_in_query():
    assert analyze("cara daftar") == ["cara", "daftar"]


def test_function_word_dropped_with_its_affixed_forms():
    assert analyze("yang") == []
    assert analyze("adalah") == []
    assert analyze("kepadanya") == []
    assert analyze("merekalah") == []


def test_accents_and_case_folded():
    assert fold("KÉLURAHAN Jatiwaringin") == "kelurahan jatiwaringin"


def test_hyphen_splits_words():
    assert tokenize("KTP-el dan e-KTP") == ["ktp", "el", "dan", "e", "ktp"]
