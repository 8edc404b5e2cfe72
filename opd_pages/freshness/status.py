"""Freshness facts per page and per OPD, computed in bulk.

The coordinator report, the OPD home panel, the reminder digests and the
GraphQL fields all read these facts, so they cannot disagree. Counting only
uses pages that ``opd_pages.visibility.public_pages`` returns, so drafts and
private pages never count as fresh or overdue.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Max
from django.urls import reverse

from opd_pages.models import (
    AnnouncementPage,
    EventPage,
    InformationCategory,
    NewsPage,
    OPDPage,
    PublicInformationPage,
    ServicePage,
    StandardPage,
)
from opd_pages.visibility import public_pages

from .models import UpdatePolicy
from .policy import (
    DEFAULT_INTERVAL_MONTHS,
    ContentKind,
    is_overdue,
    jakarta_today,
    last_reviewed,
    review_due_on,
)

ANNOUNCEMENT_LABEL = "Pengumuman (masa berlaku)"

# A score at or above GOOD_SCORE is "baik"; at or above ATTENTION_SCORE
# "perlu perhatian"; below it "tertinggal".
GOOD_SCORE = 80
ATTENTION_SCORE = 50


@dataclass(frozen=True)
class PolicySet:
    """Every stored review interval, loaded in one query and reused for a request."""

    city: dict[str, int] = field(default_factory=dict)
    by_opd: dict[tuple[int, str], int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "PolicySet":
        city, by_opd = {}, {}
        rows = UpdatePolicy.objects.values_list(
            "content_kind", "opd_id", "interval_months"
        )
        for kind, opd_id, months in rows:
            if opd_id is None:
                city[kind] = months
            else:
                by_opd[(opd_id, kind)] = months
        return cls(city=city, by_opd=by_opd)

    def interval_months(self, kind: str, opd_id: int | None) -> int:
        """Return the interval for ``kind`` in one OPD: its own when stricter, else the city's."""
        city_months = self.city.get(kind, DEFAULT_INTERVAL_MONTHS[kind])
        opd_months = self.by_opd.get((opd_id, kind))
        # An OPD row that is looser than the city's (possible after the city
        # row was tightened) never relaxes the city's rule.
        return min(city_months, opd_months) if opd_months else city_months


def content_kind_of(page) -> str | None:
    """Return the ``ContentKind`` that sets a page's review interval, or None."""
    if isinstance(page, ServicePage):
        return ContentKind.SERVICE
    if isinstance(page, OPDPage | StandardPage):
        return ContentKind.OPD_PROFILE
    if (
        isinstance(page, PublicInformationPage)
        and page.category == InformationCategory.BERKALA
    ):
        return ContentKind.PERIODIC_INFORMATION
    return None


def owning_opd_id(page) -> int | None:
    return page.pk if isinstance(page, OPDPage) else page.opd_id


ANNOUNCEMENT = "announcement"


@dataclass(frozen=True)
class PageFields:
    """The fields of one page that decide its freshness.

    The bulk computation reads them as plain rows, because building thousands
    of Wagtail page instances costs several times more than the queries.
    """

    page_id: int
    title: str
    opd_id: int | None
    duty_kind: str | None
    last_published_at: datetime | None
    last_reviewed_at: datetime | None
    valid_until: date | None = None


def fields_of(page) -> PageFields:
    """Read the freshness fields of a specific page instance."""
    if isinstance(page, AnnouncementPage):
        duty_kind = ANNOUNCEMENT
    else:
        duty_kind = content_kind_of(page)
    return PageFields(
        page_id=page.pk,
        title=page.title,
        opd_id=owning_opd_id(page),
        duty_kind=duty_kind,
        last_published_at=page.last_published_at,
        last_reviewed_at=page.last_reviewed_at,
        valid_until=getattr(page, "valid_until", None),
    )


@dataclass(frozen=True)
class PageFreshness:
    """When one page was last reviewed, until when that holds, and whether it lapsed."""

    page_id: int
    title: str
    opd_id: int | None
    duty: str
    last_reviewed_at: datetime | None
    due_on: date | None
    overdue: bool

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])


def freshness_of(fields: PageFields, policies: PolicySet, today: date) -> PageFreshness:
    """Compute one page's freshness from its fields."""
    reviewed_at = last_reviewed(fields.last_published_at, fields.last_reviewed_at)
    due_on, duty = None, ""
    if fields.duty_kind == ANNOUNCEMENT:
        # An announcement is out of date once its validity period ended.
        due_on, duty = fields.valid_until, ANNOUNCEMENT_LABEL
    elif fields.duty_kind is not None:
        duty = ContentKind(fields.duty_kind).label
        if reviewed_at is not None:
            months = policies.interval_months(fields.duty_kind, fields.opd_id)
            due_on = review_due_on(reviewed_at, months)
    never_reviewed = bool(duty) and due_on is None and reviewed_at is None
    return PageFreshness(
        page_id=fields.page_id,
        title=fields.title,
        opd_id=fields.opd_id,
        duty=duty,
        last_reviewed_at=reviewed_at,
        due_on=due_on,
        overdue=never_reviewed or is_overdue(due_on, today),
    )


def page_freshness(page, policies: PolicySet, today: date) -> PageFreshness:
    """Compute the freshness of a specific page instance, without a query."""
    return freshness_of(fields_of(page), policies, today)


@dataclass(frozen=True)
class OverdueItem:
    """One lapsed duty of an OPD: a page to review, or a news item to publish."""

    title: str
    duty: str
    due_on: date | None
    opd_id: int
    page_id: int | None = None

    @property
    def edit_url(self) -> str:
        """Return the page's edit view, or the view that adds a news item to the OPD."""
        if self.page_id is not None:
            return reverse("wagtailadmin_pages:edit", args=[self.page_id])
        return reverse(
            "wagtailadmin_pages:add", args=["opd_pages", "newspage", self.opd_id]
        )


