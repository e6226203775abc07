from .annual_report import AnnualReportPage
from .attachments import DisclosureAttachment
from .choices import (
    ApplicantType,
    DocumentType,
    Genre,
    InterpretationKind,
    RequestOutcome,
    ReviewKind,
    ReviewResult,
    Validity,
)
from .interpretations import InterpretationLink
from .pages import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
)
from .registers import InformationRequest, ReviewCase
from .reports import EnforcementRecord, StatisticsPage
from .requests import (
    Carrier,
    DeliveryMethod,
    IdentityDocument,
    RequestApplicant,
    RequestEvent,
    RequestPause,
    RequestStatus,
)
from .review import (
    ConfidentialityReview,
    ConfidentialityReviewTask,
    UnitApprovalTask,
)
from .search_queue import PendingSearchUpdate
from .sequences import IndexNumberSequence
from .taxonomy import ReportCategory, Topic
from .unit_groups import UnitGroup, UnitRole
from .units import DisclosureUnit
from .workdays import WorkdayOverride, workday_calendar

__all__ = [
    "AnnualReportPage",
    "ApplicantType",
    "Carrier",
    "ConfidentialityReview",
    "ConfidentialityReviewTask",
    "UnitApprovalTask",
    "DeliveryMethod",
    "IdentityDocument",
    "RequestApplicant",
    "RequestEvent",
    "RequestPause",
    "RequestStatus",
    "UnitGroup",
    "UnitRole",
    "DocumentType",
    "EnforcementRecord",
    "InformationRequest",
    "RequestOutcome",
    "ReviewCase",
    "ReviewKind",
    "ReviewResult",
    "StatisticsPage",
    "DisclosureAttachment",
    "DisclosureColumnPage",
    "DisclosureDocumentPage",
    "DisclosureIndexPage",
    "DisclosureUnit",
    "Genre",
    "IndexNumberSequence",
    "InterpretationKind",
    "InterpretationLink",
    "PendingSearchUpdate",
    "ReportCategory",
    "Topic",
    "Validity",
    "WorkdayOverride",
    "workday_calendar",
]
