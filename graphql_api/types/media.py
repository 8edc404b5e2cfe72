"""Images with named renditions, and documents that resolve only when public."""

from __future__ import annotations

import logging
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info
from wagtail.images.exceptions import InvalidFilterSpecError

from ..context import api_context, request_site
from ..links import absolute_media_url, absolute_site_url

logger = logging.getLogger(__name__)


@strawberry.enum(
    description="Named image sizes; arbitrary filter specs are not accepted."
)
class RenditionSize(Enum):
    THUMBNAIL = "thumbnail"
    CARD = "card"
    HERO = "hero"


# Wagtail filter spec behind each size; the client never sends a filter spec.
RENDITION_FILTERS: dict[RenditionSize, str] = {
    RenditionSize.THUMBNAIL: "fill-160x160",
    RenditionSize.CARD: "fill-640x360",
    RenditionSize.HERO: "width-1280",
}


@strawberry.type(description="The focal point of an image, in pixels of the original.")
class FocalPoint:
    x: int
    y: int
    width: int
    height: int


@strawberry.type(description="A resized copy of an image, served from the media host.")
class Rendition:
    url: str
    width: int
    height: int


@strawberry.type(name="Image", description="An image with its alt text and renditions.")
class ImageType:
    _image: strawberry.Private[Any]
    alt_text: str = strawberry.field(
        description="Alt text given for this use, else the image's own description."
    )

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self._image.pk))

    @strawberry.field
    def title(self) -> str:
        return self._image.title

    @strawberry.field
    def width(self) -> int:
        return self._image.width

    @strawberry.field
    def height(self) -> int:
        return self._image.height

    @strawberry.field(
        description="Absolute URL of the original file on the media host."
    )
    def url(self) -> str:
        return absolute_media_url(self._image.file.url)

    @strawberry.field
    def focal_point(self) -> FocalPoint | None:
        image = self._image
        if image.focal_point_x is None or image.focal_point_y is None:
            return None
        return FocalPoint(
            x=image.focal_point_x,
            y=image.focal_point_y,
            width=image.focal_point_width or 0,
            height=image.focal_point_height or 0,
        )

    @strawberry.field(description="A rendition at one of the named sizes.")
    def rendition(self, size: RenditionSize) -> Rendition | None:
        try:
            # A missing source file raises SourceImageIOError, an OSError.
            rendition = self._image.get_rendition(RENDITION_FILTERS[size])
        except (InvalidFilterSpecError, OSError):
            logger.warning(
                "rendition failed image_id=%s size=%s", self._image.pk, size.name
            )
            return None
        return Rendition(
            url=absolute_media_url(rendition.url),
            width=rendition.width,
            height=rendition.height,
        )


def image_or_none(image: Any, alt_text: str = "") -> ImageType | None:
    """Wrap a Wagtail image for GraphQL, or return None for a missing image."""
    if image is None:
        return None
    default_alt = getattr(image, "default_alt_text", "") or image.title
    return ImageType(_image=image, alt_text=alt_text or default_alt)


@strawberry.type(name="Document", description="A downloadable document that is public.")
class DocumentType:
    _document: strawberry.Private[Any]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self._document.pk))

    @strawberry.field
    def title(self) -> str:
        return self._document.title

    @strawberry.field(description="Absolute download URL.")
    def url(self, info: Info) -> str:
        return absolute_site_url(self._document.url, request_site(info))

    @strawberry.field(description="File extension in lower case, e.g. `pdf`.")
    def file_type(self) -> str:
        return self._document.file_extension.lower()

    @strawberry.field(description="File size in bytes, when known.")
    def size(self) -> int | None:
        return self._document.file_size


def public_document_or_none(document: Any, info: Info) -> DocumentType | None:
    """Wrap ``document`` when ``public_documents()`` allows it, else return None."""
    if document is None:
        return None
    visible = api_context(info).public_documents({document.pk})
    if document.pk not in visible:
        return None
    return DocumentType(_document=document)
