"""The policy-term lexicon: its file is checked and every problem named with file and line."""
import pytest

from analysis.segmentation import lexicon


def test_the_shipped_lexicon_reads_and_keeps_every_term_whole():
    entries = lexicon.read_lexicon()
    assert entries and len({entry.term for entry in entries}) == len(entries)
    assert lexicon.lexicon_terms() == [entry.term for entry in entries]


def test_bad_lexicon_names_file_and_line(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("term\tcategory\tsource\n甲乙\tformula\tx\n甲乙\tformula\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon.tsv line 3: duplicate term '甲乙' \(first on line 2\)"):
        lexicon.read_lexicon(path)
    path.write_text("term\tsource\n甲乙\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv: missing column"):
        lexicon.read_lexicon(path)
    path.write_text("term\tcategory\tsource\n二〇三五年\tformula\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv line 2: term '二〇三五年' has characters jieba always splits"):
        lexicon.read_lexicon(path)
