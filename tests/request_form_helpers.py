"""The POST data of a valid application, and the challenge a person would have answered."""

import time

from django.core import signing

from disclosure.requests.public import antispam
from disclosure.validators import resident_id_check_char

CITIZEN_ID = "11010519491231002X"  # the GB 11643 example: check character X


def challenge(a: int = 3, b: int = 4, seconds_ago: float = 60) -> str:
    return signing.dumps({"a": a, "b": b, "t": time.time() - seconds_ago}, salt=antispam.SALT)


def resident_id(body: str) -> str:
    return body + resident_id_check_char(body)


def citizen_data(unit, **changes) -> dict:
    data = {
        "unit": str(unit.pk),
        "applicant_kind": "citizen",
        "organisation_type": "",
        "name": "张三",
        "employer": "",
        "id_type": "resident_id",
        "id_number": CITIZEN_ID,
        "legal_representative": "",
        "contact_person": "",
        "phone": "010-12345678",
        "email": "zhangsan@example.com",
        "address": "某区解放路1号",
        "postcode": "100000",
        "subject": "申请公开某路段拓宽工程的立项批复及其附件",
        "document_reference": "",
        "purpose": "",
        "carrier": "electronic",
        "delivery_method": "online",
        "challenge": challenge(),
        "answer": "7",
        "website": "",
        "action": "submit",
    }
    data.update(changes)
    return data


def organisation_data(unit, credit_code: str, **changes) -> dict:
    organisation = {
        "applicant_kind": "organisation",
        "organisation_type": "research",
        "name": "某某环境研究所",
        "id_type": "",
        "id_number": credit_code,
        "legal_representative": "李四",
        "contact_person": "王五",
    }
    return citizen_data(unit, **(organisation | changes))
