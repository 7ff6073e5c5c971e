"""Shared fixtures: the seed corpus, loaded once per test session.

The test session never writes inside the repository: unless the caller has set them,
``ANALYSIS_FIGURES_DIR`` and ``ANALYSIS_CACHE_DIR`` point at one temporary folder for
the whole session (the nbval kernels inherit them), removed when the session ends
(kept when a test failed).
Set here, before ``analysis`` is imported, because ``analysis.paths`` reads them once.
"""
import os
import shutil
import tempfile

_SESSION_DIR = tempfile.mkdtemp(prefix="analysis-tests-")
os.environ.setdefault("ANALYSIS_FIGURES_DIR", os.path.join(_SESSION_DIR, "figures"))
os.environ.setdefault("ANALYSIS_CACHE_DIR", os.path.join(_SESSION_DIR, "cache"))

import pytest  # noqa: E402

import analysis  # noqa: E402


def pytest_collection_modifyitems(session, config, items):
    """Tests marked ``after_notebooks`` (they read what the notebooks wrote) run last."""
    later = [item for item in items if item.get_closest_marker("after_notebooks")]
    items[:] = [item for item in items if not item.get_closest_marker("after_notebooks")] + later


_FORK_WARNING = "is multi-threaded, use of fork() may lead to deadlocks"
_forked_from_threads: list[str] = []


def pytest_warning_recorded(warning_message, when, nodeid, location):
    """Remember every test in which a multi-threaded process was forked (Python 3.12+ warns)."""
    if _FORK_WARNING in str(warning_message.message):
        _forked_from_threads.append(nodeid or when)


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when a multi-threaded process was forked (the warning counts as an
    error); remove the session folder, or keep it (and say where) when a test failed, so
    that the regenerated figures and their difference images can be looked at."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _forked_from_threads:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line("ERROR: a multi-threaded process was forked (deadlock risk) in: "
                                + ", ".join(sorted(set(_forked_from_threads))), red=True)
    if session.testsfailed or _forked_from_threads:
        if reporter is not None:
            reporter.write_line(f"figures and caches of this test session are kept in {_SESSION_DIR}")
    else:
        shutil.rmtree(_SESSION_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus():
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def paras(corpus):
    return analysis.paragraphs(corpus)


@pytest.fixture(scope="session")
def texts(corpus):
    return dict(zip(corpus["doc_id"], corpus["text"]))


@pytest.fixture(scope="session")
def project_validation():
    """The tables of the project's blind double-coded sample (analysis/data/coding) on the seeds."""
    from analysis import coding

    return coding.project_sample_tables(coding.measured_dictionaries(*analysis.prepare()))


@pytest.fixture(scope="session")
def panel(tmp_path_factory):
    """The synthetic panel (tests/synthetic_reports.py, write_panel_corpus) prepared, with its
    theme hits, quantities, instrument uses and the measures of notebook 05."""
    from types import SimpleNamespace

    from analysis import dictionaries, extract, models
    from synthetic_reports import write_panel_corpus

    folder = tmp_path_factory.mktemp("panel")
    write_panel_corpus(folder)
    corpus, paras, tokens = analysis.prepare(None, folder / "manifest.csv")
    dictionary = dictionaries.read_themes()
    hits = dictionaries.theme_hits(tokens, dictionary)
    quantities = extract.extract_quantities(paras, dictionary)
    uses = dictionaries.sentence_instruments(tokens, paras, dictionaries.read_instruments(), dictionary)
    measures = models.document_measures(corpus, tokens, paras, hits, quantities, uses, dictionary)
    outcomes = extract.target_outcomes(quantities, corpus, paras)
    return SimpleNamespace(corpus=corpus, paras=paras, tokens=tokens, dictionary=dictionary, hits=hits,
                           quantities=quantities, measures=measures,
                           growth=extract.growth_targets(outcomes, corpus))
