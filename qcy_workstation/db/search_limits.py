"""How a search on PostgreSQL tells a rare term from a common one (``cases.search.pg_condition``), shared with
the server's own function for a desk's role (``db/server_roles.py``, ``qcy_fts_ids``), which must make the same
choice: the figures live here, below both.

A term matching a page's worth (``want``) of the newest ``WINDOW`` bodies (2 % for a page of 50) is common: its
page is found by walking the newest rows. Otherwise the trigram index is asked for at most ``PROBE_CAP + 1``
matching rows: up to ``PROBE_CAP``, the page is cut from those rows; more (a term common only in older rows), the
walk. Both figures were measured at 100,000 cases (benchmarks/RESULTS.md, 2026-12-03): the walk costs about
want / share rows read, the probe about share x rows, and they cross near 3 % for a page of 50."""

WINDOW = 1000
PROBE_CAP = 2500
