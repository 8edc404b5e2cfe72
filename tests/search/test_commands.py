"""The search management commands: reindex, check, evaluate and synonyms."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from opd_pages.models import OPDPage
from search.corpus import generate_pages
from search.models import SearchDocument
from search.records import page_key

QUERIES = Path(__file__).resolve().parents[2] / "search" / "relevance" / "queries.json"
SUCCESS_FLOOR = "0.95"


@pytest.fixture(autouse=True)
def database_backend(db, settings):
    settings.ELASTICSEARCH_URL = ""


def test_reindex_rebuilds_every_public_page(capsys):
    SearchDocument.objects.all().delete()
    call_command("search_reindex", "--no-progress")
    assert "Indexed 56 documents into database" in capsys.readouterr().out
    assert SearchDocument.objects.count() == 56


def test_check_reports_and_fixes_drift(capsys):
    dinkes = OPDPage.objects.get(slug="dinkes")
    SearchDocument.objects.filter(key=page_key(dinkes.pk)).delete()
    SearchDocument.objects.filter(kind="page").exclude(content_type="opd").update(
        content_hash="outdated"
    )
    SearchDocument.objects.create(
        key="page:999999", kind="page", object_id=999999, url="/x/"
    )

    with pytest.raises(CommandError, match="run with --fix"):
        call_command("search_check")
    output = capsys.readouterr().out
    assert f"missing: 1 ({page_key(dinkes.pk)})" in output
    assert "stale: 12" in output
    assert "unexpected: 1 (page:999999)" in output

    call_command("search_check", "--fix")
    call_command("search_check")
    assert "missing: 0" in capsys.readouterr().out


def test_evaluate_meets_floor_on_real_data(capsys):
    call_command("search_evaluate", str(QUERIES), "--min-success", SUCCESS_FLOOR)
    assert "success@3=" in capsys.readouterr().out


def test_evaluate_meets_floor_among_generated_news(capsys):
    generate_pages(150)
    call_command("search_reindex", "--no-progress", verbosity=0)
    call_command("search_evaluate", str(QUERIES), "--min-success", SUCCESS_FLOOR)
    assert "documents=206" in capsys.readouterr().out


def test_evaluate_rejects_missing_file(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("search_evaluate", str(tmp_path / "none.json"))


def test_synonyms_command_validates_file(capsys):
    call_command("search_synonyms")
    assert "entries are valid" in capsys.readouterr().out


def test_invalid_synonym_rule_rejected(settings, tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("ktp, dan\n", encoding="utf-8")
    settings.CITIZEN_SEARCH_SYNONYMS_FILE = str(path)
    with pytest.raises(CommandError, match="Invalid synonym rule 'ktp, dan'"):
        call_command("search_synonyms")
