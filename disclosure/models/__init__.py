from ..dashboard.models import SchedulerHeartbeat
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
from .letter_templates import LetterTemplate
from .pages import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
)
from .registers import InformationRequest, ReviewCase
from .report_submissions import ReportSubmission
from .reports import EnforcementRecord, StatisticsPage
from .request_fees import FeeNotice, FeeNoticeStatus, lapsed_notices
from .request_files import RequestDocument
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
from .units import DisclosureUnit, UnitLeader
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
    "RequestDocument",
    "RequestEvent",
    "RequestPause",
    "RequestStatus",
    "UnitGroup",
    "UnitRole",
    "DocumentType",
    "EnforcementRecord",
    "FeeNotice",
    "FeeNoticeStatus",
    "InformationRequest",
    "RequestOutcome",
    "ReportSubmission",
    "ReviewCase",
    "ReviewKind",
    "ReviewResult",
    "SchedulerHeartbeat",
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
    "LetterTemplate",
    "PendingSearchUpdate",
    "ReportCategory",
    "Topic",
    "UnitLeader",
    "Validity",
    "WorkdayOverride",
    "lapsed_notices",
    "workday_calendar",
]
