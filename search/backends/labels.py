"""Human-readable labels of facet values."""

from __future__ import annotations

from opd_pages.models import InformationCategory

CONTENT_TYPE_LABELS = {
    "service": "Layanan publik",
    "opd": "Perangkat daerah",
    "public_information": "Informasi publik",
    "standard": "Halaman",
    "news": "Berita",
    "announcement": "Pengumuman",
    "event": "Agenda",
    "document": "Dokumen",
}


def facet_label(facet: str, value: str) -> str:
    """Return the label of a content type or category value, or the value itself."""
    if facet == "content_type":
        return CONTENT_TYPE_LABELS.get(value, value)
    if facet == "category":
        return dict(InformationCategory.choices).get(value, value)
    return value
