"""Stop words: stopwords-iso's Chinese list plus the project list, each project word with its reason."""
import pandas as pd

from analysis.segmentation import stop_words


def test_project_stopwords_have_reasons():
    rows = pd.read_csv(stop_words.PROJECT_STOPWORDS_FILE, sep="\t")
    assert rows["reason"].str.len().gt(0).all()
    assert set(rows["word"]) <= stop_words.stopwords()
