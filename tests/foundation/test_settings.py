"""Production settings reject unsafe values; DATABASE_URL picks the database.

Each case imports the settings in a fresh interpreter, because settings are
read once per process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'debug': settings.DEBUG, 'engine': db['ENGINE'], "
    "'name': str(db['NAME']), 'host': db.get('HOST', ''), "
    "'port': db.get('PORT', ''), 'user': db.get('USER', ''), "
    "'conn_max_age': db.get('CONN_MAX_AGE')}))"
)
CLEARED = ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DATABASE_CONN_MAX_AGE")


def load_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(env, DJANGO_SETTINGS_MODULE=f"cms.settings.{module}")
    return subprocess.run(  # noqa: S603 (fixed interpreter and arguments)
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_rejects_missing_secret_key():
    result = load_settings("production")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_rejects_default_secret_key():
    from cms.settings.base import DEFAULT_SECRET_KEY

    result = load_settings("production", SECRET_KEY=DEFAULT_SECRET_KEY)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_rejects_debug_on():
    result = load_settings("production", SECRET_KEY="k" * 50, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG is on" in result.stderr


def test_production_starts_with_real_secret():
    result = load_settings("production", SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is False


def test_invalid_debug_value_names_variable():
    result = load_settings("dev", DEBUG="maybe")
    assert result.returncode != 0
    assert "'maybe'" in result.stderr
    assert "DEBUG" in result.stderr


def test_database_url_selects_postgresql():
    result = load_settings(
        "dev",
        DATABASE_URL="postgres://bekasi:rahasia@db.internal:6543/bekasi_cms",
        DATABASE_CONN_MAX_AGE="60",
    )
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["engine"] == "django.db.backends.postgresql"
    assert database["name"] == "bekasi_cms"
    assert database["host"] == "db.internal"
    assert database["port"] == 6543
    assert database["user"] == "bekasi"
    assert database["conn_max_age"] == 60


def test_sqlite_file_without_database_url():
    result = load_settings("dev")
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["engine"] == "django.db.backends.sqlite3"
    assert database["name"] == str(PROJECT_DIR / "db.sqlite3")


def test_invalid_conn_max_age_names_variable():
    result = load_settings("dev", DATABASE_CONN_MAX_AGE="abc")
    assert result.returncode != 0
    assert "DATABASE_CONN_MAX_AGE" in result.stderr
    assert "'abc'" in result.stderr


def test_unknown_database_scheme_is_named():
    result = load_settings("dev", DATABASE_URL="nosuch://db.internal/bekasi")
    assert result.returncode != 0
    assert "nosuch" in result.stderr
