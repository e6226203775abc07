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
from .pages import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
)
from .registers import InformationRequest, ReviewCase
from .reports import EnforcementRecord, StatisticsPage
from .search_queue import PendingSearchUpdate
from .sequences import IndexNumberSequence
from .taxonomy import ReportCategory, Topic
from .units import DisclosureUnit
from .workdays import WorkdayOverride, workday_calendar

__all__ = [
    "AnnualReportPage",
    "ApplicantType",
    "DocumentType",
    "EnforcementRecord",
    "InformationRequest",
    "RequestOutcome",
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
    "PendingSearchUpdate",
    "ReportCategory",
    "Topic",
    "Validity",
    "WorkdayOverride",
    "workday_calendar",
]
