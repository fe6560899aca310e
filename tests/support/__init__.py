"""What the tests share, in one place: builders of articles and archives, local mirrors of news
sites, the real search-engine nodes, and the environment (../shared, CI).

Test modules and conftest files import from here, never from one another. `nodes/` (stdlib only)
is also what `bench/` may use to start a node; the rest is for the tests alone.
"""
