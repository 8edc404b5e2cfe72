"""The abstract page every content page of the city inherits."""

from django.db import models
from wagtail.models import Page


class BekasiPage(Page):
    """A page that belongs to exactly one OPD and records when it was last reviewed.

    ``opd`` is kept in step with the tree on every save and move (see
    ``opd_pages.signals``), so finding a page's agency costs a join, never a
    walk up the tree.
    """

    opd = models.ForeignKey(
        "opd_pages.OPDPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="OPD pemilik",
    )
    region = models.ForeignKey(
        "opd_pages.Kecamatan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="wilayah",
        help_text="Pilih kecamatan bila isi halaman ini khusus untuk satu wilayah.",
    )
    last_reviewed_at = models.DateTimeField(
        "terakhir diperiksa",
        null=True,
        blank=True,
        editable=False,
        help_text="Waktu terakhir editor menyatakan isi halaman masih akurat.",
    )

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # One plain template serves every page type: the product is headless,
        # and these pages exist so that every public URL the API returns resolves.
        return "opd_pages/page.html"

    def find_owning_opd(self):
        """Return the OPD page at or above this page in the tree, or None."""
        from .opd import OPDPage

        if isinstance(self, OPDPage):
            return self
        if not self.path:
            return None
        steplen = self.steplen
        prefixes = [self.path[:end] for end in range(steplen, len(self.path), steplen)]
        return OPDPage.objects.filter(path__in=prefixes).order_by("-depth").first()

    def save(self, *args, **kwargs):
        from .opd import OPDPage

        if not isinstance(self, OPDPage):
            self.opd = self.find_owning_opd()
        super().save(*args, **kwargs)
        if isinstance(self, OPDPage) and self.opd_id != self.pk:
            self.opd_id = self.pk
            type(self).objects.filter(pk=self.pk).update(opd=self.pk)
