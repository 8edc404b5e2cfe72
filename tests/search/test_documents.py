"""Public documents in search: PDF text, restricted collections, broken files."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from search.backends import get_backend
from search.backends.base import SearchRequest
from search.models import SearchDocument
from search.pdf import extract_pdf_text
from search.records import document_key


def pdf_with_text(text: str) -> bytes:
    """Build a one-page PDF whose content stream draws ``text`` in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return output.getvalue()


def encrypted_pdf(text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text(text))))
    writer.encrypt("rahasia")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.fixture
def backend(db, settings):
    settings.ELASTICSEARCH_URL = ""
    return get_backend("database")


@pytest.fixture
def upload(committed):
    def make(title, content: bytes, collection=None, name="laporan.pdf"):
        Document = get_document_model()
        with committed():
            document = Document.objects.create(
                title=title,
                file=ContentFile(content, name=name),
                collection=collection or Collection.get_first_root_node(),
            )
        return document

    return make


def found(backend, text):
    return [hit.key for hit in backend.search(SearchRequest(text, page_size=50)).hits]


def test_pdf_text_extracted_and_searchable(backend, upload):
    document = upload(
        "Laporan tahunan", pdf_with_text("Realisasi retribusi parkir meningkat")
    )
    assert "retribusi parkir" in extract_pdf_text(document)
    assert document_key(document.pk) in found(backend, "retribusi parkir")


def test_document_in_opd_collection_gets_opd(backend, upload, disdukcapil):
    collection = Collection.objects.get(name=disdukcapil.title)
    document = upload(
        "Standar pelayanan", pdf_with_text("Standar"), collection=collection
    )
    indexed = SearchDocument.objects.get(key=document_key(document.pk))
    assert indexed.opd_id == disdukcapil.pk


def test_restricted_collection_document_never_indexed(backend, upload, committed):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Arsip rahasia")
    with committed():
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type="password", password="rahasia"
        )
    document = upload("Nota dinas rahasia", pdf_with_text("Gaji pejabat"), private)
    assert not SearchDocument.objects.filter(key=document_key(document.pk)).exists()
    assert document_key(document.pk) not in found(backend, "gaji pejabat")
    assert document_key(document.pk) not in found(backend, "nota dinas")


def test_collection_restriction_removes_indexed_documents(backend, upload, committed):
    collection = Collection.get_first_root_node().add_child(name="Arsip kelurahan")
    document = upload("Notulen rapat warga", pdf_with_text("Notulen"), collection)
    assert document_key(document.pk) in found(backend, "notulen rapat")
    with committed():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="password", password="rahasia"
        )
    assert document_key(document.pk) not in found(backend, "notulen rapat")


def test_broken_pdf_logged_and_skipped(backend, upload, caplog):
    with caplog.at_level(logging.WARNING, logger="search.pdf"):
        document = upload("Berkas rusak pengumuman", b"%PDF-1.4 not really a pdf")
    assert "pdf skipped reason=unreadable" in caplog.text
    assert document_key(document.pk) in found(backend, "berkas rusak")


def test_encrypted_pdf_logged_and_skipped(backend, upload, caplog):
    with caplog.at_level(logging.WARNING, logger="search.pdf"):
        document = upload("Berkas terkunci", encrypted_pdf("Isi rahasia"))
    assert "pdf skipped reason=encrypted" in caplog.text
    assert SearchDocument.objects.get(key=document_key(document.pk)).body == ""


def test_document_delete_removes_entry(backend, upload, committed):
    document = upload("Lampiran sementara", pdf_with_text("Lampiran"))
    with committed():
        document.delete()
    assert not SearchDocument.objects.filter(key=document_key(document.pk)).exists()


def test_exempt_information_attachment_removed(backend, upload, publish, disdukcapil):
    import datetime as dt

    from opd_pages.models import PublicInformationAttachment, PublicInformationPage

    document = upload("Hasil uji konsekuensi", pdf_with_text("Data pribadi pemohon"))
    assert document_key(document.pk) in found(backend, "uji konsekuensi")

    page = PublicInformationPage(
        title="Informasi dikecualikan pemohon",
        category="dikecualikan",
        exemption_reason="Pasal 17 huruf h UU 14/2008.",
        exemption_ends_on=dt.date(2030, 1, 1),
    )
    page.attachments = [PublicInformationAttachment(document=document)]
    publish(disdukcapil, page)
    assert document_key(document.pk) not in found(backend, "uji konsekuensi")
    assert document_key(document.pk) not in found(backend, "data pribadi pemohon")
