# Benchmark floor notebook, one cell per block below: what every notebook pays before it
# analyses anything (imports, jieba initialisation, the plotting style).
import numpy, pandas, scipy, sklearn, matplotlib, matplotlib.pyplot, wordcloud, adjustText, jieba, yaml
# ---
import analysis
from analysis import kwic, stats, themes, topics
# ---
analysis.tokens.tokenizer(); analysis.use_project_style()
