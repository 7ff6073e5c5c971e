"""Segmenter: jieba's tokenizer with its two inner loops written for speed, the same output.

jieba segments a run of Chinese characters in two steps, both pure Python: ``get_DAG``
lists, for each character, where the dictionary words that start there end, and
``calc`` finds the most probable route through them by dynamic programming (a word's
score is ln(freq or 1) − ln(total); the route maximises the sum, ties to the longer
word). :class:`Segmenter` rewrites both without changing one result. Each dictionary
entry's score is computed once, when the dictionary is loaded or changed (a prefix-only
entry has none); ``get_DAG`` then looks each prefix up once, in that table instead of the
frequencies, and hands ``calc`` the scores of the words it found with the DAG, so
``calc`` neither slices nor looks up a word again nor takes a logarithm, and takes the
route of a character with one candidate without building a generator. The scores are
the same floating-point expressions, added in the same order, so routes and tokens are
identical, not merely close (``tests/test_segmenter.py`` checks the DAG, the route's
floats and the tokens against ``jieba.Tokenizer``). Everything else, the HMM for unknown
words included, is jieba's own code.
"""
from __future__ import annotations

from math import log

import jieba

__all__ = ["Segmenter"]

_ABSENT = object()
"""Looked-up fragment that is neither a word nor the prefix of one."""


class _ScoredDAG(dict):
    """What get_DAG returns: start -> ends of the words found there (jieba's DAG, a dict),
    with ``scores``: start -> the score of each of those words, in the same order."""

    __slots__ = ("scores",)


class Segmenter(jieba.Tokenizer):
    """A ``jieba.Tokenizer`` whose ``get_DAG`` and ``calc`` give jieba's results faster
    (module docstring). The score table is rebuilt whenever the dictionary or its total
    changes (``initialize``, ``add_word`` and so ``del_word``, ``load_userdict`` and
    ``suggest_freq(tune=True)``)."""

    def __init__(self, dictionary=jieba.DEFAULT_DICT):
        super().__init__(dictionary)
        self._word_scores: dict[str, float | None] | None = None

    def initialize(self, dictionary=None):
        super().initialize(dictionary)
        self._word_scores = None

    def add_word(self, word, freq=None, tag=None):
        super().add_word(word, freq, tag)
        self._word_scores = None

    def _scores(self) -> dict[str, float | None]:
        """Entry -> ln(freq) − ln(total) for a word (freq > 0), None for a prefix only."""
        if self._word_scores is None:
            log_total = log(self.total)
            self._word_scores = {word: (log(freq) - log_total if freq else None) for word, freq in self.FREQ.items()}
        return self._word_scores

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        """For each start k, the ends i of the dictionary words sentence[k:i + 1] (frequency
        above 0), scanning while sentence[k:i + 1] is a word or a prefix of one; [k] when
        there is none (jieba's rule). The dict also carries the words' scores for calc."""
        self.check_initialized()
        lookup = self._scores().get
        unknown = log(1) - log(self.total)                  # a character that is no word: ln(1) − ln(total)
        dag = _ScoredDAG()
        dag.scores = scored = {}
        n = len(sentence)
        for k in range(n):
            ends, values = [], []
            i = k
            score = lookup(sentence[k], _ABSENT)
            while score is not _ABSENT:
                if score is not None:
                    ends.append(i)
                    values.append(score)
                i += 1
                if i == n:
                    break
                score = lookup(sentence[k:i + 1], _ABSENT)
            if ends:
                dag[k], scored[k] = ends, values
            else:
                dag[k], scored[k] = [k], [unknown]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:  # noqa: N803 (jieba's name)
        """route[idx] = max over the ends x of DAG[idx] of (score(sentence[idx:x + 1]) +
        route[x + 1][0], x), from the end of the sentence back, with route[N] = (0, 0) and
        score(w) = ln(freq(w) or 1) − ln(total) (jieba's rule and arithmetic); with the
        scores get_DAG found, else by jieba's own loop."""
        scored = getattr(DAG, "scores", None)
        if scored is None:
            super().calc(sentence, DAG, route)
            return
        n = len(sentence)
        route[n] = (0, 0)
        for idx in range(n - 1, -1, -1):
            ends = DAG[idx]
            if len(ends) == 1:
                x = ends[0]
                route[idx] = (scored[idx][0] + route[x + 1][0], x)
                continue
            best = None
            for x, score in zip(ends, scored[idx]):
                candidate = (score + route[x + 1][0], x)
                if best is None or candidate > best:
                    best = candidate
            route[idx] = best
