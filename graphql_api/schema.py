"""The one public GraphQL schema over every OPD.

Each part of the product contributes its own root type; this module merges
them, so search and freshness fields live next to their code.
"""

from strawberry.tools import merge_types

from graphql_api.extensions import PublicSchema, schema_extensions
from graphql_api.queries import ContentQuery
from graphql_api.types.pages import ALL_PAGE_TYPES
from opd_pages.freshness.graphql import FreshnessMutation, FreshnessQuery
from search.graphql import SearchQuery

Query = merge_types("Query", (ContentQuery, SearchQuery, FreshnessQuery))
Mutation = merge_types("Mutation", (FreshnessMutation,))

# Page types are reached through the Page interface, so they are listed here.
schema = PublicSchema(
    query=Query,
    mutation=Mutation,
    types=ALL_PAGE_TYPES,
    extensions=schema_extensions(),
)
