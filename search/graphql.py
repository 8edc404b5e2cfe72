"""GraphQL fields for citizen search, merged into the public schema."""

import strawberry


@strawberry.type
class SearchQuery:
    # TODO: the search and autocomplete fields are not built yet.
    @strawberry.field(description="Placeholder until search exists.")
    def search_ready(self) -> bool:
        return False
