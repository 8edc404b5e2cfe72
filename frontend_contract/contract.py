"""Checks that keep the exported SDL and the documented operations honest.

Tests call these helpers; ``make schema`` rewrites ``schema.graphql`` after a
deliberate change of the schema.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from graphql import GraphQLSchema, build_schema, find_breaking_changes
from strawberry import Schema
from strawberry.printer import print_schema

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.graphql"


def exported_sdl(schema: Schema) -> str:
    """Return the SDL that ``make schema`` writes for ``schema``."""
    return print_schema(schema)


def sdl_diff(committed: str, current: str) -> str:
    """Return a unified diff from the committed SDL to the current one."""
    lines = difflib.unified_diff(
        committed.splitlines(keepends=True),
        current.splitlines(keepends=True),
        fromfile="frontend_contract/schema.graphql (committed)",
        tofile="schema exported from the code",
    )
    return "".join(lines)


def committed_sdl() -> str:
    """Return the SDL in the last commit, or the file on disk outside a git checkout.

    Comparing with the last commit shows a breaking change even after the
    file on disk was regenerated, until the change is committed on purpose.
    """
    try:
        result = subprocess.run(
            ["git", "show", "HEAD:frontend_contract/schema.graphql"],  # noqa: S607
            cwd=SCHEMA_FILE.parent,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout
    except (OSError, subprocess.CalledProcessError):
        return SCHEMA_FILE.read_text(encoding="utf-8")


def breaking_changes(old_sdl: str, new_schema: GraphQLSchema) -> list[str]:
    """Describe each change from ``old_sdl`` that would break an existing client."""
    old_schema = build_schema(old_sdl)
    return [
        f"{change.type.name}: {change.description}"
        for change in find_breaking_changes(old_schema, new_schema)
    ]
