"""Stage 2, segmentation: jieba with the policy-term lexicon, stop words, part of speech, the
place-name gazetteer, and the token table (cached, in parallel, or on a Dask cluster).

Modules, in the order of the stage: ``lexicon``, ``stop_words``, ``segmenter``, ``tokens``, ``token_table``, ``partitions``, ``tagging``, ``gazetteer``, ``cluster``.
Code outside the package uses the names re-exported here (``from analysis import segmentation``, then ``segmentation.NAME``).
"""
from .lexicon import (
    LEXICON_FILE, LEXICON_POS, CAMPAIGN_LEVELS, LexiconEntry, read_lexicon, lexicon_terms,
)
from .stop_words import (
    PROJECT_STOPWORDS_FILE, stopwords,
)
from .segmenter import (
    Segmenter,
)
from .tokens import (
    CacheWarning, usable_cache_dir, tokenizer, tokenize, is_word, is_number, pretokenized,
)
from .token_table import (
    segment_paragraphs, corpus_tokens, segmentation_fingerprint, annotate_tokens,
    stack_groups,
)
from .partitions import (
    PARTITION_SCHEMA, PartitionSummary, write_token_partitions,
)
from .tagging import (
    pos_tokenizer, part_of_speech, token_part_of_speech, tags,
)
from .gazetteer import (
    PLACES_FILE, place_names, is_place,
)

__all__ = [
    "LEXICON_FILE", "LEXICON_POS", "CAMPAIGN_LEVELS", "LexiconEntry", "read_lexicon",
    "lexicon_terms", "PROJECT_STOPWORDS_FILE", "stopwords", "Segmenter", "CacheWarning",
    "usable_cache_dir", "tokenizer", "tokenize", "is_word", "is_number", "pretokenized",
    "segment_paragraphs", "corpus_tokens", "segmentation_fingerprint", "annotate_tokens",
    "stack_groups", "PARTITION_SCHEMA", "PartitionSummary", "write_token_partitions", "pos_tokenizer", "part_of_speech", "token_part_of_speech", "tags",
    "PLACES_FILE", "place_names", "is_place", "SegmentationSetup", "map_in_order",
    "cluster_mapper", "word_counts",
]

_CLUSTER_NAMES = frozenset({"SegmentationSetup", "map_in_order", "cluster_mapper", "word_counts"})


def __getattr__(name: str):
    """The Dask names (``cluster``) load on first use: dask.distributed takes about 0.6 s to
    import, and only a corpus segmented on a cluster needs it."""
    if name in _CLUSTER_NAMES:
        from . import cluster  # heavy optional import (dask.distributed), on first use only

        return getattr(cluster, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
