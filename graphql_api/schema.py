"""The one public GraphQL schema over every OPD.

Each part of the product contributes its own root type; this module merges
them, so search and freshness fields live next to their code.
"""

import strawberry
from strawberry.tools import merge_types

from opd_pages.freshness.graphql import FreshnessQuery
from search.graphql import SearchQuery


@strawberry.type
class ContentQuery:
    # TODO: content queries are not built yet.
    @strawberry.field(description="Placeholder until content queries exist.")
    def content_ready(self) -> bool:
        return False


Query = merge_types("Query", (ContentQuery, SearchQuery, FreshnessQuery))

schema = strawberry.Schema(query=Query)
