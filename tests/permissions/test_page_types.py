"""Each page type only exists where the tree's rules allow it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from opd_pages.models import (
    NewsPage,
    OPDIndexPage,
    OPDPage,
    ServicePage,
    StandardPage,
)

from .conftest import client_for, standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return OPDIndexPage.objects.get()


@pytest.fixture
def capil_news(disdukcapil):
    page = NewsPage(title="Berita capil", slug="berita-capil")
    disdukcapil.add_child(instance=page)
    return page


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root-uji", "root@x.invalid", "x")


def test_wrong_children_rejected_by_model(directory, disdukcapil, capil_news):
    assert not NewsPage.can_create_at(directory)
    assert not OPDPage.can_create_at(disdukcapil)
    assert not ServicePage.can_create_at(capil_news)
    assert not StandardPage.can_create_at(Page.get_first_root_node())
    assert not OPDIndexPage.can_create_at(Page.get_first_root_node())
    assert not capil_news.can_exist_under(directory)
    assert not disdukcapil.can_exist_under(disdukcapil)


def test_right_children_allowed_by_model(directory, disdukcapil):
    assert OPDPage.can_create_at(directory)
    assert NewsPage.can_create_at(disdukcapil)
    section = StandardPage(title="Seksi", slug="seksi")
    disdukcapil.add_child(instance=section)
    assert ServicePage.can_create_at(section)


def add_url(model_name, parent):
    return reverse("wagtailadmin_pages:add", args=["opd_pages", model_name, parent.pk])


def test_admin_add_rejects_wrong_children(
    superuser, directory, disdukcapil, capil_news
):
    client = client_for(superuser)
    cases = [
        ("newspage", directory),
        ("opdpage", disdukcapil),
        ("servicepage", capil_news),
        ("standardpage", capil_news),
    ]
    for model_name, parent in cases:
        response = client.get(add_url(model_name, parent))
        # The admin turns PermissionDenied into a redirect to the dashboard.
        assert response.status_code in (302, 403), (model_name, parent.title)
        response = client.post(
            add_url(model_name, parent), standard_page_form("Salah", "salah")
        )
        assert response.status_code in (302, 403), (model_name, parent.title)
    assert not Page.objects.filter(slug="salah").exists()


def test_admin_add_post_rejects_wrong_child(moderator, capil_news):
    response = client_for(moderator).post(
        add_url("standardpage", capil_news), standard_page_form("Salah", "salah")
    )
    assert response.status_code in (302, 403)
    assert not StandardPage.objects.filter(slug="salah").exists()


def test_move_rejects_wrong_parent(moderator, disdukcapil, capil_news):
    section = StandardPage(title="Seksi", slug="seksi-pindah")
    disdukcapil.add_child(instance=section)
    section.save_revision().publish()
    response = client_for(moderator).post(
        reverse("wagtailadmin_pages:move_confirm", args=[section.pk, capil_news.pk])
    )
    assert response.status_code in (302, 403)
    section.refresh_from_db()
    assert section.get_parent().pk == disdukcapil.pk
