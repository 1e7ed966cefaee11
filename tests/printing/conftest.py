"""Fixtures of the printing tests: real dossiers made through the services."""

from __future__ import annotations

from datetime import datetime

import pytest

from motcua_desk.domain.dto import DocumentLine
from motcua_desk.services import IntakeRequest

NAME = "Nguyễn Thị Hằng Đặng"
ADDRESS = "Thôn Địa Cát, xã Vi Hương"
PHONE = "0912345678"
EMAIL = "hang.dang@example.vn"
TP = "Công chức Tư pháp - Hộ tịch"
PROC = "1.004873"  # cấp Giấy xác nhận tình trạng hôn nhân, 3 working days
ALL_FORMS = ["slip", "supplement", "refusal", "apology", "stop", "control"]


@pytest.fixture
def agency(services):
    return services.settings.agency()


@pytest.fixture
def intake(services):
    """intake(**overrides) -> DossierView, a real dossier received now."""

    def make(name: str = NAME, proc: str = PROC, **kw):
        kw.setdefault("address", ADDRESS)
        kw.setdefault("phone", PHONE)
        kw.setdefault("email", EMAIL)
        return services.dossiers.intake(IntakeRequest(proc, name, **kw)).dossier

    return make


def doc(name: str, form: str = "original", count: int = 1) -> DocumentLine:
    return DocumentLine(name, form, "", count)


@pytest.fixture
def for_form(services, clock, intake):
    """for_form(form) -> DossierDetail of a dossier whose history calls for that form."""

    def make(form: str):
        d = intake()
        code = d.code
        if form == "supplement":
            clock.set(datetime(2026, 11, 25, 10, 15))
            services.dossiers.request_supplement(
                code,
                "Thiếu Giấy xác nhận nơi cư trú",
                [
                    doc("Giấy xác nhận thông tin về cư trú"),
                    doc("Trích lục ghi chú ly hôn", "certified_copy", 2),
                ],
                contact_officer="Lý Văn Bình",
                contact_phone="0987654321",
            )
        elif form == "refusal":
            clock.set(datetime(2026, 11, 24, 8, 5))
            services.dossiers.refuse(code, "Yêu cầu không thuộc thẩm quyền giải quyết của xã")
        elif form == "apology":
            clock.set(datetime(2026, 11, 25, 16, 30))
            services.dossiers.extend(
                code,
                datetime(2026, 12, 2, 17, 0),
                "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây",
            )
        elif form == "stop":
            clock.set(datetime(2026, 11, 23, 14, 45))
            services.dossiers.stop(code, "Người nộp đề nghị rút hồ sơ để bổ sung thông tin")
        elif form == "control":
            clock.advance(minutes=40)
            services.dossiers.handoff([code], TP, receiver="Lý Văn Bình")
        return services.dossiers.show(code)

    return make
