"""Generated news and announcements that mention service terms, for quality checks.

A city portal contains mostly news ("jemput bola KTP-el di Kelurahan ...") that
repeats the words citizens type when they look for a service. Loading many
such pages shows whether the service or agency page still ranks first. The
generator is seeded, so every run builds the same pages.
"""

from __future__ import annotations

import datetime as dt
import random

from opd_pages.models import AnnouncementPage, Kelurahan, NewsPage, OPDPage

# (term as written in news, slug of the OPD that would publish it)
TOPICS = [
    ("KTP-el", "disdukcapil"),
    ("e-KTP", "disdukcapil"),
    ("kartu keluarga", "disdukcapil"),
    ("KK", "disdukcapil"),
    ("akta kelahiran", "disdukcapil"),
    ("akta kematian", "disdukcapil"),
    ("surat pindah", "disdukcapil"),
    ("KIA", "disdukcapil"),
    ("PBB", "bapenda"),
    ("pajak bumi dan bangunan", "bapenda"),
    ("pajak daerah", "bapenda"),
    ("BPJS Kesehatan", "dinkes"),
    ("puskesmas", "dinkes"),
    ("imunisasi", "dinkes"),
    ("PPDB", "disdik"),
    ("pendaftaran sekolah", "disdik"),
    ("izin usaha", "dpmptsp"),
    ("NIB", "dpmptsp"),
    ("PBG", "dpmptsp"),
    ("IMB", "distaru"),
    ("kartu kuning", "disnaker"),
    ("lowongan kerja", "disnaker"),
    ("banjir", "bpbd"),
    ("sampah", "dlh"),
    ("pemadam kebakaran", "disdamkarmat"),
    ("satpol PP", "satpolpp"),
]

TITLES = [
    "Jemput bola {term} di Kelurahan {kelurahan}",
    "Warga {kecamatan} antusias urus {term}",
    "Sosialisasi {term} bagi warga Kelurahan {kelurahan}",
    "Jadwal pelayanan {term} keliling pekan ini",
    "Pemkot Bekasi percepat layanan {term}",
    "Kegiatan {term} di Kecamatan {kecamatan} berjalan lancar",
]

SENTENCES = [
    "Petugas melayani {term} bagi warga Kelurahan {kelurahan}, Kecamatan {kecamatan}.",
    "Warga diminta membawa dokumen pendukung saat mengurus {term}.",
    "Layanan {term} ini gratis dan dibuka sejak pagi hari.",
    "Lurah {kelurahan} berterima kasih atas kegiatan {term} tersebut.",
    "Antrean {term} terlihat tertib di halaman kantor kelurahan.",
    "Kegiatan serupa akan digelar di kecamatan lain bulan depan.",
]


def generate_pages(count: int, seed: int = 20260504) -> list:
    """Create ``count`` live news and announcement pages under the topic's OPD.

    Pages are added without revisions or publish signals, so call
    ``search_reindex`` (or ``rebuild``) afterwards to index them.
    """
    rng = random.Random(seed)
    opds = {opd.slug: opd for opd in OPDPage.objects.all()}
    kelurahan = list(Kelurahan.objects.select_related("kecamatan"))
    pages = []
    for number in range(count):
        term, opd_slug = rng.choice(TOPICS)
        place = rng.choice(kelurahan)
        words = {
            "term": term,
            "kelurahan": place.name,
            "kecamatan": place.kecamatan.name,
        }
        title = rng.choice(TITLES).format(**words)
        text = " ".join(s.format(**words) for s in rng.sample(SENTENCES, 4))
        model = NewsPage if number % 3 else AnnouncementPage
        page = model(
            title=title,
            slug=f"berita-uji-{number}",
            summary=text.split(".")[0] + ".",
            body=[("paragraph", f"<p>{text}</p>")],
            region=place.kecamatan,
            **date_fields(model, dt.date(2025, 1, 1) + dt.timedelta(days=number % 365)),
        )
        parent = opds[opd_slug]
        parent.add_child(instance=page)
        pages.append(page)
    return pages


def date_fields(model, day: dt.date) -> dict:
    if model is NewsPage:
        return {"date": day}
    return {"valid_from": day}
