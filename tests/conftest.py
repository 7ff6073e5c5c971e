"""Shared fixtures: the seed corpus, loaded once per test session."""
import pytest

import analysis


@pytest.fixture(scope="session")
def corpus():
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def paras(corpus):
    return analysis.paragraphs(corpus)


@pytest.fixture(scope="session")
def texts(corpus):
    return dict(zip(corpus["doc_id"], corpus["text"]))
