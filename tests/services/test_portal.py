"""Issue 14, the exchange with the provincial system: `export portal` writes the period's
dossiers in the portal's shape through the versioned mapping, valid against the JSON Schema
written from the field list; `import portal` receives the online ones, matched by MaHoSo, and
refuses a bad file whole. Real SQLite files, the real mapping and schema files, the real
command-line entry point."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk import paths
from motcua_desk.app import open_services
from motcua_desk.domain.errors import ValidationError
from motcua_desk.services import IntakeRequest
from motcua_desk.services.portal import PortalService, content_hash
from tests.helpers import AGENCY, FakeClock, local, table_dump

TP = "Công chức Tư pháp - Hộ tịch"
PERIOD = (date(2026, 11, 1), date(2026, 11, 30))


def schema() -> dict:
    return json.loads((paths.resources_dir() / "portal" / "schema.json").read_text("utf-8"))


def portal(svc) -> PortalService:
    return PortalService.from_services(svc)


@dataclass
class Desk:
    svc: object
    clock: FakeClock
    path: Path
    online: list[str]
    direct: list[str]


def _desk(tmp_path: Path, name: str) -> Desk:
    clock = FakeClock()
    path = tmp_path / name / "desk.sqlite3"
    path.parent.mkdir()
    svc = open_services(path, clock=clock)
    svc.settings.init_desk(desk_no=1, **AGENCY)
    return Desk(svc, clock, path, [], [])


@pytest.fixture
def desk(tmp_path):
    """A desk with online and direct dossiers at every step of their lives."""
    d = _desk(tmp_path, "a")
    svc, clock = d.svc, d.clock

    def intake(name, **kw):
        return svc.dossiers.intake(IntakeRequest("1.004873", name, **kw)).dossier.code

    d.online.append(intake("Nguyễn Thị Hằng Đặng", channel="online", id_number="001099012345"))
    d.online.append(
        intake("Lò Văn Bình", channel="online", phone="0912345678", address="Bản Nà Đon")
    )
    a = intake("Hoàng Thị Thu", id_number="012345678901", fee_paid=20000, fee_method="cash")
    b = intake("Triệu Văn Sơn", channel="post")
    c = intake("Ma Thị Ngọc", channel="online")
    d.online.append(c)
    d.direct += [a, b]
    clock.advance(hours=1)
    svc.dossiers.handoff([a, c], TP, receiver="Hà Văn Cường")
    clock.advance(hours=2)
    svc.dossiers.receive_result([a], giver="Hà Văn Cường")
    clock.advance(minutes=30)
    svc.dossiers.return_result(a, "Hoàng Thị Thu")
    svc.dossiers.request_supplement(b, "Thiếu bản sao giấy khai sinh")
    yield d
    svc.close()


def test_export_fits_the_schema_and_carries_every_step(desk):
    doc = portal(desk.svc).export(*PERIOD)
    jsonschema.validate(doc, schema())
    assert doc["MaBam"]["GiaTri"] == content_hash(doc)
    assert doc["SoHoSo"] == len(doc["DanhSachHoSo"]) == 5
    assert doc["MaDonVi"] == AGENCY["agency_id"] and doc["PhienBanAnhXa"] == 1
    by_code = {x["MaHoSo"]: x for x in doc["DanhSachHoSo"]}
    returned = by_code[desk.direct[0]]
    view = desk.svc.dossiers.show(desk.direct[0]).dossier
    assert returned["KenhThucHien"] == 1 and returned["TrangThaiHoSo"] == 10
    assert returned["NgayTiepNhan"] == f"{view.received_at:%Y%m%d%H%M%S}" == "20261123090000"
    assert returned["NgayHenTra"] == f"{view.due_at:%Y%m%d%H%M%S}"
    assert returned["NgayTra"] == f"{view.returned_at:%Y%m%d%H%M%S}"
    assert returned["DinhDanhCHS"] == [{"LoaiDinhDanh": 1, "SoDinhDanh": "012345678901"}]
    assert returned["DanhSachLePhi"][0]["Gia"] == 20000
    assert returned["DanhSachGiayToKetQua"][0]["TenGiayTo"]
    assert by_code[desk.direct[1]]["KenhThucHien"] == 3
    assert by_code[desk.direct[1]]["TrangThaiHoSo"] == 5
    assert by_code[desk.direct[1]]["DanhSachHoSoBoSung"][0]["NoiDungBoSung"].startswith("Thiếu")
    assert {by_code[c]["KenhThucHien"] for c in desk.online} == {2}
    assert by_code[desk.online[2]]["TrangThaiHoSo"] == 4
    steps = [x for x in doc["QuaTrinhXuLy"] if x["MaHoSo"] == desk.direct[0]]
    assert [s["TrangThai"] for s in steps] == [2, 4, 9, 10]
    assert steps[1]["PhongBanXuLy"] == "Bộ phận Một cửa"
    assert TP in steps[1]["NoiDungXuLy"] and "Hà Văn Cường" in steps[1]["NoiDungXuLy"]
    assert steps[1]["ThoiDiemXuLy"] == "20261123100000"


def test_export_of_an_empty_period_and_a_reversed_one(desk):
    doc = portal(desk.svc).export(date(2026, 10, 1), date(2026, 10, 31))
    jsonschema.validate(doc, schema())
    assert doc["SoHoSo"] == 0 and doc["DanhSachHoSo"] == []
    with pytest.raises(ValidationError):
        portal(desk.svc).export(date(2026, 11, 30), date(2026, 11, 1))


def _received(svc, code):
    d = svc.dossiers.show(code).dossier
    return (
        d.code,
        d.procedure_code,
        d.applicant_name,
        d.id_number,
        d.phone,
        d.address,
        d.received_at,
        d.due_at,
        tuple((x.name, x.form, x.count) for x in d.documents),
    )


def test_round_trip_into_another_desk_then_again_changes_nothing(desk, tmp_path):
    doc = portal(desk.svc).export(*PERIOD)
    other = _desk(tmp_path, "b")
    try:
        report = portal(other.svc).import_document(copy.deepcopy(doc))
        assert sorted(report.created) == sorted(desk.online)
        assert sorted(c for c, _ in report.skipped) == sorted(desk.direct)
        for code in desk.online:
            assert _received(other.svc, code) == _received(desk.svc, code)
            assert other.svc.dossiers.show(code).dossier.status == "received"
        before = table_dump(other.path)
        again = portal(other.svc).import_document(copy.deepcopy(doc))
        assert again.created == [] and sorted(again.unchanged) == sorted(desk.online)
        assert table_dump(other.path) == before
        # the importing desk's own numbering goes on above what it took in
        new = other.svc.dossiers.intake(IntakeRequest("1.004873", "Vi Văn Tư")).dossier
        assert new.code not in desk.online + desk.direct
        # its ledger carries them, and its Biểu 06 counts them in column (4)
        assert other.svc.dossiers.ledger(*PERIOD)[-1].code == new.code
        reports = other.svc.reports
        v = reports.bieu06(reports.period_between(*PERIOD)).total.values
        assert (v["received_online"], v["received_direct"]) == (len(desk.online), 1)
    finally:
        other.svc.close()


def test_importing_its_own_export_changes_nothing(desk):
    doc = portal(desk.svc).export(*PERIOD)
    before = table_dump(desk.path)
    report = portal(desk.svc).import_document(doc)
    assert report.created == [] and sorted(report.unchanged) == sorted(desk.online)
    assert table_dump(desk.path) == before


def _rehash(doc):
    if isinstance(doc, dict) and isinstance(doc.get("MaBam"), dict):
        doc["MaBam"]["GiaTri"] = content_hash(doc)
    return doc


def _first_online(doc):
    return next(x for x in doc["DanhSachHoSo"] if x["KenhThucHien"] == 2)


BAD = {
    "not_a_portal_file": lambda d: {"a": 1},
    "changed_after_writing": lambda d: _first_online(d).update(ChuHoSo="Người Khác") or d,
    "unknown_version": lambda d: _rehash({**d, "PhienBanAnhXa": 99}),
    "month_13": lambda d: _rehash(_set(d, "NgayTiepNhan", "20261323090000")),
    "day_31_of_november": lambda d: _rehash(_set(d, "NgayTiepNhan", "20261131090000")),
    "channel_9": lambda d: _rehash(_set(d, "KenhThucHien", 9)),
    "unknown_procedure": lambda d: _rehash(_set(d, "MaTTHC", "9.999999")),
    "bad_code": lambda d: _rehash(_set(d, "MaHoSo", "H56-abc")),
    "bad_cccd": lambda d: _rehash(
        _set(d, "DinhDanhCHS", [{"LoaiDinhDanh": 1, "SoDinhDanh": "12345"}])
    ),
    "empty_name": lambda d: _rehash(_set(d, "ChuHoSo", "  ")),
    "due_before_receipt": lambda d: _rehash(_set(d, "NgayHenTra", "20261001090000")),
    "in_the_future": lambda d: _rehash(_set(d, "NgayTiepNhan", "20301123090000")),
    "twice_in_the_file": lambda d: _rehash(
        {**d, "DanhSachHoSo": d["DanhSachHoSo"] + [_first_online(d)]}
    ),
    "control_character": lambda d: _rehash(_set(d, "DiaChi", "Thôn\x00Nà")),
    "name_too_long": lambda d: _rehash(_set(d, "ChuHoSo", "A" * 5000)),
}


def _set(doc, key, value):
    # every online dossier but the first stays good: one bad dossier refuses the file whole
    _first_online(doc)[key] = value
    return doc


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_is_refused_whole_and_changes_nothing(desk, tmp_path, case):
    doc = portal(desk.svc).export(*PERIOD)
    other = _desk(tmp_path, "b")
    try:
        before = table_dump(other.path)
        with pytest.raises(ValidationError) as err:
            portal(other.svc).import_document(BAD[case](copy.deepcopy(doc)))
        assert str(err.value) and "Traceback" not in str(err.value)
        assert table_dump(other.path) == before
    finally:
        other.svc.close()


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


_GOOD: dict = {}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_anywhere_is_taken_or_refused_cleanly(desk, data):
    """Adversarial input at the border: any JSON value put at any place of a good file is
    either received or refused with a ValidationError, and a refused file changes nothing."""
    # the good file is made once: an example that imports changes the desk, not the file
    if desk.path not in _GOOD:
        good = _online_only(portal(desk.svc).export(*PERIOD))
        good["DanhSachHoSo"] = [_renamed(x, i) for i, x in enumerate(good["DanhSachHoSo"])]
        _GOOD[desk.path] = _rehash(good)
    doc = copy.deepcopy(_GOOD[desk.path])
    target = doc
    path = []
    while isinstance(target, (dict, list)) and target and data.draw(st.booleans()):
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys))
        path.append(key)
        if not isinstance(target[key], (dict, list)):
            break
        target = target[key]
    value = data.draw(_json)
    holder = doc
    for key in path[:-1]:
        holder = holder[key]
    if path:
        holder[path[-1]] = value
    if data.draw(st.booleans()):
        _rehash(doc)
    before = table_dump(desk.path)
    try:
        portal(desk.svc).import_document(doc)
    except ValidationError:
        assert table_dump(desk.path) == before


def _online_only(doc):
    doc["DanhSachHoSo"] = [x for x in doc["DanhSachHoSo"] if x["KenhThucHien"] == 2]
    doc["SoHoSo"] = len(doc["DanhSachHoSo"])
    return _rehash(doc)


def _renamed(item, i):
    """The dossier under a code this desk does not hold (so an import would create it)."""
    return {**item, "MaHoSo": f"000.17.22.H56-261120-{9000 + i}"}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.text(
            alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ ",
            min_size=2,
            max_size=80,
        ).filter(lambda s: len(s.strip()) >= 2 and " " not in s[:1]),
        min_size=1,
        max_size=12,
    )
)
def test_round_trip_over_sizes_of_names_and_files(tmp_path_factory, names):
    """Property: whatever the names and however many dossiers, export → import into an empty
    desk → export gives back the same dossiers (no loss, no duplicate)."""
    tmp = tmp_path_factory.mktemp("rt")
    a, b = _desk(tmp, "a"), _desk(tmp, "b")
    try:
        codes = []
        for name in names:
            try:
                req = IntakeRequest("1.004873", name, channel="online")
                codes.append(a.svc.dossiers.intake(req).dossier.code)
            except ValidationError:
                continue
        doc = portal(a.svc).export(*PERIOD)
        report = portal(b.svc).import_document(doc)
        assert sorted(report.created) == sorted(codes)
        back = portal(b.svc).export(*PERIOD)
        keep = ("MaHoSo", "MaTTHC", "ChuHoSo", "NgayTiepNhan", "NgayHenTra", "TaiLieuNop")
        assert sorted(({k: x.get(k) for k in keep} for x in back["DanhSachHoSo"]), key=str) == (
            sorted(({k: x.get(k) for k in keep} for x in doc["DanhSachHoSo"]), key=str)
        )
        assert len({x["MaHoSo"] for x in back["DanhSachHoSo"]}) == len(codes)
    finally:
        a.svc.close()
        b.svc.close()


# --- the command line ------------------------------------------------------------------------


def test_cli_export_then_import_and_bad_files(desk, tmp_path, capsys):
    from motcua_desk.cli import main

    desk.svc.close()
    out = tmp_path / "portal.json"
    assert main(["--db", str(desk.path), "export", "portal", "--from", "2026-11-01",
                 "--to", "2026-11-30", "--out", str(out)]) == 0  # fmt: skip
    capsys.readouterr()
    doc = json.loads(out.read_text("utf-8"))
    jsonschema.validate(doc, schema())
    other = _desk(tmp_path, "b")
    other.svc.close()
    assert main(["--db", str(other.path), "import", "portal", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sorted(result["created"]) == sorted(desk.online)
    before = table_dump(other.path)
    for content in (b"", b"{not json", b'{"DinhDang": 1}', "﻿{}".encode(), b"[]"):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        assert main(["--db", str(other.path), "import", "portal", str(bad)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("motcua-desk: error: "), err
    assert main(["--db", str(other.path), "import", "portal", str(tmp_path / "none.json")]) == 2
    assert main(["--db", str(other.path), "import", "portal", str(tmp_path)]) == 2
    assert main(["--db", str(other.path), "export", "portal", "--from", "2026-11-30",
                 "--to", "2026-11-01"]) == 2  # fmt: skip
    capsys.readouterr()
    assert table_dump(other.path) == before
    # the export to standard output is the same document
    assert main(["--db", str(other.path), "export", "portal", "--from", "2026-11-01",
                 "--to", "2026-11-30"]) == 0  # fmt: skip
    again = json.loads(capsys.readouterr().out)
    assert {x["MaHoSo"] for x in again["DanhSachHoSo"]} == set(desk.online)


def test_the_mapping_file_agrees_with_the_national_statuses():
    from motcua_desk.domain.dossier import NATIONAL_STATUS
    from motcua_desk.services.portal import _mapping_file

    [v1] = _mapping_file()
    assert v1.enums["status"] == {str(k): v for k, v in NATIONAL_STATUS.items()}
    assert v1.effective_from == date(2025, 7, 1)


def test_local_dates_are_written_without_an_offset(desk):
    doc = portal(desk.svc).export(*PERIOD)
    first = min(x["NgayTiepNhan"] for x in doc["DanhSachHoSo"])
    assert datetime.strptime(first, "%Y%m%d%H%M%S") == local(2026, 11, 23, 9, 0).replace(
        tzinfo=None
    )


def test_digitised_and_reused_papers_carry_their_flags_and_the_hubs_address(desk, tmp_path):
    from motcua_desk.services.digitisation import DigitisationService
    from tests.services.test_digitisation import pdf_of

    svc = desk.svc
    svc.replication.save_hub_settings("http://192.168.1.10:8765", "t" * 32)
    scan = tmp_path / "s.pdf"
    scan.write_bytes(pdf_of([(300, True)] * 3))
    papers = DigitisationService.from_services(svc)
    first = desk.online[0]  # CCCD 001099012345
    sha = papers.attach(first, 0, [scan], pages=3).paper.files[0].sha256
    later = svc.dossiers.intake(
        IntakeRequest("1.004873", "Nguyễn Thị Hằng Đặng", id_number="001099012345")
    ).dossier.code
    papers.reuse(later, 0, first, 0)
    doc = portal(svc).export(*PERIOD)
    jsonschema.validate(doc, schema())
    by_code = {x["MaHoSo"]: x for x in doc["DanhSachHoSo"]}
    scanned = by_code[first]["TaiLieuNop"][0]
    assert (scanned["DuocSoHoa"], scanned["DuocTaiSuDung"], scanned["SoTrang"]) == (1, 0, 3)
    assert scanned["DuongDanTaiTepTin"] == f"http://192.168.1.10:8765/v1/files/{sha}"
    reused = by_code[later]["TaiLieuNop"][0]
    assert (reused["DuocSoHoa"], reused["DuocTaiSuDung"]) == (1, 1)
    assert by_code[first]["TaiLieuNop"][1]["DuocSoHoa"] == 0  # not scanned
    assert "DuongDanTaiTepTin" not in by_code[first]["TaiLieuNop"][1]
