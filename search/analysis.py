"""Indonesian text analysis shared by indexing and querying on the database backend.

The chain mirrors the Elasticsearch analyzer in ``search.documents``: fold to
ASCII lower case, split into words, stem with the Sastrawi dictionary stemmer
(except for protected proper nouns and the explicit overrides), then drop
stems that are stopwords. Stopwords apply to stems, not to the typed word, so
a root and its affixed forms are kept or dropped together ("kembali" and
"dikembalikan" both give "kembali"). Index text and query text go through the
same chain, so a stem on one side always meets the same stem on the other.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings

DATA_DIR = Path(__file__).resolve().parent / "data"
SHARED_DATA_DIR = Path(settings.BASE_DIR) / "opd_pages" / "data"

WORD_PATTERN = re.compile(r"[a-z0-9]+")


def read_word_list(path: Path) -> list[str]:
    """Read a list file with one entry a line, skipping blank lines and ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, so "Kélurahan" and "kelurahan" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.lower()


def tokenize(text: str) -> list[str]:
    """Split folded ``text`` into words of letters and digits; hyphens split words."""
    return WORD_PATTERN.findall(fold(text))


@cache
def stopwords() -> frozenset[str]:
    """Stems that search drops: the root words of the shared list, minus exceptions.

    Only entries that the stemmer leaves unchanged count, because the filter
    runs on stems: a derived entry such as "dikatakan" is dropped through its
    root "kata". Entries with a hyphen never survive tokenizing and are skipped.
    """
    words = {
        word
        for word in read_word_list(SHARED_DATA_DIR / "stopwords-id.txt")
        if word.isalpha() and stem(word) == word
    }
    return frozenset(words - set(stopword_exceptions()))


@cache
def stopword_exceptions() -> tuple[str, ...]:
    """Root words of the shared stopword list that carry meaning for government search."""
    return tuple(read_word_list(DATA_DIR / "stopword-exceptions-id.txt"))


def is_stopword(word: str) -> bool:
    """Return True when the folded ``word`` stems to a stopword."""
    return stem(word) in stopwords()


@cache
def stemmer_overrides() -> dict[str, str]:
    """Explicit ``word => stem`` rules that replace the dictionary stemmer's result."""
    rules = {}
    for line in read_word_list(DATA_DIR / "stemmer-overrides-id.txt"):
        word, _, stem = line.partition("=>")
        if not stem.strip():
            raise ValueError(
                f"Invalid stemmer override {line!r}: write it as 'word => stem'."
            )
        rules[word.strip()] = stem.strip()
    return rules


@cache
def protected_words() -> frozenset[str]:
    """Proper nouns never stemmed: the protected list plus every region name's words."""
    words = set(read_word_list(DATA_DIR / "protected-words-id.txt"))
    regions = json.loads(
        (SHARED_DATA_DIR / "regions-kota-bekasi.json").read_text(encoding="utf-8")
    )
    for district in regions["districts"]:
        words.update(tokenize(district["name"]))
        for village in district["villages"]:
            words.update(tokenize(village["name"]))
            for alt_name in village.get("alt_names", []):
                words.update(tokenize(alt_name))
    return frozenset(words)


@cache
def _sastrawi_stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one folded word: overrides first, protected words unchanged, then Sastrawi."""
    overrides = stemmer_overrides()
    if word in overrides:
        return overrides[word]
    if word in protected_words() or word.isdigit() or len(word) <= 3:
        return word
    return _sastrawi_stemmer().stem(word) or word


def analyze(text: str) -> list[str]:
    """Turn ``text`` into the stemmed terms that the database index stores."""
    stop = stopwords()
    stems = (stem(word) for word in tokenize(text))
    return [term for term in stems if term not in stop]


def analyze_to_string(text: str) -> str:
    """Join the terms of ``text`` with spaces, the form stored in term columns."""
    return " ".join(analyze(text))


def words_to_string(text: str) -> str:
    """Join the folded, unstemmed words of ``text``, the form used for autocomplete."""
    return " ".join(tokenize(text))
