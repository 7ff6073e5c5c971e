"""Stage 4, dictionaries: themes, policy instruments, directive markers and campaigns counted
in the text, and their validation against coded samples.

Modules, in the order of the stage: ``themes``, ``instruments``, ``directives``, ``campaigns``, ``validation``, ``coverage``.
Code outside the package uses the names re-exported here (``from analysis import dictionaries``, then ``dictionaries.NAME``).
"""
from .themes import (
    THEMES_FILE, DictionaryEntry, BODY_KINDS, read_themes, not_attention_phrases,
    body_tokens, theme_hits, theme_rates, bootstrap_theme_rates, rate_differences,
    keyword_usage, hit_offsets, hit_concordance, timeline_steps,
)
from .instruments import (
    INSTRUMENTS_FILE, INSTRUMENT_CODED_SAMPLE, SIDES, read_instruments, instrument_sides,
    instrument_hits, sentence_instruments, instruments_by_theme, precision_by_side,
)
from .directives import (
    DIRECTIVE_MARKERS, directive_rates,
)
from .campaigns import (
    campaign_table, campaign_mentions, linked_campaigns, campaign_terms,
)
from .validation import (
    THEME_CODED_SAMPLE, SAMPLE_COLUMNS, sample_for_coding, read_coded_sample,
    proportion_with_interval, precision_by_entry, missed_paragraph_share,
)
from .coverage import (
    keyword_coverage, unmatched_occurrences,
)

__all__ = [
    "THEMES_FILE", "DictionaryEntry", "BODY_KINDS", "read_themes", "not_attention_phrases",
    "body_tokens", "theme_hits", "theme_rates", "bootstrap_theme_rates", "rate_differences",
    "keyword_usage", "hit_offsets", "hit_concordance", "timeline_steps", "INSTRUMENTS_FILE",
    "INSTRUMENT_CODED_SAMPLE", "SIDES", "read_instruments", "instrument_sides",
    "instrument_hits", "sentence_instruments", "instruments_by_theme", "precision_by_side",
    "DIRECTIVE_MARKERS", "directive_rates", "campaign_table", "campaign_mentions",
    "linked_campaigns", "campaign_terms", "THEME_CODED_SAMPLE", "SAMPLE_COLUMNS",
    "sample_for_coding", "read_coded_sample", "proportion_with_interval",
    "precision_by_entry", "missed_paragraph_share", "keyword_coverage", "unmatched_occurrences",
]
