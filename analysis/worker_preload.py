"""Imported once by the forkserver (:mod:`analysis.parallel`) before it forks any worker:
the modules workers run, with the project tokenizer and stop words already built, so that
every forked worker starts with them (shared copy-on-write) instead of building its own.

Importing this module builds the default tokenizer (:func:`analysis.tokens.tokenizer`);
nothing else imports it.
"""
from __future__ import annotations

from . import stopwords, tokens, topics  # noqa: F401  (topics: the topic-number fits run in workers too)

tokens.tokenizer()
stopwords.stopwords()
