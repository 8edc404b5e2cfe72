"""Text extraction from PDF documents for indexing."""

from __future__ import annotations

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Pages beyond this are not read, so one huge report cannot stall indexing.
MAX_PDF_PAGES = 200


def extract_pdf_text(document) -> str:
    """Return the text of a PDF document, or "" when it is broken or encrypted.

    A file that cannot be read is logged and skipped, so one bad upload never
    stops indexing of the rest.
    """
    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            if reader.is_encrypted:
                logger.warning(
                    "pdf skipped reason=encrypted document_id=%s", document.pk
                )
                return ""
            pages = reader.pages[:MAX_PDF_PAGES]
            return "\n".join(page.extract_text() or "" for page in pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        logger.warning(
            "pdf skipped reason=unreadable document_id=%s error=%s", document.pk, error
        )
        return ""
