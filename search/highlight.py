"""Highlighted titles and snippets for the database backend.

Every character of the source text is HTML-escaped; only the ``<mark>`` tags
added here are markup, so a page title containing ``<script>`` reaches the
client as text.
"""

from __future__ import annotations

import re
from html import escape

from .analysis import fold, stem, stopwords

WORD_SPAN_PATTERN = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 200


def matching_spans(text: str, phrases: set[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Return (start, end) of every run of words in ``text`` that matches a phrase.

    ``phrases`` are analysed term sequences; a one-term phrase marks single
    words, a longer one marks only a run of consecutive non-stopwords with
    exactly those stems, so "ktp" marks "kartu tanda penduduk" but not
    "kartu" in "kartu keluarga".
    """
    stop = stopwords()
    stems = (
        (match.span(), stem(fold(match.group())))
        for match in WORD_SPAN_PATTERN.finditer(text)
    )
    words = [(span, term) for span, term in stems if term not in stop]
    longest = max((len(phrase) for phrase in phrases), default=0)
    spans = []
    position = 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            run = words[position : position + length]
            if tuple(term for _, term in run) in phrases:
                spans.append((run[0][0][0], run[-1][0][1]))
                position += length
                break
        else:
            position += 1
    return spans


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap each span in ``<mark>``."""
    parts = []
    position = 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight_title(title: str, terms: set[tuple[str, ...]]) -> str:
    """Return the escaped title with matching words marked."""
    return mark(title, matching_spans(title, terms))


def snippet(texts: list[str], terms: set[tuple[str, ...]]) -> str:
    """Return an escaped window of the first text that mentions a term, marked.

    Without any match the start of the first non-empty text is returned, so a
    hit found through a synonym or a correction still shows context.
    """
    for text in texts:
        spans = matching_spans(text, terms)
        if spans:
            return window(text, spans)
    for text in texts:
        if text.strip():
            return escape(shorten(text, 0, SNIPPET_CHARS))
    return ""


def window(text: str, spans: list[tuple[int, int]]) -> str:
    """Cut a window of about ``SNIPPET_CHARS`` around the first span and mark it."""
    first_start = spans[0][0]
    start = max(0, first_start - SNIPPET_CHARS // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first_start else end
    inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + mark(text[start:end], inside) + suffix


def shorten(text: str, start: int, length: int) -> str:
    """Return ``length`` characters from ``start``, cut at a space when possible."""
    piece = text[start : start + length]
    if start + length < len(text) and " " in piece:
        piece = piece[: piece.rfind(" ")] + " …"
    return piece
