"""Print the SIMD features numpy dispatches to on this CPU above its build baseline.

Usage: NPY_DISABLE_CPU_FEATURES="$(.venv/bin/python tools/simd_above_baseline.py)" make reproduce

With them switched off, numpy takes the code paths of a CPU with only the baseline
features (on x86-64: an older machine without AVX2 or AVX-512), so a second run shows
whether any committed number depends on the SIMD width of the machine that wrote it.
"""
from numpy._core._multiarray_umath import __cpu_baseline__, __cpu_dispatch__, __cpu_features__

print(" ".join(f for f in __cpu_dispatch__ if __cpu_features__.get(f) and f not in __cpu_baseline__))
