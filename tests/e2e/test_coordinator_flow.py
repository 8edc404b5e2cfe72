"""The coordinator opens the freshness report of every OPD and exports it."""

import io

import pytest
from openpyxl import load_workbook

from .browsing import login, screenshot

pytestmark = pytest.mark.browser

OPD_COUNT = 44


def test_coordinator_exports_freshness_report(new_page, make_user):
    make_user("koordinator", "Koordinator")
    page = new_page(width=1280, height=900)
    login(page, "koordinator")

    response = page.goto("/admin/reports/freshness/")
    assert response.status == 200
    assert page.locator("main").get_by_text("Disdukcapil").first.is_visible()
    screenshot(page, "admin-freshness-report")

    # The export links sit in the header's "more" dropdown.
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    with page.expect_download() as download_info:
        page.click("a[href$='export=xlsx']")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")

    # openpyxl picks the format by file name, and Playwright's file has none.
    workbook = load_workbook(io.BytesIO(download.path().read_bytes()), read_only=True)
    sheet = workbook.active
    rows = [[str(cell) for cell in row if cell is not None] for row in sheet.values]
    assert len(rows) == OPD_COUNT + 1
    assert any("Disdukcapil" in cell for row in rows for cell in row)
