"""Anonymised statistics releases under policy SDC-1 (see README, the privacy brief and
docs/statistiek-bescherming.md).

``rules`` is the one module that applies disclosure control (the Cell Key Method with a
floor, dominance and withholding); ``builder`` gathers aggregates from the circle
databases, has the candidate audited and writes release tables; ``store`` owns
``stats.db``; ``audit`` attacks everything ever published with integer programs;
``ledger`` records every publication beside ``stats.db``.
"""
