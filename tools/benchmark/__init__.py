"""The benchmark (run.py) and the programs it runs in their own processes."""
