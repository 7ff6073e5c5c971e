"""Stage 6, blind hand coding of the measurements: a seeded, stratified sample of sentences
(and of the numbers in them) exported as workbooks that show no dictionary hit or
extractor output; two or more coders' workbooks read back, their agreement measured,
disagreements adjudicated, and the dictionaries and the quantity extractor scored against
the adjudicated codes. Command line: ``python -m analysis validate export|import``.

Modules, in the order of the stage: ``blind_sample``, ``workbook``, ``agreement``, ``scores``, ``workflow``,
``target_checks`` (the blind checks of the target–outcome pairs, main targets and indicator phrases).
Code outside the package uses the names re-exported here (``from analysis import coding``, then ``coding.NAME``).
"""
from .blind_sample import (
    SENTENCE_KEY_COLUMNS, NUMBER_KEY_COLUMNS, NUMBER, body_sentences, draw_sentences, draw_numbers,
)
from .workbook import (
    SENTENCE_SHEET, NUMBER_SHEET, KINDS, BLIND_CODEBOOK, CodedWorkbook, sentence_fields, sentence_rows,
    number_rows, write_workbook, read_workbook,
)
from .agreement import (
    NUMBER_FIELDS, coded_values, field_agreement, pairwise_kappa, agreement_with_kappa, disagreements, read_adjudication,
    adjudicated_codes,
)
from .scores import (
    PRECISION_FLOOR, LOW_PRECISION_MARK, mark_low_precision, low_precision_ids, located_keywords, extractor_reading, entry_precision, keyword_precision, entry_recall,
    quantity_scores,
)
from .workflow import (
    SENTENCE_KEY_FILE, NUMBER_KEY_FILE, PROJECT_SAMPLE_DIR, Measured, measured_dictionaries, export_sample,
    read_keys, coded_tables, import_codes, project_sample_tables,
)
from .target_checks import (
    TARGET_CODES_DIR, read_pair_codes, read_main_target_codes, pair_scores, coder_agreement, main_target_recall,
    indicator_agreement, development_indicator_agreement, pairs_changed_after_round, extractor_readings,
)

__all__ = [
    "SENTENCE_KEY_COLUMNS", "NUMBER_KEY_COLUMNS", "NUMBER", "body_sentences", "draw_sentences", "draw_numbers",
    "SENTENCE_SHEET", "NUMBER_SHEET", "KINDS", "BLIND_CODEBOOK", "CodedWorkbook", "sentence_fields", "sentence_rows",
    "number_rows", "write_workbook", "read_workbook",
    "NUMBER_FIELDS", "coded_values", "field_agreement", "pairwise_kappa", "agreement_with_kappa", "disagreements", "read_adjudication",
    "adjudicated_codes",
    "PRECISION_FLOOR", "LOW_PRECISION_MARK", "mark_low_precision", "low_precision_ids", "located_keywords", "extractor_reading", "entry_precision", "keyword_precision", "entry_recall",
    "quantity_scores",
    "SENTENCE_KEY_FILE", "NUMBER_KEY_FILE", "PROJECT_SAMPLE_DIR", "Measured", "measured_dictionaries",
    "export_sample", "read_keys", "coded_tables", "import_codes", "project_sample_tables",
    "TARGET_CODES_DIR", "read_pair_codes", "read_main_target_codes", "pair_scores", "coder_agreement",
    "main_target_recall", "indicator_agreement", "development_indicator_agreement", "pairs_changed_after_round", "extractor_readings",
]
