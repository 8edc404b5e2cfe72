"""Full-text index over the analysed columns of SearchDocument.

SQLite gets an external-content FTS5 table kept in step by triggers.
PostgreSQL gets a trigger that fills two tsvector columns with the 'simple'
configuration (the text is already stemmed in Python) and GIN indexes on them.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE citizen_search_fts USING fts5(
        title_terms, alias_terms, summary_terms, body_terms, title_words, alias_words,
        content='citizen_search_searchdocument', content_rowid='id',
        tokenize='unicode61', prefix='2 3 4'
    )
    """,
    """
    CREATE TRIGGER citizen_search_fts_insert AFTER INSERT ON citizen_search_searchdocument
    BEGIN
        INSERT INTO citizen_search_fts(rowid, title_terms, alias_terms, summary_terms,
            body_terms, title_words, alias_words)
        VALUES (new.id, new.title_terms, new.alias_terms, new.summary_terms,
            new.body_terms, new.title_words, new.alias_words);
    END
    """,
    """
    CREATE TRIGGER citizen_search_fts_delete AFTER DELETE ON citizen_search_searchdocument
    BEGIN
        INSERT INTO citizen_search_fts(citizen_search_fts, rowid, title_terms,
            alias_terms, summary_terms, body_terms, title_words, alias_words)
        VALUES ('delete', old.id, old.title_terms, old.alias_terms, old.summary_terms,
            old.body_terms, old.title_words, old.alias_words);
    END
    """,
    """
    CREATE TRIGGER citizen_search_fts_update AFTER UPDATE ON citizen_search_searchdocument
    BEGIN
        INSERT INTO citizen_search_fts(citizen_search_fts, rowid, title_terms,
            alias_terms, summary_terms, body_terms, title_words, alias_words)
        VALUES ('delete', old.id, old.title_terms, old.alias_terms, old.summary_terms,
            old.body_terms, old.title_words, old.alias_words);
        INSERT INTO citizen_search_fts(rowid, title_terms, alias_terms, summary_terms,
            body_terms, title_words, alias_words)
        VALUES (new.id, new.title_terms, new.alias_terms, new.summary_terms,
            new.body_terms, new.title_words, new.alias_words);
    END
    """,
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS citizen_search_fts_update",
    "DROP TRIGGER IF EXISTS citizen_search_fts_delete",
    "DROP TRIGGER IF EXISTS citizen_search_fts_insert",
    "DROP TABLE IF EXISTS citizen_search_fts",
]

POSTGRES_FORWARD = [
    """
    CREATE FUNCTION citizen_search_vectors() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', coalesce(NEW.title_terms, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.alias_terms, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.summary_terms, '')), 'B') ||
            setweight(to_tsvector('simple', coalesce(NEW.body_terms, '')), 'D');
        NEW.autocomplete_vector :=
            setweight(to_tsvector('simple', coalesce(NEW.title_words, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.alias_words, '')), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER citizen_search_vectors BEFORE INSERT OR UPDATE
    ON citizen_search_searchdocument
    FOR EACH ROW EXECUTE FUNCTION citizen_search_vectors()
    """,
    """
    CREATE INDEX citizen_search_vector_gin ON citizen_search_searchdocument
    USING GIN (search_vector)
    """,
    """
    CREATE INDEX citizen_search_autocomplete_gin ON citizen_search_searchdocument
    USING GIN (autocomplete_vector)
    """,
]

POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS citizen_search_autocomplete_gin",
    "DROP INDEX IF EXISTS citizen_search_vector_gin",
    "DROP TRIGGER IF EXISTS citizen_search_vectors ON citizen_search_searchdocument",
    "DROP FUNCTION IF EXISTS citizen_search_vectors()",
]


def run_statements(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("citizen_search", "0001_search_documents")]

    operations = [
        migrations.RunPython(
            run_statements({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_statements({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
