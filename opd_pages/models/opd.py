"""The directory of agencies and the page of each agency (OPD)."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import BekasiPage


class OPDKind(models.TextChoices):
    SEKRETARIAT = "sekretariat", "Sekretariat"
    INSPEKTORAT = "inspektorat", "Inspektorat"
    DINAS = "dinas", "Dinas"
    BADAN = "badan", "Badan"
    KECAMATAN = "kecamatan", "Kecamatan"
    RSUD = "rsud", "Rumah sakit daerah"
    SATUAN = "satuan", "Satuan"


class OPDIndexPage(BekasiPage):
    """The directory that contains the page of every agency of the city."""

    intro = RichTextField("pengantar", blank=True, features=["bold", "italic", "link"])

    content_panels = BekasiPage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["opd_pages.OPDPage"]
    max_count = 1

    class Meta:
        verbose_name = "direktori OPD"
        verbose_name_plural = "direktori OPD"


class OPDPage(BekasiPage):
    """One regional agency (OPD) with its contact facts and the root of its content."""

    official_name = models.CharField(
        "nama resmi",
        max_length=255,
        help_text="Tulis nama lengkap sesuai peraturan, mis. "
        "'Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi'.",
    )
    abbreviation = models.CharField(
        "singkatan",
        max_length=40,
        unique=True,
        help_text="Singkatan utama yang dipakai warga, mis. 'Disdukcapil'.",
    )
    other_abbreviations = models.JSONField(
        "singkatan lain",
        default=list,
        blank=True,
        help_text="Singkatan atau sebutan lain, satu per butir.",
    )
    kind = models.CharField("jenis", max_length=20, choices=OPDKind.choices)
    mandate = RichTextField(
        "tugas dan fungsi",
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text="Ringkas urusan pemerintahan yang ditangani OPD ini.",
    )
    government_affairs = models.JSONField(
        "urusan pemerintahan", default=list, blank=True
    )
    address = models.CharField("alamat", max_length=255, blank=True)
    phone = models.CharField("telepon", max_length=60, blank=True)
    email = models.EmailField("surel", blank=True)
    website = models.URLField("situs web", blank=True)
    service_hours = models.CharField(
        "jam layanan",
        max_length=255,
        blank=True,
        help_text="Tulis hari dan jam buka, mis. 'Senin–Jumat 08.00–15.00 WIB'.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ppid_name = models.CharField("nama PPID pelaksana", max_length=255, blank=True)
    ppid_email = models.EmailField("surel PPID", blank=True)
    ppid_phone = models.CharField("telepon PPID", max_length=60, blank=True)
    kecamatan = models.OneToOneField(
        "opd_pages.Kecamatan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opd_page",
        help_text="Hanya untuk OPD berjenis kecamatan: wilayah yang dilayani.",
    )

    content_panels = BekasiPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldPanel("abbreviation"),
                FieldPanel("other_abbreviations"),
                FieldPanel("kind"),
                FieldPanel("kecamatan"),
            ],
            heading="Identitas",
        ),
        FieldPanel("mandate"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("service_hours"),
                FieldPanel("logo"),
            ],
            heading="Kontak",
        ),
        MultiFieldPanel(
            [
                FieldPanel("ppid_name"),
                FieldPanel("ppid_email"),
                FieldPanel("ppid_phone"),
            ],
            heading="Pejabat Pengelola Informasi dan Dokumentasi (PPID)",
        ),
    ]

    search_fields = BekasiPage.search_fields + [
        index.SearchField("official_name"),
        index.SearchField("abbreviation"),
        index.SearchField("mandate"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["opd_pages.OPDIndexPage"]
    subpage_types = [
        "opd_pages.NewsPage",
        "opd_pages.AnnouncementPage",
        "opd_pages.ServicePage",
        "opd_pages.PublicInformationPage",
        "opd_pages.EventPage",
        "opd_pages.StandardPage",
    ]

    class Meta:
        verbose_name = "OPD"
        verbose_name_plural = "OPD"

    def clean(self):
        super().clean()
        if self.kind == OPDKind.KECAMATAN and not self.kecamatan_id:
            raise ValidationError(
                {"kecamatan": "OPD berjenis kecamatan harus memilih wilayahnya."}
            )
        if self.kind != OPDKind.KECAMATAN and self.kecamatan_id:
            raise ValidationError(
                {"kecamatan": "Wilayah hanya diisi untuk OPD berjenis kecamatan."}
            )

    @property
    def kelurahan(self):
        """The kelurahan served by a kecamatan OPD; empty for other kinds."""
        from .regions import Kelurahan

        if not self.kecamatan_id:
            return Kelurahan.objects.none()
        return Kelurahan.objects.filter(kecamatan_id=self.kecamatan_id)
