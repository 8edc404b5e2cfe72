"""The Elasticsearch document and Indonesian analysis for citizen search.

One document type stores every public page and document. Each indexed model
lists the search fields it fills (``MODEL_FIELDS``), the mapping is merged
from those lists, and two different definitions of one field name raise
``MappingConflict``. ``check_mapping_conflicts`` also verifies that the
record fields and the merged mapping agree.

Analysis: ``indonesian_index`` folds, protects proper nouns, stems and then
drops stopword stems; ``indonesian_search`` does the same after a ``synonym_graph``
filter fed by an updateable synonyms set, so synonym edits need no reindex.
Autocomplete uses ``search_as_you_type`` sub-fields on title and aliases only;
full search never uses n-grams.
"""

from __future__ import annotations

from functools import cache

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Field,
    Float,
    Keyword,
    Long,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from .analysis import protected_words, stemmer_overrides, stopwords

INDEX_ALIAS = "bekasi-citizen-search"
SYNONYMS_SET = "bekasi-citizen-search-synonyms"


@cache
def analyzers() -> dict:
    """Build the index, search and autocomplete analyzers from the word lists."""
    stop = token_filter("indonesian_stop", "stop", stopwords=sorted(stopwords()))
    keywords = token_filter(
        "indonesian_keywords", "keyword_marker", keywords=sorted(protected_words())
    )
    overrides = token_filter(
        "indonesian_overrides",
        "stemmer_override",
        rules=[
            f"{word} => {stem}" for word, stem in sorted(stemmer_overrides().items())
        ],
    )
    stemmer = token_filter("indonesian_stemmer", "stemmer", language="indonesian")
    synonyms = token_filter(
        "indonesian_synonyms",
        "synonym_graph",
        synonyms_set=SYNONYMS_SET,
        updateable=True,
    )
    # Stopwords are dropped after stemming, so a root and its affixed forms
    # share one fate, as in search.analysis.
    stemming = [keywords, overrides, stemmer, stop]
    return {
        "index": analyzer(
            "indonesian_index",
            tokenizer="standard",
            filter=["lowercase", "asciifolding", *stemming],
        ),
        "search": analyzer(
            "indonesian_search",
            tokenizer="standard",
            filter=["lowercase", "asciifolding", synonyms, *stemming],
        ),
        "autocomplete": analyzer(
            "autocomplete_words",
            tokenizer="standard",
            filter=["lowercase", "asciifolding"],
        ),
    }


def indonesian_text(autocomplete: bool = False) -> Text:
    """A text field analysed in Indonesian, optionally with an autocomplete sub-field."""
    options = {
        "analyzer": analyzers()["index"],
        "search_analyzer": analyzers()["search"],
    }
    if autocomplete:
        options["fields"] = {
            "autocomplete": SearchAsYouType(analyzer=analyzers()["autocomplete"])
        }
    return Text(**options)


# One definition per search field name. Each model's contribution below takes
# its definitions from here, so the models that share a field share its mapping.
FIELD_DEFINITIONS: dict[str, Field] = {
    "kind": Keyword(),
    "object_id": Long(),
    "content_type": Keyword(),
    "title": indonesian_text(autocomplete=True),
    "summary": indonesian_text(),
    "body": indonesian_text(),
    "aliases": indonesian_text(autocomplete=True),
    "tags": Keyword(),
    "opd_id": Long(),
    "opd_slug": Keyword(),
    "opd_name": Keyword(),
    "opd_abbreviation": Keyword(),
    "category": Keyword(),
    "region_id": Long(),
    "region_name": Keyword(),
    "published_on": Date(),
    "expire_at": Date(),
    "url": Keyword(index=False),
    "path": Keyword(),
    "public": Boolean(),
    "rank_boost": Float(),
    "content_hash": Keyword(),
}


def defined(*names: str) -> dict[str, Field]:
    """Return the shared definitions of the search fields ``names``."""
    return {name: FIELD_DEFINITIONS[name] for name in names}


