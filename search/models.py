"""Tables of the database search backend.

``SearchDocument`` is a denormalized copy of every public page and document,
written only by ``search.indexing``. Its ``*_terms`` columns hold analysed
text; a full-text index over them is kept in step by database triggers
(an FTS5 table on SQLite, ``tsvector`` columns with GIN indexes on
PostgreSQL; see the migrations).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """One public page or document as citizen search sees it."""

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16)
    object_id = models.BigIntegerField()
    content_type = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    aliases = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    opd_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    opd_slug = models.CharField(max_length=255, blank=True)
    opd_name = models.CharField(max_length=255, blank=True)
    opd_abbreviation = models.CharField(max_length=40, blank=True)
    category = models.CharField(max_length=20, blank=True, db_index=True)
    region_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    region_name = models.CharField(max_length=100, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    expire_at = models.DateTimeField(null=True, blank=True)
    url = models.CharField(max_length=1000)
    path = models.CharField(max_length=255, blank=True, db_index=True)
    public = models.BooleanField(default=True)
    rank_boost = models.FloatField(default=1.0)
    content_hash = models.CharField(max_length=64)
    indexed_at = models.DateTimeField(auto_now=True)

    # Analysed text, written by the indexing pipeline from the fields above.
    title_terms = models.TextField(blank=True)
    alias_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    alias_words = models.TextField(blank=True)

    # Filled by a PostgreSQL trigger; unused and empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    autocomplete_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "dokumen pencarian"
        verbose_name_plural = "dokumen pencarian"
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.key} {self.title}"


class SearchTerm(models.Model):
    """A term seen in the index, for typo correction and "did you mean" suggestions.

    Rows are only added, never removed, so a term may outlive its last
    document; suggestions are therefore checked against the index before they
    are offered.
    """

    term = models.CharField(max_length=100, unique=True)

    def __str__(self) -> str:
        return self.term


class PendingSync(models.Model):
    """An index write that failed and waits to be retried, so no update is lost."""

    key = models.CharField(max_length=64, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.key} attempts={self.attempts}"
