"""The public API rule (analysis package docstring): notebooks use the names of
analysis.__all__ and the stage modules' __all__ names, never module paths or private names."""
from __future__ import annotations

import ast
import importlib

import nbformat
import pytest

import analysis
from analysis.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def test_stage_modules_exist_and_declare_their_public_names():
    for name in analysis.STAGE_MODULES:
        module = importlib.import_module(f"analysis.{name}")
        assert isinstance(module.__all__, list | tuple), name
        assert all(hasattr(module, public) for public in module.__all__), name
        assert not [public for public in module.__all__ if public.startswith("_")], name
    assert all(hasattr(analysis, name) for name in analysis.__all__)


def api_violations(source: str) -> list[str]:
    """Every use of the package in ``source`` that breaks the rule."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}           # local name -> stage module
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "analysis":
            if node.module != "analysis":
                problems.append(f"from {node.module} import …: import the stage module instead")
                continue
            for alias in node.names:
                if alias.name in analysis.STAGE_MODULES:
                    modules[alias.asname or alias.name] = alias.name
                elif alias.name not in analysis.__all__:
                    problems.append(f"from analysis import {alias.name}: not public")
        elif isinstance(node, ast.Import):
            problems += [f"import {alias.name}: use import analysis or from analysis import …"
                         for alias in node.names if alias.name.startswith("analysis.")]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        value = node.value
        if isinstance(value, ast.Name) and value.id == "analysis":
            if node.attr not in analysis.__all__ and node.attr not in analysis.STAGE_MODULES:
                problems.append(f"analysis.{node.attr}: not public")
        elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == "analysis" \
                and value.attr in analysis.STAGE_MODULES:
            if node.attr not in importlib.import_module(f"analysis.{value.attr}").__all__:
                problems.append(f"analysis.{value.attr}.{node.attr}: not in the module's __all__")
        elif isinstance(value, ast.Name) and value.id in modules:
            if node.attr not in importlib.import_module(f"analysis.{modules[value.id]}").__all__:
                problems.append(f"{value.id}.{node.attr}: not in analysis.{modules[value.id]}.__all__")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_follow_the_public_api_rule(path):
    notebook = nbformat.read(path, as_version=4)
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert api_violations(source) == []


def test_the_rule_catches_what_it_forbids():
    assert api_violations("from analysis.stats import keyness") == [
        "from analysis.stats import …: import the stage module instead"]
    assert api_violations("import analysis\nanalysis._private()") == ["analysis._private: not public"]
    assert api_violations("from analysis import tokens as tok\ntok._segment_paragraphs([])") == [
        "tok._segment_paragraphs: not in analysis.tokens.__all__"]
    assert api_violations("import analysis\nanalysis.stats._ranked") == ["analysis.stats._ranked: not in the module's __all__"]
    assert api_violations("from analysis import stats, load_corpus\nstats.keyness({}, {})") == []


def test_tests_mirror_the_modules():
    """Every module of the package has its test file, tests/test_<module>.py (test_main.py
    for the command line)."""
    from analysis.paths import ROOT

    modules = sorted(p.stem for p in (ROOT / "analysis").glob("*.py") if p.stem != "__init__")
    missing = [m for m in modules if not (ROOT / "tests" / f"test_{m.strip('_')}.py").is_file()]
    assert missing == []
