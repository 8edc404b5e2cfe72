"""Another agency's pages stay invisible on every admin path.

Each check requests one admin URL as an editor and asserts that the marker in
the hidden page's title is absent from the response, whatever its status
code. The same checks run for an editor of one agency and for an editor of
two agencies, against a draft of a third agency.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Page

from opd_pages.models import NewsPage, OPDPage
from opd_pages.permissions import own_pages

from .conftest import HIDDEN_MARKER, add_draft, client_for, standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def disdik():
    return OPDPage.objects.get(slug="disdik")


@pytest.fixture
def hidden_draft(disdik):
    page = add_draft(
        disdik,
        NewsPage(title=f"Draf {HIDDEN_MARKER} beasiswa", slug="draf-beasiswa"),
    )
    # A second revision gives the revision views something to compare.
    page.title = f"Draf {HIDDEN_MARKER} beasiswa kedua"
    page.save_revision()
    return page


@pytest.fixture(params=["editor", "two_agency_editor"])
def viewer(request):
    return request.getfixturevalue(request.param)


def assert_hidden(response):
    content = response.content.decode(errors="replace")
    assert HIDDEN_MARKER not in content, response.request["PATH_INFO"]


def page_urls(page) -> dict[str, str]:
    revision = page.latest_revision
    first = page.revisions.order_by("pk").first()
    page_pages = "wagtailadmin_pages"
    return {
        "edit": reverse(f"{page_pages}:edit", args=[page.pk]),
        "preview": reverse(f"{page_pages}:preview_on_edit", args=[page.pk]),
        "view_draft": reverse(f"{page_pages}:view_draft", args=[page.pk]),
        "history": reverse(f"{page_pages}:history", args=[page.pk]),
        "revisions_index": reverse(f"{page_pages}:revisions_index", args=[page.pk]),
        "revisions_view": reverse(
            f"{page_pages}:revisions_view", args=[page.pk, revision.pk]
        ),
        "revisions_compare": reverse(
            f"{page_pages}:revisions_compare", args=[page.pk, first.pk, revision.pk]
        ),
        "workflow_history": reverse(f"{page_pages}:workflow_history", args=[page.pk]),
        "usage": reverse(f"{page_pages}:usage", args=[page.pk]),
        "copy": reverse(f"{page_pages}:copy", args=[page.pk]),
        "move": reverse(f"{page_pages}:move", args=[page.pk]),
        "delete": reverse(f"{page_pages}:delete", args=[page.pk]),
        "unpublish": reverse(f"{page_pages}:unpublish", args=[page.pk]),
        "add_subpage": reverse(f"{page_pages}:add_subpage", args=[page.pk]),
        "set_privacy": reverse(f"{page_pages}:set_privacy", args=[page.pk]),
        "revisions_revert": reverse(
            f"{page_pages}:revisions_revert", args=[page.pk, first.pk]
        ),
        "workflow_preview": reverse(
            f"{page_pages}:workflow_preview", args=[page.pk, workflow_task_id(page)]
        ),
        "explore_page": reverse("wagtailadmin_explore", args=[page.pk]),
        "graphql_preview_token": reverse("graphql_preview_token", args=[page.pk]),
        "api_detail": f"/admin/api/main/pages/{page.pk}/",
    }


def workflow_task_id(page) -> int:
    return page.get_workflow().workflow_tasks.first().task_id


def test_direct_urls_of_other_draft_hidden(viewer, hidden_draft):
    client = client_for(viewer)
    for name, url in page_urls(hidden_draft).items():
        response = client.get(url)
        assert_hidden(response)
        assert response.status_code in (302, 403, 404), (name, response.status_code)


def test_explorer_hides_other_agency(viewer, hidden_draft, disdik):
    client = client_for(viewer)
    directory = disdik.get_parent()
    urls = [
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[directory.pk]),
        reverse("wagtailadmin_explore", args=[disdik.pk]),
        f"/admin/api/main/pages/?child_of={disdik.pk}&for_explorer=1",
        f"/admin/api/main/pages/?child_of={directory.pk}&for_explorer=1&limit=100",
        "/admin/api/main/pages/?search=beasiswa",
        f"/admin/api/main/pages/?descendant_of={disdik.pk}",
    ]
    for url in urls:
        assert_hidden(client.get(url, follow=True))


def test_admin_search_hides_other_agency(viewer, hidden_draft):
    client = client_for(viewer)
    for name in ("search", "search_results"):
        response = client.get(reverse(f"wagtailadmin_pages:{name}"), {"q": "beasiswa"})
        assert response.status_code == 200
        assert_hidden(response)


def test_chooser_hides_other_agency(viewer, hidden_draft, disdik):
    client = client_for(viewer)
    responses = [
        client.get(reverse("wagtailadmin_choose_page")),
        client.get(reverse("wagtailadmin_choose_page_child", args=[disdik.pk])),
        client.get(
            reverse("wagtailadmin_choose_page_child", args=[disdik.get_parent().pk])
        ),
        client.get(reverse("wagtailadmin_choose_page_child", args=[hidden_draft.pk])),
        client.get(reverse("wagtailadmin_choose_page_search"), {"q": "beasiswa"}),
    ]
    for response in responses:
        assert_hidden(response)
    assert responses[0].status_code == 200
    assert responses[1].status_code in (302, 403)
    assert responses[3].status_code in (302, 403)


def test_chooser_still_offers_own_pages(editor, capil_draft):
    response = client_for(editor).get(
        reverse("wagtailadmin_choose_page_search"), {"q": "jadwal"}
    )
    assert capil_draft.title in response.content.decode()


def test_reports_hide_other_agency(viewer, hidden_draft):
    client = client_for(viewer)
    for name in (
        "page_types_usage",
        "aging_pages",
        "locked_pages",
        "site_history",
        "workflow",
        "workflow_tasks",
    ):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (200, 302, 403), name
        assert_hidden(response)


def test_pages_using_type_hides_other(viewer, hidden_draft):
    response = client_for(viewer).get(
        reverse("wagtailadmin_pages:type_use", args=["opd_pages", "newspage"])
    )
    assert response.status_code == 200
    assert_hidden(response)


def test_page_types_report_counts_own_pages(viewer, hidden_draft):
    response = client_for(viewer).get(reverse("wagtailadmin_reports:page_types_usage"))
    rows = {row.model: row.count for row in response.context["object_list"]}
    own = own_pages(viewer, NewsPage.objects.all()).count()
    assert rows["newspage"] == own
    assert NewsPage.objects.count() > own


def test_dashboard_counts_only_own_pages(viewer, hidden_draft):
    response = client_for(viewer).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert_hidden(response)
    own = own_pages(viewer, Page.objects.filter(depth__gte=3)).count()
    assert f"{own} halaman" in response.content.decode()
    assert own < Page.objects.filter(depth__gte=3).count()


def test_two_agency_editor_sees_both(two_agency_editor, dinkes_draft, capil_draft):
    client = client_for(two_agency_editor)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "draf"})
    content = response.content.decode()
    assert capil_draft.title in content
    assert dinkes_draft.title in content
    assert (
        client.get(
            reverse("wagtailadmin_pages:edit", args=[dinkes_draft.pk])
        ).status_code
        == 200
    )


def test_configuration_areas_rejected(viewer):
    client = client_for(viewer)
    urls = [
        reverse("wagtailsites:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailredirects:index"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url


def test_preview_posts_rejected_for_other_agency(viewer, hidden_draft, disdik):
    client = client_for(viewer)
    form = standard_page_form(f"Pratinjau {HIDDEN_MARKER}", "pratinjau")
    urls = [
        reverse("wagtailadmin_pages:preview_on_edit", args=[hidden_draft.pk]),
        reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["opd_pages", "standardpage", disdik.pk],
        ),
    ]
    for url in urls:
        response = client.post(url, form)
        assert response.status_code in (302, 403, 404), url
        assert_hidden(response)


def ping_url(page, session_id):
    return reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", page.pk, session_id],
    )


def test_editing_session_ping_rejected(viewer, hidden_draft, capil_draft):
    client = client_for(viewer)
    client.get(reverse("wagtailadmin_pages:edit", args=[capil_draft.pk]))
    session = EditingSession.objects.get(user=viewer)
    own = client.post(ping_url(capil_draft, session.pk))
    assert own.status_code == 200

    response = client.post(ping_url(hidden_draft, session.pk))
    assert response.status_code == 404
    assert_hidden(response)


def publish_aged(parent, title, slug, days):
    """Publish a page under ``parent`` and date its last publication ``days`` back."""
    page = NewsPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    aged = timezone.now() - timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=aged, last_published_at=aged
    )
    return page


def lock(page, user):
    Page.objects.filter(pk=page.pk).update(
        locked=True, locked_by=user, locked_at=timezone.now()
    )


@pytest.fixture
def disdik_locked_and_aged(disdik, dinkes_moderator):
    locked = publish_aged(disdik, f"Terkunci {HIDDEN_MARKER}", "terkunci", 1)
    lock(locked, dinkes_moderator)
    publish_aged(disdik, f"Lama {HIDDEN_MARKER}", "lama", 400)


@pytest.fixture
def capil_locked_and_aged(disdukcapil, moderator):
    locked = publish_aged(disdukcapil, "Terkunci milik sendiri", "terkunci-capil", 1)
    lock(locked, moderator)
    publish_aged(disdukcapil, "Lama milik sendiri", "lama-capil", 400)


@pytest.mark.parametrize("username", ["editor", "moderator", "two_agency_editor"])
def test_locked_and_aging_reports_hide_other(
    request, username, disdik_locked_and_aged, capil_locked_and_aged
):
    client = client_for(request.getfixturevalue(username))
    for name in ("locked_pages", "aging_pages"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (200, 302, 403), name
        assert_hidden(response)


def test_moderator_reports_list_own_locked_and_aged(
    moderator, disdik_locked_and_aged, capil_locked_and_aged
):
    client = client_for(moderator)
    locked = client.get(reverse("wagtailadmin_reports:locked_pages"))
    assert locked.status_code == 200
    assert "Terkunci milik sendiri" in locked.content.decode()
    aging = client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert aging.status_code == 200
    assert "Lama milik sendiri" in aging.content.decode()
