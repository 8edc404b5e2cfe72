"""The Elasticsearch document and Indonesian analysis for citizen search.

One document type stores every public page and document, and each field is
declared once here: a field shared by several page models (title, summary,
body) cannot get two conflicting mappings. ``check_mapping_conflicts``
verifies that the record fields and this mapping agree.

Analysis: ``indonesian_index`` folds, drops stopwords, protects proper nouns
and stems; ``indonesian_search`` does the same after a ``synonym_graph``
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
    stemming = [stop, keywords, overrides, stemmer]
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


class GovernmentInformation(Document):
    """One public page or document of any OPD, as citizens search for it."""

    kind = Keyword()
    object_id = Long()
    content_type = Keyword()
    title = indonesian_text(autocomplete=True)
    summary = indonesian_text()
    body = indonesian_text()
    aliases = indonesian_text(autocomplete=True)
    tags = Keyword()
    opd_id = Long()
    opd_slug = Keyword()
    opd_name = Keyword()
    opd_abbreviation = Keyword()
    category = Keyword()
    region_id = Long()
    region_name = Keyword()
    published_on = Date()
    expire_at = Date()
    url = Keyword(index=False)
    path = Keyword()
    public = Boolean()
    rank_boost = Float()
    content_hash = Keyword()

    class Index:
        name = INDEX_ALIAS
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


# Record fields that are not stored as document fields: the key is the _id.
RECORD_ONLY_FIELDS = {"key"}
# Document fields that records do not carry: written by the indexer itself.
DOCUMENT_ONLY_FIELDS = {"content_hash"}


class MappingConflict(ValueError):
    """Two definitions of one search field disagree."""


def merge_field_definitions(sources: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """Merge per-source field definitions; raise MappingConflict when one field differs.

    ``sources`` maps a source name (a model) to its ``{field: mapping}``.
    Call it from tests and before a rebuild, so a conflicting definition
    fails the build instead of the index creation.
    """
    merged: dict[str, dict] = {}
    owner: dict[str, str] = {}
    for source, fields in sources.items():
        for name, definition in fields.items():
            if name in merged and merged[name] != definition:
                raise MappingConflict(
                    f"Search field {name!r} is defined differently by {owner[name]} "
                    f"and {source}: {merged[name]} != {definition}. "
                    "Define the field once in search/documents.py."
                )
            merged.setdefault(name, definition)
            owner.setdefault(name, source)
    return merged


def check_mapping_conflicts() -> None:
    """Fail when a record field has no mapping or a mapped field has no record field."""
    from .records import SearchRecord

    mapped = set(GovernmentInformation._doc_type.mapping.to_dict()["properties"])
    recorded = set(SearchRecord.__dataclass_fields__) - RECORD_ONLY_FIELDS
    missing = recorded - mapped
    unused = mapped - recorded - DOCUMENT_ONLY_FIELDS
    if missing or unused:
        raise MappingConflict(
            f"Search record and mapping disagree: unmapped {sorted(missing)}, "
            f"never written {sorted(unused)}."
        )
