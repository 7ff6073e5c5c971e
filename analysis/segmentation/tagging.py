"""Part of speech: jieba's dictionary tags of words, over the project tokenizer (so that
lexicon terms are tagged nz)."""
from __future__ import annotations

import functools

import jieba
import jieba.posseg

from .tokens import tokenizer

__all__ = ["pos_tokenizer", "part_of_speech", "token_part_of_speech", "tags"]


class _ProjectPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's tagger over the project tokenizer. When that tokenizer uses jieba's default
    dictionary, the dictionary's tags are copied from jieba's default tagger (built when
    jieba.posseg is imported, from the same file) instead of parsing the file again."""

    def load_word_tag(self, f) -> None:
        if self.tokenizer.dictionary == jieba.dt.dictionary:
            f.close()
            self.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        else:
            super().load_word_tag(f)


@functools.lru_cache(maxsize=None)
def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """The part-of-speech tagger over the project tokenizer, one per process: jieba hands
    the lexicon's tags (nz) to the first tagger that asks and then forgets them, so
    every tagger must be this one."""
    pos = _ProjectPOSTokenizer(tokenizer())
    pos.makesure_userdict_loaded()
    return pos


def part_of_speech(term: str) -> str:
    """jieba's dictionary part-of-speech tag of a word (ns = place name, nz = lexicon
    term, …); 'x' for a word the dictionary does not tag."""
    return pos_tokenizer().word_tag_tab.get(term, "x")


@functools.lru_cache(maxsize=None)
def token_part_of_speech(token: str) -> str:
    """The part of speech of one token of the token table: its dictionary tag
    (:func:`part_of_speech`) when the dictionary has the word; otherwise the tag jieba's
    tagger gives the token alone (its hidden Markov model, as when it tags a running text),
    or 'x' when the tagger would split the token. Memoised: the cost grows with the
    vocabulary, not the corpus."""
    tagger = pos_tokenizer()
    if token in tagger.word_tag_tab:
        return tagger.word_tag_tab[token]
    pieces = tagger.lcut(token, HMM=True)
    return pieces[0].flag if len(pieces) == 1 else "x"


def tags(tokens: list[str]) -> list[str]:
    """:func:`token_part_of_speech` of each token."""
    return [token_part_of_speech(token) for token in tokens]
