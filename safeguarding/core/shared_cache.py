"""Figures computed once and shared through Django's cache (Redis in production, so every web process shares
them), filed under everything they depend on: the caller puts the data version and the day in `choice`, so a
change to the data or a new day is a new key and nothing needs deleting."""

import hashlib

from django.core.cache import cache

CACHE_SECONDS = 60 * 60


def computed_once(namespace, choice, compute, *, seconds=CACHE_SECONDS):
    """compute() for `choice` (a tuple of plain values), from the cache when it was computed before."""
    key = f"{namespace}:" + hashlib.sha256(repr(choice).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found
