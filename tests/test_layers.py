"""The import rules of DESIGN.md, read from the source: who may import whom."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "motcua_desk"

# layer -> layers of ours it may import (besides itself; `paths` is open to all)
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "services": {"domain", "store"},
    "printing": {"domain"},
    "sync": {"services", "store", "domain"},
    "ui": {"services", "printing", "domain"},
    "cli": {"services", "printing", "sync", "domain", "app"},
    "app": {"services", "store", "domain", "ui", "printing", "sync"},
}
FOREIGN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "reportlab", "httpx", "starlette", "uvicorn"),
    "store": ("PySide6", "reportlab"),
    "services": ("PySide6", "reportlab", "httpx", "starlette"),
    "printing": ("PySide6", "sqlalchemy"),
    "sync": ("PySide6", "reportlab"),
    "ui": ("sqlalchemy", "alembic"),
}


def layer_of(path: Path) -> str:
    rel = path.relative_to(PKG).parts
    return rel[0].removesuffix(".py") if len(rel) > 1 or rel[0] in ("app.py",) else "top"


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_layers_import_only_what_design_allows():
    problems = []
    for path in sorted(PKG.rglob("*.py")):
        layer = layer_of(path)
        if layer not in ALLOWED:
            continue
        for name in imports(path):
            if name.startswith("motcua_desk."):
                target = name.split(".")[1]
                if target in (layer, "paths") or target == "__init__":
                    continue
                if target not in ALLOWED[layer]:
                    problems.append(f"{path.relative_to(PKG.parent)} imports {name}")
            elif name.split(".")[0] in FOREIGN.get(layer, ()):
                problems.append(f"{path.relative_to(PKG.parent)} imports {name}")
    assert not problems, "\n".join(problems)
