"""Issue 14: the hub serves the same portal export as a desk, over every desk's dossiers it
holds (GET /v1/export/portal and `hub export-portal`), checked against a synced desk's own
`--all-desks` export and the JSON Schema."""

from __future__ import annotations

import json
from datetime import date

import httpx
import jsonschema

from motcua_desk.services.portal import PortalService
from tests.services.test_portal import schema
from tests.sync.helpers import register, sync_all
from tests.sync.test_file_sync import scanned

TP = "Công chức Tư pháp - Hộ tịch"
NOV = (date(2026, 11, 1), date(2026, 11, 30))


def _same(doc):
    """The dossiers and progress lines, in an order that does not depend on who wrote it."""
    return (
        sorted(doc["DanhSachHoSo"], key=lambda x: x["MaHoSo"]),
        sorted(
            doc["QuaTrinhXuLy"], key=lambda x: (x["MaHoSo"], x["ThoiDiemXuLy"], x["NoiDungXuLy"])
        ),
    )


def test_the_hub_export_is_the_desks_export_of_every_desk(hub, desks, tmp_path, capsys):
    register(hub, desks[:2])
    a, b = desks[:2]
    codes = [a.intake("Lò Văn A").dossier.code, b.intake("Hà Thị Bê").dossier.code]
    code, _sha, _ = scanned(a, tmp_path)
    a.services.dossiers.handoff([codes[0]], TP, receiver="Hà Văn Cường")
    b.services.dossiers.request_supplement(codes[1], "Thiếu tờ khai")
    sync_all(hub.url, [a, b])
    desk_doc = PortalService.from_services(b.services).export(*NOV, all_desks=True)
    with httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {a.token}"}) as c:
        r = c.get("/v1/export/portal", params={"from": "20261101", "to": "20261130"})
        assert r.status_code == 200, r.text
        hub_doc = r.json()
        assert (
            c.get("/v1/export/portal", params={"from": "20261131", "to": "20261201"}).status_code
            == 400
        )
        assert (
            c.get("/v1/export/portal", params={"from": "20261130", "to": "20261101"}).status_code
            == 400
        )
        assert c.get("/v1/export/portal", params={"from": "x"}).status_code == 400
    with httpx.Client(base_url=hub.url) as stranger:
        assert (
            stranger.get(
                "/v1/export/portal", params={"from": "20261101", "to": "20261130"}
            ).status_code
            == 401
        )
    jsonschema.validate(hub_doc, schema())
    assert hub_doc["SoHoSo"] == 3 and {x["MaHoSo"] for x in hub_doc["DanhSachHoSo"]} == {
        *codes,
        code,
    }
    paper = next(x for x in hub_doc["DanhSachHoSo"] if x["MaHoSo"] == code)["TaiLieuNop"][0]
    assert paper["DuocSoHoa"] == 1 and paper["DuongDanTaiTepTin"].startswith(hub.url)
    hub_docs, hub_lines = _same(hub_doc)
    desk_docs, desk_lines = _same(desk_doc)
    for x in hub_docs + desk_docs:  # the file links name each side's own address
        for d in x.get("TaiLieuNop", ()):
            d.pop("DuongDanTaiTepTin", None)
    assert hub_docs == desk_docs and hub_lines == desk_lines
    # the same from the command line, over the hub's store
    from motcua_desk.cli import main

    out = tmp_path / "hub.json"
    assert main(["hub", "export-portal", "--store", hub.store.url, "--from", "2026-11-01",
                 "--to", "2026-11-30", "--out", str(out)]) == 0  # fmt: skip
    capsys.readouterr()
    cli_doc = json.loads(out.read_text("utf-8"))
    assert _same(cli_doc)[1] == hub_lines and cli_doc["MaDonVi"] == "000.17.22.H56"
