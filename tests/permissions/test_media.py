"""Images and documents stay inside their OPD's collection for editors."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from .conftest import HIDDEN_MARKER, client_for

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def dinkes_collection(dinkes):
    return Collection.objects.get(name=dinkes.title)


@pytest.fixture
def capil_collection(disdukcapil):
    return Collection.objects.get(name=disdukcapil.title)


@pytest.fixture
def dinkes_document(dinkes_collection):
    return Document.objects.create(
        title=f"Laporan {HIDDEN_MARKER}",
        file=ContentFile(b"isi laporan", name="laporan-dinkes.txt"),
        collection=dinkes_collection,
    )


@pytest.fixture
def dinkes_image(dinkes_collection):
    return Image.objects.create(
        title=f"Foto {HIDDEN_MARKER}",
        file=get_test_image_file(filename="foto-dinkes.png"),
        collection=dinkes_collection,
    )


def assert_hidden(response):
    assert HIDDEN_MARKER not in response.content.decode(errors="replace")


def test_listings_and_choosers_hide_other_media(editor, dinkes_document, dinkes_image):
    client = client_for(editor)
    for url_name in (
        "wagtaildocs:index",
        "wagtailimages:index",
        "wagtaildocs_chooser:choose",
        "wagtailimages_chooser:choose",
    ):
        response = client.get(reverse(url_name))
        assert response.status_code == 200, url_name
        assert_hidden(response)


def test_other_document_views_rejected(editor, dinkes_document):
    client = client_for(editor)
    for url_name in ("edit", "delete", "document_usage"):
        response = client.get(
            reverse(f"wagtaildocs:{url_name}", args=[dinkes_document.pk])
        )
        assert response.status_code in (302, 403), url_name
        assert_hidden(response)


def test_other_image_views_rejected(editor, dinkes_image):
    client = client_for(editor)
    for url_name in ("edit", "delete", "image_usage", "url_generator"):
        response = client.get(
            reverse(f"wagtailimages:{url_name}", args=[dinkes_image.pk])
        )
        assert response.status_code in (302, 403, 404), url_name
        assert_hidden(response)
    response = client.get(
        reverse("wagtailimages:preview", args=[dinkes_image.pk, "original"])
    )
    assert response.status_code in (302, 403)


def test_other_document_edit_post_rejected(editor, dinkes_document):
    client_for(editor).post(
        reverse("wagtaildocs:edit", args=[dinkes_document.pk]),
        {"title": "Diganti", "collection": dinkes_document.collection_id},
    )
    dinkes_document.refresh_from_db()
    assert dinkes_document.title != "Diganti"


def upload_document(user, title, collection):
    return client_for(user).post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("unggahan.txt", b"isi"),
            "collection": collection.pk,
        },
    )


def upload_image(user, title, collection):
    return client_for(user).post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(
                "unggahan.png", get_test_image_file().file.getvalue()
            ),
            "collection": collection.pk,
        },
    )


def test_upload_never_lands_in_other_collection(editor, dinkes_collection):
    # With one collection to add to, Wagtail hides the field and ignores the
    # posted value, so the file lands in the editor's own collection.
    upload_document(editor, "Unggahan titipan", dinkes_collection)
    upload_image(editor, "Gambar titipan", dinkes_collection)
    assert not Document.objects.filter(collection=dinkes_collection).exists()
    assert not Image.objects.filter(collection=dinkes_collection).exists()


def test_two_agency_upload_to_third_rejected(two_agency_editor):
    disdik_collection = Collection.objects.get(name="Dinas Pendidikan")
    response = upload_document(two_agency_editor, "Titipan", disdik_collection)
    assert response.status_code == 200
    assert not Document.objects.filter(title="Titipan").exists()
    response = upload_image(two_agency_editor, "Titipan", disdik_collection)
    assert response.status_code == 200
    assert not Image.objects.filter(title="Titipan").exists()


def test_upload_into_own_collection_works(editor, capil_collection):
    response = client_for(editor).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Formulir KTP",
            "file": SimpleUploadedFile("formulir.txt", b"isi"),
            "collection": capil_collection.pk,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Formulir KTP")
    assert document.collection == capil_collection
