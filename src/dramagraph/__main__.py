"""``python -m dramagraph``: the same command line as the ``dramagraph`` script, for environments where the
script is not on PATH (a checkout run with ``PYTHONPATH=src``, a venv not activated)."""

from .cli import main

main(prog_name="dramagraph")
