"""A citizen uses the reference client, mostly on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from opd_pages.freshness.models import OutdatedReport
from opd_pages.models import OPDPage

from .browsing import screenshot

pytestmark = pytest.mark.browser


def search_from_home(page, text: str) -> None:
    page.goto("/")
    page.fill("#cari", text)
    page.press("#cari", "Enter")
    expect(page).to_have_url(re.compile(r"#/cari\?q="))
    expect(page.locator(".results")).to_be_visible()


def test_search_reaches_service_page(new_page):
    page = new_page()

    # Autocomplete offers pages while the citizen types, and Enter opens one.
    page.goto("/")
    page.type("#cari", "akta k", delay=30)
    expect(page.locator("#saran [role=option]").first).to_be_visible()
    screenshot(page, "client-autocomplete")
    page.press("#cari", "ArrowDown")
    page.press("#cari", "Enter")
    expect(page).to_have_url(re.compile(r"#/layanan/disdukcapil/akta-"))

    # The search finds the KTP service of Disdukcapil.
    search_from_home(page, "perpanjang ktp")
    result = page.locator(".results a[href='#/layanan/disdukcapil/ktp-el']")
    expect(result).to_be_visible()
    screenshot(page, "client-search-mobile")

    # Filtering by OPD keeps only that OPD's results.
    disdukcapil_id = str(OPDPage.objects.get(slug="disdukcapil").pk)
    page.select_option("#saring-opd", disdukcapil_id)
    expect(page).to_have_url(re.compile(rf"opd={disdukcapil_id}\b"))
    expect(page.locator(".chip")).to_contain_text("Perangkat daerah")
    sources = page.locator(".result-source").all_inner_texts()
    assert sources
    for source in sources:
        assert "Disdukcapil" in source

    # A facet link narrows the results further and can be removed again.
    facet = page.locator("[data-facet=jenis] a.facet").first
    facet.click()
    expect(page).to_have_url(re.compile(r"jenis=[A-Z_]+(&|$)"))
    expect(page.locator("[data-facet=jenis] a.facet.selected")).to_have_count(1)
    page.click(".chip >> text=Jenis konten")
    expect(page).not_to_have_url(re.compile(r"jenis="))
    expect(page).to_have_url(re.compile(r"opd="))

    # The service page shows the whole service standard.
    page.goto("/#/cari?q=perpanjang+ktp")
    page.click(".results a[href='#/layanan/disdukcapil/ktp-el']")
    expect(page.locator("h1")).to_contain_text("KTP")
    for section in ("persyaratan", "prosedur", "dasar-hukum", "pengaduan"):
        expect(page.locator(f"#{section}")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Biaya")
    screenshot(page, "client-service")

    # On a wide screen the facets stand beside the results.
    desktop = new_page(width=1280, height=800)
    search_from_home(desktop, "perpanjang ktp")
    expect(desktop.locator(".facet-group").first).to_be_visible()
    expect(desktop.locator("#saring-opd")).to_be_hidden()
    screenshot(desktop, "client-search", full_page=False)


def test_directory_leads_to_outdated_report(new_page):
    page = new_page()

    # The directory lists every OPD and filters as the citizen types.
    page.goto("/#/opd")
    expect(page.locator(".opd-list li")).to_have_count(44)
    page.fill("#opd-filter", "zzz")
    expect(page.locator(".opd-list li:visible")).to_have_count(0)
    expect(page.locator(".opd-group:visible")).to_have_count(0)
    expect(page.locator(".opd-empty")).to_be_visible()
    page.fill("#opd-filter", "disdukcapil")
    expect(page.locator(".opd-list li:visible")).to_have_count(1)
    expect(page.locator(".opd-group:visible")).to_have_count(1)
    expect(page.locator(".opd-empty")).to_be_hidden()
    expect(page.locator(".opd-count")).to_have_text(
        "1 dari 44 perangkat daerah Kota Bekasi."
    )
    screenshot(page, "client-directory")

    # The OPD's screen lists its services.
    page.click(".opd-list li:visible a")
    expect(page).to_have_url(re.compile(r"#/opd/disdukcapil$"))
    service_link = page.locator("#layanan a[href='#/layanan/disdukcapil/ktp-el']")
    expect(service_link).to_be_visible()
    screenshot(page, "client-opd-profile")

    # From the service, the citizen reports outdated information.
    service_link.click()
    expect(page.locator(".freshness")).to_contain_text("Diperbarui")
    page.click("a.report-link")
    expect(page.locator("#laporan-halaman")).to_have_value("/disdukcapil/ktp-el/")
    expect(page.locator(".lead")).to_contain_text("KTP")
    page.fill("#laporan-pesan", "Jam layanan di halaman ini sudah berubah.")
    page.check("input[name=helpful][value=false]")
    screenshot(page, "client-report-form")
    page.click(".report-form button[type=submit]")
    expect(page.locator(".notice.success")).to_be_visible()

    report = OutdatedReport.objects.get()
    assert report.page.url_path.endswith("/disdukcapil/ktp-el/")
    assert report.message == "Jam layanan di halaman ini sudah berubah."
    assert report.helpful is False
