"""The house keeps its shape: layers in order, no Textual below the interface, small modules.

The contracts themselves are in pyproject.toml (`[tool.importlinter]`); this
runs them, so a wrong import fails the suite and CI.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import reader

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(reader.__file__).parent
DATA_PACKAGES = ("settings", "library", "markdown", "state", "index")
"""Everything below the interface: usable, and tested, without a terminal."""
MAX_LINES = 600
"""A ceiling that catches a runaway module, not a size to code against: modules are
split where a job ends (docs/design.md), never to pass this count."""
LONG_ON_PURPOSE = {"settings/strings.py"}
"""The string catalogue: one table, long by nature."""


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports; exit(lint_imports())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert "0 broken" in result.stdout, result.stdout[-3000:]
    assert result.returncode == 0


def test_no_data_module_loads_textual_even_at_run_time() -> None:
    """import-linter reads the source; this imports every data module for real."""
    modules = [
        info.name
        for package in DATA_PACKAGES
        for info in pkgutil.walk_packages([str(PACKAGE / package)], prefix=f"reader.{package}.")
    ]
    assert len(modules) > 20
    script = "import sys\n" + "".join(f"import {m}\n" for m in [*modules, "reader.cli"])
    script += "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
    script += "assert not loaded, loaded\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_package_names_each_of_its_modules() -> None:
    """A package's docstring is its map: a module it does not name is one a reader
    of the code will not find (cli's once named five of its nine)."""
    packages = [PACKAGE / name for name in (*DATA_PACKAGES, "web", "ui", "cli")]
    packages += [PACKAGE / "ui" / name for name in ("screens", "widgets", "panes")]
    unnamed = []
    for package in packages:
        init = package / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        for module in package.glob("*.py"):
            if module.stem != "__init__" and f"`{module.stem}`" not in docstring:
                unnamed.append(f"{package.name}: {module.stem}")
    assert unnamed == []


def test_no_module_grows_past_one_job() -> None:
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= LONG_ON_PURPOSE, long


def test_unit_tests_run_without_the_interface() -> None:
    """Tests of the data layer import neither Textual nor reader.ui (those are in tests/ui)."""
    for path in Path(__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("textual", "reader.ui")), f"{path.name}: {name}"
