import json
import shutil

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Page, Site

from opd_pages.models import OPDIndexPage, OPDPage, ServicePage
from opd_pages.seed_data import DATA_DIR, OPD_FILE, SERVICE_FILE

pytestmark = pytest.mark.django_db


def load_items(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))["items"]


def test_every_opd_exists_once_with_groups():
    entries = load_items(OPD_FILE)
    assert OPDPage.objects.count() == len(entries) == 44
    for entry in entries:
        opd = OPDPage.objects.get(slug=entry["id"])
        assert opd.live
        assert opd.title == entry["name"]
        assert Group.objects.filter(name=f"Editor {opd.abbreviation}").count() == 1
        assert Group.objects.filter(name=f"Moderator {opd.abbreviation}").count() == 1
        assert Collection.objects.filter(name=opd.title).count() == 1


def test_services_are_live_under_responsible_opd():
    for entry in load_items(SERVICE_FILE):
        service = ServicePage.objects.get(slug=entry["id"])
        assert service.live
        assert service.get_parent().specific.slug == entry["responsible_opd_id"]
        assert service.opd.slug == entry["responsible_opd_id"]


def test_directory_is_default_site_root():
    directory = OPDIndexPage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == directory.pk
    service = ServicePage.objects.get(slug="ktp-el")
    assert service.get_url() == "/disdukcapil/ktp-el/"


def test_bootstrap_twice_creates_nothing(capsys):
    counts = (Page.objects.count(), Group.objects.count(), Collection.objects.count())
    revisions = sum(page.revisions.count() for page in Page.objects.all())
    call_command("bootstrap")
    assert "everything already up to date" in capsys.readouterr().out
    assert (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
    ) == counts
    assert sum(page.revisions.count() for page in Page.objects.all()) == revisions


def test_kecamatan_opd_links_its_region():
    opd = OPDPage.objects.get(slug="kec-bekasi-timur")
    assert opd.kecamatan.name == "Bekasi Timur"
    assert {k.name for k in opd.kelurahan} == {
        "Bekasijaya",
        "Margahayu",
        "Durenjaya",
        "Arenjaya",
    }


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def rewrite(path, mutate):
    data = json.loads(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_bad_category_is_rejected_naming_file_entry_field(data_copy):
    def break_dinkes(data):
        next(item for item in data["items"] if item["id"] == "dinkes")["category"] = (
            "dinass"
        )

    rewrite(data_copy / OPD_FILE, break_dinkes)
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("bootstrap", data_dir=data_copy)
    message = str(error.value)
    assert OPD_FILE in message
    assert "'dinkes'" in message
    assert "'category'" in message
    assert "'dinass'" in message
    assert Page.objects.count() == pages_before


def test_unknown_responsible_opd_changes_nothing(data_copy):
    def add_services(data):
        data["items"].insert(0, {**data["items"][0], "id": "layanan-baru"})
        data["items"][-1]["responsible_opd_id"] = "dinas-fiktif"

    rewrite(data_copy / SERVICE_FILE, add_services)
    with pytest.raises(CommandError, match="responsible_opd_id.*dinas-fiktif"):
        call_command("bootstrap", data_dir=data_copy)
    assert not ServicePage.objects.filter(slug="layanan-baru").exists()


def test_invalid_json_names_line(data_copy):
    (data_copy / OPD_FILE).write_text('{"items": [', encoding="utf-8")
    with pytest.raises(CommandError, match=r"invalid JSON at line 1"):
        call_command("bootstrap", data_dir=data_copy)


def test_public_page_urls_resolve(client):
    for slug, path in (
        ("disdukcapil", "/disdukcapil/"),
        ("ktp-el", "/disdukcapil/ktp-el/"),
    ):
        response = client.get(path)
        assert response.status_code == 200, slug
        assert Page.objects.get(slug=slug).title in response.content.decode()


def test_site_address_follows_environment(monkeypatch):
    monkeypatch.setenv("SITE_HOSTNAME", "127.0.0.1")
    monkeypatch.setenv("SITE_PORT", "8000")
    call_command("bootstrap", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    service = ServicePage.objects.get(slug="ktp-el")
    assert service.get_full_url() == "http://127.0.0.1:8000/disdukcapil/ktp-el/"


def test_invalid_site_port_names_value(monkeypatch):
    monkeypatch.setenv("SITE_PORT", "delapan-ribu")
    with pytest.raises(ValueError, match="'delapan-ribu'"):
        call_command("bootstrap", verbosity=0)
