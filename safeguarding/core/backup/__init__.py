"""Backups of the whole service (database and stored files) and their restoration onto an empty database.

A backup is one file: an encrypted stream (crypto.py) holding a tar archive of the database in PostgreSQL's
custom format (`database.dump`), every stored file (`files/<name>`) and `manifest.json` (each table's row
count and each part's SHA-256), all taken from one database snapshot. See README "Backups and restores".
"""
