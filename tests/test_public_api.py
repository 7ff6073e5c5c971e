"""The public API rule (analysis package docstring): notebooks use the names of
analysis.__all__ and of the stage subpackages' __all__, never module paths or private
names, and never rebind a name they imported from the package."""
from __future__ import annotations

import ast
import importlib
import pkgutil

import nbformat
import pytest

import analysis
from analysis.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
MAX_TOP_LEVEL_NAMES = 30
"""analysis.__all__ holds the few entry points a new notebook needs, not every public name."""


def stage(name: str):
    return importlib.import_module(f"analysis.{name}")


def test_each_stage_reexports_its_modules_public_names():
    for name in analysis.STAGES:
        package = stage(name)
        modules = [info.name for info in pkgutil.iter_modules(package.__path__)]
        expected = []
        for module in modules:
            public = importlib.import_module(f"analysis.{name}.{module}").__all__
            assert not [p for p in public if p.startswith("_")], (name, module)
            expected += public
        assert sorted(package.__all__) == sorted(expected), name
        assert len(set(package.__all__)) == len(package.__all__), f"{name}: a name exported twice"
        assert all(hasattr(package, public) for public in package.__all__), name
        # a module is never shadowed by a name of the same spelling (stopwords() and stop_words)
        assert not set(modules) & set(package.__all__), name


def test_the_top_level_keeps_a_few_entry_points():
    assert all(hasattr(analysis, name) for name in analysis.__all__)
    assert len(analysis.__all__) <= MAX_TOP_LEVEL_NAMES
    for name in ("prepare", "load_corpus", "paragraphs", "corpus_tokens", "save_figure", "STAGES"):
        assert name in analysis.__all__
    assert not set(analysis.STAGES) & set(analysis.__all__)


def api_violations(source: str) -> list[str]:
    """Every use of the package in ``source`` that breaks the rule."""
    tree = ast.parse(source)
    stages: dict[str, str] = {}            # local name -> stage subpackage
    imported: set[str] = set()             # every name bound by an import from the package
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "analysis":
            if node.module != "analysis":
                problems.append(f"from {node.module} import …: import the stage subpackage instead")
                continue
            for alias in node.names:
                local = alias.asname or alias.name
                imported.add(local)
                if alias.name in analysis.STAGES:
                    stages[local] = alias.name
                elif alias.name not in analysis.__all__:
                    problems.append(f"from analysis import {alias.name}: not public")
        elif isinstance(node, ast.Import):
            problems += [f"import {alias.name}: use import analysis or from analysis import …"
                         for alias in node.names if alias.name.startswith("analysis.")]
            imported |= {alias.asname or alias.name for alias in node.names if alias.name == "analysis"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in imported:
            problems.append(f"{node.id} = …: rebinds a name imported from the package")
        if not isinstance(node, ast.Attribute):
            continue
        value = node.value
        if isinstance(value, ast.Name) and value.id == "analysis":
            if node.attr not in analysis.__all__ and node.attr not in analysis.STAGES:
                problems.append(f"analysis.{node.attr}: not public")
        elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == "analysis" \
                and value.attr in analysis.STAGES:
            if node.attr not in stage(value.attr).__all__:
                problems.append(f"analysis.{value.attr}.{node.attr}: not in analysis.{value.attr}.__all__")
        elif isinstance(value, ast.Name) and value.id in stages:
            if node.attr not in stage(stages[value.id]).__all__:
                problems.append(f"{value.id}.{node.attr}: not in analysis.{stages[value.id]}.__all__")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_follow_the_public_api_rule(path):
    notebook = nbformat.read(path, as_version=4)
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert api_violations(source) == []


def test_the_rule_catches_what_it_forbids():
    assert api_violations("from analysis.textstats.stats import keyness") == [
        "from analysis.textstats.stats import …: import the stage subpackage instead"]
    assert api_violations("import analysis\nanalysis._private()") == ["analysis._private: not public"]
    assert api_violations("from analysis import segmentation\nsegmentation._tokenizer()") == [
        "segmentation._tokenizer: not in analysis.segmentation.__all__"]
    assert api_violations("import analysis\nanalysis.textstats._ranked") == [
        "analysis.textstats._ranked: not in analysis.textstats.__all__"]
    assert api_violations("from analysis import stats") == ["from analysis import stats: not public"]
    assert api_violations("from analysis import segmentation\nsegmentation = {1}") == [
        "segmentation = …: rebinds a name imported from the package"]
    assert api_violations("from analysis import textstats, load_corpus\ntextstats.keyness({}, {})") == []


def test_tests_mirror_the_modules():
    """Every module of the package has its test file in the folder of its stage,
    tests/<stage>/test_<module>.py; the top-level modules at tests/test_<module>.py
    (test_main.py for the command line)."""
    from analysis.paths import ROOT

    package = ROOT / "analysis"
    modules = [p.relative_to(package) for p in package.rglob("*.py") if p.stem != "__init__"]
    missing = [str(m) for m in modules
               if not (ROOT / "tests" / m.parent / f"test_{m.stem.strip('_')}.py").is_file()]
    assert missing == []
