"""GraphQL fields for content freshness and citizen feedback."""

import strawberry


@strawberry.type
class FreshnessQuery:
    # TODO: freshness fields are not built yet.
    @strawberry.field(description="Placeholder until freshness exists.")
    def freshness_ready(self) -> bool:
        return False