# Fields of every entry, page or document; content_hash is written by the
# indexer, not by the record builders.
ENTRY_FIELDS = (
    "kind",
    "object_id",
    "content_type",
    "title",
    "url",
    "opd_id",
    "opd_slug",
    "opd_name",
    "opd_abbreviation",
    "published_on",
    "public",
    "rank_boost",
    "content_hash",
)
PAGE_FIELDS = (
    *ENTRY_FIELDS,
    "summary",
    "body",
    "region_id",
    "region_name",
    "expire_at",
    "path",
)

# The search fields each indexed model fills, by content type (the values of
# ``search.records.CONTENT_TYPES`` plus documents), each with its mapping.
# The index mapping is merged from these, so a model that defines a shared
# field differently fails with MappingConflict.
MODEL_FIELDS: dict[str, dict[str, Field]] = {
    "service": defined(*PAGE_FIELDS, "aliases", "tags"),
    "opd": defined(*PAGE_FIELDS, "aliases"),
    "public_information": defined(*PAGE_FIELDS, "category", "tags"),
    "standard": defined(*PAGE_FIELDS),
    "news": defined(*PAGE_FIELDS, "tags"),
    "announcement": defined(*PAGE_FIELDS, "tags"),
    "event": defined(*PAGE_FIELDS, "tags"),
    "document": defined(*ENTRY_FIELDS, "body", "tags", "category"),
}

# Record fields that are not stored as document fields: the key is the _id.
RECORD_ONLY_FIELDS = {"key"}
# Document fields that records do not carry: written by the indexer itself.
DOCUMENT_ONLY_FIELDS = {"content_hash"}


class MappingConflict(ValueError):
    """Two definitions of one search field disagree."""


def merge_field_definitions(
    sources: dict[str, dict[str, Field]],
) -> dict[str, Field]:
    """Merge per-model field definitions; raise MappingConflict when one field differs.

    ``sources`` maps a source name (a content type) to its ``{field: Field}``.
    Definitions are compared by their mapping, ``Field.to_dict()``.
    """
    merged: dict[str, Field] = {}
    owner: dict[str, str] = {}
    for source, fields in sources.items():
        for name, definition in fields.items():
            if name not in merged:
                merged[name] = definition
                owner[name] = source
                continue
            first, other = merged[name].to_dict(), definition.to_dict()
            if first != other:
                raise MappingConflict(
                    f"Search field {name!r} is defined differently by {owner[name]} "
                    f"and {source}: {first} != {other}. Use the definition in "
                    "FIELD_DEFINITIONS of search/documents.py for both."
                )
    return merged


def check_mapping_conflicts(
    sources: dict[str, dict[str, Field]] | None = None,
) -> dict[str, Field]:
    """Merge the models' search fields and check them against ``SearchRecord``.

    Raise MappingConflict when two models define a field differently, a record
    field has no mapping, or a mapped field is never written. Return the
    merged mapping. ``sources`` defaults to ``MODEL_FIELDS``.
    """
    from .records import SearchRecord

    merged = merge_field_definitions(MODEL_FIELDS if sources is None else sources)
    recorded = set(SearchRecord.__dataclass_fields__) - RECORD_ONLY_FIELDS
    missing = recorded - set(merged)
    unused = set(merged) - recorded - DOCUMENT_ONLY_FIELDS
    if missing or unused:
        raise MappingConflict(
            f"Search record and mapping disagree: unmapped {sorted(missing)}, "
            f"never written {sorted(unused)}."
        )
    return merged


class GovernmentInformationIndex:
    name = INDEX_ALIAS
    settings = {"number_of_shards": 1, "number_of_replicas": 0}


# One document type for every model: its fields are merged from MODEL_FIELDS,
# so a conflict between models stops the import instead of the index creation.
GovernmentInformation = type(
    "GovernmentInformation",
    (Document,),
    {
        "__doc__": "One public page or document of any OPD, as citizens search for it.",
        "__module__": __name__,
        **merge_field_definitions(MODEL_FIELDS),
        "Index": GovernmentInformationIndex,
    },
)
