"""Derived data: everything computed from the items rather than written by people.

- rules.py: what "listed" and "the period of an item" mean (the ORM's expressions).
- sql/: the same rules and the triggers that keep the count tables and the search text
  current after every write (ORM, update(), bulk, loaddata, raw SQL); loaded by migrations
  (sql.py).
- tables.py: the count tables as unmanaged models; counts.py reads them for the pages;
  routers.py keeps dumpdata/loaddata away from them; rebuild.py recomputes them.
- search_text.py: the keyword and person names copied into each item's row for the search
  vector, the writer's Python rule and the check for stale rows.
"""
