"""GraphQL fields for content freshness and the citizens' "outdated" report.

``resolve_page_freshness`` backs ``Page.freshness`` and
``resolve_opd_freshness`` backs ``OPDPage.opdFreshness`` (in
``graphql_api.types.pages``). Both read the update policies, and for OPDs the
whole city's facts, once per operation through the operation's batch cache,
so a listing of N items costs no query per item.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info
from wagtail.models import Page

from graphql_api.context import api_context
from graphql_api.errors import InvalidInputError
from opd_pages.models import OPDPage
from opd_pages.visibility import public_pages

from . import status as facts
from .citizen_reports import ReportRejected, submit_outdated_report
from .models import MAX_REPORT_MESSAGE_LENGTH
from .policy import jakarta_today


@strawberry.enum(description="How well an OPD keeps its content current.")
class FreshnessLevel(Enum):
    GOOD = "baik"
    NEEDS_ATTENTION = "perlu perhatian"
    OUTDATED = "tertinggal"


@strawberry.type(
    description="When a page was last updated or reviewed, and if it lapsed."
)
class PageFreshness:
    last_updated_at: datetime.datetime | None = strawberry.field(
        description="When the page's current content was published."
    )
    last_reviewed_at: datetime.datetime | None = strawberry.field(
        description="The later of the last publication and the last "
        "confirmation by an editor that the content is still accurate."
    )
    review_due_on: datetime.date | None = strawberry.field(
        description="Last day (Asia/Jakarta) on which the review is valid; for an "
        "announcement, the last day of its validity. Null when the page type "
        "has no review duty."
    )
    is_overdue: bool = strawberry.field(
        description="True when the review or validity ended before today in "
        "Asia/Jakarta."
    )


@strawberry.type(description="How current one OPD keeps its public content.")
class OPDFreshness:
    score: int = strawberry.field(
        description="Share of the OPD's review duties that are not overdue, 0-100."
    )
    level: FreshnessLevel
    overdue_count: int = strawberry.field(description="Duties that are overdue.")
    tracked_count: int = strawberry.field(
        description="Duties counted: pages with a review interval, announcements, "
        "and the news cadence."
    )
    last_published_at: datetime.datetime | None = strawberry.field(
        description="Latest publication of any public page of the OPD."
    )
    latest_news_at: datetime.datetime | None = strawberry.field(
        description="First publication of the OPD's newest public news item."
    )


def _batches(info: Info) -> dict[Any, Any]:
    return api_context(info).batches


def _policies(info: Info) -> facts.PolicySet:
    batches = _batches(info)
    if "freshness_policies" not in batches:
        batches["freshness_policies"] = facts.PolicySet.load()
    return batches["freshness_policies"]


def _today(info: Info) -> datetime.date:
    return _batches(info).setdefault("freshness_today", jakarta_today())


def resolve_page_freshness(root: Any, info: Info) -> PageFreshness:
    """Return the freshness of the specific page ``root``, without a query per page."""
    page_facts = facts.page_freshness(root, _policies(info), _today(info))
    return PageFreshness(
        last_updated_at=root.last_published_at,
        last_reviewed_at=page_facts.last_reviewed_at,
        review_due_on=page_facts.due_on,
        is_overdue=page_facts.overdue,
    )


def to_opd_freshness(status: facts.OPDFreshness) -> OPDFreshness:
    return OPDFreshness(
        score=status.score,
        level=FreshnessLevel(status.level),
        overdue_count=status.overdue_count,
        tracked_count=status.tracked_count,
        last_published_at=status.last_published_at,
        latest_news_at=status.latest_news_at,
    )


def resolve_opd_freshness(root: Any, info: Info) -> OPDFreshness:
    """Return the freshness of the OPD page ``root``; the city's facts load once."""
    batches = _batches(info)
    if "freshness_opds" not in batches:
        batches["freshness_opds"] = facts.opd_freshness_map(
            today=_today(info), policies=_policies(info)
        )
    return to_opd_freshness(batches["freshness_opds"][root.pk])


def _public_page(page_id: strawberry.ID) -> Page | None:
    try:
        pk = int(page_id)
    except (TypeError, ValueError):
        return None
    page = public_pages(Page.objects.filter(pk=pk)).first()
    return page.specific if page else None


@strawberry.type
class FreshnessQuery:
    @strawberry.field(
        description="Freshness of one public page; null when no public page has this id."
    )
    def page_freshness(self, info: Info, id: strawberry.ID) -> PageFreshness | None:
        page = _public_page(id)
        return resolve_page_freshness(page, info) if page else None

    @strawberry.field(
        description="Freshness of one OPD by its slug, e.g. `disdukcapil`; null when "
        "no public OPD has this slug."
    )
    def opd_freshness(self, info: Info, slug: str) -> OPDFreshness | None:
        opd = public_pages(OPDPage.objects.filter(slug=slug)).first()
        return resolve_opd_freshness(opd, info) if opd else None


@strawberry.type(description="The outcome of a citizen's report.")
class ReportOutdatedPayload:
    received: bool = strawberry.field(
        description="True when the report reached the OPD's editors."
    )


@strawberry.type
class FreshnessMutation:
    @strawberry.mutation(
        description="Report that a public page is outdated or wrong. Anonymous; "
        f"the message holds 1 to {MAX_REPORT_MESSAGE_LENGTH} characters and is "
        "read by the page's OPD. `helpful` is the optional 'was this page helpful' "
        "vote. Each client may send a limited number of reports per hour."
    )
    def report_outdated(
        self,
        info: Info,
        page_id: strawberry.ID,
        message: str,
        helpful: bool | None = None,
    ) -> ReportOutdatedPayload:
        request = api_context(info).request
        try:
            submit_outdated_report(
                request, _public_page(page_id), page_id, message, helpful
            )
        except ReportRejected as error:
            raise InvalidInputError(str(error)) from error
        return ReportOutdatedPayload(received=True)
