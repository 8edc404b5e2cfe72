"""Administrative regions of Kota Bekasi: kecamatan and their kelurahan."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Kecamatan(index.Indexed, models.Model):
    """A district (kecamatan) of the city, identified by its Kemendagri code."""

    code = models.CharField("kode Kemendagri", max_length=16, unique=True)
    name = models.CharField("nama", max_length=100, unique=True)
    bps_code = models.CharField("kode BPS", max_length=16, blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("bps_code")]
    search_fields = [index.SearchField("name"), index.FilterField("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = "kecamatan"
        verbose_name_plural = "kecamatan"

    def __str__(self) -> str:
        return self.name


class Kelurahan(index.Indexed, models.Model):
    """A village-level area (kelurahan) inside one kecamatan."""

    code = models.CharField("kode Kemendagri", max_length=20, unique=True)
    name = models.CharField("nama", max_length=100)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="kelurahan"
    )
    postal_code = models.CharField("kode pos", max_length=10, blank=True)
    alt_names = models.JSONField("ejaan lain", default=list, blank=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("kecamatan"),
        FieldPanel("postal_code"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = "kelurahan"
        verbose_name_plural = "kelurahan"

    def __str__(self) -> str:
        return f"{self.name} ({self.kecamatan.name})"
