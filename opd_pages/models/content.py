"""The content an OPD publishes under its own page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import (
    AnnouncementStreamBlock,
    ComplaintChannelBlock,
    ContentStreamBlock,
    ServiceStreamBlock,
)
from .base import BekasiPage

CONTENT_PARENTS = ["opd_pages.OPDPage", "opd_pages.StandardPage"]

SUMMARY_HELP = "Ringkas isi halaman dalam satu atau dua kalimat untuk warga."


def item_list_field(verbose_name: str, item_label: str, help_text: str = ""):
    """Build a StreamField holding an ordered list of short text items."""
    return StreamField(
        [("item", blocks.CharBlock(label=item_label))],
        blank=True,
        verbose_name=verbose_name,
        help_text=help_text,
    )


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "opd_pages.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class AnnouncementPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "opd_pages.AnnouncementPage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class ServicePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "opd_pages.ServicePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PublicInformationPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "opd_pages.PublicInformationPage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "opd_pages.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(BekasiPage):
    """A news item (berita) of one OPD."""

    date = models.DateField("tanggal berita", default=timezone.localdate)
    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gambar utama",
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="isi")
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)

    content_panels = BekasiPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("region"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "berita"
        verbose_name_plural = "berita"


class AnnouncementPage(BekasiPage):
    """An announcement (pengumuman) that is valid for a stated period."""

    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    valid_from = models.DateField("berlaku mulai", default=timezone.localdate)
    valid_until = models.DateField(
        "berlaku sampai",
        null=True,
        blank=True,
        help_text="Kosongkan bila pengumuman berlaku sampai dicabut.",
    )
    body = StreamField(AnnouncementStreamBlock(), blank=True, verbose_name="isi")
    tags = ClusterTaggableManager(through=AnnouncementPageTag, blank=True)

    content_panels = BekasiPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("region"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("valid_from"),
        index.FilterField("valid_until"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "pengumuman"
        verbose_name_plural = "pengumuman"

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {
                    "valid_until": "Tanggal akhir berlaku tidak boleh sebelum tanggal mulai."
                }
            )

    def is_active(self, on_date=None) -> bool:
        """Return whether the announcement is valid on ``on_date`` (default: today in Jakarta)."""
        on_date = on_date or timezone.localdate()
        if self.valid_from and on_date < self.valid_from:
            return False
        return self.valid_until is None or on_date <= self.valid_until


class ServicePage(BekasiPage):
    """A public service with its service standard (standar pelayanan)."""

    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    alternative_names = models.JSONField(
        "sebutan lain",
        default=list,
        blank=True,
        help_text="Nama lain dan singkatan yang dipakai warga, mis. 'KTP', 'e-KTP'.",
    )
    requirements = item_list_field(
        "persyaratan", "Syarat", "Tulis satu persyaratan per butir."
    )
    procedure = item_list_field(
        "prosedur", "Langkah", "Tulis langkah pelayanan berurutan, satu per butir."
    )
    processing_time = models.CharField("jangka waktu", max_length=255, blank=True)
    cost = models.CharField("biaya/tarif", max_length=255, blank=True)
    product = models.CharField("produk layanan", max_length=255, blank=True)
    service_hours = models.CharField("jam layanan", max_length=255, blank=True)
    legal_basis = item_list_field("dasar hukum", "Peraturan")
    complaint_channels = StreamField(
        [("channel", ComplaintChannelBlock())],
        blank=True,
        verbose_name="kanal pengaduan",
    )
    online_url = models.URLField(
        "tautan layanan daring",
        blank=True,
        help_text="Alamat aplikasi bila layanan dapat diajukan secara daring.",
    )
    related_opds = ParentalManyToManyField(
        "opd_pages.OPDPage", blank=True, related_name="related_services"
    )
    body = StreamField(ServiceStreamBlock(), blank=True, verbose_name="isi")
    tags = ClusterTaggableManager(through=ServicePageTag, blank=True)

    content_panels = BekasiPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("alternative_names"),
        MultiFieldPanel(
            [
                FieldPanel("requirements"),
                FieldPanel("procedure"),
                FieldPanel("processing_time"),
                FieldPanel("cost"),
                FieldPanel("product"),
                FieldPanel("service_hours"),
                FieldPanel("legal_basis"),
                FieldPanel("complaint_channels"),
                FieldPanel("online_url"),
            ],
            heading="Standar pelayanan",
        ),
        FieldPanel("related_opds"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("alternative_names"),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.SearchField("body"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "layanan publik"
        verbose_name_plural = "layanan publik"


class InformationCategory(models.TextChoices):
    """Categories of public information under Law 14/2008 (Keterbukaan Informasi Publik)."""

    BERKALA = "berkala", "Informasi berkala"
    SERTA_MERTA = "serta_merta", "Informasi serta-merta"
    SETIAP_SAAT = "setiap_saat", "Informasi tersedia setiap saat"
    DIKECUALIKAN = "dikecualikan", "Informasi dikecualikan"


class PublicInformationPage(BekasiPage):
    """An item of public information (informasi publik) with its attached documents.

    An exempt item (dikecualikan) records its legal reason and when the
    exemption ends. Its attachments are never served to the public, whatever
    collection they live in.
    """

    category = models.CharField(
        "kategori", max_length=20, choices=InformationCategory.choices
    )
    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    period_start = models.DateField("periode mulai", null=True, blank=True)
    period_end = models.DateField("periode sampai", null=True, blank=True)
    exemption_reason = models.TextField(
        "dasar pengecualian",
        blank=True,
        help_text="Wajib untuk informasi dikecualikan: sebutkan pasal dan hasil uji "
        "konsekuensi.",
    )
    exemption_ends_on = models.DateField(
        "pengecualian berakhir",
        null=True,
        blank=True,
        help_text="Wajib untuk informasi dikecualikan: tanggal pengecualian berakhir.",
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="isi")
    tags = ClusterTaggableManager(through=PublicInformationPageTag, blank=True)

    content_panels = BekasiPage.content_panels + [
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        MultiFieldPanel(
            [FieldPanel("exemption_reason"), FieldPanel("exemption_ends_on")],
            heading="Pengecualian",
        ),
        InlinePanel("attachments", label="Lampiran"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "informasi publik"
        verbose_name_plural = "informasi publik"

    @property
    def is_exempt(self) -> bool:
        return self.category == InformationCategory.DIKECUALIKAN

    def clean(self):
        super().clean()
        errors = {}
        if self.is_exempt:
            if not self.exemption_reason.strip():
                errors["exemption_reason"] = (
                    "Informasi dikecualikan harus mencantumkan dasar pengecualiannya."
                )
            if not self.exemption_ends_on:
                errors["exemption_ends_on"] = (
                    "Informasi dikecualikan harus mencantumkan kapan pengecualian berakhir."
                )
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            errors["period_end"] = "Akhir periode tidak boleh sebelum awal periode."
        if errors:
            raise ValidationError(errors)


class PublicInformationAttachment(Orderable):
    """A document attached to a public information item."""

    page = ParentalKey(
        PublicInformationPage, related_name="attachments", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("judul tampilan", max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]


class EventPage(BekasiPage):
    """An event (agenda) organised or announced by an OPD."""

    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    start = models.DateTimeField("mulai")
    end = models.DateTimeField("selesai", null=True, blank=True)
    location = models.CharField("lokasi", max_length=255, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="isi")
    tags = ClusterTaggableManager(through=EventPageTag, blank=True)

    content_panels = BekasiPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("region"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agenda"

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError(
                {"end": "Waktu selesai tidak boleh sebelum waktu mulai."}
            )


class StandardPage(BekasiPage):
    """A plain page such as a profile, vision and mission, or structure; also a section."""

    summary = models.TextField("ringkasan", blank=True, help_text=SUMMARY_HELP)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="isi")

    content_panels = BekasiPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BekasiPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = CONTENT_PARENTS
    subpage_types = [
        "opd_pages.NewsPage",
        "opd_pages.AnnouncementPage",
        "opd_pages.ServicePage",
        "opd_pages.PublicInformationPage",
        "opd_pages.EventPage",
        "opd_pages.StandardPage",
    ]

    class Meta:
        verbose_name = "halaman biasa"
        verbose_name_plural = "halaman biasa"


CONTENT_PAGE_MODELS = [
    NewsPage,
    AnnouncementPage,
    ServicePage,
    PublicInformationPage,
    EventPage,
    StandardPage,
]
