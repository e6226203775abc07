"""Table B from requests registered as the online form registers them and handled through
the staff views end to end, including the rows carried over 1 January (上年结转 and
结转下年度), compared with counts stated by hand."""

import datetime

from disclosure.models import ApplicantType, InformationRequest, RequestStatus
from disclosure.statistics.tables import table_b

from .request_staff import post_step, submit

D = datetime.date
A = ApplicantType
COLUMNS = [A.NATURAL_PERSON, A.COMMERCIAL, A.RESEARCH, A.PUBLIC_INTEREST, A.LEGAL_SERVICE, A.OTHER]


def walk(client, row, *steps):
    for name, data in steps:
        response = post_step(client, row, name, data)
        assert response.status_code == 302, (name, response.content.decode()[-3000:])
    row.refresh_from_db()
    return row


def reply(outcome: str, day: str) -> tuple:
    return (
        "reply",
        {"outcome": outcome, "closed_on": day, "delivery_method": "post", "delivered_on": day},
    )


ACCEPT = ("accept", {"note": "材料齐全"})
PROCESS = ("process", {})


def cells(table, key: str) -> dict:
    """The row as {applicant type: count} without zeros, and its 总计."""
    values = table.row(key).cells
    counts = {t: v for t, v in zip(COLUMNS, values[:-1], strict=True) if v}
    return {**counts, "total": values[-1]}


def test_table_b_from_requests_handled_through_the_views(
    client, handler, unit, other_unit, private_media
):
    client.force_login(handler)
    # received 2025, replied 2025
    r1 = submit(unit, D(2025, 12, 10), subject="r1")
    walk(client, r1, ACCEPT, PROCESS, reply("disclosed", "2025-12-19"), ("archive", {}))
    # received 2025, extended, replied partly in January 2026: open across 1 January
    r2 = submit(unit, D(2025, 12, 15), applicant_type=A.COMMERCIAL, subject="r2")
    walk(
        client,
        r2,
        ACCEPT,
        PROCESS,
        (
            "extend",
            {"workdays": "10", "approver": "主任", "reason": "量大", "decided_on": "2025-12-30"},
        ),
        reply("partly_disclosed", "2026-01-12"),
    )
    # 补正 notice in 2025, never supplemented: closed in 2026 under （六）1
    r3 = submit(unit, D(2025, 12, 22), subject="r3")
    walk(
        client,
        r3,
        ("supplement", {"sent_on": "2025-12-24", "due": "2026-01-09", "items": "请写明文件名称"}),
        ("unsupplemented", {"closed_on": "2026-01-12"}),
    )
    # received 2025 and still being handled now
    r6 = submit(unit, D(2025, 11, 3), applicant_type=A.LEGAL_SERVICE, subject="r6")
    walk(client, r6, ACCEPT, PROCESS)
    # 2026: a 信访 complaint not accepted, a withdrawal, a consultation, an unpaid fee
    r4 = submit(unit, D(2026, 3, 2), applicant_type=A.RESEARCH, subject="r4")
    walk(
        client,
        r4,
        (
            "not_accept",
            {"outcome": "not_processed_petition", "closed_on": "2026-03-03", "reason": "信访"},
        ),
    )
    r5 = submit(unit, D(2026, 4, 1), subject="r5")
    walk(client, r5, ACCEPT, ("withdraw", {"closed_on": "2026-04-03", "note": "来电撤回"}))
    r7 = submit(unit, D(2026, 5, 6), applicant_type=A.PUBLIC_INTEREST, subject="r7")
    walk(
        client,
        r7,
        ACCEPT,
        PROCESS,
        ("consult", {"kind": "third_party", "consulted": "某公司", "sent_on": "2026-05-08"}),
        ("consulted", {"answered_on": "2026-05-20"}),
        reply("unable_not_held", "2026-06-10"),
    )
    r8 = submit(unit, D(2026, 6, 1), subject="r8")
    walk(
        client,
        r8,
        ACCEPT,
        PROCESS,
        # 40 pages: pages 31–40 at 10 yuan = 100 yuan, due 20 working days after 6/3 (7/2)
        ("fee", {"method": "per_page", "quantity": "40", "issued_on": "2026-06-03"}),
        ("fee_unpaid", {"closed_on": "2026-07-15"}),
    )
    # another unit's request: in the district's table, not in this unit's
    submit(other_unit, D(2026, 2, 2), subject="r9")

    assert InformationRequest.objects.get(pk=r1.pk).status == RequestStatus.ARCHIVED

    # 2025, by hand: received r1, r3 (自然人), r2 (商业企业), r6 (法律服务机构); only r1
    # closed in 2025 (予以公开); r2, r3, r6 open on 31 December → 结转下年度.
    t2025 = table_b(2025, unit)
    assert cells(t2025, "received") == {
        A.NATURAL_PERSON: 2,
        A.COMMERCIAL: 1,
        A.LEGAL_SERVICE: 1,
        "total": 4,
    }
    assert cells(t2025, "carried_over") == {"total": 0}
    assert cells(t2025, "disclosed") == {A.NATURAL_PERSON: 1, "total": 1}
    assert cells(t2025, "results_total") == {A.NATURAL_PERSON: 1, "total": 1}
    assert cells(t2025, "carried_forward") == {
        A.NATURAL_PERSON: 1,
        A.COMMERCIAL: 1,
        A.LEGAL_SERVICE: 1,
        "total": 3,
    }

    # 2026, by hand: received r4 (科研机构), r5, r8 (自然人), r7 (社会公益组织); carried
    # over r2, r3, r6; closed r2 部分公开, r3 （六）1, r4 （五）1, r5 （六）3 其他,
    # r7 （四）1, r8 （六）2; r6 still open → 结转下年度. 4 + 3 = 6 + 1.
    t2026 = table_b(2026, unit)
    assert cells(t2026, "received") == {
        A.NATURAL_PERSON: 2,
        A.RESEARCH: 1,
        A.PUBLIC_INTEREST: 1,
        "total": 4,
    }
    assert cells(t2026, "carried_over") == {
        A.NATURAL_PERSON: 1,
        A.COMMERCIAL: 1,
        A.LEGAL_SERVICE: 1,
        "total": 3,
    }
    assert cells(t2026, "partly_disclosed") == {A.COMMERCIAL: 1, "total": 1}
    assert cells(t2026, "other_no_supplement") == {A.NATURAL_PERSON: 1, "total": 1}
    assert cells(t2026, "not_processed_petition") == {A.RESEARCH: 1, "total": 1}
    assert cells(t2026, "other") == {A.NATURAL_PERSON: 1, "total": 1}
    assert cells(t2026, "unable_not_held") == {A.PUBLIC_INTEREST: 1, "total": 1}
    assert cells(t2026, "other_fee_unpaid") == {A.NATURAL_PERSON: 1, "total": 1}
    assert cells(t2026, "disclosed") == {"total": 0}
    assert cells(t2026, "results_total")["total"] == 6
    assert cells(t2026, "carried_forward") == {A.LEGAL_SERVICE: 1, "total": 1}
    assert t2026.closed_requests == 6
    # the district's table also has the other unit's r9
    assert cells(table_b(2026), "received")["total"] == 5
