"""Anonymised statistics releases under policy SDC-1 (see README and privacy brief).

``rules`` is the one module that applies disclosure control; ``builder`` gathers
aggregates from the circle databases and writes release tables; ``store`` owns
``stats.db``; ``audit`` checks a ``stats.db`` from its published cells alone.
"""
