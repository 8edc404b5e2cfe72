"""Update policies, weekly scores, sent reminders and citizens' reports."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from .policy import DEFAULT_INTERVAL_MONTHS, MAX_INTERVAL_MONTHS, ContentKind

MAX_REPORT_MESSAGE_LENGTH = 1000


class UpdatePolicy(models.Model):
    """A review interval for one kind of content, city-wide or for one OPD.

    A row without an OPD replaces the built-in default for the whole city. A
    row with an OPD may only be stricter (shorter) than the city-wide interval,
    so no agency can relax the city's rule for itself.
    """

    content_kind = models.CharField(
        "jenis konten", max_length=32, choices=ContentKind.choices
    )
    opd = models.ForeignKey(
        "opd_pages.OPDPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="update_policies",
        verbose_name="OPD",
        help_text="Kosongkan untuk mengatur batas bagi seluruh OPD di kota.",
    )
    interval_months = models.PositiveSmallIntegerField(
        "batas waktu (bulan)",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INTERVAL_MONTHS)],
        help_text="Isi jumlah bulan paling lama antara dua pemeriksaan isi, "
        f"antara 1 dan {MAX_INTERVAL_MONTHS}.",
    )

    panels = [
        FieldPanel("content_kind"),
        FieldPanel("opd"),
        FieldPanel("interval_months"),
    ]

    class Meta:
        verbose_name = "kebijakan pemutakhiran"
        verbose_name_plural = "kebijakan pemutakhiran"
        ordering = ["content_kind", "opd__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_kind"],
                condition=models.Q(opd__isnull=True),
                name="freshness_one_city_policy_per_kind",
            ),
            models.UniqueConstraint(
                fields=["content_kind", "opd"],
                condition=models.Q(opd__isnull=False),
                name="freshness_one_opd_policy_per_kind",
            ),
        ]
        permissions = [
            ("view_freshness_report", "Can view the freshness report of every OPD"),
        ]

    def __str__(self):
        scope = self.opd.title if self.opd_id else "Seluruh kota"
        return (
            f"{self.get_content_kind_display()}: {scope}, {self.interval_months} bulan"
        )

    def city_interval_months(self) -> int:
        """Return the city-wide interval for this kind: a stored row or the default."""
        city_row = (
            UpdatePolicy.objects.filter(
                content_kind=self.content_kind, opd__isnull=True
            )
            .exclude(pk=self.pk)
            .first()
        )
        if city_row:
            return city_row.interval_months
        return DEFAULT_INTERVAL_MONTHS[self.content_kind]

    def clean(self):
        super().clean()
        if not self.opd_id or not self.interval_months or not self.content_kind:
            return
        city_months = self.city_interval_months()
        if self.interval_months > city_months:
            raise ValidationError(
                {
                    "interval_months": (
                        f"Batas {self.interval_months} bulan lebih longgar daripada "
                        f"batas kota ({city_months} bulan). Isi {city_months} bulan "
                        "atau kurang."
                    )
                }
            )


class FreshnessSnapshot(models.Model):
    """One OPD's freshness score as it stood in one week, for the trend chart."""

    opd = models.ForeignKey(
        "opd_pages.OPDPage", on_delete=models.CASCADE, related_name="+"
    )
    week_start = models.DateField("awal pekan (Senin)")
    score = models.PositiveSmallIntegerField("skor")
    tracked_count = models.PositiveIntegerField("jumlah kewajiban")
    overdue_count = models.PositiveIntegerField("jumlah terlambat")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["opd", "week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "week_start"], name="freshness_one_snapshot_per_week"
            )
        ]

    def __str__(self):
        return f"{self.opd_id} {self.week_start}: {self.score}"


class ReminderKind(models.TextChoices):
    OPD_DIGEST = "opd_digest", "Ringkasan OPD"
    COORDINATOR_SUMMARY = "coordinator_summary", "Ringkasan mingguan koordinator"


class SentReminder(models.Model):
    """A reminder email that went out, so that no one gets the same one twice a day."""

    kind = models.CharField(max_length=32, choices=ReminderKind.choices)
    scope = models.CharField(
        max_length=255, help_text="The OPD slug, or 'kota' for the coordinator."
    )
    recipient = models.EmailField()
    sent_on = models.DateField(help_text="Date in Asia/Jakarta.")
    item_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "kind", "scope"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "scope", "recipient", "sent_on"],
                name="freshness_one_reminder_per_day",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.scope} to {self.recipient} on {self.sent_on}"


class OutdatedReport(models.Model):
    """A citizen's report that a public page is outdated or wrong.

    It stores no data about the sender: the rate limit keys on a hash of the
    client address in the cache, which expires, and never reaches this table.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    opd = models.ForeignKey(
        "opd_pages.OPDPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="OPD",
    )
    message = models.TextField("pesan", max_length=MAX_REPORT_MESSAGE_LENGTH)
    helpful = models.BooleanField("membantu?", null=True)
    created_at = models.DateTimeField("diterima", auto_now_add=True)
    handled_at = models.DateTimeField("ditangani", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ditangani oleh",
    )

    class Meta:
        verbose_name = "laporan warga"
        verbose_name_plural = "laporan warga"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["opd", "handled_at"])]

    def __str__(self):
        return f"Laporan #{self.pk} untuk halaman {self.page_id}"
