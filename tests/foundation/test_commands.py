"""The management commands a newcomer runs: ensure_admin and bootstrap --demo-accounts."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from opd_pages.demo import DEFAULT_DEMO_PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def run(command, *args, **options) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def test_ensure_admin_prints_generated_password_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    first = run("ensure_admin")
    match = re.search(r"password: (\S+)", first)
    assert match, first
    assert authenticate(username="admin", password=match.group(1)) is not None

    second = run("ensure_admin")
    assert "already exists" in second
    assert match.group(1) not in second
    assert User.objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_uses_given_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "kata-sandi-pilihan")
    output = run("ensure_admin")
    assert "kata-sandi-pilihan" not in output
    assert "password:" not in output
    assert authenticate(username="admin", password="kata-sandi-pilihan") is not None


def test_ensure_admin_reports_chosen_username(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "pengelola")
    monkeypatch.setenv("ADMIN_PASSWORD", "kata-sandi-pilihan")
    output = run("ensure_admin")
    assert User.objects.filter(username="pengelola", is_superuser=True).exists()
    assert "'pengelola'" in output


def test_bootstrap_without_flag_creates_no_demo_accounts():
    run("bootstrap")
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_demo_accounts_join_their_groups(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = run("bootstrap", demo_accounts=True)

    expected = {
        "demo-editor-disdukcapil": "Editor Disdukcapil",
        "demo-moderator-disdukcapil": "Moderator Disdukcapil",
        "demo-editor-dinkes": "Editor Dinkes",
        "demo-moderator-dinkes": "Moderator Dinkes",
        "demo-koordinator": "Koordinator",
    }
    accounts = User.objects.filter(username__startswith="demo-")
    assert set(accounts.values_list("username", flat=True)) == set(expected)
    for username, group_name in expected.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group_name]
        assert not user.is_superuser
        assert not user.is_staff
        assert username in output
        assert authenticate(username=username, password=DEFAULT_DEMO_PASSWORD)
        assert user.get_full_name() == f"DEMO {group_name}"


def test_demo_accounts_rerun_changes_nothing():
    run("bootstrap", demo_accounts=True)
    count = User.objects.count()
    run("bootstrap", demo_accounts=True)
    assert User.objects.count() == count
