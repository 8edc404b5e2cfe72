"""Serve the reference citizen client and the documented GraphQL operations.

The client is static HTML, CSS and JavaScript under ``frontend_contract/client``.
It talks to the public API at ``/graphql/`` only, and it sends only the
operations written in ``frontend_contract/operations/*.graphql``: this module
hands them to the browser, one self-contained document per operation.
"""

import logging
import mimetypes
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import FragmentSpreadNode, Visitor

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
CLIENT_DIR = PACKAGE_DIR / "client"
OPERATIONS_DIR = PACKAGE_DIR / "operations"

# Browsers revalidate the client on each visit, so a deploy shows at once.
REVALIDATE = "no-cache"

# The client runs only its own scripts and styles and talks only to this
# origin. Images may come from a media CDN, so any https source is allowed.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


class OperationsError(ValueError):
    """A problem in the operation files that keeps the client from using them.

    It is raised for a syntax error, an unnamed or duplicate operation, or a
    fragment that no file defines.
    """


class _SpreadCollector(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_args) -> None:
        self.names.add(node.name.value)


def _spread_names(node) -> set[str]:
    collector = _SpreadCollector()
    visit(node, collector)
    return collector.names


def _parse_operation_files(directory: Path) -> list[tuple[str, DocumentNode]]:
    documents = []
    for path in sorted(directory.glob("*.graphql")):
        try:
            documents.append((path.name, parse(path.read_text(encoding="utf-8"))))
        except GraphQLSyntaxError as error:
            raise OperationsError(
                f"Invalid GraphQL in {path.name}: {error.message} "
                f"at {error.locations}. Fix the file so it parses."
            ) from error
    return documents


def _needed_fragments(
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    source: str,
) -> list[FragmentDefinitionNode]:
    """Return the fragments ``operation`` spreads, directly or through others."""
    needed: dict[str, FragmentDefinitionNode] = {}
    pending = sorted(_spread_names(operation))
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        if name not in fragments:
            raise OperationsError(
                f"Fragment {name!r} used in {source} is not defined in any "
                f"operation file. Add it to frontend_contract/operations/."
            )
        needed[name] = fragments[name]
        pending.extend(sorted(_spread_names(fragments[name]) - needed.keys()))
    return [needed[name] for name in sorted(needed)]


def build_operation_documents(directory: Path = OPERATIONS_DIR) -> dict[str, str]:
    """Build one self-contained document per named operation in ``directory``.

    Fragments may live in any operation file. Each document carries the
    fragments its operation needs and no others, so the server can validate
    it alone. Raises ``OperationsError`` on a file that does not parse, an
    unnamed or duplicate operation, or a missing fragment.
    """
    parsed = _parse_operation_files(directory)
    fragments: dict[str, FragmentDefinitionNode] = {}
    operations: dict[str, tuple[str, OperationDefinitionNode]] = {}
    for filename, document in parsed:
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
                continue
            if not isinstance(definition, OperationDefinitionNode):
                continue
            if definition.name is None:
                raise OperationsError(
                    f"Unnamed operation in {filename}: give every operation a name."
                )
            name = definition.name.value
            if name in operations:
                raise OperationsError(
                    f"Operation {name!r} is defined in both {operations[name][0]} "
                    f"and {filename}: rename one of them."
                )
            operations[name] = (filename, definition)

    built = {}
    for name, (filename, operation) in sorted(operations.items()):
        parts = [operation, *_needed_fragments(operation, fragments, filename)]
        built[name] = "\n\n".join(print_ast(part) for part in parts)
    return built


@lru_cache(maxsize=1)
def _cached_operation_documents() -> dict[str, str]:
    return build_operation_documents()


def operation_documents() -> dict[str, str]:
    """Return the operation documents, read once per process unless DEBUG is on."""
    if settings.DEBUG:
        return build_operation_documents()
    return _cached_operation_documents()


def _client_file(relative: str) -> Path:
    """Resolve ``relative`` inside the client folder, or raise Http404."""
    path = (CLIENT_DIR / relative).resolve()
    if not path.is_relative_to(CLIENT_DIR) or not path.is_file():
        raise Http404(f"No client file named {relative!r}.")
    return path


def _file_response(path: Path) -> FileResponse:
    content_type, _ = mimetypes.guess_type(path.name)
    if path.suffix == ".js":
        content_type = "text/javascript"
    response = FileResponse(
        path.open("rb"), content_type=f"{content_type or 'text/plain'}; charset=utf-8"
    )
    response["Cache-Control"] = REVALIDATE
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@ensure_csrf_cookie
def client_index(request: HttpRequest) -> FileResponse:
    """Serve the client's single HTML page, with the CSRF cookie its forms send."""
    response = _file_response(_client_file("index.html"))
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


@require_safe
def client_asset(request: HttpRequest, relative: str) -> FileResponse:
    """Serve one stylesheet, script or image of the client."""
    return _file_response(_client_file(relative))


@require_safe
def client_operations(request: HttpRequest) -> JsonResponse:
    """Return every documented operation, by name, as a GraphQL document."""
    try:
        documents = operation_documents()
    except OperationsError:
        logger.exception("client_operations_invalid directory=%s", OPERATIONS_DIR)
        raise
    response = JsonResponse({"operations": documents})
    response["Cache-Control"] = REVALIDATE
    return response
