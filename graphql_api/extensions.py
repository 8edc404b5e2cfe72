"""Schema extensions: query limits, error masking and the introspection switch."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import FragmentDefinitionNode, FragmentSpreadNode, GraphQLError, visit
from graphql.language import Visitor
from graphql.validation import (
    NoSchemaIntrospectionCustomRule,
    ValidationContext,
    ValidationRule,
)
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.types import ExecutionContext

from .conf import api_settings
from .errors import InvalidInputError
from .views import has_session

logger = logging.getLogger(__name__)

MASKED_MESSAGE = "Internal server error. Quote the correlation id when reporting it."


def _is_client_error(error: GraphQLError) -> bool:
    original = error.original_error
    # Validation and parse errors carry no original error. They describe the
    # request, not the server, so they stay visible.
    return original is None or isinstance(original, InvalidInputError | GraphQLError)


class MaskUnexpectedErrors(SchemaExtension):
    """Replace server errors by a generic message and a correlation id.

    The full exception is logged with the same id, so an operator can find it
    from a client's report; the response never shows SQL, file paths or
    exception class names. Off when ``GRAPHQL_MASK_ERRORS`` is false.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors or not api_settings().mask_errors:
            return
        result.errors = [self._mask(error) for error in errors]

    def _mask(self, error: GraphQLError) -> GraphQLError:
        if _is_client_error(error):
            return error
        correlation_id = uuid.uuid4().hex
        logger.error(
            "graphql resolver failed correlation_id=%s path=%s",
            correlation_id,
            ".".join(str(part) for part in error.path or []),
            exc_info=error.original_error,
        )
        return GraphQLError(
            MASKED_MESSAGE,
            nodes=error.nodes,
            path=error.path,
            extensions={
                "code": "INTERNAL_SERVER_ERROR",
                "correlationId": correlation_id,
            },
        )


def introspection_allowed(request: Any) -> bool:
    """Whether ``request`` may introspect the schema under ``GRAPHQL_INTROSPECTION``."""
    policy = api_settings().introspection
    if policy == "always":
        return True
    if policy == "authenticated":
        if request is None or not has_session(request):
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.is_staff)
    return False


# graphql-core appends "Did you mean 'page' or 'pages'?" and similar hints to
# messages about unknown fields, arguments, types and enum values.
SUGGESTION = re.compile(r"\s*Did you mean .*\?$", re.DOTALL)


def without_suggestions(error: GraphQLError) -> GraphQLError:
    """Return ``error`` without graphql-core's "Did you mean ...?" hint."""
    message = SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions=error.extensions,
    )


class IntrospectionSwitch(SchemaExtension):
    """Reject introspection from clients the setting does not allow.

    Those clients also get error messages without "Did you mean ...?" hints,
    because the hints name fields, arguments and enum values of the schema.
    """

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        request = getattr(context, "request", None)
        if request is None and isinstance(context, dict):
            request = context.get("request")
        allowed = introspection_allowed(request)
        if not allowed:
            self.execution_context.validation_rules = (
                *self.execution_context.validation_rules,
                NoSchemaIntrospectionCustomRule,
            )
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if allowed or not errors:
            return
        result.errors = [without_suggestions(error) for error in errors]


class _FragmentSpreadCollector(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *args: Any) -> None:
        self.names.add(node.name.value)


def has_unknown_fragment(context: ValidationContext) -> bool:
    """Return whether the document spreads a fragment it does not define."""
    definitions = context.document.definitions
    defined = {
        node.name.value
        for node in definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    collector = _FragmentSpreadCollector()
    visit(context.document, collector)
    return bool(collector.names - defined)


class DepthLimiter(QueryDepthLimiter):
    """Strawberry's depth limit, skipped for documents with an unknown fragment.

    Strawberry's rule looks every spread fragment up by name and fails with a
    bare KeyError (the message "'NewsCard'") on an undefined one. GraphQL's
    own rule then reports "Unknown fragment 'NewsCard'." instead, and such a
    document is rejected before it runs, so skipping the depth count is safe.
    """

    def __init__(self, max_depth: int) -> None:
        super().__init__(max_depth=max_depth)
        (depth_rule,) = self.validation_rules

        class GuardedDepthRule(depth_rule):  # type: ignore[misc, valid-type]
            def __init__(self, context: ValidationContext) -> None:
                if has_unknown_fragment(context):
                    ValidationRule.__init__(self, context)
                    return
                super().__init__(context)

        self.validation_rules = [GuardedDepthRule]


def schema_extensions() -> list:
    """Return extension factories; each request reads its limits from the settings."""
    return [
        lambda: DepthLimiter(max_depth=api_settings().max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=api_settings().max_aliases),
        lambda: MaxTokensLimiter(max_token_count=api_settings().max_tokens),
        IntrospectionSwitch,
        MaskUnexpectedErrors,
    ]


class PublicSchema(strawberry.Schema):
    """Strawberry's schema with client errors logged as one INFO line.

    Strawberry logs every error with its traceback at ERROR level. Errors in
    the request (unknown field, invalid argument, a limit) are not server
    faults, and masked errors are already logged with their correlation id.
    """

    def process_errors(
        self,
        errors: list[GraphQLError],
        execution_context: ExecutionContext | None = None,
    ) -> None:
        unexpected = []
        for error in errors:
            if (error.extensions or {}).get("code") == "INTERNAL_SERVER_ERROR":
                continue
            if _is_client_error(error):
                logger.info("graphql request error message=%s", error.message)
            else:
                unexpected.append(error)
        if unexpected:
            super().process_errors(unexpected, execution_context)
