# Benchmark floor notebook, one cell per block below: what every notebook pays before it
# analyses anything (imports, jieba initialisation, the plotting style).
import numpy, pandas, scipy, sklearn, matplotlib, matplotlib.pyplot, wordcloud, adjustText, jieba, yaml
# ---
import analysis
from analysis.dictionaries import themes
# ---
from analysis.extract import kwic
from analysis.models import topics
from analysis import textstats
analysis.segmentation.tokens.tokenizer(); analysis.use_project_style()
