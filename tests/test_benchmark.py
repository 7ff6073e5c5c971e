"""The benchmark's scaled corpus: copies of the seeds that load as distinct documents."""
import analysis
from analysis.benchmark import build_corpus


def test_build_corpus_makes_distinct_loadable_copies(tmp_path):
    seeds = analysis.load_corpus()
    copies = analysis.load_corpus(build_corpus(tmp_path, 2))
    assert len(copies) == 2 * len(seeds)
    assert copies["doc_id"].is_unique
    original = copies["doc_id"].str.replace(r"-c\d{4}$", "", regex=True)
    assert original.value_counts().to_dict() == {doc_id: 2 for doc_id in seeds["doc_id"]}
    texts = dict(zip(seeds["doc_id"], seeds["text"]))
    assert (copies["text"] == original.map(texts)).all()
