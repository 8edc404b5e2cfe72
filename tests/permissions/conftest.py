"""Users in the bootstrapped OPD groups and pages of two agencies to test them on.

Disdukcapil is "our" agency and Dinkes is the other one. Every page title that
must stay hidden carries a marker word, so a test can search any admin
response for it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from opd_pages.models import NewsPage, StandardPage

PASSWORD = "uji-izin-2026"
HIDDEN_MARKER = "Rahasiadinkes"


def make_user(username: str, *group_names: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.invalid", password=PASSWORD
    )
    user.groups.set([Group.objects.get(name=name) for name in group_names])
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def standard_page_form(title: str, slug: str, **extra) -> dict:
    """POST data for the admin add or edit form of a StandardPage."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_draft(parent, page):
    """Add ``page`` under ``parent`` as a draft with one revision."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def editor(db):
    return make_user("editor-capil", "Editor Disdukcapil")


@pytest.fixture
def moderator(db):
    return make_user("moderator-capil", "Moderator Disdukcapil")


@pytest.fixture
def dinkes_editor(db):
    return make_user("editor-dinkes", "Editor Dinkes")


@pytest.fixture
def dinkes_moderator(db):
    return make_user("moderator-dinkes", "Moderator Dinkes")


@pytest.fixture
def coordinator(db):
    return make_user("koordinator", "Koordinator")


@pytest.fixture
def two_agency_editor(db):
    """An editor of Disdukcapil and Dinkes, who must still not see a third agency."""
    return make_user("editor-dua", "Editor Disdukcapil", "Editor Dinkes")


@pytest.fixture
def dinkes_draft(dinkes):
    return add_draft(
        dinkes,
        NewsPage(title=f"Draf {HIDDEN_MARKER} vaksin", slug="draf-vaksin"),
    )


@pytest.fixture
def dinkes_live(dinkes):
    page = StandardPage(title=f"Profil {HIDDEN_MARKER}", slug="profil-dinkes")
    dinkes.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def capil_draft(disdukcapil, editor):
    page = StandardPage(title="Draf jadwal layanan", slug="draf-jadwal", owner=editor)
    return add_draft(disdukcapil, page)
