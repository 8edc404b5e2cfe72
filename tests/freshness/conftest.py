"""Users from the bootstrapped groups and a set of pages aged on purpose.

``aged_content`` moves dates on the real data so that each duty has a known
state today:

- Disdukcapil: service ``ktp-el`` last published 400 days ago (overdue); the
  OPD page published two years ago but confirmed accurate 10 days ago (fresh);
  a news item from 10 days ago (news duty fresh); a draft service last touched
  three years ago and a private profile page aged two years (both ignored).
- Dinkes: an announcement valid until yesterday (overdue); periodic public
  information published seven months ago (overdue); no news (overdue).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from opd_pages.models import (
    AnnouncementPage,
    InformationCategory,
    NewsPage,
    OPDPage,
    PublicInformationPage,
    ServicePage,
    StandardPage,
)


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def age_page(page, *, published_days_ago, confirmed_days_ago=None):
    now = timezone.now()
    published = now - timedelta(days=published_days_ago)
    Page.objects.filter(pk=page.pk).update(
        last_published_at=published, first_published_at=published
    )
    confirmed = None
    if confirmed_days_ago is not None:
        confirmed = now - timedelta(days=confirmed_days_ago)
    type(page).objects.filter(pk=page.pk).update(last_reviewed_at=confirmed)
    page.refresh_from_db()
    return page


def make_user(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@bekasikota.go.id", password="x"
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor_disdukcapil(db, django_user_model):
    return make_user(django_user_model, "editor-dukcapil", "Editor Disdukcapil")


@pytest.fixture
def editor_dinkes(db, django_user_model):
    return make_user(django_user_model, "editor-dinkes", "Editor Dinkes")


@pytest.fixture
def editor_both(db, django_user_model):
    return make_user(
        django_user_model, "editor-dua", "Editor Disdukcapil", "Moderator Dinkes"
    )


@pytest.fixture
def coordinator(db, django_user_model):
    return make_user(django_user_model, "koordinator", "Koordinator")


@pytest.fixture
def aged_content(db, disdukcapil, dinkes):
    today = timezone.localdate()
    ktp = age_page(ServicePage.objects.get(slug="ktp-el"), published_days_ago=400)
    age_page(disdukcapil, published_days_ago=730, confirmed_days_ago=10)
    news = publish_child(disdukcapil, NewsPage(title="Layanan Sabtu", slug="sabtu"))
    age_page(news, published_days_ago=10)

    draft = ServicePage(title="Layanan lama", slug="layanan-lama", live=False)
    disdukcapil.add_child(instance=draft)
    age_page(draft, published_days_ago=1095)
    private = publish_child(
        disdukcapil, StandardPage(title="Internal", slug="internal")
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    age_page(private, published_days_ago=730)

    announcement = publish_child(
        dinkes,
        AnnouncementPage(
            title="Vaksinasi massal",
            slug="vaksinasi",
            valid_from=today - timedelta(days=30),
            valid_until=today - timedelta(days=1),
        ),
    )
    periodic = publish_child(
        dinkes,
        PublicInformationPage(
            title="Laporan kinerja",
            slug="laporan-kinerja",
            category=InformationCategory.BERKALA,
        ),
    )
    age_page(periodic, published_days_ago=214)
    return {
        "ktp": ktp,
        "news": news,
        "draft": draft,
        "private": private,
        "announcement": announcement,
        "periodic": periodic,
        "disdukcapil": OPDPage.objects.get(pk=disdukcapil.pk),
        "dinkes": OPDPage.objects.get(pk=dinkes.pk),
    }
