from .base import BekasiPage
from .content import (
    CONTENT_PAGE_MODELS,
    AnnouncementPage,
    AnnouncementPageTag,
    EventPage,
    EventPageTag,
    InformationCategory,
    NewsPage,
    NewsPageTag,
    PublicInformationAttachment,
    PublicInformationPage,
    PublicInformationPageTag,
    ServicePage,
    ServicePageTag,
    StandardPage,
)
from .opd import OPDIndexPage, OPDKind, OPDPage
from .regions import Kecamatan, Kelurahan
from .workflow import FourEyesApprovalTask

__all__ = [
    "CONTENT_PAGE_MODELS",
    "AnnouncementPage",
    "AnnouncementPageTag",
    "BekasiPage",
    "EventPage",
    "EventPageTag",
    "FourEyesApprovalTask",
    "InformationCategory",
    "Kecamatan",
    "Kelurahan",
    "NewsPage",
    "NewsPageTag",
    "OPDIndexPage",
    "OPDKind",
    "OPDPage",
    "PublicInformationAttachment",
    "PublicInformationPage",
    "PublicInformationPageTag",
    "ServicePage",
    "ServicePageTag",
    "StandardPage",
]
