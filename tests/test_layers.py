"""The import rules of DESIGN.md: who may import whom.

The rules themselves are import-linter contracts in pyproject.toml ([tool.importlinter]); grimp
reads every form of import (`from motcua_desk import store`, relative imports, imports inside
functions or under TYPE_CHECKING). What it cannot see is an import made at run time by name
(`importlib.import_module`, `__import__`), so that is checked here by reading the source.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "motcua_desk"

# The one run-time import by name: the CLI loads its own command modules.
DYNAMIC_IMPORTERS = {"motcua_desk/cli/__init__.py"}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the package found in `root`, with the contracts of its pyproject."""
    env = dict(os.environ, PYTHONPATH=str(root))
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def dynamic_imports(root: Path) -> list[str]:
    """Places that import a module by name at run time, outside DYNAMIC_IMPORTERS."""
    found = []
    for path in sorted((root / "motcua_desk").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in DYNAMIC_IMPORTERS:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("import_module", "__import__"):
                    found.append(f"{rel}:{node.lineno} {name}()")
            elif (
                isinstance(node, ast.ImportFrom)
                and node.module == "importlib"
                and any(a.name in ("import_module", "__import__") for a in node.names)
            ):
                found.append(f"{rel}:{node.lineno} from importlib import")
    return found


def test_contracts_of_design_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_part_of_the_package_is_under_a_contract():
    """A new layer (or a new top-level module) must get its row of rules, not slip past them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    sources = {m for c in config["contracts"] for m in c["source_modules"]}
    parts = {
        f"motcua_desk.{p.name.removesuffix('.py')}"
        for p in PKG.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or p.suffix == ".py"
    }
    # app is the composition root (it wires every layer); __init__ and __main__ are the package.
    unruled = parts - sources - {"motcua_desk.app", "motcua_desk.__init__", "motcua_desk.__main__"}
    assert not unruled, f"no import contract for {sorted(unruled)}"


def test_no_import_by_name_at_run_time():
    assert not dynamic_imports(ROOT)


def test_only_the_services_reach_the_store_behind_them():
    """`Services._store` is private: the ui, the cli, sync and app go through the use cases."""
    found = []
    for path in sorted(PKG.rglob("*.py")):
        if path.is_relative_to(PKG / "services"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "_store":
                found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert not found


def test_cli_loads_by_name_only_its_own_command_modules():
    from motcua_desk.cli import COMMAND_MODULES

    assert all(name.startswith("motcua_desk.cli.") for name in COMMAND_MODULES)


def test_contracts_catch_planted_violations(tmp_path):
    """The same contracts over a copy of the package with bad imports in every form."""
    shutil.copytree(PKG, tmp_path / "motcua_desk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    planted = {
        "ui/planted_a.py": "from motcua_desk import store\n",
        "ui/planted_b.py": "from ..store import engine\n",
        "ui/planted_c.py": "def later():\n    import motcua_desk.store.models\n",
        "domain/planted_d.py": "from motcua_desk import paths\nimport sqlite3\n",
        "printing/planted_e.py": "from . import fonts\nfrom .. import services\n",
        "services/planted_f.py": "import importlib\nstore = importlib.import_module('x')\n",
    }
    for rel, source in planted.items():
        (tmp_path / "motcua_desk" / rel).write_text(source, "utf-8")

    result = lint_imports(tmp_path)
    out = result.stdout
    assert result.returncode != 0, out + result.stderr
    for line in (
        "motcua_desk.ui.planted_a -> motcua_desk.store",
        "motcua_desk.ui.planted_b -> motcua_desk.store.engine",
        "motcua_desk.ui.planted_c -> motcua_desk.store.models",
        "motcua_desk.domain.planted_d -> motcua_desk.paths",
        "motcua_desk.domain.planted_d -> sqlite3",
        "motcua_desk.printing.planted_e -> motcua_desk.services",
    ):
        assert line in out, out
    assert "printing.planted_e -> motcua_desk.printing.fonts" not in out
    assert dynamic_imports(tmp_path) == ["motcua_desk/services/planted_f.py:2 import_module()"]
