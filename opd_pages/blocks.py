"""StreamField blocks shared by the page models.

Each page type declares its own stream block class, so the GraphQL schema can
expose exactly the block types a field allows: adding a block to one page type
never widens another page type's field.
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "embed",
    "hr",
]


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = "Paragraf"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Gambar")
    caption = blocks.CharBlock(required=False, label="Keterangan")
    alt_text = blocks.CharBlock(
        required=False,
        label="Teks alternatif",
        help_text="Jelaskan isi gambar untuk pembaca layar; kosongkan bila dekoratif.",
    )

    class Meta:
        icon = "image"
        label = "Gambar"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokumen")
    title = blocks.CharBlock(
        required=False,
        label="Judul tampilan",
        help_text="Kosongkan untuk memakai judul dokumen.",
    )

    class Meta:
        icon = "doc-full"
        label = "Dokumen"


class DocumentListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DocumentBlock(), **kwargs)

    class Meta:
        icon = "doc-full-inverse"
        label = "Daftar dokumen"


class TableContentBlock(TableBlock):
    class Meta:
        icon = "table"
        label = "Tabel"


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = "Sematan"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Pertanyaan")
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = "Tanya jawab"


class FAQBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FAQItemBlock(), **kwargs)

    class Meta:
        icon = "help"
        label = "Tanya jawab (FAQ)"


class ContentStreamBlock(blocks.StreamBlock):
    """Body of news, events, public information and plain pages."""

    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    document = DocumentBlock()
    table = TableContentBlock()
    embed = VideoEmbedBlock()


class AnnouncementStreamBlock(blocks.StreamBlock):
    """Body of an announcement: text, pictures and the documents it announces."""

    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    documents = DocumentListBlock()


class ServiceStreamBlock(ContentStreamBlock):
    """Body of a public service page: general content plus questions and answers."""

    faq = FAQBlock()


class ComplaintChannelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Nama kanal")
    url = blocks.URLBlock(required=False, label="Tautan")
    note = blocks.CharBlock(required=False, label="Catatan")

    class Meta:
        icon = "mail"
        label = "Kanal pengaduan"
