"""Every page's owning OPD follows the tree, at a cost that does not grow with pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opd_pages.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db


def add_section(parent, slug, children):
    section = StandardPage(title=f"Seksi {slug}", slug=slug)
    parent.add_child(instance=section)
    for number in range(children):
        section.add_child(
            instance=NewsPage(title=f"Berita {number}", slug=f"{slug}-{number}")
        )
    return section


def test_new_page_belongs_to_opd_above(disdukcapil):
    section = add_section(disdukcapil, "seksi", 1)
    news = NewsPage.objects.child_of(section).get()
    assert section.opd_id == disdukcapil.pk
    assert news.opd_id == disdukcapil.pk


def test_move_updates_page_and_descendants(disdukcapil, dinkes):
    section = add_section(disdukcapil, "pindah", 3)

    section.move(dinkes, pos="last-child")

    section.refresh_from_db()
    assert section.opd_id == dinkes.pk
    descendants = NewsPage.objects.descendant_of(section)
    assert descendants.count() == 3
    assert set(descendants.values_list("opd_id", flat=True)) == {dinkes.pk}


def test_opd_page_owns_itself(disdukcapil):
    assert disdukcapil.opd_id == disdukcapil.pk


def count_move_queries(section, destination) -> int:
    with CaptureQueriesContext(connection) as queries:
        section.move(destination, pos="last-child")
    return len(queries)


def test_move_queries_do_not_grow_with_pages(disdukcapil, dinkes):
    small = add_section(disdukcapil, "kecil", 1)
    large = add_section(disdukcapil, "besar", 20)
    assert count_move_queries(small, dinkes) == count_move_queries(large, dinkes)


def test_owning_opd_of_many_pages_is_one_query(disdukcapil):
    add_section(disdukcapil, "baca", 10)
    with CaptureQueriesContext(connection) as queries:
        owners = [page.opd.slug for page in NewsPage.objects.select_related("opd")]
    assert len(queries) == 1
    assert owners.count("disdukcapil") == 10
