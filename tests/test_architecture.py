"""The package's layout (analysis package docstring): stage subpackages in pipeline order,
a module imports only from its own stage or earlier ones, no import cycle anywhere
(function-level imports included), and an import below the top of a module says why."""
from __future__ import annotations

import ast
from pathlib import Path

import analysis
from analysis.paths import ROOT

PACKAGE = ROOT / "analysis"
TOP_LEVEL = {"analysis", "analysis.paths", "analysis.prepare", "analysis.__main__"}
EXEMPT_FROM_STAGE_ORDER = {"analysis._internal.worker_preload"}
"""The forkserver's preload module: loaded by name, imported by no module, it imports what workers run."""


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[str]:
    """The analysis modules every import in ``path`` names, wherever it stands (function-level
    imports included). ``from X import y`` counts as importing X.y when that is a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.stem == "__init__" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = []
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                as_path = ROOT.joinpath(*candidate.split("."))
                targets.append(candidate if as_path.with_suffix(".py").is_file() or as_path.is_dir() else module)
        else:
            continue
        found += [t for t in targets if t.split(".")[0] == "analysis"]
    return found


def graph() -> dict[str, set[str]]:
    """module -> the analysis modules it imports (a package import counts as its __init__;
    importing a submodule also runs the __init__ of each of its packages that is not already
    a package of the importer)."""
    edges: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        parts = name.split(".")
        own = {".".join(parts[:i]) for i in range(1, len(parts) + (path.stem == "__init__"))}
        targets = set()
        for target in imports(path):
            pieces = target.split(".")
            targets |= {".".join(pieces[:i]) for i in range(2, len(pieces) + 1)}
        edges[name] = targets - own - {name}
    return edges


def stage_of(module: str) -> int:
    parts = module.split(".")
    if module in TOP_LEVEL:
        return len(analysis.STAGES)            # the top level may use every stage
    if parts[1] == "_internal":
        return -1
    return analysis.STAGES.index(parts[1])


def test_stages_are_the_subpackages_in_pipeline_order():
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert folders == sorted([*analysis.STAGES, "_internal"])
    loose = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__", "__main__", "paths", "prepare"]


def test_a_module_imports_only_its_own_stage_or_earlier_ones():
    wrong = []
    for module, targets in graph().items():
        if module == "analysis" or module in EXEMPT_FROM_STAGE_ORDER:
            continue
        for target in targets:
            if target == "analysis.paths":
                continue
            if stage_of(target) > stage_of(module):
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_anywhere():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_below_the_top_of_a_module_says_why():
    """An import inside a function is a heavy optional import or the command line's lazy
    loading: a comment that mentions the import stands in the function before it (or the
    module docstring states the rule for all its functions)."""
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        if "imports what it needs when it runs" in (ast.get_docstring(tree) or ""):
            continue
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    before = lines[function.lineno - 1:node.lineno]
                    if not any("#" in line and "import" in line.split("#", 1)[1] for line in before):
                        unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unexplained == []
