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


@pytest.fixture
def bootstrapped_transactional_db(transactional_db):
    """A committed database loaded with the real data, for live-server tests."""
    call_command("bootstrap", verbosity=0)


@pytest.fixture
def disdukcapil(db):
    from opd_pages.models import OPDPage

    return OPDPage.objects.get(slug="disdukcapil")


@pytest.fixture
def dinkes(db):
    from opd_pages.models import OPDPage

    return OPDPage.objects.get(slug="dinkes")
