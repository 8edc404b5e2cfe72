"""What each bootstrapped group may do to pages, through the real admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from opd_pages.models import StandardPage

from .conftest import client_for, make_user, standard_page_form

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["opd_pages", "standardpage", parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def rejected(response) -> bool:
    """Whether Wagtail rejected the request: 403, 404, or a redirect away from it."""
    return response.status_code in (302, 403, 404)


def test_editor_creates_edits_and_submits_own(editor, disdukcapil):
    client = client_for(editor)

    response = client.post(
        add_url(disdukcapil), standard_page_form("Jadwal pelayanan", "jadwal")
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="jadwal")
    assert not page.live
    assert page.opd_id == disdukcapil.pk

    response = client.post(
        edit_url(page), standard_page_form("Jadwal pelayanan baru", "jadwal")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Jadwal pelayanan baru"

    response = client.post(
        edit_url(page),
        standard_page_form("Jadwal pelayanan baru", "jadwal", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live


def test_editor_cannot_publish_own_page(editor, disdukcapil):
    client = client_for(editor)
    client.post(
        add_url(disdukcapil),
        standard_page_form("Langsung terbit", "langsung", **{"action-publish": "1"}),
    )
    page = StandardPage.objects.get(slug="langsung")
    assert not page.live


def test_editor_cannot_add_or_edit_other_opd(editor, dinkes, dinkes_draft):
    client = client_for(editor)

    response = client.post(add_url(dinkes), standard_page_form("Sisipan", "sisipan"))
    assert rejected(response)
    assert not StandardPage.objects.filter(slug="sisipan").exists()

    response = client.post(
        edit_url(dinkes_draft), standard_page_form("Diubah", "draf-vaksin")
    )
    assert rejected(response)
    dinkes_draft.refresh_from_db()
    assert dinkes_draft.draft_title != "Diubah"


@pytest.mark.parametrize(
    "url_name",
    ["delete", "unpublish", "move", "copy", "set_privacy", "history"],
)
def test_editor_rejected_actions_other_opd(editor, dinkes_live, url_name):
    response = client_for(editor).get(
        reverse(f"wagtailadmin_pages:{url_name}", args=[dinkes_live.pk])
    )
    assert rejected(response), response.status_code


def test_editor_cannot_delete_or_unpublish_other(editor, dinkes_live):
    client = client_for(editor)
    client.post(reverse("wagtailadmin_pages:delete", args=[dinkes_live.pk]))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[dinkes_live.pk]))
    page = Page.objects.get(pk=dinkes_live.pk)
    assert page.live


def test_editor_cannot_lock_other_opd(editor, dinkes_live):
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:lock", args=[dinkes_live.pk])
    )
    assert rejected(response)
    dinkes_live.refresh_from_db()
    assert not dinkes_live.locked


def test_editor_cannot_move_own_into_other(editor, capil_draft, dinkes):
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:move_confirm", args=[capil_draft.pk, dinkes.pk])
    )
    assert rejected(response)
    capil_draft.refresh_from_db()
    assert capil_draft.get_parent().pk != dinkes.pk


def test_moderator_publishes_only_own_opd(moderator, disdukcapil, dinkes):
    client = client_for(moderator)

    client.post(
        add_url(disdukcapil),
        standard_page_form("Terbit capil", "terbit-capil", **{"action-publish": "1"}),
    )
    assert StandardPage.objects.get(slug="terbit-capil").live

    response = client.post(
        add_url(dinkes),
        standard_page_form("Terbit dinkes", "terbit-dinkes", **{"action-publish": "1"}),
    )
    assert rejected(response)
    assert not StandardPage.objects.filter(slug="terbit-dinkes").exists()


def test_moderator_cannot_publish_other_draft(moderator, dinkes_draft):
    response = client_for(moderator).post(
        edit_url(dinkes_draft),
        standard_page_form("Terbit", "draf-vaksin", **{"action-publish": "1"}),
    )
    assert rejected(response)
    dinkes_draft.refresh_from_db()
    assert not dinkes_draft.live


def test_bulk_publish_rejects_other_opd(moderator, dinkes_draft):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client_for(moderator).post(f"{url}?id={dinkes_draft.pk}", {})
    dinkes_draft.refresh_from_db()
    assert not dinkes_draft.live


def test_coordinator_holds_no_page_permission(coordinator, disdukcapil):
    permissions = disdukcapil.permissions_for_user(coordinator)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_add_subpage()
    assert not permissions.can_delete()
    assert not permissions.can_lock()


def test_coordinator_cannot_edit_or_publish(coordinator, dinkes_draft):
    client = client_for(coordinator)
    assert rejected(client.get(edit_url(dinkes_draft)))
    response = client.post(
        edit_url(dinkes_draft),
        standard_page_form("Terbit", "draf-vaksin", **{"action-publish": "1"}),
    )
    assert rejected(response)
    dinkes_draft.refresh_from_db()
    assert not dinkes_draft.live


def test_mixed_roles_publish_only_as_moderator(disdukcapil, dinkes):
    user = make_user("campuran", "Moderator Disdukcapil", "Editor Dinkes")
    client = client_for(user)

    client.post(
        add_url(disdukcapil),
        standard_page_form("Terbit capil", "campur-capil", **{"action-publish": "1"}),
    )
    client.post(
        add_url(dinkes),
        standard_page_form("Terbit dinkes", "campur-dinkes", **{"action-publish": "1"}),
    )

    assert StandardPage.objects.get(slug="campur-capil").live
    dinkes_page = StandardPage.objects.get(slug="campur-dinkes")
    assert not dinkes_page.live
    assert dinkes_page.opd_id == dinkes.pk
