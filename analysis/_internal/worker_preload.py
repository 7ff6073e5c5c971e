"""Imported once by the forkserver (:mod:`analysis._internal.parallel`) before it forks any worker:
the modules workers run, with the project tokenizer and stop words already built, so that
every forked worker starts with them (shared copy-on-write) instead of building its own.

Importing this module builds the default tokenizer (:func:`analysis.segmentation.tokens.tokenizer`);
nothing else imports it.
"""
from __future__ import annotations

from ..segmentation import stop_words, token_table, tokens  # noqa: F401  (token_table: what the workers run)
from ..models import topics  # noqa: F401  (topics: the topic-number fits run in workers too)

tokens.tokenizer()
stop_words.stopwords()
