"""A year of online 依申请公开 requests in every handling state, for the demo.

Each request is walked through ``disclosure.requests.workflow.transition`` step by step, so
its timeline, audit log and clock look like those of a request handled in the admin; the
dates of the steps are set back to when they would have happened. Names, numbers and
addresses are invented.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from disclosure.models import (
    ApplicantType,
    IdentityDocument,
    InformationRequest,
    RequestApplicant,
    RequestDocument,
    RequestEvent,
    RequestOutcome,
    RequestPause,
    RequestStatus,
    workday_calendar,
)
from disclosure.models.request_fees import issue_fee_notice
from disclosure.requests.fees import quote_fee
from disclosure.requests.staff.letter import reply_letter_file
from disclosure.requests.workflow import new_query_code, record_submission, transition

S = RequestStatus

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"]
ORGANISATIONS = [
    (ApplicantType.COMMERCIAL, "某某建设工程有限公司"),
    (ApplicantType.LEGAL_SERVICE, "某某律师事务所"),
    (ApplicantType.RESEARCH, "某大学公共管理学院课题组"),
    (ApplicantType.PUBLIC_INTEREST, "某某环保公益服务中心"),
]
SUBJECTS = [
    "某小区老旧小区改造项目的实施方案和资金安排",
    "本街道2025年度最低生活保障对象的审核确认情况（不含个人信息）",
    "某道路拓宽工程的立项批复和征收补偿方案",
    "某地块国有土地使用权出让合同",
    "区教育局关于义务教育学区划分的文件",
    "某企业安全生产行政处罚决定书",
    "区级部门预算中三公经费的支出明细",
    "某河道综合整治工程的环境影响评价批复",
]

# (target state, how many, days back the request was received: (earliest, latest))
PLAN = [
    (S.REGISTERED, 2, (0, 2)),
    (S.ACCEPTED, 2, (2, 6)),
    (S.PROCESSING, 4, (5, 25)),
    (S.AWAITING_SUPPLEMENT, 2, (8, 20)),
    (S.CONSULTING, 2, (10, 25)),
    (S.EXTENDED, 2, (28, 40)),
    (S.AWAITING_FEE, 1, (15, 25)),
    (S.REPLIED, 5, (30, 90)),
    (S.WITHDRAWN, 1, (40, 200)),
    (S.NOT_ACCEPTED, 1, (60, 200)),
    (S.ARCHIVED, 14, (90, 360)),
]
REPLY_OUTCOMES = [
    RequestOutcome.DISCLOSED,
    RequestOutcome.DISCLOSED,
    RequestOutcome.PARTLY_DISCLOSED,
    RequestOutcome.UNABLE_NOT_HELD,
    RequestOutcome.REFUSED_PROCESS_INFORMATION,
    RequestOutcome.NOT_PROCESSED_REPEAT,
]


def resident_id(rng: random.Random) -> str:
    """An invented 居民身份证号码 with a valid check character (GB 11643)."""
    body = "330199" + f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def _applicant(rng: random.Random, number: int) -> tuple[str, dict]:
    if number % 5 == 4:
        applicant_type, name = ORGANISATIONS[number % len(ORGANISATIONS)]
        return applicant_type, {
            "name": name,
            "id_number": "",
            "contact_person": rng.choice(SURNAMES) + "先生",
            "phone": f"0571-8{rng.randint(1000000, 9999999)}",
            "email": f"office{number}@example.com",
            "address": "某市某区某路 100 号",
        }
    return ApplicantType.NATURAL_PERSON, {
        "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "id_type": IdentityDocument.RESIDENT_ID,
        "id_number": resident_id(rng),
        "phone": f"13{rng.randint(100000000, 999999999)}",
        "email": f"applicant{number}@example.com",
        "address": f"某区某街道某小区 {rng.randint(1, 30)} 幢",
    }


def _path(target: S) -> list[S]:
    if target == S.NOT_ACCEPTED:
        return [S.NOT_ACCEPTED]
    if target == S.REGISTERED:
        return []
    if target == S.ACCEPTED:
        return [S.ACCEPTED]
    if target == S.WITHDRAWN:
        return [S.ACCEPTED, S.PROCESSING, S.WITHDRAWN]
    if target == S.AWAITING_SUPPLEMENT:
        return [S.ACCEPTED, S.AWAITING_SUPPLEMENT]
    if target == S.ARCHIVED:
        return [S.ACCEPTED, S.PROCESSING, S.REPLIED, S.ARCHIVED]
    steps = [S.ACCEPTED, S.PROCESSING]
    return steps if target == S.PROCESSING else steps + [target]


def ensure_requests(units, rng: random.Random) -> int:
    """Create the demo's online requests once; the number created."""
    if InformationRequest.objects.filter(query_code__isnull=False).exists():
        return 0
    calendar = workday_calendar()
    today = timezone.localdate()
    clerk = get_user_model().objects.filter(is_superuser=True).first()
    unit_list = list(units)
    number = 0
    for target, count, (latest, earliest) in PLAN:
        for _ in range(count):
            number += 1
            received = today - datetime.timedelta(days=rng.randint(latest, earliest))
            while not calendar.is_workday(received):
                received -= datetime.timedelta(days=1)
            _walk(_new_request(rng, unit_list, received, number), target, calendar, clerk, rng)
    return number


