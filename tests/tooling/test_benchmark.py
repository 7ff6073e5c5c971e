"""The benchmark's scaled corpus: copies of the seeds that load as distinct documents."""
import analysis
from tools.benchmark.run import build_corpus


def test_build_corpus_makes_distinct_loadable_copies(tmp_path):
    seeds = analysis.load_corpus()
    copies = analysis.load_corpus(build_corpus(tmp_path, 2))
    assert len(copies) == 2 * len(seeds)
    assert copies["doc_id"].is_unique
    original = copies["doc_id"].str.replace(r"-c\d{4}$", "", regex=True)
    assert original.value_counts().to_dict() == {doc_id: 2 for doc_id in seeds["doc_id"]}
    texts = dict(zip(seeds["doc_id"], seeds["text"]))
    assert (copies["text"] == original.map(texts)).all()


def test_scaled_parameters_rename_the_seed_documents_everywhere(tmp_path):
    from tools.benchmark.run import scaled_parameters
    from analysis.paths import NOTEBOOKS_DIR

    params = scaled_parameters(NOTEBOOKS_DIR / "03-changning-vs-xuhui.ipynb", tmp_path / "m.csv", tmp_path / "f", 2, "-c0000")
    assert params["REPORTS"] == ["cn-2018-wr-c0000", "xh-2019-wr-c0000"]
    assert "DESIGNS" not in params          # None in the notebook: it builds its designs from PLACES and REPORTS
    assert (params["MANIFEST"], params["WORKERS"]) == (str(tmp_path / "m.csv"), 2)
    two = scaled_parameters(NOTEBOOKS_DIR / "02-theme-evolution.ipynb", tmp_path / "m.csv", tmp_path / "f", 2, "-c0000")
    assert (two["EXCERPT"], two["EXCERPT_SECTIONS"]) == ("cn-2024-wr-c0000", [4, 5])


def test_no_program_is_kept_in_a_string_inside_the_package():
    """The benchmark's programs live in tools/benchmark/, as files; no module of the
    package holds Python code in a string."""
    import ast

    from tools.benchmark.run import PROGRAMS, _cells
    from analysis.paths import ROOT

    for path in (ROOT / "analysis").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not any(line.startswith(("import ", "from ", "def ")) for line in node.value.splitlines()), path
    assert {p.name for p in PROGRAMS.glob("*.py")} >= {"pipeline.py", "segment.py", "raw_jieba.py", "floor.py",
                                                       "time_figures.py"}
    assert len(_cells("floor.py")) == 3 and _cells("floor.py")[0].startswith("import numpy")
