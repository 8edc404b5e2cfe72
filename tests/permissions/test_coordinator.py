"""The coordinator reads every OPD's pages, drafts included, and changes none."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page

from opd_pages.models import NewsPage
from opd_pages.permissions import (
    READ_ALL_OPDS_CODENAME,
    READ_ALL_OPDS_NAME,
    READ_ALL_OPDS_PERMISSION,
)

from .conftest import add_draft, client_for

pytestmark = pytest.mark.django_db


def test_coordinator_group_reads_without_page_permissions(coordinator):
    group = Group.objects.get(name="Koordinator")
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert coordinator.has_perm(READ_ALL_OPDS_PERMISSION)


def test_listing_shows_every_opd_draft(coordinator, dinkes_draft, capil_draft):
    response = client_for(coordinator).get(reverse("opd_read_only:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert dinkes_draft.title in content
    assert capil_draft.title in content


def test_listing_filters_by_opd(coordinator, dinkes, dinkes_draft, capil_draft):
    response = client_for(coordinator).get(
        reverse("opd_read_only:index"), {"opd": dinkes.path}
    )
    content = response.content.decode()
    assert dinkes_draft.title in content
    assert capil_draft.title not in content


def test_listing_exports_csv(coordinator, dinkes_draft):
    response = client_for(coordinator).get(
        reverse("opd_read_only:index"), {"export": "csv"}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert dinkes_draft.title in body
    assert "Dinas Kesehatan" in body


def test_detail_shows_history_without_actions(coordinator, moderator, capil_draft):
    capil_draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
    response = client_for(coordinator).get(
        reverse("opd_read_only:page", args=[capil_draft.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert capil_draft.title in content
    assert "/disdukcapil/draf-jadwal/" in content
    assert moderator.username in content
    for name in ("edit", "delete", "unpublish", "move", "copy"):
        action_url = reverse(f"wagtailadmin_pages:{name}", args=[capil_draft.pk])
        assert action_url not in content, name


def test_preview_renders_latest_draft(coordinator, dinkes_draft):
    response = client_for(coordinator).get(
        reverse("opd_read_only:preview", args=[dinkes_draft.pk])
    )
    assert response.status_code == 200
    assert dinkes_draft.title in response.content.decode()


@pytest.mark.parametrize("user_fixture", ["editor", "moderator"])
def test_read_only_views_reject_opd_staff(request, user_fixture, dinkes_draft):
    client = client_for(request.getfixturevalue(user_fixture))
    urls = [
        reverse("opd_read_only:index"),
        reverse("opd_read_only:page", args=[dinkes_draft.pk]),
        reverse("opd_read_only:preview", args=[dinkes_draft.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert dinkes_draft.title not in response.content.decode()


def test_menu_shows_read_only_item_to_coordinator(coordinator, editor):
    link = reverse("opd_read_only:index")
    assert (
        link
        in client_for(coordinator).get(reverse("wagtailadmin_home")).content.decode()
    )
    assert (
        link
        not in client_for(editor).get(reverse("wagtailadmin_home")).content.decode()
    )


def test_dashboard_counts_every_page(coordinator):
    response = client_for(coordinator).get(reverse("wagtailadmin_home"))
    total = Page.objects.filter(depth__gte=3).count()
    assert f"{total} halaman" in response.content.decode()


def test_coordinator_sees_page_types_report(coordinator, dinkes_draft):
    response = client_for(coordinator).get(
        reverse("wagtailadmin_reports:page_types_usage")
    )
    assert response.status_code == 200
    rows = {row.model: row.count for row in response.context["object_list"]}
    assert rows["newspage"] == NewsPage.objects.count()


def test_group_editor_offers_read_all_permission():
    superuser = get_user_model().objects.create_superuser(
        "root-uji", "root@example.invalid", "x"
    )
    group = Group.objects.get(name="Koordinator")
    response = client_for(superuser).get(
        reverse("wagtailusers_groups:edit", args=[group.pk])
    )
    assert response.status_code == 200
    assert escape(READ_ALL_OPDS_NAME) in response.content.decode()


def test_bootstrap_keeps_one_read_all_permission():
    call_command("bootstrap", verbosity=0)
    assert Permission.objects.filter(codename=READ_ALL_OPDS_CODENAME).count() == 1


def count_listing_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("opd_read_only:index"))
    assert response.status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow(coordinator, dinkes):
    client = client_for(coordinator)
    for number in range(2):
        add_draft(dinkes, NewsPage(title=f"Draf {number}", slug=f"draf-{number}"))
    # The first request fills Django's content type cache.
    count_listing_queries(client)
    few = count_listing_queries(client)
    for number in range(2, 10):
        add_draft(dinkes, NewsPage(title=f"Draf {number}", slug=f"draf-{number}"))
    assert count_listing_queries(client) == few


def test_read_only_views_skip_tree_root(coordinator):
    client = client_for(coordinator)
    root = Page.get_first_root_node()
    assert client.get(reverse("opd_read_only:page", args=[root.pk])).status_code == 404
    response = client.get(reverse("opd_read_only:preview", args=[root.pk]))
    assert response.status_code == 404