def _new_request(rng, units, received: datetime.date, number: int) -> InformationRequest:
    applicant_type, applicant = _applicant(rng, number)
    submitted = timezone.make_aware(
        datetime.datetime.combine(received, datetime.time(9 + number % 8, 10 + number % 40))
    )
    request = InformationRequest.objects.create(
        unit=rng.choice(units),
        received_date=received,
        channel=InformationRequest.Channel.ONLINE,
        applicant_type=applicant_type,
        subject=f"申请公开{rng.choice(SUBJECTS)}",
        query_code=new_query_code(),
        submitted_at=submitted,
    )
    RequestApplicant.objects.create(request=request, **applicant)
    record_submission(request)
    return request


def _walk(request, target: S, calendar, clerk, rng: random.Random) -> None:
    day = request.received_date
    for step in _path(target):
        day = min(calendar.add_workdays(day, rng.randint(1, 3)), timezone.localdate())
        note = _prepare(request, step, day, calendar, rng)
        actor = None if step == S.WITHDRAWN else clerk  # the applicant withdraws online
        event = transition(request, step, user=actor, note=note)
        RequestEvent.objects.filter(pk=event.pk).update(
            at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 30)))
        )
        if step == S.REPLIED:
            _store_reply_letter(request, clerk, day)


def _store_reply_letter(request, clerk, day: datetime.date) -> None:
    """The letter the applicant opens on the status page, as the reply step keeps it."""
    filename, pdf = reply_letter_file(request, reason="所需信息见答复书附件。")
    RequestDocument.objects.create(
        request=request,
        kind=RequestDocument.Kind.REPLY_LETTER,
        title="政府信息公开申请答复书",
        file=ContentFile(pdf, name=filename),
        created_by=clerk,
        delivery_method=request.delivery_method,
        delivered_on=day,
    )


def _prepare(request, step: S, day: datetime.date, calendar, rng) -> str:
    """Set the fields that go with ``step`` (taken on ``day``); the note of the step."""
    if step == S.AWAITING_SUPPLEMENT:
        request.supplement_requested = day
        request.supplement_due = calendar.add_workdays(day, 15)
        return "请补充所需信息的具体名称、文号或者便于查询的其他特征性描述。"
    if step == S.CONSULTING:
        request.save()
        RequestPause.objects.create(request=request, start=day, consulted="某某置业有限公司")
        return "申请公开的信息涉及第三方商业秘密，书面征求第三方意见。"
    if step == S.EXTENDED:
        request.extension_workdays = 20
        return "需调取档案并区分处理，经信息公开工作机构负责人同意延长答复期限20个工作日。"
    if step == S.AWAITING_FEE:
        request.save()
        issue_fee_notice(request, quote_fee(requests=1, earlier_requests=12), issued=day)
        return "申请人本月申请数量明显超过合理范围，按件计收信息处理费。"
    if step == S.REPLIED:
        request.outcome = rng.choice(REPLY_OUTCOMES)
        request.closed_date = day
        return "已作出答复并送达。"
    if step == S.WITHDRAWN:
        request.outcome = RequestOutcome.OTHER
        request.closed_date = day
        return "申请人申请撤回。"
    if step == S.NOT_ACCEPTED:
        request.outcome = RequestOutcome.NOT_PROCESSED_PETITION
        request.closed_date = day
        return "申请内容为投诉举报，已告知通过信访渠道提出。"
    return ""
