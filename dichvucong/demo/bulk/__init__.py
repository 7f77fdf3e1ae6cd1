"""Generated data at a city's size (issue 13): `manage.py generate_data`.

plan.py says what to make and loads the master data; one module per area
builds plain rows (people, staff, dossiers and their codes, the hash-chained
events, the rows hanging off a dossier, outreach); writers.py writes them
with multi-row INSERTs or PostgreSQL's COPY; run.py puts it in order."""

from __future__ import annotations

from dichvucong.demo.bulk.plan import Plan
from dichvucong.demo.bulk.run import Summary, generate

__all__ = ["Plan", "Summary", "generate"]
