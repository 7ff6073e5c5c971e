"""Stage 4, dictionaries: themes, policy instruments, directive markers and campaigns counted
in the text, and an audit of where their keywords occur but do not match (their validation
against blind-coded samples is stage 6, :mod:`analysis.coding`).

Modules, in the order of the stage: ``themes``, ``instruments``, ``directives``, ``campaigns``, ``coverage``.
Code outside the package uses the names re-exported here (``from analysis import dictionaries``, then ``dictionaries.NAME``).
"""
from .themes import (
    THEMES_FILE, DictionaryEntry, BODY_KINDS, read_themes, not_attention_phrases, occurrence_starts, phrase_mask,
    body_tokens, theme_hits, theme_rates, bootstrap_theme_rates, rate_differences,
    keyword_usage, hit_offsets, hit_concordance, timeline_steps,
)
from .instruments import (
    INSTRUMENTS_FILE, SIDES, read_instruments, instrument_sides,
    instrument_hits, sentence_instruments, instruments_by_theme, precision_by_side, recall_by_side,
)
from .directives import (
    DIRECTIVE_MARKERS, directive_rates,
)
from .campaigns import (
    campaign_table, campaign_mentions, linked_campaigns, campaign_terms,
)
from .coverage import (
    keyword_coverage, unmatched_occurrences,
)

__all__ = [
    "THEMES_FILE", "DictionaryEntry", "BODY_KINDS", "read_themes", "not_attention_phrases",
    "occurrence_starts", "phrase_mask",
    "body_tokens", "theme_hits", "theme_rates", "bootstrap_theme_rates", "rate_differences",
    "keyword_usage", "hit_offsets", "hit_concordance", "timeline_steps", "INSTRUMENTS_FILE",
    "SIDES", "read_instruments", "instrument_sides",
    "instrument_hits", "sentence_instruments", "instruments_by_theme", "precision_by_side", "recall_by_side",
    "DIRECTIVE_MARKERS", "directive_rates", "campaign_table", "campaign_mentions",
    "linked_campaigns", "campaign_terms", "keyword_coverage", "unmatched_occurrences",
]
