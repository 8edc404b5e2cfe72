"""StreamField content as typed GraphQL blocks.

Each StreamBlock class of ``opd_pages.blocks`` gets its own union of exactly
the block types it allows, built from the block's children at import time.
Adding a block to one page type's stream therefore widens only that page
type's field. A block class without a GraphQL type fails the import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Union

import strawberry
from strawberry.types import Info
from wagtail import blocks as wagtail_blocks
from wagtail.embeds.exceptions import EmbedException

from opd_pages import blocks as page_blocks

from ..context import api_context, request_site
from ..richtext import render_rich_text
from .media import DocumentType, ImageType, image_or_none, public_document_or_none


@strawberry.interface(description="Fields every StreamField block has.")
class StreamFieldBlock:
    id: str = strawberry.field(description="Stable id of the block within its field.")
    block_type: str = strawberry.field(description="Name of the block in its field.")


@strawberry.type(description="Rich text as browser-ready HTML.")
class ParagraphBlock(StreamFieldBlock):
    _source: strawberry.Private[str]

    @strawberry.field
    def html(self, info: Info) -> str:
        return render_rich_text(self._source, api_context(info), request_site(info))


@strawberry.type(description="An image with its caption.")
class ImageBlock(StreamFieldBlock):
    image: ImageType | None
    caption: str


@strawberry.type(description="One document with its display title.")
class DocumentBlock(StreamFieldBlock):
    _document: strawberry.Private[Any]
    _title: strawberry.Private[str]

    @strawberry.field(description="The document, or null when it is not public.")
    def document(self, info: Info) -> DocumentType | None:
        return public_document_or_none(self._document, info)

    @strawberry.field(description="Display title, else the public document's title.")
    def title(self, info: Info) -> str:
        document = self.document(info)
        if self._title or document is None:
            return self._title
        return document.title()


@strawberry.type(description="A list of documents.")
class DocumentListBlock(StreamFieldBlock):
    items: list[DocumentBlock]


@strawberry.type(description="A table; cells are plain text, empty cells null.")
class TableBlock(StreamFieldBlock):
    rows: list[list[str | None]]
    first_row_is_header: bool
    first_column_is_header: bool
    caption: str


@strawberry.type(description="Embedded media such as a video.")
class EmbedBlock(StreamFieldBlock):
    url: str
    _value: strawberry.Private[Any]

    # Named apart from ParagraphBlock.html (non-null), so one selection on
    # the union can ask for both without a field conflict.
    @strawberry.field(description="Embed HTML from the provider, null if unavailable.")
    def embed_html(self) -> str | None:
        try:
            return self._value.html if self._value is not None else None
        except EmbedException:
            return None


@strawberry.type(description="One question with its answer.")
class FAQItem:
    question: str
    _answer: strawberry.Private[str]

    @strawberry.field(description="The answer as browser-ready HTML.")
    def answer_html(self, info: Info) -> str:
        return render_rich_text(self._answer, api_context(info), request_site(info))


@strawberry.type(description="Frequently asked questions.")
class FAQBlock(StreamFieldBlock):
    items: list[FAQItem]


def _rich_text_source(value: Any) -> str:
    return getattr(value, "source", value) or ""


def _paragraph(block_id: str, name: str, value: Any) -> ParagraphBlock:
    return ParagraphBlock(
        id=block_id, block_type=name, _source=_rich_text_source(value)
    )


def _image(block_id: str, name: str, value: Any) -> ImageBlock:
    image = image_or_none(value.get("image"), value.get("alt_text") or "")
    return ImageBlock(
        id=block_id, block_type=name, image=image, caption=value.get("caption") or ""
    )


def _document(block_id: str, name: str, value: Any) -> DocumentBlock:
    return DocumentBlock(
        id=block_id,
        block_type=name,
        _document=value.get("document"),
        _title=value.get("title") or "",
    )


def _document_list(block_id: str, name: str, value: Any) -> DocumentListBlock:
    items = [
        _document(child.id or f"{block_id}-{index}", "document", child.value)
        for index, child in enumerate(value.bound_blocks)
    ]
    return DocumentListBlock(id=block_id, block_type=name, items=items)


def _table(block_id: str, name: str, value: Any) -> TableBlock:
    value = value or {}
    rows = [
        [None if cell in (None, "") else str(cell) for cell in row]
        for row in value.get("data") or []
    ]
    return TableBlock(
        id=block_id,
        block_type=name,
        rows=rows,
        first_row_is_header=bool(value.get("first_row_is_table_header")),
        first_column_is_header=bool(value.get("first_col_is_header")),
        caption=value.get("table_caption") or "",
    )


def _embed(block_id: str, name: str, value: Any) -> EmbedBlock:
    url = getattr(value, "url", "") or ""
    return EmbedBlock(id=block_id, block_type=name, url=url, _value=value)


def _faq(block_id: str, name: str, value: Any) -> FAQBlock:
    items = [
        FAQItem(
            question=item.get("question") or "",
            _answer=_rich_text_source(item.get("answer")),
        )
        for item in value
    ]
    return FAQBlock(id=block_id, block_type=name, items=items)


BlockBuilder = Callable[[str, str, Any], StreamFieldBlock]

# GraphQL type and builder for each block class the page models use.
BLOCK_TYPES: dict[type[wagtail_blocks.Block], tuple[type, BlockBuilder]] = {
    page_blocks.ParagraphBlock: (ParagraphBlock, _paragraph),
    page_blocks.ImageBlock: (ImageBlock, _image),
    page_blocks.DocumentBlock: (DocumentBlock, _document),
    page_blocks.DocumentListBlock: (DocumentListBlock, _document_list),
    page_blocks.TableContentBlock: (TableBlock, _table),
    page_blocks.VideoEmbedBlock: (EmbedBlock, _embed),
    page_blocks.FAQBlock: (FAQBlock, _faq),
}


def _entry(block: wagtail_blocks.Block) -> tuple[type, BlockBuilder]:
    try:
        return BLOCK_TYPES[type(block)]
    except KeyError:
        raise TypeError(
            f"Block class {type(block).__name__} has no GraphQL type: "
            "add it to graphql_api.types.blocks.BLOCK_TYPES."
        ) from None


def stream_union(stream_block: type[wagtail_blocks.StreamBlock], name: str) -> Any:
    """Build the union of the GraphQL types of ``stream_block``'s children."""
    members = tuple(
        dict.fromkeys(
            _entry(child)[0] for child in stream_block().child_blocks.values()
        )
    )
    description = f"A block of a {stream_block.__name__} field."
    return Annotated[
        Union[members],  # noqa: UP007
        strawberry.union(name, description=description),
    ]


ContentBlock = stream_union(page_blocks.ContentStreamBlock, "ContentBlock")
AnnouncementBlock = stream_union(
    page_blocks.AnnouncementStreamBlock, "AnnouncementBlock"
)
ServiceBlock = stream_union(page_blocks.ServiceStreamBlock, "ServiceBlock")


def stream_blocks(stream_value: Any, info: Info) -> list[Any]:
    """Convert a StreamValue to GraphQL blocks, checking its documents in one query."""
    children = list(stream_value)
    document_ids = set()
    for child in children:
        if isinstance(child.block, page_blocks.DocumentBlock) and child.value.get(
            "document"
        ):
            document_ids.add(child.value["document"].pk)
        if isinstance(child.block, page_blocks.DocumentListBlock):
            document_ids.update(
                item["document"].pk for item in child.value if item.get("document")
            )
    if document_ids:
        api_context(info).public_documents(document_ids)
    return [
        _entry(child.block)[1](child.id or "", child.block_type, child.value)
        for child in children
    ]
