"""Private helpers of the package (data files, rounding and ranking, worker processes, the notebook kernels' configuration and the papermill engine); not for notebooks."""
