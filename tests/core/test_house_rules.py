"""The house rules, checked rather than hoped for: the core stays pure Python without cycles,
dates are worded in one place, and pages and modules stay small enough to hold one topic."""

from __future__ import annotations

import ast
import graphlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORE = ROOT / "career_core"
PAGES = ROOT / "app_pages"
UI = ROOT / "waypoint_ui"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


CORE_MODULES = sorted(module_name(p) for p in CORE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (a lazy import is still a dependency)."""
    tree = ast.parse(path.read_text(), str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from career_core import wording`
    return names


def test_the_walk_finds_every_core_module():
    assert {"career_core.wording", "career_core.plan.actions", "career_core.smart.scorer",
            "career_core.exports.calendar"} <= set(CORE_MODULES)


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=module_name)
def test_no_core_module_imports_streamlit(path: Path):
    assert not {m for m in imported(path) if m == "streamlit" or m.startswith("streamlit.")}


def test_importing_the_whole_core_loads_no_streamlit():
    """What the source says, confirmed by Python: every core module imported, and streamlit never loaded."""
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in CORE_MODULES) \
        + "assert 'streamlit' not in sys.modules, 'streamlit was imported'\n"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_core_has_no_import_cycle():
    known = set(CORE_MODULES)
    graph = {module_name(p): {m for m in imported(p) if m in known and m != module_name(p)} for p in CORE.rglob("*.py")}
    # A package's __init__ is loaded before its modules; importing the package is not a dependency on them.
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle in career_core: {' → '.join(exc.args[1])}")


# --- one way to say a date ------------------------------------------------------------------------

# strftime-style date codes in an f-string, a strftime call or a Plotly hover, and Streamlit date formats.
DATE_CODES = re.compile(r"""([:|]%[aAbBdY]|strftime\(|format=["'](?:DD|MM|YYYY)[./-])""")
WORDING = {CORE / "wording.py"}


@pytest.mark.parametrize("path", sorted({*CORE.rglob("*.py"), *PAGES.glob("*.py"), *UI.glob("*.py")} - WORDING),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_dates_are_worded_only_in_the_wording_module(path: Path):
    found = [f"{n}: {line.strip()}" for n, line in enumerate(path.read_text().splitlines(), start=1)
             if DATE_CODES.search(line)]
    assert not found, "use career_core.wording (dates in text) or wording.DATE_INPUT (date fields)"


# --- small modules ---------------------------------------------------------------------------------

PAGE_LINES = 400  # a page longer than this holds a rule or a second topic
MODULE_LINES = 600


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.py")), ids=lambda p: p.name)
def test_pages_stay_thin(path: Path):
    assert len(path.read_text().splitlines()) <= PAGE_LINES


@pytest.mark.parametrize("path", sorted({*CORE.rglob("*.py"), *UI.glob("*.py")}), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_hold_one_topic(path: Path):
    assert len(path.read_text().splitlines()) <= MODULE_LINES


@pytest.mark.parametrize("package", [CORE, CORE / "plan", CORE / "exports", CORE / "smart", UI],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_each_package_says_what_lives_there(package: Path):
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
    assert doc and len(doc) > 80


def _date_fields(path: Path) -> list[ast.Call]:
    """Every call that draws a date field: st.date_input(...) or a helper handed st.date_input."""
    calls = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        named = isinstance(node.func, ast.Attribute) and node.func.attr == "date_input"
        handed = any(isinstance(a, ast.Attribute) and a.attr == "date_input" for a in node.args)
        if named or handed:
            calls.append(node)
    return calls


@pytest.mark.parametrize("path", sorted({*PAGES.glob("*.py"), *UI.glob("*.py")}), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_date_field_takes_dates_in_one_order(path: Path):
    def iso(call: ast.Call) -> bool:
        fmt = next((k.value for k in call.keywords if k.arg == "format"), None)
        return isinstance(fmt, ast.Attribute) and fmt.attr == "DATE_INPUT"

    wrapped = {"_date_input"}  # plan_forms' own helper passes DATE_INPUT on
    bad = [call.lineno for call in _date_fields(path) if not iso(call)
           and not (isinstance(call.func, ast.Name) and call.func.id in wrapped)]
    assert not bad, f"date fields without format=wording.DATE_INPUT on lines {bad}"
