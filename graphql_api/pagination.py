"""Relay-style connections with offset cursors over a deterministic ordering.

Every listing orders by its sort keys and then by primary key, so a cursor
(the position of an item in that ordering) never skips or repeats an item
while the data does not change.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry

from .conf import api_settings
from .errors import InvalidInputError

NodeType = TypeVar("NodeType")

CURSOR_PREFIX = "offset:"


@strawberry.type(description="Where a page of results sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="A node with the cursor that points at it.")
class Edge(Generic[NodeType]):
    cursor: str
    node: NodeType


@strawberry.type(description="One page of a list, with the total number of nodes.")
class Connection(Generic[NodeType]):
    edges: list[Edge[NodeType]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Distinct nodes in the whole list.")

    @strawberry.field(description="The nodes of `edges`, without cursors.")
    def nodes(self) -> list[NodeType]:
        return [edge.node for edge in self.edges]


# TODO: cursors are offsets, so a page published between two requests shifts
# the next page by one item. Keyset cursors (sort key plus id) would not.
def encode_cursor(offset: int) -> str:
    """Return the opaque cursor for the item at ``offset`` (0-based)."""
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    """Return the offset stored in ``cursor``; raise InvalidInputError if malformed."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if text.startswith(CURSOR_PREFIX):
            offset = int(text[len(CURSOR_PREFIX) :])
            if offset >= 0:
                return offset
    except (ValueError, UnicodeError):
        pass
    raise InvalidInputError(
        f"Invalid cursor {cursor!r}: pass an `endCursor` from a previous response."
    )


@dataclass(frozen=True)
class Window:
    """The slice of a list that ``first`` and ``after`` select."""

    offset: int
    limit: int


def page_window(first: int | None, after: str | None) -> Window:
    """Validate ``first``/``after`` and return the slice they select."""
    settings = api_settings()
    if first is None:
        first = settings.default_page_size
    if first < 1 or first > settings.max_page_size:
        raise InvalidInputError(
            f"Invalid `first` {first}: ask for 1 to {settings.max_page_size} items "
            "and page with `after`."
        )
    offset = decode_cursor(after) + 1 if after else 0
    return Window(offset=offset, limit=first)


def build_connection(nodes: list, total_count: int, window: Window) -> Connection:
    """Wrap one page of ``nodes`` that starts at ``window.offset``."""
    edges = [
        Edge(cursor=encode_cursor(window.offset + index), node=node)
        for index, node in enumerate(nodes)
    ]
    return Connection(
        edges=edges,
        total_count=total_count,
        page_info=PageInfo(
            has_next_page=window.offset + len(nodes) < total_count,
            has_previous_page=window.offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
