"""domain.vn_holidays: Vietnam's holidays without importing the package's other countries,
the same days and names as the documented holidays.country_holidays("VN"), and the package
left as it was. Each check runs in a fresh interpreter (sys.modules starts empty there)."""

from __future__ import annotations

import subprocess
import sys

LEAN_THEN_DOCUMENTED = """
import sys
from datetime import date
from motcua_desk.domain.vn_holidays import vietnam
lean = vietnam("vi")
years = range(2016, 2041)
lean_days = {d: lean.get(d) for y in years for d in sorted(vietnam("vi").__class__(years=y, language="vi"))}
countries = sorted(m for m in sys.modules if m.startswith("holidays.countries."))
assert countries == ["holidays.countries.vietnam"], countries
assert "holidays.countries" not in sys.modules
import holidays
documented = holidays.country_holidays("VN", language="vi", years=years)
assert {d: documented.get(d) for d in documented} == lean_days, "different days or names"
assert holidays.country_holidays("TH", years=2026)  # another country still loads
assert len(lean_days) > 150
print("ok", len(lean_days))
"""

ALREADY_IMPORTED = """
import holidays.countries
from datetime import date
from motcua_desk.domain.vn_holidays import vietnam
assert vietnam("vi").get(date(2026, 9, 2)) == "Quốc khánh"
print("ok")
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_lean_import_gives_the_documented_days_and_loads_no_other_country():
    assert _run(LEAN_THEN_DOCUMENTED).startswith("ok")


def test_after_the_usual_import_the_documented_way_is_used():
    assert _run(ALREADY_IMPORTED).startswith("ok")
