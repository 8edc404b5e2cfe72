"""The GraphQL type of each page model, filled in by ``graphql_api.types.pages``."""

from typing import Any

PAGE_TYPES: dict[type, Any] = {}
