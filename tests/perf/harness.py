"""A small benchmark harness: medians of repeated runs, ratios against the plain primitive
measured in the same run, results written to `.perf/<name>.json` and printed.

Sizes are small by default so the suite stays quick; MOTCUA_PERF_FULL=1 runs the sizes the
issues name (a million dossiers, …).
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FULL = os.environ.get("MOTCUA_PERF_FULL") == "1"


def size(small: int, full: int) -> int:
    return full if FULL else small


def median_seconds(fn: Callable[[], object], repeat: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


class Report:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: dict[str, dict] = {}

    def add(self, key: str, **values) -> None:
        self.rows[key] = values

    def write(self) -> Path:
        out = ROOT / ".perf" / f"{self.name}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(
            json.dumps({"full": FULL, "results": self.rows}, indent=2, ensure_ascii=False)
        )
        print(f"\n== {self.name} ({'full' if FULL else 'small'} sizes) ==")
        for key, values in self.rows.items():
            shown = ", ".join(f"{k}={_fmt(v)}" for k, v in values.items())
            print(f"  {key}: {shown}")
        return out


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)