@dataclass
class OPDFreshness:
    """The freshness of one OPD: its tracked duties, what lapsed, and its score."""

    opd_id: int
    title: str
    slug: str
    abbreviation: str
    kind: str
    tracked_count: int = 0
    overdue_items: list[OverdueItem] = field(default_factory=list)
    last_published_at: datetime | None = None
    latest_news_at: datetime | None = None
    trend: list[int] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.opd_id

    @property
    def overdue_count(self) -> int:
        return len(self.overdue_items)

    @property
    def score(self) -> int:
        """Share of tracked duties that are not overdue, from 0 to 100."""
        if not self.tracked_count:
            return 100
        fresh = self.tracked_count - self.overdue_count
        return round(100 * fresh / self.tracked_count)

    @property
    def level(self) -> str:
        if self.score >= GOOD_SCORE:
            return "baik"
        if self.score >= ATTENTION_SCORE:
            return "perlu perhatian"
        return "tertinggal"

    @property
    def trend_text(self) -> str:
        return " ".join(str(score) for score in self.trend)


# Page models with a review duty, the duty, and the filter that selects them.
TRACKED_MODELS = [
    (OPDPage, ContentKind.OPD_PROFILE, {}),
    (ServicePage, ContentKind.SERVICE, {}),
    (StandardPage, ContentKind.OPD_PROFILE, {}),
    (
        PublicInformationPage,
        ContentKind.PERIODIC_INFORMATION,
        {"category": InformationCategory.BERKALA},
    ),
    (AnnouncementPage, ANNOUNCEMENT, {}),
]


def tracked_pages(public_ids, opd_ids):
    """Yield the freshness fields of every public page with a review duty."""
    for model, duty_kind, extra_filter in TRACKED_MODELS:
        names = ["pk", "title", "opd_id", "last_published_at", "last_reviewed_at"]
        if model is AnnouncementPage:
            names.append("valid_until")
        rows = model.objects.filter(
            pk__in=public_ids, opd_id__in=opd_ids, **extra_filter
        ).values(*names)
        for row in rows:
            yield PageFields(
                page_id=row["pk"],
                title=row["title"],
                opd_id=row["opd_id"],
                duty_kind=duty_kind,
                last_published_at=row["last_published_at"],
                last_reviewed_at=row["last_reviewed_at"],
                valid_until=row.get("valid_until"),
            )


def latest_by_opd(queryset, field_name: str) -> dict[int, datetime]:
    rows = queryset.values("opd_id").annotate(latest=Max(field_name)).order_by()
    return {row["opd_id"]: row["latest"] for row in rows if row["latest"]}


def add_news_duty(status: OPDFreshness, policies: PolicySet, today: date) -> None:
    """Count the OPD's news cadence as one duty and record it when it lapsed."""
    status.tracked_count += 1
    months = policies.interval_months(ContentKind.NEWS, status.opd_id)
    due_on = None
    if status.latest_news_at:
        due_on = review_due_on(status.latest_news_at, months)
        if not is_overdue(due_on, today):
            return
    status.overdue_items.append(
        OverdueItem(
            title=f"Berita baru {status.abbreviation}",
            duty=ContentKind.NEWS.label,
            due_on=due_on,
            opd_id=status.opd_id,
        )
    )


def opd_freshness_map(
    opd_ids=None,
    today: date | None = None,
    policies: PolicySet | None = None,
) -> dict[int, OPDFreshness]:
    """Compute the freshness of every OPD (or of ``opd_ids``), keyed by OPD page id.

    The number of queries is fixed, whatever the number of OPDs and pages.
    """
    today = today or jakarta_today()
    policies = policies or PolicySet.load()
    opds = OPDPage.objects.order_by("title")
    if opd_ids is not None:
        opds = opds.filter(pk__in=opd_ids)
    statuses = {
        opd.pk: OPDFreshness(opd.pk, opd.title, opd.slug, opd.abbreviation, opd.kind)
        for opd in opds.only("id", "title", "slug", "abbreviation", "kind")
    }
    public_ids = public_pages().values("pk")

    # Pages with a review duty.
    for fields in tracked_pages(public_ids, statuses.keys()):
        status = statuses[fields.opd_id]
        status.tracked_count += 1
        facts = freshness_of(fields, policies, today)
        if facts.overdue:
            status.overdue_items.append(
                OverdueItem(
                    title=facts.title,
                    duty=facts.duty,
                    due_on=facts.due_on,
                    opd_id=status.opd_id,
                    page_id=facts.page_id,
                )
            )

    # Last publication of any kind, and the news cadence.
    for model in (
        OPDPage,
        ServicePage,
        StandardPage,
        PublicInformationPage,
        AnnouncementPage,
        EventPage,
        NewsPage,
    ):
        queryset = model.objects.filter(pk__in=public_ids, opd_id__in=statuses.keys())
        for opd_id, latest in latest_by_opd(queryset, "last_published_at").items():
            status = statuses[opd_id]
            if status.last_published_at is None or latest > status.last_published_at:
                status.last_published_at = latest
    news = NewsPage.objects.filter(pk__in=public_ids, opd_id__in=statuses.keys())
    for opd_id, latest in latest_by_opd(news, "first_published_at").items():
        statuses[opd_id].latest_news_at = latest
    for status in statuses.values():
        add_news_duty(status, policies, today)
        status.overdue_items.sort(
            key=lambda item: (item.due_on or date.min, item.title)
        )
    return statuses
