"""What the tests share, in one place: builders of articles and archives, local mirrors of news
sites, the real search-engine nodes, and the environment (../shared, CI).

Test modules and conftest files import from here, never from one another. `nodes/` (stdlib only)
and `judged_set.py` (no pytest) are also what `bench/` may use: a node to start, the judged query
set to measure on; the rest is for the tests alone.
"""
