"""Searching and exporting the audit trail: a page for administrators, not a Django app (no models)."""
