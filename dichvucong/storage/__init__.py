"""Backup and restore: one archive holding the database and every stored file.

`manage.py backup` takes the database with its own tool (SQLite's online
backup API, PostgreSQL's pg_dump in custom format), then every file of the
default storage (local disk under MEDIA_ROOT, or the bucket's objects under
S3_PREFIX), into one tar file whose last member, manifest.json, says when it
was taken, from which database vendor, at which migrations, and each member's
size and SHA-256. Nothing from the settings goes in: no key, password or
address.

`manage.py restore` checks the whole archive before it changes anything,
writes the files, then replaces the database in one transaction, and
leaves a mark in storage so the orphan sweep sets aside, rather than
deletes, the uploads the restored database no longer knows (restores.py).

The modules: archive.py (the tar and its manifest), sqlite.py and
postgres.py (the database, each with its own tool), files.py (the stored
files), restores.py (the mark the sweep reads), service.py (the two
operations the commands call).
"""

from __future__ import annotations


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and in
    what state it leaves things, in Vietnamese."""
