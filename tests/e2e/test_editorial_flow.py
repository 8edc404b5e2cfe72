"""An OPD editor writes news, its moderator publishes it, and citizens see it."""

import re

import pytest
from playwright.sync_api import expect

from opd_pages.models import NewsPage, OPDPage, ServicePage

from .browsing import login, screenshot

pytestmark = pytest.mark.browser

NEWS_TITLE = "Pelayanan KTP-el keliling di Kecamatan Bantargebang"


def open_action_menu(page) -> None:
    """Open the dropdown in the page editor's footer that contains more actions."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def create_and_submit_news(page, parent_id: int) -> None:
    page.goto(f"/admin/pages/add/opd_pages/newspage/{parent_id}/")
    page.fill("#id_title", NEWS_TITLE)
    page.fill(
        "#id_summary",
        "Petugas Disdukcapil melayani perekaman KTP-el di kantor kecamatan.",
    )
    screenshot(page, "admin-editor-news-form")
    open_action_menu(page)
    page.click("button[name=action-submit]")
    page.wait_for_url(f"**/admin/pages/{parent_id}/**")


def test_editor_news_reaches_citizens(new_page, make_user):
    disdukcapil = OPDPage.objects.get(slug="disdukcapil")
    other_service = ServicePage.objects.exclude(opd=disdukcapil).first()
    make_user("editor.disdukcapil", "Editor Disdukcapil")
    make_user("moderator.disdukcapil", "Moderator Disdukcapil")

    # The editor writes the news and submits it for moderation.
    editor = new_page(width=1280, height=900)
    login(editor, "editor.disdukcapil")
    create_and_submit_news(editor, disdukcapil.pk)
    news = NewsPage.objects.get(title=NEWS_TITLE)
    assert news.live is False
    assert news.opd_id == disdukcapil.pk
    assert news.current_workflow_state is not None

    # Another OPD's page is out of the editor's reach.
    response = editor.goto(f"/admin/pages/{other_service.pk}/edit/")
    assert editor.locator("form#page-edit-form").count() == 0
    assert response.url.endswith("/admin/") or response.status == 403

    # The moderator approves, which publishes the page.
    moderator = new_page(width=1280, height=900)
    login(moderator, "moderator.disdukcapil")
    moderator.goto(f"/admin/pages/{news.pk}/edit/")
    open_action_menu(moderator)
    moderator.click(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    moderator.wait_for_url(f"**/admin/pages/{disdukcapil.pk}/**")
    news.refresh_from_db()
    assert news.live is True

    # Citizens find it on the OPD's screen and through search.
    citizen = new_page()
    citizen.goto("/#/opd/disdukcapil")
    expect(citizen.locator("#berita")).to_contain_text(NEWS_TITLE)
    citizen.goto("/#/cari?q=KTP-el+keliling")
    expect(citizen.locator(".results")).to_contain_text(NEWS_TITLE)
    screenshot(citizen, "client-search-new-news")

    # The search result opens the news on its own screen.
    citizen.click(f".results a:has-text('{NEWS_TITLE}')")
    expect(citizen).to_have_url(re.compile(r"#/berita/disdukcapil/"))
    expect(citizen.locator("h1")).to_have_text(NEWS_TITLE)
    expect(citizen.locator(".lead")).to_contain_text("Petugas Disdukcapil")
    screenshot(citizen, "client-news")
