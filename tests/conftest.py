"""Fixtures shared by the whole suite.

The test database is migrated and loaded with the real data once per session
(``bootstrap``), so every test starts from Kota Bekasi's real agencies and
services. Tests that use ``db`` run inside a transaction that is rolled back.
Transactional tests (live servers, browsers) flush the database when they end,
so they load the data again through ``bootstrapped_transactional_db``.
"""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("bootstrap", verbosity=0)


def restore_wagtail_roots():
    """Recreate the rows Wagtail's migrations insert, which a flush deletes.

    The flush after each transactional test empties every table, so the next
    one starts without the root page, the root collection or the default
    locale that ``bootstrap`` builds on.
    """
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def bootstrapped_transactional_db(transactional_db):
    """A committed database loaded with the real data, for live-server tests."""
    restore_wagtail_roots()
    call_command("bootstrap", verbosity=0)


@pytest.fixture
def disdukcapil(db):
    from opd_pages.models import OPDPage

    return OPDPage.objects.get(slug="disdukcapil")


@pytest.fixture
def dinkes(db):
    from opd_pages.models import OPDPage

    return OPDPage.objects.get(slug="dinkes")
