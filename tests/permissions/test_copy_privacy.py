"""Copy, alias and move never read another agency's page or widen a page's audience."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from opd_pages.models import StandardPage
from opd_pages.visibility import public_pages

from .conftest import client_for

pytestmark = pytest.mark.django_db


def copy_form(parent, slug, **extra):
    return {
        "new_title": f"Salinan {slug}",
        "new_slug": slug,
        "new_parent_page": parent.pk,
        **extra,
    }


def copy_url(page):
    return reverse("wagtailadmin_pages:copy", args=[page.pk])


def publish_child(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def restrict_to_login(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


@pytest.fixture
def private_section(disdukcapil):
    section = publish_child(disdukcapil, "Internal", "internal")
    restrict_to_login(section)
    return section


@pytest.fixture
def private_child(private_section):
    return publish_child(private_section, "Memo internal", "memo")


def graphql_page_title(page_id):
    """Return the title the public GraphQL API gives for a page id, or None."""
    response = Client().post(
        "/graphql/",
        {
            "query": "query($id: ID) { page(id: $id) { title } }",
            "variables": {"id": str(page_id)},
        },
        content_type="application/json",
    )
    page = response.json()["data"]["page"]
    return page["title"] if page else None


def error_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_copy_other_agency_source_rejected(editor, dinkes_draft, disdukcapil):
    response = client_for(editor).post(
        copy_url(dinkes_draft), copy_form(disdukcapil, "curian")
    )
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(slug="curian").exists()


def test_alias_other_agency_source_rejected(editor, dinkes_live, disdukcapil):
    response = client_for(editor).post(
        copy_url(dinkes_live), copy_form(disdukcapil, "alias-curian", alias="on")
    )
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(slug="alias-curian").exists()


def test_copy_own_into_other_agency_rejected(moderator, capil_draft, dinkes):
    client_for(moderator).post(copy_url(capil_draft), copy_form(dinkes, "titipan"))
    assert not Page.objects.filter(slug="titipan").exists()


def test_copy_with_own_restriction_stays_private(moderator, disdukcapil):
    page = publish_child(disdukcapil, "Notulen", "notulen")
    restrict_to_login(page)

    client_for(moderator).post(
        copy_url(page), copy_form(disdukcapil, "notulen-2", publish_copies="on")
    )

    copy = Page.objects.get(slug="notulen-2")
    assert copy.live
    assert copy.get_view_restrictions().exists()
    assert not public_pages(Page.objects.filter(pk=copy.pk)).exists()
    response = Client().get(copy.url)
    assert response.status_code == 302
    assert "/login" in response["Location"]
    assert graphql_page_title(copy.pk) is None
    public = publish_child(disdukcapil, "Notulen terbuka", "notulen-terbuka")
    assert graphql_page_title(public.pk) == "Notulen terbuka"


def test_copy_out_of_private_section_blocked(moderator, private_child, disdukcapil):
    response = client_for(moderator).post(
        copy_url(private_child),
        copy_form(disdukcapil, "memo-bocor", publish_copies="on"),
    )
    assert response.status_code == 302
    assert not Page.objects.filter(slug="memo-bocor").exists()
    assert any("privasi" in message for message in error_messages(response))


def test_alias_out_of_private_section_blocked(moderator, private_child, disdukcapil):
    response = client_for(moderator).post(
        copy_url(private_child), copy_form(disdukcapil, "memo-alias", alias="on")
    )
    assert any("privasi" in message for message in error_messages(response))
    assert not Page.objects.filter(slug="memo-alias").exists()


def test_copy_within_private_section_allowed(moderator, private_child, private_section):
    client_for(moderator).post(
        copy_url(private_child),
        copy_form(private_section, "memo-2", publish_copies="on"),
    )
    copy = Page.objects.get(slug="memo-2")
    assert copy.live
    assert not public_pages(Page.objects.filter(pk=copy.pk)).exists()


def test_recursive_copy_keeping_child_restriction(moderator, disdukcapil):
    section = publish_child(disdukcapil, "Arsip", "arsip")
    child = publish_child(section, "Arsip rahasia", "arsip-rahasia")
    restrict_to_login(child)

    # Wagtail 8.0 copies only the top page's own restrictions, so the child's
    # copy would be public: the copy is blocked instead.
    response = client_for(moderator).post(
        copy_url(section),
        copy_form(disdukcapil, "arsip-2", copy_subpages="on", publish_copies="on"),
    )
    assert any("Arsip rahasia" in message for message in error_messages(response))
    assert not Page.objects.filter(slug="arsip-2").exists()
    assert not Page.objects.filter(slug="arsip-rahasia", depth=child.depth + 1).exists()


def test_move_out_of_private_section_blocked(moderator, private_child, disdukcapil):
    response = client_for(moderator).post(
        reverse(
            "wagtailadmin_pages:move_confirm", args=[private_child.pk, disdukcapil.pk]
        )
    )
    assert response.status_code == 302
    assert any("privasi" in message for message in error_messages(response))
    private_child.refresh_from_db()
    assert private_child.get_parent().pk != disdukcapil.pk
    assert not public_pages(Page.objects.filter(pk=private_child.pk)).exists()


def test_move_of_public_page_allowed(moderator, disdukcapil, private_section):
    page = publish_child(disdukcapil, "Pengumuman", "pengumuman-umum")
    client_for(moderator).post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, private_section.pk])
    )
    page.refresh_from_db()
    assert page.get_parent().pk == private_section.pk


def bulk_move(user, page, destination):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    return client_for(user).post(f"{url}?id={page.pk}", {"chooser": destination.pk})


def test_bulk_move_out_of_private_section_blocked(
    moderator, private_child, disdukcapil
):
    response = bulk_move(moderator, private_child, disdukcapil)
    assert any("privasi" in message for message in error_messages(response))
    private_child.refresh_from_db()
    assert private_child.get_parent().pk != disdukcapil.pk


def test_bulk_move_of_public_page_allowed(moderator, disdukcapil, private_section):
    page = publish_child(disdukcapil, "Pengumuman", "pengumuman-massal")
    bulk_move(moderator, page, private_section)
    page.refresh_from_db()
    assert page.get_parent().pk == private_section.pk
